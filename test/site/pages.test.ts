import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltSite, type BuiltSite } from './built-site.ts';

// The home and data pages of both languages, as built.

let site: BuiltSite;
beforeAll(() => {
  site = loadBuiltSite();
});

const manifest = (dataset: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'data', dataset, 'manifest.json'), 'utf8'));

const pages = [
  { file: 'index.html', lang: 'ko' },
  { file: 'en/index.html', lang: 'en' },
  { file: 'data/index.html', lang: 'ko' },
  { file: 'en/data/index.html', lang: 'en' },
] as const;

describe('home and data pages', () => {
  it.each(pages)('$file exists with lang="$lang"', ({ file, lang }) => {
    expect(site.htmlFiles).toContain(file);
    expect(site.parse(file).documentElement.getAttribute('lang')).toBe(lang);
  });

  it.each(['index.html', 'en/index.html'])('%s explains teacher grading and links the data page', (file) => {
    const doc = site.parse(file);
    expect(doc.querySelector('main')?.textContent).toContain('npm run grade');
    const links = [...doc.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('data/');
  });
});

describe.each([
  { file: 'data/index.html', locale: 'ko', other: 'en', header: '한국어 이름', bag: '가방' },
  { file: 'en/data/index.html', locale: 'en', other: 'ko', header: 'English name', bag: 'Bag' },
] as const)('data page $file', ({ file, locale, other, header, bag }) => {
  const facts = (dataset: string) => {
    const element = site.parse(file).querySelector(`.dataset-facts[data-dataset="${dataset}"]`);
    if (!element) throw new Error(`${file} has no facts for ${dataset}`);
    return element;
  };

  it.each(['mnist', 'fashion-mnist'])('shows the real counts and shapes of %s', (dataset) => {
    const rows = [...facts(dataset).querySelectorAll('table')[0]!.querySelectorAll('tbody tr')];
    const cells = rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    const files = rows.map((row) => row.querySelector('td a code')?.textContent);
    expect(files).toEqual(['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz']);
    expect(cells.map((row) => row[1])).toEqual(['60,000', '60,000', '10,000', '10,000']);
    expect(cells[0]![2]).toBe('60,000 × 28 × 28');
    expect(cells[2]![2]).toBe('10,000 × 28 × 28');
  });

  it.each(['mnist', 'fashion-mnist'])('gives the full sha256 of every %s file', (dataset) => {
    const text = facts(dataset).textContent!;
    for (const entry of Object.values(manifest(dataset).files) as { sha256: string }[]) {
      expect(text).toContain(entry.sha256);
    }
  });

  it('lists the class names with the page language first', () => {
    const table = facts('fashion-mnist').querySelectorAll('table')[1]!;
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(headers[1]).toBe(header);
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    const names = manifest('fashion-mnist').classNames;
    expect(rows.map((row) => row[0])).toEqual(names[locale].map((_: string, i: number) => String(i)));
    expect(rows.map((row) => row[1])).toEqual(names[locale]);
    expect(rows.map((row) => row[2])).toEqual(names[other]);
    expect(rows[8]![1]).toBe(bag);
  });

  it('shows source, licence and the split in the page language', () => {
    for (const dataset of ['mnist', 'fashion-mnist']) {
      const m = manifest(dataset);
      const text = facts(dataset).textContent!.replace(/\s+/g, ' ');
      expect(text).toContain(`${m.source.package}@${m.source.version}`);
      expect(text).toContain(m.licence.name);
      expect(text).toContain(m.split[locale].replace(/\s+/g, ' '));
      expect(text).not.toContain(m.split[other].replace(/\s+/g, ' '));
    }
  });
});
