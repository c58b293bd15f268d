// TypeScript/ES module → the body of an async function. Sucrase keeps every
// line where it was, so only columns need the source map.
import { transform } from 'sucrase';
import { LearnerFailure, positionOf } from './learner-error.ts';
import { decodeColumnMap, type ColumnMap } from './source-map.ts';
import { explainSyntaxError, withoutInternalNames } from './explain-js-error.ts';

export interface Transpiled {
  /** CommonJS-style body: uses `require`, `exports`; top-level await kept. */
  js: string;
  columns: ColumnMap;
}

export function transpile(code: string): Transpiled {
  try {
    const result = transform(code, {
      transforms: ['typescript', 'imports'],
      // Imports used only as types would be dropped; keep them so the
      // sandbox sees (and checks) every module the learner names.
      keepUnusedImports: true,
      sourceMapOptions: { compiledFilename: 'learner-code.js' },
      filePath: 'learner-code.ts',
    });
    return { js: result.code, columns: decodeColumnMap(result.sourceMap?.mappings ?? '') };
  } catch (error) {
    const e = error as Error & { pos?: number };
    const position = typeof e.pos === 'number' ? positionOf(code, e.pos) : undefined;
    const message = withoutInternalNames(String(e.message).replace(/\s*\(\d+:\d+\)\s*$/, ''));
    throw new LearnerFailure({
      kind: 'syntax',
      message: position ? `SyntaxError: ${message} (line ${position.line}, column ${position.column})` : `SyntaxError: ${message}`,
      line: position?.line,
      column: position?.column,
      explanation: explainSyntaxError(message),
    });
  }
}
