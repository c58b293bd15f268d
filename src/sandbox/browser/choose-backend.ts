// Browser backend choice, measured on these machines (STACK-NOTES): a real
// GPU through WebGPU or WebGL beats WASM, but a software GPU (SwiftShader,
// llvmpipe, a WebGPU fallback adapter) is 4–17× slower than WASM, so those
// are skipped. The wasm files are imported as URLs so they are served from
// the site itself, under its base path.
import type * as tfType from '@tensorflow/tfjs';
import { installFastKernels } from '../fast/index.ts';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

type Tf = typeof tfType;
export interface BackendChoice {
  backend: string;
  reason: string;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string; description?: string };
}

async function realWebGpuAdapter(): Promise<string | undefined> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return undefined;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return undefined;
    const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
    const name = [adapter.info?.vendor, adapter.info?.architecture, adapter.info?.description].filter(Boolean).join(' ');
    if (fallback || SOFTWARE_RENDERER.test(name)) return undefined;
    return name || 'GPU';
  } catch {
    return undefined;
  }
}

function webGlRenderer(): string | undefined {
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return undefined;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    return undefined;
  }
}

export async function chooseBrowserBackend(tf: Tf): Promise<BackendChoice> {
  const skipped: string[] = [];
  const gpuName = await realWebGpuAdapter();
  if (gpuName) {
    try {
      await import('@tensorflow/tfjs-backend-webgpu');
      if (await tf.setBackend('webgpu')) {
        await tf.ready();
        return { backend: 'webgpu', reason: `WebGPU on a hardware adapter (${gpuName})` };
      }
    } catch (error) {
      skipped.push(`WebGPU failed to start (${String(error)})`);
    }
  } else {
    skipped.push('no hardware WebGPU adapter');
  }

  const renderer = webGlRenderer();
  if (renderer && !SOFTWARE_RENDERER.test(renderer)) {
    try {
      if (await tf.setBackend('webgl')) {
        await tf.ready();
        return { backend: 'webgl', reason: `WebGL on ${renderer}${skipped.length ? `; ${skipped.join('; ')}` : ''}` };
      }
    } catch (error) {
      skipped.push(`WebGL failed to start (${String(error)})`);
    }
  } else {
    skipped.push(renderer ? `WebGL is a software renderer (${renderer})` : 'no WebGL');
  }

  try {
    // Absolute: the sandbox worker starts from a blob: URL (learner-worker.ts),
    // against which a root-relative path does not resolve.
    const here = (url: string) => new URL(url, import.meta.url).href;
    setWasmPaths({
      'tfjs-backend-wasm.wasm': here(wasmPlain),
      'tfjs-backend-wasm-simd.wasm': here(wasmSimd),
      'tfjs-backend-wasm-threaded-simd.wasm': here(wasmThreadedSimd),
    });
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      installFastKernels(tf); // src/sandbox/fast: faster wasm kernels (docs/bench.md)
      return { backend: 'wasm', reason: `WebAssembly (${skipped.join('; ')})` };
    }
  } catch (error) {
    skipped.push(`WebAssembly failed to start (${String(error)})`);
  }
  await tf.setBackend('cpu');
  return { backend: 'cpu', reason: `CPU (${skipped.join('; ')})` };
}
