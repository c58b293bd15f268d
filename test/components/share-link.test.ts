// Share links: the code survives the trip through a URL fragment exactly, a
// link names its exercise, and a damaged link is reported, never half-read.
import { describe, expect, it } from 'vitest';
import { isShareFor, readSharedCode, shareUrl } from '../../src/components/exercise/share-link.ts';

const page = 'https://example.org/mnist-course/en/09-training/?x=1#old-anchor';
const code = `import { loadData } from 'course';\n// 한국어 주석 & "quotes" + symbols #/%?\nexport const n = 1;\n`;

describe('share links', () => {
  it('carry the code exactly, for the named exercise only, on the same page', () => {
    const url = new URL(shareUrl(page, '09-fit-history', code));
    expect(url.origin + url.pathname + url.search).toBe('https://example.org/mnist-course/en/09-training/?x=1');
    expect(isShareFor(url.hash, '09-fit-history')).toBe(true);
    expect(readSharedCode(url.hash, '09-fit-history')).toEqual({ code });
    expect(readSharedCode(url.hash, '09-fit')).toBeNull();
    expect(readSharedCode('#old-anchor', '09-fit-history')).toBeNull();
  });

  it('survive a browser re-encoding the fragment (the payload uses only URL-safe characters)', () => {
    const hash = new URL(shareUrl(page, 'e', code)).hash;
    expect(hash).toMatch(/^#code\/e\/[A-Za-z0-9+\-$]+$/);
  });

  it('report a cut-off, edited or empty payload as broken', () => {
    const hash = new URL(shareUrl(page, 'e', code.repeat(20))).hash;
    expect(readSharedCode(hash.slice(0, hash.length - 40), 'e')).toEqual({ broken: true });
    expect(readSharedCode('#code/e/', 'e')).toEqual({ broken: true });
    expect(readSharedCode('#code/e/!!!not-lz!!!', 'e')).toEqual({ broken: true });
    expect(readSharedCode(`#code/e/${'A'.repeat(300_000)}`, 'e')).toEqual({ broken: true });
  });
});
