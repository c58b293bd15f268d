// Every browser test file serves the built site and launches one Chromium for
// its tests, and closes both afterwards: this registers those hooks. The
// returned handles are filled in by the time the file's tests (and its own
// later beforeAll hooks) run.
import { afterAll, beforeAll } from 'vitest';
import { launch, type Browser } from './browser.ts';
import { distFolder, serveDist, type StaticSite } from './server.ts';

export interface SiteAndBrowser {
  site: StaticSite;
  browser: Browser;
}

export function useSiteAndBrowser(dist: string = distFolder()): SiteAndBrowser {
  const handles = {} as SiteAndBrowser;
  beforeAll(async () => {
    handles.site = await serveDist(dist);
    handles.browser = await launch();
  });
  afterAll(async () => {
    await handles.browser?.close();
    await handles.site?.close();
  });
  return handles;
}
