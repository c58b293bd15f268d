import { defineStrings } from '../i18n/define.ts';

// The lesson notebooks' words: the notebook's opening cell and the lesson
// page's download link.
export const notebookStrings = defineStrings({
  ko: {
    'notebook.about':
      '이 노트북에는 이 과정의 {number}강 「{title}」에 나오는 책의 케라스(Python) 코드가 수업 페이지에 있는 그대로, 나오는 순서대로 들어 있습니다. 코드 셀마다 그 위의 제목은 그 코드가 나오는 수업의 절입니다.',
    'notebook.needs':
      '실행하려면 TensorFlow(케라스 포함)가 설치된 파이썬이 필요합니다. Google Colab에는 이미 설치되어 있고, 다른 주피터 환경에서는 `pip install tensorflow`로 설치합니다. 책의 코드처럼 앞 수업에서 만든 변수(`x_train`, `model` 등)를 이어서 쓰는 셀이 있으니, 그때는 앞 수업의 노트북을 같은 세션에서 먼저 실행하세요.',
    'notebook.page': '수업 페이지: {url}',
    'link.download': '이 수업의 케라스 코드를 주피터 노트북으로 내려받기 (.ipynb)',
  },
  en: {
    'notebook.about':
      "This notebook holds the book's Keras (Python) code from lesson {number} of this course, “{title}”, exactly as on the lesson's page and in the same order. The heading above each code cell is the section of the lesson the code appears in.",
    'notebook.needs':
      "It needs Python with TensorFlow (Keras included): Google Colab has it installed; elsewhere, `pip install tensorflow`. As in the book, some cells go on with variables an earlier lesson made (`x_train`, `model`, …): run that lesson's notebook first, in the same session.",
    'notebook.page': "The lesson's page: {url}",
    'link.download': "Download this lesson's Keras code as a Jupyter notebook (.ipynb)",
  },
});
