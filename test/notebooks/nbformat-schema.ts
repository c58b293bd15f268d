// The official nbformat 4.5 schema (vendored, see test/fixtures/nbformat/)
// as a validator, and small readers the notebook tests share.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/nbformat/nbformat.v4.5.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** The schema's complaints about `notebook` (parsed JSON), as `path message` lines; empty when valid. */
export function validateNotebook(notebook: unknown): string[] {
  return validate(notebook) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** A cell's source as one string (nbformat allows a string or a list of lines). */
export const cellText = (cell: { source: string | string[] }): string =>
  Array.isArray(cell.source) ? cell.source.join('') : cell.source;

export const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
