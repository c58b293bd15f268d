// The check runner after a run that stopped early (checking/stopped-run.ts):
// a check that looked for an export the program never reached, or at its
// shows or probes, says it could not run; one that judged what was there keeps its word.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defineExercise, fail, notAttempted, pass, type Check, type CheckContext } from '../../src/contract/exercise.ts';
import { runChecks } from '../../src/exercises/checking/run-checks.ts';

const said = (en: string) => ({ ko: en, en });

const checks: Check[] = [
  { id: 'missing', title: said('missing'), run: (ctx) => (ctx.exports.history === undefined ? notAttempted(said('export it like …')) : pass()) },
  { id: 'asked', title: said('asked'), run: (ctx) => ('saved' in ctx.exports ? pass() : fail(said('save it like …'))) },
  { id: 'present', title: said('present'), run: (ctx) => (ctx.exports.units === 64 ? pass() : fail(said('64 units expected'))) },
  { id: 'shown', title: said('shown'), run: (ctx) => (ctx.shows.length > 0 ? pass() : fail(said('draw it with …'))) },
  { id: 'probed', title: said('probed'), run: (ctx) => (ctx.probes.keepBest === true ? pass() : notAttempted(said('export the function'))) },
  { id: 'threw', title: said('threw'), run: (ctx) => fail(said(String((ctx.exports.history as { x: number }).x))) },
  { id: 'passes', title: said('passes'), run: () => pass() },
];
const definition = defineExercise({ id: '99-test', lesson: '99-test', title: said('t'), datasets: [], timeBudgetMs: 1, hints: { ko: ['a', 'b'], en: ['a', 'b'] }, checks });

const context = (stopped: boolean): CheckContext => ({
  exports: { units: 32 },
  probes: {},
  shows: [],
  code: '',
  unchanged: false,
  stopped,
  tf,
  dataset: () => Promise.reject(new Error('no data here')),
});

describe('runChecks after a stopped run', () => {
  it('says "could not run" where a check needed what the program never reached, and keeps every other word', async () => {
    const results = await runChecks(definition, context(true));
    const byId = Object.fromEntries(results.map((r) => [r.id, r]));
    expect(byId.missing.status).toBe('not-attempted');
    expect(byId.missing.message?.en).toBe('This check could not run: the program stopped with an error before it exported `history`. Fix the error shown in the output, then run again.');
    expect(byId.missing.message?.ko).toContain('`history`을(를) 내보내기 전에 오류로 멈춰서');
    expect(byId.asked.message?.en).toContain('before it exported `saved`');
    expect(byId.threw.message?.en).toContain('before it exported `history`');
    expect(byId.present).toMatchObject({ status: 'failed', message: said('64 units expected') });
    expect(byId.shown.message?.en).toBe('This check could not run: the program stopped with an error before its end. Fix the error shown in the output, then run again.');
    expect(byId.probed.message).toEqual(byId.shown.message);
    expect(byId.passes.status).toBe('passed');
  });

  it('leaves every message alone when the program ran to its end', async () => {
    const results = await runChecks(definition, context(false));
    expect(results.map((r) => r.message?.en)).toEqual(['export it like …', 'save it like …', '64 units expected', 'draw it with …', 'export the function', "The check failed with an error: TypeError: Cannot read properties of undefined (reading 'x')", undefined]);
  });
});
