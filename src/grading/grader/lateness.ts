// Whether a hand-in came after its assignment's due date, for the reports.
import { isLate } from '../assignment/assignment.ts';
import type { GradedSubmission } from './types.ts';

/** True or false for a hand-in with a due date; null otherwise (a single submission, or no due date). */
export function lateness(g: Pick<GradedSubmission, 'assignment' | 'handedInAt'>): boolean | null {
  if (!g.assignment?.due || !g.handedInAt) return null;
  return isLate(g.assignment, new Date(g.handedInAt));
}
