// lessonNotebook: the opening cell in the page's language, then heading and
// code cells with ids, valid against the official nbformat 4.5 schema.
import { describe, expect, it } from 'vitest';
import { lessonNotebook, notebookText } from '../../src/notebooks/notebook.ts';
import { cellText, HANGUL, validateNotebook } from './nbformat-schema.ts';

const blocks = [
  { heading: '## Loading', code: 'import numpy as np\n\nx = np.zeros(3)\n' },
  { heading: undefined, code: 'print(x)' },
];

describe('lessonNotebook', () => {
  const en = lessonNotebook({ locale: 'en', lesson: '09-training', title: 'Training', blocks, pageUrl: 'https://example.org/c/en/lessons/09-training/' });
  const ko = lessonNotebook({ locale: 'ko', lesson: '09-training', title: '학습시키기', blocks });

  it('is a valid nbformat 4.5 notebook with a Python kernel', () => {
    for (const notebook of [en, ko]) {
      expect(validateNotebook(JSON.parse(notebookText(notebook)))).toEqual([]);
      expect(notebook.metadata.kernelspec.name).toBe('python3');
      expect(notebook.metadata.language_info.name).toBe('python');
    }
  });

  it('keeps the code exactly, after the heading it sits under', () => {
    expect(en.cells.map((cell) => [cell.cell_type, cellText(cell)])).toEqual([
      ['markdown', expect.stringMatching(/^# Training\n\n.*lesson 9 of this course, “Training”/)],
      ['markdown', '## Loading'],
      ['code', 'import numpy as np\n\nx = np.zeros(3)\n'],
      ['code', 'print(x)'],
    ]);
    expect(en.cells[2].source).toEqual(['import numpy as np\n', '\n', 'x = np.zeros(3)\n']);
  });

  it("opens in the page's language, says what it needs and, when known, where it comes from", () => {
    const [enAbout, koAbout] = [cellText(en.cells[0]), cellText(ko.cells[0])];
    expect(enAbout).not.toMatch(HANGUL);
    expect(enAbout).toContain('TensorFlow');
    expect(enAbout).toContain('Colab');
    expect(enAbout).toContain("The lesson's page: https://example.org/c/en/lessons/09-training/");
    expect(koAbout).toMatch(/^# 학습시키기\n\n이 노트북에는 이 과정의 9강 「학습시키기」/);
    expect(koAbout).toContain('Colab');
    expect(koAbout).not.toContain('수업 페이지:');
  });

  it('gives every cell a distinct id', () => {
    const ids = en.cells.map((cell) => cell.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the schema check itself', () => {
  it('refuses a notebook that breaks nbformat 4.5', () => {
    const broken = JSON.parse(notebookText(lessonNotebook({ locale: 'en', lesson: '01-x', title: 'X', blocks })));
    delete broken.cells[1].id;
    broken.cells[2].outputs = 'none';
    expect(validateNotebook(broken).join('\n')).toMatch(/id|outputs/);
  });
});
