// Starts the teacher's Chromium for grading, headless, with a fresh temporary
// profile (playwright-core deletes it on close). Chromium's own OS sandbox
// stays on, except as root, where Chromium refuses to start without
// --no-sandbox (CI containers): there the browser's site isolation and the
// Worker are the boundary. Background traffic (updates, sync, QUIC) is off,
// and signals are the grader's to handle (it closes everything itself).
import { chromium, type Browser } from 'playwright-core';

export const isRoot = (): boolean => process.getuid?.() === 0;

export function chromiumArgs(root: boolean): string[] {
  return [
    ...(root ? ['--no-sandbox'] : []),
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
    '--disable-default-apps', '--disable-extensions', '--mute-audio',
  ];
}

export function launchChromium(executablePath: string): Promise<Browser> {
  const root = isRoot();
  return chromium.launch({
    executablePath,
    headless: true,
    chromiumSandbox: !root,
    args: chromiumArgs(root),
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 120_000,
  });
}
