// The progress page's own words.
import { defineStrings, translator } from '../i18n/define.ts';

export const progressStrings = defineStrings({
  ko: {
    intro: '이 브라우저에 저장된 진행 상황입니다. 다른 기기나 브라우저로 옮기려면 파일로 내보낸 뒤 그곳에서 가져오세요.',
    lesson: '레슨',
    item: '항목',
    status: '상태',
    exercise: '실습',
    quiz: '퀴즈',
    'not-started': '시작 안 함',
    'in-progress': '진행 중',
    passed: '통과',
    draftSaved: '작성 중인 코드 저장됨',
    noItems: '이 레슨에는 채점 항목이 없습니다.',
    summary: '채점 항목 {total}개 중 {passed}개 통과',
    export: '진행 상황 내보내기',
    import: '진행 상황 가져오기',
    reset: '모두 초기화',
    resetConfirm: '이 브라우저에 저장된 모든 진행 상황과 작성 중인 코드를 지울까요? 되돌릴 수 없습니다. 먼저 내보내기를 권합니다.',
    resetDone: '진행 상황을 모두 지웠습니다.',
    exported: '{file} 파일로 내보냈습니다.',
    imported: '{file}에서 {items}개 항목을 가져왔습니다.',
    importConfirm: '{file}의 내용으로 같은 항목의 진행 상황을 덮어쓸까요?',
    storageQuota: '브라우저 저장 공간이 가득 차서 진행 상황을 저장하지 못했습니다. 내보내기로 파일에 보관하세요.',
    storageBlocked: '이 브라우저가 저장소(localStorage)를 막고 있어(사생활 보호 모드 등) 진행 상황을 저장할 수 없습니다. 탭을 닫으면 사라집니다.',
  },
  en: {
    intro: 'Your progress as saved in this browser. To move it to another device or browser, export it to a file and import it there.',
    lesson: 'Lesson',
    item: 'Item',
    status: 'Status',
    exercise: 'Exercise',
    quiz: 'Quiz',
    'not-started': 'not started',
    'in-progress': 'in progress',
    passed: 'passed',
    draftSaved: 'draft saved',
    noItems: 'This lesson has no graded items.',
    summary: '{passed} of {total} graded items passed',
    export: 'Export progress',
    import: 'Import progress',
    reset: 'Reset everything',
    resetConfirm: 'Erase all progress and all drafts saved in this browser? This cannot be undone. Exporting first is a good idea.',
    resetDone: 'All progress was erased.',
    exported: 'Exported to {file}.',
    imported: 'Imported {items} items from {file}.',
    importConfirm: 'Overwrite the progress of the same items with the contents of {file}?',
    storageQuota: 'Your browser\'s storage is full, so progress could not be saved. Export it to a file to keep it.',
    storageBlocked: 'This browser blocks storage (localStorage), e.g. in private mode, so progress cannot be saved. It will be gone when you close the tab.',
  },
});

export type ProgressStringKey = keyof (typeof progressStrings)['ko'];

export const progressText = translator(progressStrings);
