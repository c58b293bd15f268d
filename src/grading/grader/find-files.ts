// Collects submission files without trusting the file system: each argument
// is a file (taken as is, whatever its name) or a folder (searched
// recursively for *.json, skipping node_modules and hidden folders). Only
// regular files are ever read: a FIFO, socket or device is refused with a
// clear message (opening a FIFO would block the grader), a symbolic link in a
// folder is followed only to a regular file inside that folder, and links to
// folders are not followed (no loops). Refused files are reported like
// unreadable submissions, so the teacher sees each one.
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { linkOutsideFolder, notARegularFile, unreadableFile, type SpecialFileKind } from '../submission/file-problems.ts';
import type { UnreadableFile } from './types.ts';

export class MissingPathError extends Error {
  readonly path: string;
  constructor(path: string) {
    super(`no such file or folder: ${path}`);
    this.path = path;
  }
}

export interface FoundFile {
  /** The real path to open (links resolved). */
  path: string;
  /** As shown to the teacher: relative to the working folder, forward slashes. */
  shown: string;
}

export interface FoundFiles {
  files: FoundFile[];
  refused: UnreadableFile[];
}

/** A path as the teacher sees it: relative to the working folder, with forward slashes. */
export const displayPath = (file: string): string => relative(process.cwd(), resolve(file)).split(sep).join('/');

function specialKind(stats: Stats): SpecialFileKind {
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isDirectory()) return 'folder-link';
  return 'other';
}

const inside = (path: string, folder: string): boolean => path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/** `exclude`: real paths never to take (the grader's own --csv/--json outputs). */
export function findSubmissionFiles(paths: readonly string[], exclude: readonly string[] = []): FoundFiles {
  const files = new Map<string, FoundFile>();
  const refused: UnreadableFile[] = [];
  const refuse = (path: string, error: UnreadableFile['error']) => refused.push({ file: displayPath(path), error });
  const take = (path: string, real: string) => {
    if (!exclude.includes(real) && !files.has(real)) files.set(real, { path: real, shown: displayPath(path) });
  };

  // `folder` as the teacher named it (for display), `realFolder` with links resolved (for identity).
  const walk = (folder: string, realFolder: string, root: string): void => {
    let entries;
    try {
      // Sorted, so which of two paths to one file is taken never depends on the file system's order.
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      refuse(folder, unreadableFile(displayPath(folder), String((error as NodeJS.ErrnoException).code ?? error)));
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(folder, entry.name);
      const isJson = entry.name.toLowerCase().endsWith('.json');
      if (entry.isDirectory()) walk(full, join(realFolder, entry.name), root);
      else if (entry.isFile()) {
        if (isJson) take(full, join(realFolder, entry.name));
      } else if (entry.isSymbolicLink()) {
        let real: string;
        let target: Stats;
        try {
          real = realpathSync(full);
          target = statSync(real);
        } catch {
          if (isJson) refuse(full, unreadableFile(displayPath(full), 'a broken link'));
          continue;
        }
        if (target.isDirectory()) refuse(full, notARegularFile(displayPath(full), 'folder-link'));
        else if (!isJson) continue;
        else if (!inside(real, root)) refuse(full, linkOutsideFolder(displayPath(full)));
        else if (!target.isFile()) refuse(full, notARegularFile(displayPath(full), specialKind(target)));
        else take(full, real);
      } else if (isJson) {
        refuse(full, notARegularFile(displayPath(full), specialKind(lstatSync(full))));
      }
    }
  };

  for (const path of paths) {
    let stats: Stats;
    let real: string;
    try {
      // The teacher named this path: a link given here is followed, to anything but a special file.
      stats = statSync(path);
      real = realpathSync(path);
    } catch {
      throw new MissingPathError(path);
    }
    if (stats.isDirectory()) walk(resolve(path), real, real);
    else if (stats.isFile()) take(path, real);
    else refuse(path, notARegularFile(displayPath(path), specialKind(stats)));
  }
  return { files: [...files.values()].sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0)), refused };
}
