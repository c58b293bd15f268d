// Everything `npm run grade` needs to run submissions in headless Chromium,
// opened once and closed once: the built site (site-folder.ts) served on
// 127.0.0.1 (static-site.ts), and up to `jobs` lanes, each its own browser
// (lane.ts). The Runner it hands out takes a free lane per submission.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunnerSession } from '../grader/main.ts';
import { findBrowser } from './find-browser.ts';
import { Lane } from './lane.ts';
import { locateSite, siteContentVersions } from './site-folder.ts';
import { serveSite } from './static-site.ts';

export type { RunnerSession };

export interface SessionOptions {
  /** The course's folder (sources, dist/, node_modules/). */
  root: string;
  /** --site DIR */
  site?: string;
  /** --browser PATH */
  browser?: string;
  jobs: number;
  /** Progress notes (a site build) go here. */
  err(text: string): void;
}

export async function openRunnerSession(options: SessionOptions): Promise<RunnerSession> {
  // Before any build: without a browser there is nothing to build for.
  const executablePath = findBrowser(options.browser, { platform: process.platform, env: process.env });
  const site = await locateSite(options.root, options.site, options.err);
  const server = await serveSite(site.dir, site.base);
  const lanes: Lane[] = [];
  const idle: Lane[] = [];
  const laneOptions = { executablePath, origin: server.origin, gradebookUrl: `${server.url}gradebook/` };
  const takeLane = (): Lane => {
    const lane = idle.pop() ?? new Lane(laneOptions);
    if (!lanes.includes(lane)) lanes.push(lane);
    return lane;
  };
  let closing: Promise<void> | undefined;
  return {
    siteDir: site.dir,
    dataBase: `${server.url}data/`,
    hasDataset: (name) => existsSync(join(site.dir, 'data', name, 'manifest.json')),
    // Read from the built page itself (no browser needed): what its exercise code was built from.
    contentVersions: async () => siteContentVersions(site.dir),
    runner: async (request, limits) => {
      const lane = takeLane();
      try {
        return await lane.run(request, limits);
      } finally {
        idle.push(lane);
      }
    },
    close() {
      closing ??= Promise.all(lanes.map((lane) => lane.close())).then(() => server.close());
      return closing;
    },
  };
}
