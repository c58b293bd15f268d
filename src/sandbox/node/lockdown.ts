// What a learner's program must not reach in the Node child, beyond what the
// permission model already refuses (writes, processes, workers, addons):
// signals, the network, and modules other than those already loaded. Called
// once everything the run needs is imported, right before learner code runs.
import { registerHooks } from 'node:module';

const refuse = (what: string) => () => {
  throw new Error(`${what} is not available in exercises (the code runs in a sandbox).`);
};

function replace(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, configurable: false, writable: false });
}

export function lockDown(): void {
  // The permission model does not cover signals: without this a program could
  // signal the grader or any other process of the teacher's user.
  replace(process, 'kill', refuse('process.kill'));
  replace(process, '_kill', refuse('process.kill'));
  // Built-in modules by another door: net, http, child_process…
  for (const name of ['getBuiltinModule', 'binding', '_linkedBinding', 'dlopen']) replace(process, name, refuse(`process.${name}`));
  // No network: nothing in an exercise needs it, and a grader's machine must
  // not send a learner's (or anyone's) files anywhere.
  for (const name of ['fetch', 'WebSocket', 'EventSource']) replace(globalThis, name, refuse(name));
  // Every module the run needs is loaded by now; any later import or require
  // (e.g. `new Function('return import("node:net")')()`) is refused.
  registerHooks({
    resolve(specifier) {
      throw new Error(`import '${specifier}' is not available in exercises (the code runs in a sandbox).`);
    },
  });
}
