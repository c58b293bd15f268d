// The quiz's own UI words; question texts come from the lesson page itself.
import { defineStrings } from '../../i18n/define.ts';

export const quizStrings = defineStrings({
  ko: {
    check: '정답 확인',
    chooseFirst: '먼저 답을 하나 고르세요.',
    correct: '정답입니다.',
    incorrect: '아쉽지만 아닙니다. 설명을 읽고 다시 골라 보세요.',
    passedBefore: '이미 맞힌 문제입니다.',
  },
  en: {
    check: 'Check answer',
    chooseFirst: 'Pick an answer first.',
    correct: 'Correct.',
    incorrect: 'Not quite. Read why, then try another answer.',
    passedBefore: 'You answered this one correctly before.',
  },
});
