// `npm run grade -- --help`, in English and then Korean.
import { DEFAULT_MEMORY_MB } from './args.ts';

export const HELP = `Usage: npm run grade -- [options] <files or folders>
       npm run grade -- merge <shard reports…> [--csv FILE] [--json FILE]

Re-runs learners' exported submissions (*.json, folders searched recursively)
with the course's own checks and prints one row per learner and exercise.
A hand-in file from an assignment link holds several exercises: each is
graded as its own submission, shown as file.json#exercise-id.
Learner code runs only inside headless Chrome/Chromium/Edge (already installed
on this computer; never downloaded), in a Web Worker of the course's gradebook
page, each submission in a fresh browser context that may reach nothing but
the grader's own local server.

Options:
  -j, --jobs N        run up to N submissions at once, each in its own browser
                      (default: the core count)
      --memory-mb N   memory limit of each run in MB (default: ${DEFAULT_MEMORY_MB}): N for
                      each of its two workers' heaps, 2N for the browser's
                      memory in all; a run over it ends with an out-of-memory error
      --csv FILE      write one row per learner, exercise and check:
                      learner, exercise, file, submitted_at, assignment,
                      handed_in_at, late, check, status, score, message
      --json FILE     write one object per submission:
                      { file, submittedAt, learner, exercise, status, score, tests, output, code }
      --lang ko|en    the report's one language (default: the system's, from LANG)
      --shard K/N     grade only slice K of N (by file path; needs --json); run
                      every slice, anywhere, then join them with \`merge\`
      --strict        exit 1 unless every submission passed every graded check
                      (for CI-based classrooms)
      --browser PATH  the Chrome, Chromium or Edge program to use
                      (default: the first one found)
      --site DIR      the built site to serve (default: dist/ when it is newer
                      than the sources, else a build made once in
                      node_modules/.cache/mnist-course-grader/site)
  -h, --help          show this help

Each run stops after the exercise's time budget. A file that is not a valid
submission, or not a regular file (a FIFO, a device, a link leaving the
folder), is reported with its name and the fix; the others are still graded.
A note marks every check where the learner's browser claimed a different result,
and two learners who handed in the same or nearly the same code.
Under the rows, a grid per assignment (learners × exercises, checks passed and
marks per cell, a total; single submissions in a grid of their own) sums it
up; the JSON report carries it as "grids".

merge joins the --json reports of --shard 1/N … N/N into the report one run
over the whole class gives (the same table, CSV and JSON).

Exit codes: 0 grading ran (even if some learners failed), 1 with --strict when
a submission failed or could not be graded, 2 tool error (bad arguments, no
files found, output not writable, data missing, no browser found).

사용법: npm run grade -- [옵션] <파일 또는 폴더>
        npm run grade -- merge <조각 보고서…> [--csv 파일] [--json 파일]

학습자가 내보낸 제출 파일(*.json, 폴더는 하위 폴더까지 찾음)을 과정의 검사로
다시 실행하고 학습자와 연습 문제마다 한 줄씩 출력합니다. 학습자 코드는 이
컴퓨터에 이미 설치된 Chrome/Chromium/Edge(내려받지 않음)를 화면 없이 띄워,
과정의 채점 페이지 안 웹 워커에서만 실행합니다. 제출마다 새 브라우저
컨텍스트를 쓰며, 채점기의 로컬 서버 말고는 어디에도 접속할 수 없습니다.
과제 링크로 낸 제출 파일에는 연습 문제가 여러 개 들어 있으며, 각각을 따로
채점해 파일.json#연습문제-id로 보여 줍니다.

옵션:
  -j, --jobs N        동시에 실행할 제출 수, 제출마다 브라우저 하나 (기본값: CPU 코어 수)
      --memory-mb N   실행마다의 메모리 한도, MB (기본값: ${DEFAULT_MEMORY_MB}): 두 워커의
                      힙은 각각 N, 브라우저 메모리 증가는 모두 합쳐 2N;
                      넘으면 메모리 부족 오류로 끝남
      --csv 파일      학습자·연습 문제·검사마다 한 행을 씁니다:
                      learner, exercise, file, submitted_at, assignment,
                      handed_in_at, late, check, status, score, message
      --json 파일     제출마다 객체 하나를 씁니다:
                      { file, submittedAt, learner, exercise, status, score, tests, output, code }
      --lang ko|en    보고서 전체의 언어 (기본값: 시스템 언어, LANG에서)
      --shard K/N     N개로 나눈 조각 중 K번째만 채점 (파일 경로 기준, --json 필요);
                      모든 조각을 어디서든 채점한 뒤 \`merge\`로 합칩니다
      --strict        모든 제출이 모든 채점 검사를 통과하지 않으면 종료 코드 1
                      (CI로 운영하는 수업용)
      --browser 경로  쓸 Chrome, Chromium, Edge 프로그램 (기본값: 처음 찾은 것)
      --site 폴더     제공할 빌드된 사이트 (기본값: 소스보다 새로우면 dist/,
                      아니면 node_modules/.cache/mnist-course-grader/site에
                      한 번 빌드한 것)
  -h, --help          이 도움말을 보여 줍니다

각 실행은 연습 문제의 제한 시간이 지나면 중지됩니다. 올바른 제출 파일이 아니거나
일반 파일이 아닌 것(FIFO, 장치 파일, 폴더 밖을 가리키는 링크)은 파일 이름과
해결 방법을 알려 주고, 나머지 제출은 계속 채점합니다. 학습자의 브라우저가
보고한 결과와 다시 실행한 결과가 다르면, 그리고 서로 다른 학습자가 같거나 거의
같은 코드를 냈으면 메모를 남깁니다.
행 아래에는 과제마다 학습자 × 연습 문제 표(칸마다 통과한 검사 수와 표시, 합계;
과제 없이 낸 제출은 따로 한 표)를 보여 주며, JSON 보고서에는 "grids"로 들어갑니다.

merge는 --shard 1/N … N/N의 --json 보고서를 합쳐, 반 전체를 한 번에 채점한
것과 같은 보고서(표, CSV, JSON)를 만듭니다.

종료 코드: 0 채점 완료 (실패한 학습자가 있어도), 1 --strict에서 실패했거나
채점하지 못한 제출이 있음, 2 도구 오류 (잘못된 인수, 파일 없음, 결과 파일을
쓸 수 없음, 데이터 없음, 브라우저 없음).
`;
