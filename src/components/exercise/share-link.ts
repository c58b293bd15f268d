// A share link: the learner's code for one exercise rides in the URL's
// fragment (`#code/<exercise id>/<lz-string, URL-safe>`), like the TypeScript
// playground's, so no server sees it. Opening the link shows that code in the
// exercise without touching the learner's saved draft (panel.ts).
import LZString from 'lz-string';

const PREFIX = '#code/';
/** Far more than any exercise's program; a longer fragment is refused unread. */
export const MAX_SHARED_FRAGMENT = 200_000;
/** Bounds what decompressing a hand-edited payload may produce. */
const MAX_SHARED_CODE = 100_000;

/** The whole URL that opens `code` in exercise `exerciseId` of the page at `pageUrl`. */
export function shareUrl(pageUrl: string, exerciseId: string, code: string): string {
  const url = new URL(pageUrl);
  url.hash = '';
  return `${url.href.replace(/#$/, '')}${PREFIX}${exerciseId}/${LZString.compressToEncodedURIComponent(code)}`;
}

/** Whether a fragment is a share link for this exercise (cheap: no decompression). */
export function isShareFor(hash: string, exerciseId: string): boolean {
  return hash.startsWith(`${PREFIX}${exerciseId}/`);
}

/** What a fragment holds for one exercise: its shared code, or a link that cannot be read. */
export type SharedCode = { code: string } | { broken: true };

/**
 * The code a fragment shares with this exercise: null when it shares none for
 * it, broken when it does but cannot be read (cut off, edited, too long).
 */
export function readSharedCode(hash: string, exerciseId: string): SharedCode | null {
  if (!isShareFor(hash, exerciseId)) return null;
  const broken = { broken: true } as const;
  if (hash.length > MAX_SHARED_FRAGMENT) return broken;
  const payload = hash.slice(PREFIX.length + exerciseId.length + 1);
  let code: string | null = null;
  try {
    code = LZString.decompressFromEncodedURIComponent(payload);
  } catch {
    return broken;
  }
  // lz-string gives '' or null for most damaged input; a cut-off payload can
  // also decode to text with replacement characters.
  if (!code || code.length > MAX_SHARED_CODE || code.includes('\uFFFD')) return broken;
  return { code };
}
