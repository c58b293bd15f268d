// Static checks before anything runs: every import must name one of the two
// modules the sandbox provides, and Node-only globals are refused with the
// line where they appear. Uses Sucrase's tokenizer, so strings, comments,
// regular expressions and type-only syntax never cause false alarms.
import { parse } from 'sucrase/dist/parser/index.js';
import { TokenType } from 'sucrase/dist/parser/tokenizer/types.js';
import { ContextualKeyword } from 'sucrase/dist/parser/tokenizer/keywords.js';
import { positionOf } from './learner-error.ts';
import type { LearnerError } from '../contract/protocol.ts';

export const ALLOWED_MODULES = ['@tensorflow/tfjs', 'course'] as const;

const NODE_ONLY = new Set(['require', '__dirname', '__filename']);

function importError(code: string, offset: number, what: string): LearnerError {
  const { line, column } = positionOf(code, offset);
  return {
    kind: 'import',
    message: `${what} (line ${line}): only '@tensorflow/tfjs' and 'course' can be imported here.`,
    line,
    column,
    explanation: {
      ko: `${line}번째 줄: 연습 문제 코드에서는 '@tensorflow/tfjs'와 'course'만 import할 수 있습니다. 다른 import는 지우세요.`,
      en: `Line ${line}: exercise code can import only '@tensorflow/tfjs' and 'course'. Remove the other import.`,
    },
  };
}

/** The first problem found, or null when the code may run. Assumes the code parses. */
export function scanSource(code: string): LearnerError | null {
  const tokens = parse(code, false, true, false).tokens;
  const text = (i: number) => code.slice(tokens[i].start, tokens[i].end);
  const stringValue = (i: number) => text(i).slice(1, -1);
  const allowed = (spec: string) => (ALLOWED_MODULES as readonly string[]).includes(spec);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.isType) continue;
    const next = tokens[i + 1];
    if (t.type === TokenType._import) {
      if (next?.type === TokenType.dot) {
        return importError(code, t.start, 'import.meta is not available in exercises');
      }
      if (next?.type === TokenType.parenL) {
        const arg = tokens[i + 2];
        if (arg?.type === TokenType.string && allowed(stringValue(i + 2))) continue;
        const what = arg?.type === TokenType.string ? `import('${stringValue(i + 2)}')` : 'import() of other modules';
        return importError(code, t.start, `${what} is not available in exercises`);
      }
      for (let j = i + 1; j < tokens.length && tokens[j].type !== TokenType.semi; j++) {
        if (tokens[j].type === TokenType.string) {
          if (!allowed(stringValue(j))) return importError(code, t.start, `import '${stringValue(j)}' is not available in exercises`);
          break;
        }
      }
    } else if (t.type === TokenType._export && (next?.type === TokenType.star || next?.type === TokenType.braceL)) {
      for (let j = i + 1; j < tokens.length - 1 && tokens[j].type !== TokenType.semi; j++) {
        if (tokens[j].contextualKeyword === ContextualKeyword._from && tokens[j + 1].type === TokenType.string) {
          const spec = stringValue(j + 1);
          if (!allowed(spec)) return importError(code, t.start, `export … from '${spec}' is not available in exercises`);
          break;
        }
        if (tokens[j].type === TokenType.braceR && tokens[j + 1].contextualKeyword !== ContextualKeyword._from) break;
      }
    } else if (t.type === TokenType.name && NODE_ONLY.has(text(i))) {
      const prev = tokens[i - 1];
      if (prev && (prev.type === TokenType.dot || prev.type === TokenType.questionDot)) continue;
      if (next && next.type === TokenType.colon && prev && (prev.type === TokenType.braceL || prev.type === TokenType.comma)) continue;
      const name = text(i);
      const { line, column } = positionOf(code, t.start);
      return {
        kind: name === 'require' ? 'import' : 'runtime',
        message: `${name} is not available in exercises (line ${line}): the code runs in a sandbox, not in Node.`,
        line,
        column,
        explanation: name === 'require'
          ? {
              ko: `${line}번째 줄: require는 쓸 수 없습니다. 맨 위에서 import * as tf from '@tensorflow/tfjs'; 또는 import { … } from 'course'; 로 가져오세요.`,
              en: `Line ${line}: require is not available. Use import * as tf from '@tensorflow/tfjs'; or import { … } from 'course'; at the top.`,
            }
          : {
              ko: `${line}번째 줄: ${name}는 연습 문제 샌드박스에 없습니다. 파일 대신 course의 loadData를 쓰세요.`,
              en: `Line ${line}: ${name} does not exist in the exercise sandbox. Use loadData from 'course' instead of files.`,
            },
      };
    }
  }
  return null;
}
