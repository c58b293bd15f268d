// `npm run grade -- <files or folders>`: the teacher's grader. See help.ts
// and docs/grading.md.
import { fileURLToPath } from 'node:url';
import { runInNode } from '../../sandbox/node/run.ts';
import { nodeCatalog } from './catalog.ts';
import { runGrader } from './main.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const envLocale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';

process.exitCode = await runGrader(process.argv.slice(2), {
  runner: runInNode,
  catalog: nodeCatalog(),
  dataBase: `${root}public/data`,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  fallbackLocale: /^ko/.test(envLocale) ? 'ko' : 'en',
  progress: process.stderr.isTTY === true,
});
