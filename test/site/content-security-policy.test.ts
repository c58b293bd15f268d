// The policy <meta> the build adds to every page (src/integrations/content-security-policy.ts).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, policyFor, withPolicy } from '../../src/integrations/content-security-policy.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"/><script>window.a = 1;</script><title>t</title>
<script type="module">import "./x.js"; // 한국어</script><script type="module" src="/x.js"></script>
<script type="application/json" data-part="config">{"a":1}</script></head><body><script>window.a = 1;</script></body></html>`;

describe('content security policy', () => {
  it('hashes each distinct inline script, never a data block or an external script', () => {
    expect(inlineScriptHashes(PAGE)).toEqual([sha('window.a = 1;'), sha('import "./x.js"; // 한국어')].sort());
  });

  it('keeps other origins out of connections, scripts and workers', () => {
    const policy = policyFor(PAGE);
    expect(policy).toContain("connect-src 'self';");
    expect(policy).toContain("worker-src 'self' blob:;");
    expect(policy).toMatch(/script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' 'sha256-/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it('goes right after <meta charset>, before any script', () => {
    const html = withPolicy(PAGE);
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(html.indexOf('<meta charset'));
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'));
    expect(() => withPolicy(html)).toThrow(/already has/);
  });
});
