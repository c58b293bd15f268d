// Resident memory of a set of processes (the renderers of one grading
// browser), where the operating system tells it without privileges: Linux
// through /proc, macOS through ps. Elsewhere (Windows) undefined: the grader
// then has only the workers' heaps (memory-watch.ts).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

async function linuxRss(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return kb ? Number(kb[1]) * 1024 : 0;
  } catch {
    return 0; // gone since it was listed
  }
}

function macRss(pids: number[]): Promise<number> {
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'rss=', '-p', pids.join(',')], { timeout: 5000 }, (error, stdout) => {
      if (error && !stdout) return resolve(0);
      resolve(stdout.split(/\s+/).filter(Boolean).reduce((sum, kb) => sum + Number(kb) * 1024, 0));
    });
  });
}

/** Total resident bytes of `pids`, or undefined where this platform gives no cheap answer. */
export async function residentBytes(pids: readonly number[], platform: NodeJS.Platform = process.platform): Promise<number | undefined> {
  if (pids.length === 0) return 0;
  if (platform === 'linux') return (await Promise.all(pids.map(linuxRss))).reduce((a, b) => a + b, 0);
  if (platform === 'darwin') return macRss([...pids]);
  return undefined;
}
