// Finds a Chromium-family browser already installed on the teacher's machine
// (Chrome, Chromium, Edge; Linux, macOS, Windows): the grader never downloads
// one. `--browser PATH` names one; otherwise the usual install locations and
// then the PATH are searched. Takes the environment as parameters so it can
// be tested anywhere.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ToolError } from '../grader/tool-error.ts';

export interface BrowserSearch {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** True when `path` is an executable file. */
  isExecutable?: (path: string) => boolean;
}

function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where each platform installs Chrome, Chromium and Edge, most likely first. */
export function candidatePaths({ platform, env }: BrowserSearch): string[] {
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])];
    return apps.flatMap((folder) => [
      `${folder}/Google Chrome.app/Contents/MacOS/Google Chrome`,
      `${folder}/Chromium.app/Contents/MacOS/Chromium`,
      `${folder}/Microsoft Edge.app/Contents/MacOS/Microsoft Edge`,
      `${folder}/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary`,
    ]);
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((root) => [
      `${root}\\Google\\Chrome\\Application\\chrome.exe`,
      `${root}\\Microsoft\\Edge\\Application\\msedge.exe`,
      `${root}\\Chromium\\Application\\chrome.exe`,
    ]);
  }
  return [
    '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/snap/bin/chromium', '/opt/google/chrome/chrome',
    '/opt/microsoft/msedge/msedge', '/var/lib/flatpak/exports/bin/org.chromium.Chromium',
  ];
}

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'chrome', 'msedge'];

export const NO_BROWSER = `no Chrome, Chromium or Edge was found on this computer. The grader runs submissions inside a browser's sandbox and never downloads one: install Google Chrome, Chromium (Debian/Ubuntu: sudo apt-get install chromium) or Microsoft Edge, or name one with --browser PATH.
채점기는 제출을 브라우저의 샌드박스 안에서 실행하며 브라우저를 내려받지 않습니다. 이 컴퓨터에서 Chrome, Chromium, Edge를 찾지 못했습니다: Google Chrome, Chromium(Debian/Ubuntu: sudo apt-get install chromium) 또는 Microsoft Edge를 설치하거나 --browser 경로 로 지정하세요.`;

/** The browser to launch: `named` when given (it must exist), else the first one installed. */
export function findBrowser(named: string | undefined, search: BrowserSearch): string {
  const isExecutable = search.isExecutable ?? executable;
  if (named !== undefined) {
    if (!isExecutable(named)) {
      throw new ToolError(`--browser ${named}: no executable file there; name the Chrome, Chromium or Edge program itself.\n--browser ${named}: 실행 파일이 없습니다. Chrome, Chromium, Edge 프로그램 자체의 경로를 지정하세요.`);
    }
    return named;
  }
  for (const path of candidatePaths(search)) if (isExecutable(path)) return path;
  const suffixes = search.platform === 'win32' ? ['.exe'] : [''];
  for (const folder of (search.env.PATH ?? search.env.Path ?? '').split(delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) for (const suffix of suffixes) {
      const path = join(folder, name + suffix);
      if (isExecutable(path)) return path;
    }
  }
  throw new ToolError(NO_BROWSER);
}
