// The page's own words for errors that come from JavaScript itself (the
// parser, the engine) rather than from tfjs: a learner reads what went wrong
// and where in their language, with the raw English message kept as detail.
// Internal names the sandbox adds (`exports.` for exported bindings, the
// wrapper's file name) never reach the learner.
import type { Localized } from '../contract/locale.ts';

/** The learner's names in an engine message: `exports.flat.dvi` is their `flat.dvi`. */
export function withoutInternalNames(message: string): string {
  return message.replace(/\bexports\.(?=[A-Za-z_$])/g, '').replace(/^Error transforming learner-code\.ts:\s*/, '');
}

// The line itself is shown next to the explanation (a link to it in the
// panel, "(line N)" in reports), so the sentences do not repeat it.
const say = (ko: string, en: string): Localized => ({ ko, en });

/** A syntax error, from Sucrase or the engine, in the page's words. */
export function explainSyntaxError(message: string): Localized {
  const expected = /expected "([^"]+)"/.exec(message)?.[1];
  const declared = /Identifier '([^']+)' has already been declared/.exec(message)?.[1];
  if (declared) {
    return say(`\`${declared}\`을(를) 두 번 선언했습니다. 한 번만 선언하고, 다시 쓸 때는 const/let 없이 이름만 쓰세요.`,
      `\`${declared}\` is declared twice. Declare it once; to reuse it, write the name without const/let.`);
  }
  if (expected) {
    return say(`코드를 읽을 수 없습니다: 이 자리에 \`${expected}\`이(가) 와야 합니다. 괄호·대괄호·따옴표의 짝과 빠진 쉼표를 확인하세요.`,
      `The code cannot be read here: \`${expected}\` was expected. Check that brackets and quotes pair up and that no comma is missing.`);
  }
  return say('코드를 읽을 수 없습니다(문법 오류). 괄호·대괄호·따옴표의 짝과 빠진 쉼표, 잘못 쓴 예약어를 확인하세요.',
    'The code cannot be read (a syntax error). Check that brackets and quotes pair up, that no comma is missing, and for misspelt keywords.');
}

/** An engine error (TypeError, ReferenceError, …) in the page's words, or undefined if it is not one we know. */
export function explainEngineError(message: string): Localized | undefined {
  let m = /^(?:TypeError: )?(.+?) is not a function/.exec(message);
  if (m) {
    const name = withoutInternalNames(m[1]);
    return say(`\`${name}\`은(는) 함수가 아닙니다: 이름의 철자와 대소문자, 그리고 그 값이 정말 그 메서드를 가진 값(예: 텐서, 모델)인지 확인하세요.`,
      `\`${name}\` is not a function: check the name's spelling and case, and that the value really has that method (a tensor, a model…).`);
  }
  m = /Cannot read propert(?:y|ies) of (undefined|null)(?: \(reading '([^']+)'\))?/.exec(message);
  if (m) {
    const [, nothing, property] = m;
    const reading = property ? `\`${property}\`` : '';
    return say(`${nothing}인 값에서 ${reading || '속성'}을(를) 읽으려 했습니다: 그 앞의 변수에 값이 들어갔는지(await를 빠뜨리지 않았는지, 함수가 값을 돌려주는지) 확인하세요.`,
      `Tried to read ${reading || 'a property'} of ${nothing}: check that the value before it was set (no missing await, the function returns something).`);
  }
  m = /^(?:ReferenceError: )?(\S+) is not defined/.exec(message);
  if (m) {
    const name = withoutInternalNames(m[1]);
    return say(`\`${name}\`이(가) 정의되지 않았습니다: 철자를 확인하고, 쓰기 전에 선언하거나 import했는지 확인하세요.`,
      `\`${name}\` is not defined: check the spelling, and that it is declared or imported before use.`);
  }
  m = /Cannot access '([^']+)' before initialization/.exec(message);
  if (m) {
    return say(`\`${m[1]}\`을(를) 선언하기 전에 썼습니다: 선언하는 줄을 위로 옮기세요.`,
      `\`${m[1]}\` is used before the line that declares it: move the declaration up.`);
  }
  if (/Assignment to constant variable/.test(message)) {
    return say('const로 선언한 변수에 다시 값을 넣었습니다: 바꿀 변수는 let으로 선언하세요.',
      'A variable declared with const was assigned again: declare it with let if it must change.');
  }
  return undefined;
}

/** The last resort, in the page's language; the raw message stays beside it. */
export function explainUnknownError(line: number | undefined): Localized {
  return line === undefined
    ? { ko: '실행 중에 오류가 났습니다. 아래 원문 메시지(영어)가 무엇이 잘못됐는지 알려 줍니다.', en: 'The run failed. The original message below says what went wrong.' }
    : say('이 줄에서 오류가 났습니다. 아래 원문 메시지(영어)가 무엇이 잘못됐는지 알려 줍니다.', 'This line failed. The original message below says what went wrong.');
}
