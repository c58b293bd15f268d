// Collects submission files: each argument is a file (taken as is) or a folder
// (searched recursively for *.json, skipping node_modules and hidden folders).
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export class MissingPathError extends Error {
  readonly path: string;
  constructor(path: string) {
    super(`no such file or folder: ${path}`);
    this.path = path;
  }
}

export function findSubmissionFiles(paths: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) found.add(resolve(full));
    }
  };
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new MissingPathError(path);
    }
    if (stats.isDirectory()) walk(path);
    else found.add(resolve(path));
  }
  return [...found].sort();
}
