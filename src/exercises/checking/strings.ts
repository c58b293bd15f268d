// The check runner's own words to the learner, in both languages: what a
// check says when it could not judge the program (the exercises' checks keep
// their messages next to their code).
import type { Localized } from '../../contract/locale.ts';
import { defineStrings, translator } from '../../i18n/define.ts';
import type { Params } from '../../i18n/fill.ts';

const strings = defineStrings({
  ko: {
    stoppedBeforeExport: '프로그램이 {names}을(를) 내보내기 전에 오류로 멈춰서 이 검사를 할 수 없었습니다. 출력에 보이는 오류를 먼저 고치고 다시 실행하세요.',
    stoppedBeforeEnd: '프로그램이 끝까지 가기 전에 오류로 멈춰서 이 검사를 할 수 없었습니다. 출력에 보이는 오류를 먼저 고치고 다시 실행하세요.',
  },
  en: {
    stoppedBeforeExport: 'This check could not run: the program stopped with an error before it exported {names}. Fix the error shown in the output, then run again.',
    stoppedBeforeEnd: 'This check could not run: the program stopped with an error before its end. Fix the error shown in the output, then run again.',
  },
});

const t = translator(strings);

/** The runner's string `key` in both languages. */
export const runnerMessage = (key: keyof (typeof strings)['ko'], params?: Params): Localized => ({
  ko: t('ko', key, params),
  en: t('en', key, params),
});
