// Identifies the exercise content a learner worked on, so the grader can tell
// when a submission was made against an older starter or older checks.
//
//   contentVersion = first 12 hex digits of
//     SHA-256( LF(starter.ts) + "\u0000" + LF(exercise.ts) )
//
// over the UTF-8 bytes, where LF() turns CRLF and CR line endings into LF (a
// Windows checkout must not change the version). The browser gets the two
// texts with Vite's `?raw` imports, Node reads the files: both hash the same
// bytes with the same synchronous code (crypto.subtle is async and absent
// outside secure contexts).
import { sha256Js } from '../../data/sha256.ts';

const lf = (text: string): string => text.replace(/\r\n?/g, '\n');

export function computeContentVersion(sources: { starter: string; exerciseSource: string }): string {
  const digest = sha256Js(new TextEncoder().encode(`${lf(sources.starter)}\u0000${lf(sources.exerciseSource)}`));
  return Array.from(digest.subarray(0, 6), (b) => b.toString(16).padStart(2, '0')).join('');
}
