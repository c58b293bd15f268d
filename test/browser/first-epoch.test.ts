// The first-epoch path counts work, not time: the page loads and checks a
// dataset once, while the learner reads, and every run's fresh workers get a
// copy of it, so two runs in one page fetch no data file, revalidate no
// manifest and hash nothing again. The data transport revalidates the
// manifest on every load (src/data/transports/browser.ts), so a realm that
// loaded MNIST itself would show up as one more manifest request; requests
// are counted through the browser context's routing, which sees the
// workers' requests too, and sha256 calls over the data are counted in the
// page (the only realm that should hash it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStatuses, openExercise, pasteCode, waitForRunEnd } from './support/exercise-page.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';

const EXERCISE = '02-mnist-shapes'; // datasets: ['mnist']; its checks read MNIST in the check realm
const solution = readFileSync(new URL(`../../src/exercises/${EXERCISE}/solution.ts`, import.meta.url), 'utf8');

const env = useSiteAndBrowser();

describe('first epoch: data work once per page', () => {
  it('loads and hashes MNIST once in the page, before Run, and not again for two runs', async () => {
    // The file's own browser: a fresh profile, so this is a first visit (nothing in Cache Storage).
    const { context } = env.browser;
    const requests: string[] = [];
    await context.route('**/data/mnist/**', (route) => {
      // The service worker precaches the manifests when it installs: not a load of the dataset.
      if (!route.request().serviceWorker()) requests.push(new URL(route.request().url()).pathname.replace(/.*\/data\//, ''));
      return route.continue();
    });
    // Counts the page's sha256 calls over 1 MB or more (the dataset's files; the page hashes little else).
    await context.addInitScript(() => {
      const subtle = crypto.subtle;
      const digest = subtle.digest.bind(subtle);
      (window as unknown as { dataDigests: number }).dataDigests = 0;
      subtle.digest = (algorithm: AlgorithmIdentifier, data: BufferSource) => {
        if (data.byteLength >= 1_000_000) (window as unknown as { dataDigests: number }).dataDigests += 1;
        return digest(algorithm, data);
      };
    });
    const page = await context.newPage();
    await openExercise(page, `${env.site.url}en/lessons/02-mnist/`, EXERCISE);
    // Woken, not run: the page fetches MNIST's manifest and its four files while the learner reads.
    await expect.poll(() => requests.filter((r) => r.endsWith('.gz')).length, { timeout: 60_000 }).toBe(4);
    await expect.poll(() => page.evaluate(() => (window as unknown as { dataDigests: number }).dataDigests), { timeout: 60_000 }).toBe(2);
    const afterWake = [...requests];
    expect(afterWake.filter((r) => r.endsWith('manifest.json'))).toEqual(['mnist/manifest.json']);

    await pasteCode(page, EXERCISE, solution);
    for (let run = 0; run < 2; run++) {
      await page.keyboard.press('ControlOrMeta+Enter');
      await waitForRunEnd(page, EXERCISE);
      const checks = await checkStatuses(page, EXERCISE);
      expect(checks.length).toBeGreaterThan(0);
      expect(checks.filter((c) => c.status !== 'passed')).toEqual([]);
    }
    // Two runs, each with a fresh learner worker and a fresh check worker: no data request, no hash.
    expect(requests).toEqual(afterWake);
    expect(await page.evaluate(() => (window as unknown as { dataDigests: number }).dataDigests)).toBe(2);
    await page.close();
    await context.unrouteAll();
  });
});
