// Starts runs in the sandbox worker. The client is loaded through a glob so a
// page still builds (and says so when Run is pressed) while it is missing.
import type { RunEvent, RunRequest } from '../../sandbox/protocol.ts';

export interface RunHandle {
  stop(): void;
  done: Promise<void>;
}
type StartRun = (request: RunRequest, onEvent: (event: RunEvent) => void, options: { timeoutMs: number }) => RunHandle;

const clients = import.meta.glob<{ startRun: StartRun }>('../../sandbox/browser/client.ts');

export async function loadStartRun(): Promise<StartRun | null> {
  const load = clients['../../sandbox/browser/client.ts'];
  return load ? (await load()).startRun : null;
}

/** Where the worker finds `<dataset>/manifest.json`, absolute so a worker can fetch it. */
export function dataBaseUrl(): string {
  return new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}data/`, location.href).href;
}
