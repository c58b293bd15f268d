// When the learner's program stopped with an error, the exports after that
// point were never made. A check that then reports "`history` is not exported:
// write `export const history = …`" blames a line the learner may well have
// written. So, once for every exercise, the runner watches which exports and
// which parts of the run each check looked at; a check that did not pass
// after it looked for an export the program never reached, at what the
// program showed (later shows never happened) or at the probes' results (the
// probes ran on a half-made module), says it could not run.
import { notAttempted, type CheckContext, type CheckOutcome } from '../../contract/exercise.ts';
import { runnerMessage } from './strings.ts';

export interface StoppedRunWatch {
  /** The context to hand every check: the same data, its reads recorded. */
  context: CheckContext;
  /** Forget what the previous check looked at. */
  reset(): void;
  /** The outcome to report for the check that just ran. */
  judge(outcome: CheckOutcome): CheckOutcome;
}

const quoted = (names: string[]) => names.map((name) => `\`${name}\``).join(', ');

export function watchStoppedRun(context: CheckContext): StoppedRunWatch {
  const missing = new Set<string>();
  let sawRun = false;
  const exports = new Proxy(context.exports, {
    get(target, name, receiver) {
      if (typeof name === 'string' && !(name in target)) missing.add(name);
      return Reflect.get(target, name, receiver);
    },
    has(target, name) {
      if (typeof name === 'string' && !(name in target)) missing.add(name);
      return Reflect.has(target, name);
    },
  });
  const watched: CheckContext = {
    ...context,
    exports,
    get shows() {
      sawRun = true;
      return context.shows;
    },
    get probes() {
      sawRun = true;
      return context.probes;
    },
  };
  return {
    context: watched,
    reset() {
      missing.clear();
      sawRun = false;
    },
    judge(outcome) {
      if (outcome.status === 'passed') return outcome;
      if (missing.size > 0) return notAttempted(runnerMessage('stoppedBeforeExport', { names: quoted([...missing]) }));
      if (sawRun) return notAttempted(runnerMessage('stoppedBeforeEnd'));
      return outcome;
    },
  };
}
