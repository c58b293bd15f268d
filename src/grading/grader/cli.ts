// `npm run grade -- <files or folders>`: the teacher's grader. See help.ts
// and docs/grading.md. Submissions run only inside headless Chromium
// (grading/headless/); on Ctrl-C the browsers and the local server are
// closed before the grader exits, so nothing outlives it.
import { fileURLToPath } from 'node:url';
import type { GraderOptions } from './args.ts';
import { nodeCatalog } from './catalog.ts';
import { runGrader, type RunnerSession } from './main.ts';
import { openRunnerSession } from '../headless/session.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const envLocale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
const err = (text: string) => process.stderr.write(text);

let open: RunnerSession | undefined;
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.once(signal, () => {
    err(`\ngrade: ${signal}: closing the browsers…\n`);
    // A second signal, or a close that hangs, ends the grader anyway (playwright-core kills its browsers on exit).
    const force = setTimeout(() => process.exit(code), 10_000);
    process.once(signal, () => process.exit(code));
    void (open?.close() ?? Promise.resolve()).finally(() => {
      clearTimeout(force);
      process.exit(code);
    });
  });
}

process.exitCode = await runGrader(process.argv.slice(2), {
  catalog: nodeCatalog(),
  async openSession(options: GraderOptions) {
    open = await openRunnerSession({ root, site: options.site, browser: options.browser, jobs: options.jobs, err });
    return open;
  },
  out: (text) => process.stdout.write(text),
  err,
  fallbackLocale: /^ko/.test(envLocale) ? 'ko' : 'en',
  progress: process.stderr.isTTY === true,
});
