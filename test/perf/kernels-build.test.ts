// The committed WebAssembly of the lean trainer's kernels is what its
// AssemblyScript source compiles to today (scripts/build-kernels.mjs), and
// the module imports only tfjs-backend-wasm's memory: no data segments that
// would overwrite that heap, no other imports.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { KERNELS, compileKernel, kernelModule } from '../../scripts/build-kernels.mjs';

type Kernel = { source: string; output: string; name: string };

describe('WASM kernels build', () => {
  for (const kernel of KERNELS as Kernel[]) {
    it(`${kernel.output} is up to date with ${kernel.source}`, async () => {
      const binary = await compileKernel(kernel.source);
      expect(await readFile(kernel.output, 'utf8')).toBe(kernelModule(kernel, binary));
      const module = new WebAssembly.Module(binary as BufferSource);
      expect(WebAssembly.Module.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
      expect(WebAssembly.Module.customSections(module, 'data')).toEqual([]);
      // Section id 11 is the data section: absent.
      let offset = 8;
      const ids: number[] = [];
      while (offset < binary.length) {
        const id = binary[offset++]!;
        let size = 0;
        for (let shift = 0; ; shift += 7) {
          const byte = binary[offset++]!;
          size |= (byte & 0x7f) << shift;
          if (!(byte & 0x80)) break;
        }
        ids.push(id);
        offset += size;
      }
      expect(ids).not.toContain(11);
    }, 60_000);
  }
});
