// Quiz texts are plain strings written in MDX props; the one markup they may
// use is `code` in backticks, split here so the component can escape the rest.

export interface InlineSegment {
  code: boolean;
  text: string;
}

export function splitInlineCode(text: string): InlineSegment[] {
  const parts = text.split('`');
  if (parts.length % 2 === 0) {
    throw new Error(`Quiz text has an unmatched backtick: "${text}". Close the \`code\` span or remove the backtick.`);
  }
  return parts
    .map((part, index) => ({ code: index % 2 === 1, text: part }))
    .filter((segment) => segment.text !== '');
}
