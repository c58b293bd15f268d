// A failure already phrased for the learner: thrown inside the sandbox so the
// orchestrator can tell it apart from a raw runtime error.
import type { LearnerError } from '../contract/protocol.ts';

export class LearnerFailure extends Error {
  readonly learnerError: LearnerError;
  constructor(learnerError: LearnerError) {
    super(learnerError.message);
    this.name = 'LearnerFailure';
    this.learnerError = learnerError;
  }
}

/** 1-based line and column of a character offset in `source`. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
