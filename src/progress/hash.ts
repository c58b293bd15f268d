// A short, stable fingerprint of a starter: drafts remember which starter they
// began from, so the page can say when the starter has changed since.
// FNV-1a (32 bit) is synchronous and plenty to tell two versions apart.
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
