// Reads one submission file for `npm run grade`, trusting nothing about it:
// opened without following links and without blocking (a FIFO swapped in
// after the search cannot hang the grader), checked with fstat to be a
// regular file of at most MAX_FILE_BYTES before a byte is read, then decoded
// as the browser decodes a dropped file (UTF-8, byte-order mark dropped,
// invalid bytes replaced), so the page and the command line see the same text.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileTooLarge, notARegularFile, unreadableFile } from '../submission/file-problems.ts';
import { MAX_FILE_BYTES } from '../submission/schema.ts';
import type { FoundFile } from './find-files.ts';
import type { SubmissionText } from './grade-submissions.ts';

// O_NOFOLLOW and O_NONBLOCK do not exist on Windows (no FIFOs or links to fear there in the same way).
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export async function readSubmissionFile({ path, shown }: FoundFile): Promise<SubmissionText> {
  let handle;
  try {
    handle = await open(path, FLAGS);
  } catch (error) {
    return { file: shown, error: unreadableFile(shown, String((error as NodeJS.ErrnoException).code ?? (error as Error).message)) };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      const kind = stats.isFIFO() ? 'fifo' : stats.isSocket() ? 'socket' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'device' : 'other';
      return { file: shown, error: notARegularFile(shown, kind) };
    }
    if (stats.size > MAX_FILE_BYTES) return { file: shown, error: fileTooLarge(shown, stats.size) };
    // One byte more than allowed tells a file that grew since fstat.
    const buffer = new Uint8Array(MAX_FILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_FILE_BYTES) return { file: shown, error: fileTooLarge(shown, length) };
    return { file: shown, text: new TextDecoder('utf-8').decode(buffer.subarray(0, length)) };
  } catch (error) {
    return { file: shown, error: unreadableFile(shown, String((error as NodeJS.ErrnoException).code ?? (error as Error).message)) };
  } finally {
    await handle.close();
  }
}
