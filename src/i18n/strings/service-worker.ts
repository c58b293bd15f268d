import { defineStrings } from '../define.ts';

// Strings of the update prompt (src/service-worker/update-prompt.ts).
export const serviceWorkerStrings = defineStrings({
  ko: {
    'update.message': '과정의 새 버전이 나왔습니다. 새로 고치면 적용됩니다(작성 중인 코드는 저장되어 있습니다).',
    'update.reload': '새로 고침',
    'update.later': '나중에',
  },
  en: {
    'update.message': 'A new version of the course is available. Reload to use it (the code you are writing is saved).',
    'update.reload': 'Reload',
    'update.later': 'Later',
  },
});
