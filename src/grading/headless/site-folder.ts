// Which built site `npm run grade` serves to Chromium. `--site DIR` names one;
// otherwise `dist/` when its gradebook page is newer than every source, else
// a private build in node_modules/.cache/mnist-course-grader/site (made here
// once, with `astro build`, and reused until the sources change again): a
// teacher who edits an exercise and grades never grades against stale checks.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ToolError } from '../grader/tool-error.ts';

export interface SiteFolder {
  dir: string;
  /** The base path the site was built for, e.g. "/" or "/mnist-course/". */
  base: string;
}

const GRADEBOOK = join('gradebook', 'index.html');
export const CACHE_SITE = join('node_modules', '.cache', 'mnist-course-grader', 'site');

/** The newest modification time of the files a build reads (src, public, configuration). */
export function newestSource(root: string): number {
  let newest = 0;
  const visit = (path: string): void => {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return;
    }
    if (stats.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules' && !name.startsWith('.')) visit(join(path, name));
    } else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json']) visit(join(root, entry));
  return newest;
}

/** The base path the gradebook page declares (data-base), or undefined when it has none. */
export function siteBase(dir: string): string | undefined {
  const file = join(dir, GRADEBOOK);
  if (!existsSync(file)) return undefined;
  const match = /<course-gradebook\b[^>]*\sdata-base="([^"]*)"/.exec(readFileSync(file, 'utf8'));
  return match && match[1].startsWith('/') ? match[1] : undefined;
}

/** The content versions the gradebook page was built with (Gradebook.astro embeds them), or {} when unreadable. */
export function siteContentVersions(dir: string): Record<string, string> {
  try {
    const html = readFileSync(join(dir, GRADEBOOK), 'utf8');
    const json = /<script type="application\/json" data-part="versions"[^>]*>([^<]*)<\/script>/.exec(html)?.[1];
    const value: unknown = json ? JSON.parse(json) : {};
    if (typeof value !== 'object' || value === null) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

const fresh = (dir: string, newest: number): boolean => {
  try {
    return siteBase(dir) !== undefined && statSync(join(dir, GRADEBOOK)).mtimeMs >= newest;
  } catch {
    return false;
  }
};

function build(root: string, outDir: string, err: (text: string) => void): Promise<void> {
  err(`Building the course site for grading, once (about a minute; later runs reuse it)…\n채점용 사이트를 한 번 빌드합니다 (1분쯤 걸리며 다음부터는 다시 씁니다)…\n`);
  return new Promise((resolveBuild, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: '/' };
    delete env.SITE;
    const child = spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir], {
      cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolveBuild();
      else reject(new ToolError(`building the site failed (astro build exited with ${code}); run \`npm run build\` to see why.\n${log}`));
    });
  });
}

export async function locateSite(root: string, named: string | undefined, err: (text: string) => void): Promise<SiteFolder> {
  if (named !== undefined) {
    const dir = resolve(named);
    const base = siteBase(dir);
    if (!base) throw new ToolError(`--site ${named}: no gradebook page there (${join(named, GRADEBOOK)}); build the site with \`npm run build\` and name its dist folder`);
    return { dir, base };
  }
  const newest = newestSource(root);
  const cache = join(root, CACHE_SITE);
  for (const dir of [join(root, 'dist'), cache]) if (fresh(dir, newest)) return { dir, base: siteBase(dir)! };
  await build(root, cache, err);
  const base = siteBase(cache);
  if (!base) throw new ToolError(`the site was built into ${cache} but has no gradebook page; run \`npm run build\` and report the problem`);
  return { dir: cache, base };
}
