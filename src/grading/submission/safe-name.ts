// A piece of a download's file name that survives every file system and
// keeps the learner's own script: letters and digits of any language, the
// rest collapsed to dashes.
export function safeNamePart(text: string, maxLength: number, fallback: string): string {
  return text.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, maxLength).replace(/-+$/, '') || fallback;
}
