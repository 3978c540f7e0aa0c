/**
 * An article page shows the article as written and as safe: straight quotes stay straight,
 * links to other sites carry rel="noopener noreferrer", and every sentence has its anchor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, inject, test } from 'vitest';
import { elements, page, readJson, text } from '../helpers/site.ts';

let site: string;
let articles: { file: string; path: string }[];
beforeAll(() => {
  site = inject('sampleSite');
  articles = readJson(site, 'data/articles.json');
});
const pathOf = (file: string) => articles.find((a) => a.file === file)!.path;
const body = (path: string) => elements(page(site, path), (el) => el.properties.className?.toString().includes('article-body') ?? false)[0]!;

test('text is shown with the punctuation it was written with', () => {
  expect(text(body(pathOf('001_fd01007aeaece61c.txt')))).toContain('a push for "Made in China" brands');
  expect(text(body(pathOf('003_cfd479d661bbd93e.txt')))).toContain('Apple “talked to a number of companies in China,”');
});

test('links to other sites open with rel="noopener noreferrer"', () => {
  const links = elements(body(pathOf('003_cfd479d661bbd93e.txt')), (el) => el.tagName === 'a' && /^https?:/.test(String(el.properties.href)));
  expect(links.length).toBe(8);
  for (const link of links) expect(link.properties.rel).toEqual(['noopener', 'noreferrer']);
});

test('every sentence of the data API has its anchor on the page, with the same text', () => {
  for (const { path, file } of articles) {
    const record = readJson<{ slug: string; sentences: { id: string; text: string }[] }>(site, `data/articles/${path.split('/')[2]}.json`);
    const html = readFileSync(join(site, path, 'index.html'), 'utf8');
    for (const sentence of record.sentences) {
      expect(html, `${file} lacks #${sentence.id}`).toContain(`id="${sentence.id}"`);
    }
    const anchors = elements(body(path), (el) => el.tagName === 'span' && el.properties.className?.toString() === 's');
    expect(anchors.map((a) => text(a))).toEqual(record.sentences.map((s) => s.text.replace(/\s+/g, ' ').trim()));
  }
});
