import { it } from 'vitest';
import { clickAction, openExercise, panelSelector, pasteCode } from './browser/support/exercise-page.ts';
import { useSiteAndBrowser } from './browser/support/site-and-browser.ts';
const env = useSiteAndBrowser();
const LONG = `import * as tf from '@tensorflow/tfjs';
const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [8], units: 4, activation: 'softmax' })] });
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
const x = tf.randomNormal([256, 8]);
const y = tf.oneHot(tf.randomUniform([256], 0, 4, 'int32'), 4);
await model.fit(x, y, { epochs: 100000, batchSize: 32, validationSplit: 0.2 });
`;
it('probe', async () => {
  const page = await env.browser.context.newPage();
  await openExercise(page, `${env.site.url}lessons/02-mnist/`, '02-mnist-shapes');
  await pasteCode(page, '02-mnist-shapes', LONG);
  await page.evaluate(() => { (window as any).longs = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).longs.push(Math.round(e.duration)); }).observe({ entryTypes: ['longtask'] }); });
  await clickAction(page, '02-mnist-shapes', 'run');
  await page.waitForSelector(`${panelSelector('02-mnist-shapes')} [data-part="live"] progress`, { timeout: 60_000 });
  for (let i = 0; i < 4; i++) {
    const t = Date.now();
    await page.evaluate(() => 1);
    console.log('eval latency', Date.now() - t, 'ms');
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log('long tasks', await page.evaluate(() => JSON.stringify((window as any).longs.slice(-20))), await page.evaluate(() => (window as any).longs.length));
  const prof = await page.evaluate(() => {
    const live = document.querySelector('[data-part="live"]')!;
    const counts: Record<string, number> = {};
    for (const el of live.querySelectorAll('*')) counts[el.tagName] = (counts[el.tagName] ?? 0) + 1;
    const attrs = [...live.querySelectorAll('*')].map((e) => e.outerHTML.length).sort((a, b) => b - a).slice(0, 3);
    const big = [...live.querySelectorAll('*')].find((e) => e.outerHTML.length === attrs[0]);
    return JSON.stringify({ counts, attrs, snippet: big?.outerHTML.slice(0, 400), status: document.querySelector('.exercise-run-status, [data-part=\"status\"]')?.outerHTML.slice(0, 300) });
  });
  console.log('live', prof);
}, 300_000);
