// Turns what a teacher hands the gradebook page (dropped files and folders,
// a chosen folder, a .zip) into submission texts with the same rules as
// `npm run grade` (grading/grader/find-files.ts): a file handed over directly
// is taken whatever its name; inside a folder or a zip only *.json files are
// taken, skipping hidden files and folders and node_modules; a file over the
// size limit is reported without being read. Paths are shown as the folder
// names them ("class/kim.json"), so the reports match the command line's run
// on that folder; files inside a zip show as "class.zip/kim.json".
import { unzipSync } from 'fflate';
import type { SubmissionText } from '../../grading/grader/grade-submissions.ts';
import { fileTooLarge, unreadableFile } from '../../grading/submission/file-problems.ts';
import { MAX_FILE_BYTES } from '../../grading/submission/schema.ts';

/** A zip larger than this is not opened (a class's submissions are a few MB). */
export const MAX_ZIP_BYTES = 256 * 1024 * 1024;
/** Entries read from one zip, at most. */
export const MAX_ZIP_ENTRIES = 10_000;

/** Inside a folder: every part below the folder visible, no node_modules, and a .json file. */
export function takenInFolder(partsBelowRoot: readonly string[]): boolean {
  const name = partsBelowRoot.at(-1) ?? '';
  return partsBelowRoot.every((part) => !part.startsWith('.') && part !== 'node_modules') && name.toLowerCase().endsWith('.json');
}

const isZip = (name: string): boolean => name.toLowerCase().endsWith('.zip');
const reason = (error: unknown): string => String((error as Error)?.message ?? error);

async function readFile(file: File, path: string): Promise<SubmissionText> {
  if (file.size > MAX_FILE_BYTES) return { file: path, error: fileTooLarge(path, file.size) };
  try {
    // Blob.text() decodes as UTF-8, drops a byte-order mark and replaces invalid bytes, like the command line.
    return { file: path, text: await file.text() };
  } catch (error) {
    return { file: path, error: unreadableFile(path, reason(error)) };
  }
}

async function readZip(file: File, path: string): Promise<SubmissionText[]> {
  if (file.size > MAX_ZIP_BYTES) return [{ file: path, error: unreadableFile(path, `a zip of ${Math.round(file.size / 1024 / 1024)} MB; at most ${MAX_ZIP_BYTES / 1024 / 1024} MB`) }];
  const out: SubmissionText[] = [];
  let count = 0;
  try {
    const entries = unzipSync(new Uint8Array(await file.arrayBuffer()), {
      filter: (entry) => {
        const parts = entry.name.split('/');
        if (entry.name.endsWith('/') || !takenInFolder(parts)) return false;
        const shown = `${path}/${entry.name}`;
        if (++count > MAX_ZIP_ENTRIES) return false;
        // The declared sizes bound what is inflated (fflate allocates the declared size).
        if (entry.size > MAX_FILE_BYTES || entry.originalSize > MAX_FILE_BYTES) {
          out.push({ file: shown, error: fileTooLarge(shown, Math.max(entry.size, entry.originalSize)) });
          return false;
        }
        if (entry.compression !== 0 && entry.compression !== 8) {
          out.push({ file: shown, error: unreadableFile(shown, `compression method ${entry.compression} is not supported; zip it again with the usual settings`) });
          return false;
        }
        return true;
      },
    });
    const decoder = new TextDecoder('utf-8');
    for (const [name, bytes] of Object.entries(entries)) out.push({ file: `${path}/${name}`, text: decoder.decode(bytes) });
  } catch (error) {
    return [{ file: path, error: unreadableFile(path, `not a readable zip: ${reason(error)}`) }];
  }
  return out;
}

/** A file handed over directly (dropped or chosen): a zip is opened, anything else is read as is. */
function readTopLevel(file: File, path: string): Promise<SubmissionText[]> {
  return isZip(file.name) ? readZip(file, path) : readFile(file, path).then((t) => [t]);
}

// ---- folders dropped as entries (DataTransferItem.webkitGetAsEntry) ----

const fileOf = (entry: FileSystemFileEntry): Promise<File> => new Promise((resolve, reject) => entry.file(resolve, reject));

async function childrenOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries returns a batch at a time (100 in Chromium) until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walkEntry(folder: FileSystemDirectoryEntry, rootPath: string, below: string[], out: SubmissionText[]): Promise<void> {
  for (const entry of await childrenOf(folder)) {
    const parts = [...below, entry.name];
    if (entry.isDirectory) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') await walkEntry(entry as FileSystemDirectoryEntry, rootPath, parts, out);
    } else if (entry.isFile && takenInFolder(parts)) {
      const path = `${rootPath}/${parts.join('/')}`;
      try {
        out.push(await readFile(await fileOf(entry as FileSystemFileEntry), path));
      } catch (error) {
        out.push({ file: path, error: unreadableFile(path, reason(error)) });
      }
    }
  }
}

/** Everything dropped: folders are searched, files and zips read. */
export async function collectDropped(data: DataTransfer): Promise<SubmissionText[]> {
  // Entries and files must be taken before the first await: the DataTransfer empties after the event.
  const items = [...data.items].filter((item) => item.kind === 'file').map((item) => ({ entry: item.webkitGetAsEntry?.() ?? null, file: item.getAsFile() }));
  const out: SubmissionText[] = [];
  for (const { entry, file } of items) {
    if (entry?.isDirectory) await walkEntry(entry as FileSystemDirectoryEntry, entry.name, [], out);
    else if (file) out.push(...(await readTopLevel(file, file.name)));
  }
  return sortByPath(out);
}

/** Files from an <input type="file">: with `webkitdirectory` each has the chosen folder's relative path. */
export async function collectChosen(files: FileList | readonly File[]): Promise<SubmissionText[]> {
  // A FileList is live: the input is cleared for the next choice while these are still being read.
  const chosen = [...files];
  const out: SubmissionText[] = [];
  for (const file of chosen) {
    const relative = file.webkitRelativePath;
    if (!relative) out.push(...(await readTopLevel(file, file.name)));
    else if (takenInFolder(relative.split('/').slice(1))) out.push(await readFile(file, relative));
  }
  return sortByPath(out);
}

function sortByPath(texts: SubmissionText[]): SubmissionText[] {
  const seen = new Set<string>();
  return texts
    .filter((t) => !seen.has(t.file) && seen.add(t.file))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
