// The browser sandbox's walls in Debian's Chromium, on a real lesson page of
// the built site: hostile learner programs, pasted into an exercise and run,
// cannot reach another origin (the page's Content-Security-Policy, which the
// blob:-started worker inherits) nor the course's storage (lockdown.ts), and
// each gets an error the learner can read; an honest program still loads
// MNIST and saves its model; labels poisoned in Cache Storage by the page
// come back correct. The site itself runs under its policy without a
// single violation.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExercise, panelSelector, pasteCode, clickAction, waitForRunEnd } from './support/exercise-page.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';

const EXERCISE = '02-mnist-shapes';
const env = useSiteAndBrowser();

// Another origin that would gladly answer (and open WebSockets): every
// request it sees is a hole in the wall.
let other: Server;
let otherOrigin: string;
const otherHits: string[] = [];
beforeAll(async () => {
  other = createServer((request, response) => {
    otherHits.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': request.url?.endsWith('.js') ? 'text/javascript' : 'text/plain' });
    response.end(request.url?.endsWith('.js') ? 'export const stolen = true;' : 'data: hello\n\n');
  });
  other.on('upgrade', (request, socket) => {
    otherHits.push(`UPGRADE ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((ok) => other?.close(() => ok()));
});

let page: Page;

async function run(code: string, on: Page = page): Promise<{ console: string; error: string }> {
  await pasteCode(on, EXERCISE, code);
  await clickAction(on, EXERCISE, 'run');
  await waitForRunEnd(on, EXERCISE);
  const text = async (part: string) => (await on.locator(`${panelSelector(EXERCISE)} [data-part="${part}"]`).textContent()) ?? '';
  return { console: await text('console'), error: await text('error') };
}

/** A page that records the document's own CSP violations (a worker's are reported in the worker). */
async function watchedPage(): Promise<Page> {
  const opened = await env.browser.context.newPage();
  await opened.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return opened;
}
const violationsOf = (on: Page) => on.evaluate(() => (window as unknown as { violations: string[] }).violations);

/** Turns an event-only failure (WebSocket, EventSource) into a thrown error, as a learner would see it. */
const waitOpen = (what: string) => `await new Promise((ok, fail) => {
  ${what}.onopen = () => ok(undefined);
  ${what}.onerror = () => fail(new Error('${what}: connection failed'));
});`;

describe('the browser sandbox on a lesson page (Chromium)', () => {
  beforeAll(async () => {
    page = await watchedPage();
    await openExercise(page, `${env.site.url}lessons/02-mnist/`, EXERCISE);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('the page carries the policy and the learner worker runs under it', async () => {
    const policy = await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("worker-src 'self' blob:");
    const { console: out } = await run(`console.log(String(location.protocol), typeof caches, typeof Worker, typeof navigator.locks);`);
    expect(out.trim()).toBe('blob: undefined undefined undefined');
  });

  const network: [string, string, RegExp][] = [
    ['fetch', `await fetch('${'OTHER'}/fetch');`, /Failed to fetch/],
    ['fetch, no-cors', `await fetch('${'OTHER'}/no-cors', { mode: 'no-cors' });`, /Failed to fetch/],
    ['XMLHttpRequest', `const x = new XMLHttpRequest(); x.open('GET', '${'OTHER'}/xhr', false); x.send();`, /NetworkError|Failed to execute 'send'/],
    ['WebSocket', `const ws = new WebSocket('${'OTHER'}/ws'.replace('http', 'ws'));\n${waitOpen('ws')}`, /ws: connection failed/],
    ['EventSource', `const es = new EventSource('${'OTHER'}/events');\n${waitOpen('es')}`, /es: connection failed/],
    ['import()', `await import('${'OTHER'}/module.js');`, /only '@tensorflow\/tfjs' and 'course' can be imported/],
    ['import() through Function', `await new Function('u', 'return import(u)')('${'OTHER'}/module.js');`, /Failed to fetch dynamically imported module/],
    ['importScripts', `importScripts('${'OTHER'}/script.js');`, /importScripts/],
    ['a font', `const f = new FontFace('x', 'url(${'OTHER'}/font.woff2)'); self.fonts.add(f); await f.load();`, /NetworkError/],
    ['navigator.sendBeacon', `navigator.sendBeacon('${'OTHER'}/beacon', 'x');`, /sendBeacon is not a function/],
    ['a nested worker', `new Worker(URL.createObjectURL(new Blob(["fetch('${'OTHER'}/nested')"])));`, /Worker is not defined/],
  ];
  for (const [name, code, expected] of network) {
    it(`refuses another origin: ${name}`, async () => {
      const { error } = await run(code.replaceAll('OTHER', otherOrigin));
      expect(error).toMatch(expected);
      expect(otherHits).toEqual([]);
    });
  }

  it('explains a refused request to the learner', async () => {
    const { error } = await run(`await fetch('${otherOrigin}/again');`);
    expect(error).toMatch(/사이트|site/);
    expect(otherHits).toEqual([]);
  });

  it('hides Cache Storage from every path to the global', async () => {
    const { console: out, error } = await run(`
const g = Function('return this')();
const seen = [];
for (let o = g; o; o = Object.getPrototypeOf(o)) {
  for (const name of ['caches', 'Worker', 'SharedWorker']) if (Object.getOwnPropertyDescriptor(o, name)) seen.push(name);
}
for (const root of [self, globalThis, g]) if (root.caches !== undefined) seen.push('caches via a root');
if (typeof WorkerGlobalScope !== 'undefined' && Object.getOwnPropertyDescriptor(WorkerGlobalScope.prototype, 'caches')) seen.push('prototype');
if (navigator.storageBuckets !== undefined) seen.push('storageBuckets');
console.log('seen:' + JSON.stringify(seen));
const c = await caches.open('mnist-course-data-v1');`);
    expect(out).toContain('seen:[]');
    expect(error).toMatch(/caches is not defined/);
    expect(error).toMatch(/Cache Storage/);
  });

  it('opens no IndexedDB database but the model store', async () => {
    const { console: out, error } = await run(`
console.log('databases:' + JSON.stringify((await indexedDB.databases()).map((d) => d.name).filter((n) => n !== 'tensorflowjs')));
indexedDB.open('progress');`);
    expect(out).toContain('databases:[]');
    expect(error).toMatch(/may open only the "tensorflowjs" database/);
  });

  it('an honest program still loads MNIST and saves its model', async () => {
    const { console: out, error } = await run(`
import * as tf from '@tensorflow/tfjs';
import { loadData, saveModel } from 'course';
const { xTrain, yTest } = await loadData('mnist');
console.log('shape', xTrain.shape.join('x'), 'labels', Array.from(yTest.slice(0, 8).dataSync()).join(','));
const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 10, activation: 'softmax' })] });
const { saved } = await saveModel(model, 'walls-test');
console.log('saved', saved);`);
    expect(error).toBe('');
    expect(out).toContain('shape 60000x28x28 labels 7,2,1,0,4,1,4,9');
    expect(out).toContain('saved true');
    const keys = await page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('tensorflowjs');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('model_info_store').objectStore('model_info_store').getAllKeys();
            all.onsuccess = () => resolve(all.result.map(String));
          };
        }),
    );
    expect(keys).toContain('mnist-course/walls-test');
  });

  it('labels poisoned in Cache Storage come back correct in a fresh worker', async () => {
    // The page is not locked down: it plays a same-origin attacker (another
    // site on the account's github.io origin, or an older course version).
    const poisoned = await page.evaluate(async () => {
      const cache = await caches.open('mnist-course-data-v1');
      const key = (await cache.keys()).find((request) => request.url.includes('t10k-labels'));
      if (!key) return 'no kept labels';
      const bytes = new Uint8Array(await (await cache.match(key))!.arrayBuffer());
      bytes.fill(3, 8); // every test label becomes 3
      await cache.put(key, new Response(bytes));
      return key.url;
    });
    expect(poisoned).toContain('sha256=');
    const fresh = await env.browser.context.newPage();
    try {
      await openExercise(fresh, `${env.site.url}lessons/02-mnist/`, EXERCISE);
      const { console: out, error } = await run(`
import { loadData } from 'course';
const { yTest } = await loadData('mnist');
console.log('labels', Array.from(yTest.slice(0, 8).dataSync()).join(','));`, fresh);
      expect(error).toBe('');
      expect(out).toContain('labels 7,2,1,0,4,1,4,9');
      // …and the kept copy was replaced by the checked download.
      const first = await fresh.evaluate(async (url) => new Uint8Array(await (await (await caches.open('mnist-course-data-v1')).match(url))!.arrayBuffer())[8], poisoned);
      expect(first).toBe(7);
    } finally {
      await fresh.close();
    }
  });

  it('the lesson page itself (editor, runs, charts) broke no rule of its policy', async () => {
    expect(await violationsOf(page)).toEqual([]);
  });
});

describe('the site under its Content-Security-Policy (Chromium)', () => {
  it('pages, math, the playgrounds and search run without a violation', async () => {
    const found: string[] = [];
    for (const path of ['', 'en/', 'lessons/04-preprocessing/', 'en/lessons/07-sigmoid-softmax/', 'lessons/17-recap/', 'data/', 'progress/', 'missing-page/']) {
      const visited = await watchedPage();
      await visited.goto(`${env.site.url}${path}`);
      await visited.waitForLoadState('load');
      if (path === '') {
        await visited.waitForFunction(() => document.querySelector('#starlight__search .pagefind-ui__search-input'));
        await visited.keyboard.press('Control+k');
        await visited.locator('#starlight__search input').fill('softmax');
        await visited.locator('#starlight__search mark').first().waitFor();
      }
      found.push(...(await violationsOf(visited)).map((v) => `${path}: ${v}`));
      await visited.close();
    }
    expect(found).toEqual([]);
  });
});
