/**
 * `npm run eval:html`'s scoring, on a folder of two pages of its own laid out like Readability's
 * test pages: what counts as the same title, date, outlet and language, and how words are counted.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadPages, overlap, pipelineReader, scorePages, summarise, words } from '../../scripts/eval-html.ts';

const folder = mkdtempSync(join(tmpdir(), 'briefings-eval-html-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const story = '<p>Alibaba shares rose 9.2% on Thursday after the chairman confirmed the deal with Apple for iPhones in China.</p>'.repeat(3);
const pages = {
  dated: {
    source: `<html lang="en-GB"><head><title>Alibaba jumps</title><meta property="og:site_name" content="Example Wire"><meta property="article:published_time" content="2025-02-13T23:30:00-05:00"></head><body><article>${story}<p>Sign up for our daily briefing.</p></article></body></html>`,
    expected: `<div>${story}</div>`,
    metadata: { title: 'Alibaba jumps', publishedTime: '2025-02-13T23:30:00-05:00', siteName: 'Example Wire', lang: 'en' },
  },
  untitled: {
    source: `<html><body><div>${story}</div></body></html>`,
    expected: `<div>${story}<p>A paragraph the reader missed entirely, with words of its own.</p></div>`,
    metadata: { title: '', publishedTime: null, siteName: null, lang: null },
  },
};
for (const [name, page] of Object.entries(pages)) {
  mkdirSync(join(folder, name));
  writeFileSync(join(folder, name, 'source.html'), page.source);
  writeFileSync(join(folder, name, 'expected.html'), page.expected);
  writeFileSync(join(folder, name, 'expected-metadata.json'), JSON.stringify(page.metadata));
}

describe('scoring saved pages against expected output', () => {
  test('words are lowercased, CJK characters one each; recall and precision over bags of words', () => {
    expect(words('Apple’s iPhone, 阿里巴巴 rose 9.2%')).toEqual(['apple', 's', 'iphone', '阿', '里', '巴', '巴', 'rose', '9', '2']);
    expect(overlap(['a', 'b', 'b', 'c'], ['b', 'c', 'd'])).toEqual({ recall: 0.5, precision: 2 / 3 });
  });

  test('each page: the title as the page gives it, the date’s day as written, the outlet, the primary language, the body', async () => {
    const scores = await scorePages(loadPages(folder), pipelineReader);
    expect(scores.map(({ name, title, date, source, lang }) => ({ name, title, date, source, lang }))).toEqual([
      { name: 'dated', title: true, date: true, source: true, lang: true },
      // No title of its own: none is read from it, which is what the expected output says.
      { name: 'untitled', title: true, date: null, source: null, lang: null },
    ]);
    // The newsletter line is removed as boilerplate; the missing paragraph costs recall only.
    expect(scores[0]).toMatchObject({ recall: 1, precision: 1 });
    expect(scores[1]!.recall).toBeCloseTo(57 / 68); // 3 × 19 words of 68
    expect(scores[1]!.precision).toBe(1);
    expect(summarise(scores)).toMatchObject({ pages: 2, titles: 2, dates: [1, 1], sources: [1, 1], langs: [1, 1], underHalf: 0 });
  });
});
