// Why a submission file was not read at all, in both languages with the fix.
// The command line (fs) and the gradebook page (dropped files) refuse files
// for the same reasons with the same words, so their reports are identical.
import type { Localized } from '../../contract/locale.ts';
import { SubmissionError } from './error.ts';
import { MAX_FILE_BYTES } from './schema.ts';

const NOT_A_SUBMISSION: Localized = {
  en: 'this is not a submission exported by the exercise page: remove it from the folder',
  ko: '연습 문제 페이지에서 내보낸 제출 파일이 아닙니다. 폴더에서 빼 주세요',
};

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** Checked before reading: a file over MAX_FILE_BYTES is never read. */
export function fileTooLarge(file: string, bytes: number): SubmissionError {
  return new SubmissionError(file, null, {
    en: `the file is ${megabytes(bytes)} MB; a submission is at most ${MAX_FILE_BYTES / 1024 / 1024} MB`,
    ko: `파일 크기가 ${megabytes(bytes)} MB입니다. 제출 파일은 최대 ${MAX_FILE_BYTES / 1024 / 1024} MB입니다`,
  }, NOT_A_SUBMISSION);
}

export type SpecialFileKind = 'fifo' | 'socket' | 'device' | 'folder-link' | 'other';

const KIND: Record<SpecialFileKind, Localized> = {
  fifo: { en: 'a named pipe (FIFO)', ko: '이름 있는 파이프(FIFO)' },
  socket: { en: 'a socket', ko: '소켓' },
  device: { en: 'a device', ko: '장치 파일' },
  'folder-link': { en: 'a link to a folder', ko: '폴더를 가리키는 링크' },
  other: { en: 'not a regular file', ko: '일반 파일이 아닌 것' },
};

/** FIFOs, sockets, devices: never opened for reading (a FIFO would block the grader). */
export function notARegularFile(file: string, kind: SpecialFileKind): SubmissionError {
  return new SubmissionError(file, null, {
    en: `not read: this is ${KIND[kind].en}, not a regular file`,
    ko: `읽지 않음: 일반 파일이 아니라 ${KIND[kind].ko}입니다`,
  }, {
    en: 'name only the exported .json files or the folder that holds them',
    ko: '내보낸 .json 파일이나 그 파일이 든 폴더만 지정하세요',
  });
}

/** A symbolic link inside a searched folder that points outside it. */
export function linkOutsideFolder(file: string): SubmissionError {
  return new SubmissionError(file, null, {
    en: 'not read: a symbolic link that points outside the folder being graded',
    ko: '읽지 않음: 채점하는 폴더 밖을 가리키는 심볼릭 링크입니다',
  }, {
    en: 'copy the submission itself into the folder instead of linking to it',
    ko: '링크 대신 제출 파일 자체를 폴더에 복사하세요',
  });
}

/** The file could not be read (permissions, vanished, not UTF-8 text in a zip…). */
export function unreadableFile(file: string, reason: string): SubmissionError {
  return new SubmissionError(file, null, {
    en: `cannot read the file (${reason})`,
    ko: `파일을 읽을 수 없습니다 (${reason})`,
  }, { en: 'check the file\'s permissions', ko: '파일 권한을 확인하세요' });
}
