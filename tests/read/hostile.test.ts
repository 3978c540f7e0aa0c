/**
 * Hostile and broken article files (tests/fixtures/hostile/, plus big and binary ones made here)
 * through read → clean → MDX, and the MDX through the parsers and compilers that consume it.
 * A bad file is refused with a message naming it (and the line, where known) and never throws;
 * a strange but good file comes through with its text intact; and no file gets anything into
 * the MDX that runs: no ESM, no expression, no element but the emitter's own, no script URL,
 * and compiled programs that only render. How long the big ones take, and how that grows with
 * their size, is measured by `npm run bench` (scripts/bench/hostile.ts), not asserted here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cleanArticle } from '../../src/pipeline/clean/index.ts';
import { articleToMdx } from '../../src/pipeline/emit/mdx.ts';
import { MAX_ARTICLE_BYTES, readArticle } from '../../src/pipeline/read/index.ts';
import type { Article, Diagnostic } from '../../src/core/types.ts';
import { articleText, compiledEffects, readMdx } from '../emit/mdx-check.ts';

const dir = join(import.meta.dirname, '../fixtures/hostile');
const fixture = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

interface Refused {
  message: RegExp;
  line?: number;
}
interface Accepted {
  /** Text that must reach the article, verbatim, in its sentences or title. */
  keeps?: string[];
  /** Text that must not reach the article at all. */
  hides?: string[];
  title?: string;
  slug?: string;
  lang?: string;
  warnings?: Partial<Diagnostic>[];
}
type Case = { bytes: () => Uint8Array } & ({ refused: Refused } | { accepted: Accepted });

const cases: Record<string, Case> = {
  'mdx-expressions.txt': {
    bytes: () => fixture('mdx-expressions.txt'),
    accepted: {
      title: 'Budget talks stall',
      keeps: ['The value is {process.exit(1)} today, officials said.', '{process.exit(1)}', '{/* a comment */} and {1 + 1} and {`template`}.'],
    },
  },
  'mdx-expressions.md': {
    bytes: () => fixture('mdx-expressions.md'),
    accepted: { keeps: ['The value is {process.exit(1)} today.', '{require("node:fs").writeFileSync("/tmp/pwned", "x")}'] },
  },
  'esm-lines.txt': {
    bytes: () => fixture('esm-lines.txt'),
    accepted: {
      keeps: ["import fs from 'node:fs'", 'export const x = 1', 'export of goods rose 5% in March, officials said.', "import {a} from 'b'; export default a"],
    },
  },
  'esm-lines.md': {
    bytes: () => fixture('esm-lines.md'),
    accepted: { keeps: ["import fs from 'node:fs'", 'export const x = 1', 'export of goods rose 5% in March, officials said.', "import y from 'z'"] },
  },
  'jsx.md': {
    bytes: () => fixture('jsx.md'),
    // Not valid HTML to CommonMark (a brace in an unquoted attribute), so the first two stay text.
    accepted: { title: 'JSX in Markdown', keeps: ['Hello <Foo onClick={() => alert(1)}/> there.', '<Foo onClick={() => alert(1)} />', 'Block text stays.', 'styled'], hides: ['onmouseover'] },
  },
  'jsx.txt': {
    bytes: () => fixture('jsx.txt'),
    accepted: { keeps: ['Hello <Foo onClick={() => alert(1)}/> there.', '<Foo onClick={() => alert(1)} />', '<></> and </span> and <span id="s-fake">fake</span>.'] },
  },
  'script-img.md': {
    bytes: () => fixture('script-img.md'),
    accepted: { keeps: ['First paragraph stays.', 'Inline script and image, then text.', 'Last paragraph stays.'], hides: ['alert', 'onerror', 'evil'] },
  },
  'script-img.html': {
    bytes: () => fixture('script-img.html'),
    accepted: {
      // The page's <title>, as Readability reads it: a page's own metadata wins over its <h1>.
      title: 'Saved',
      lang: 'en',
      keeps: ['Text with a bad link and a good one.', 'Second link and data.'],
      hides: ['alert', 'Enable JS', 'color: red', 'evil'],
    },
  },
  'javascript-links.md': {
    bytes: () => fixture('javascript-links.md'),
    accepted: { keeps: ['See x and y and z.', 'Also javascript:alert(4) and r and d and v and ok.'] },
  },
  'js-front-matter.md': { bytes: () => fixture('js-front-matter.md'), refused: { message: /front matter in `js` is not allowed.*JavaScript/, line: 1 } },
  'js-front-matter.txt': { bytes: () => fixture('js-front-matter.txt'), refused: { message: /front matter in `javascript` is not allowed/, line: 1 } },
  'layout-slug.md': { bytes: () => fixture('layout-slug.md'), accepted: { title: 'Layout trick', slug: 'layout-trick' } },
  'script-title.md': {
    bytes: () => fixture('script-title.md'),
    accepted: { title: '</script><script>alert(1)</script>', slug: 'script-script-alert-1-script' },
  },
  // The YAML parser notices the unclosed `[` of line 3 where line 4 starts.
  'malformed-yaml.md': { bytes: () => fixture('malformed-yaml.md'), refused: { message: /^front matter is not valid YAML: Flow sequence .* end with a \]/, line: 4 } },
  'bad-fields.md': {
    bytes: () => fixture('bad-fields.md'),
    accepted: {
      warnings: [
        { file: 'bad-fields.md', field: 'date', line: 3, severity: 'warning', message: 'front matter `date`: expected a date written as YYYY-MM-DD; ignored' },
        { file: 'bad-fields.md', field: 'url', line: 4, severity: 'warning', message: 'front matter `url`: only http:// and https:// links are allowed; ignored' },
      ],
    },
  },
  'alias-bomb.md': { bytes: () => fixture('alias-bomb.md'), refused: { message: /too many YAML aliases/, line: 2 } },
  'unclosed-front-matter.md': { bytes: () => fixture('unclosed-front-matter.md'), refused: { message: /never closed/, line: 1 } },
  'empty.txt': { bytes: () => fixture('empty.txt'), refused: { message: /^file is empty$/ } },
  'whitespace.txt': { bytes: () => fixture('whitespace.txt'), refused: { message: /^file is empty$/ } },
  'rtl.txt': {
    bytes: () => fixture('rtl.txt'),
    accepted: {
      title: 'أخبار السوق',
      slug: 'rtl',
      lang: 'ar',
      keeps: ['ارتفعت أسهم علي بابا بنسبة 9.2% بعد الإعلان.', 'שלום עולם.', 'Mixed English and عربي and עברית in one sentence, with \u200fRTL marks\u200e inside.'],
    },
  },
  'emoji.txt': {
    bytes: () => fixture('emoji.txt'),
    accepted: {
      keeps: ['The family 👨‍👩‍👧‍👦 arrived.', 'Flags 🇨🇳🇺🇸 and skin tones 👍🏽 stay whole.', 'Cafe\u0301 with a combining accent, Zalgo t\u0337\u0314e\u0338x\u0335t, and a zero\u200bwidth space.'],
    },
  },
  // Made here: big, binary, or byte-exact files that should not be committed as such.
  'nested-quotes.md': { bytes: () => utf8(`${'>'.repeat(10_000)} deep\n`), refused: { message: /nesting deeper than 24 levels/, line: 1 } },
  'nested-lists.md': { bytes: () => utf8(`Intro.\n\n${'- '.repeat(10_000)}deep\n`), refused: { message: /nesting deeper than 24 levels/, line: 3 } },
  'indented-lists.md': {
    bytes: () => utf8(Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')),
    refused: { message: /indented more than 100 columns/, line: 52 },
  },
  // A saved page's DOM keeps no source lines (linkedom's), so its problems name the file alone.
  'deep-lists.html': { bytes: () => utf8(`${'<ul><li>'.repeat(40)}deep`), refused: { message: /nested more than 64 levels deep/ } },
  'deep-elements.html': { bytes: () => utf8(`<p>${'<span>'.repeat(100_000)}deep</p>`), refused: { message: /too deeply nested/ } },
  'brackets.md': { bytes: () => utf8(`${'['.repeat(100_000)}\n`), refused: { message: /more than 400 Markdown markup characters/, line: 1 } },
  'stars.md': { bytes: () => utf8(`Intro.\n\n${'*'.repeat(100_000)}\n`), refused: { message: /more than 400 Markdown markup characters/, line: 3 } },
  'links.md': { bytes: () => utf8(`${'[a]('.repeat(65_536)}\n`), refused: { message: /Markdown markup characters/, line: 1 } },
  'brackets.txt': { bytes: () => utf8(`${'['.repeat(100_000)}\n`), accepted: { keeps: ['['.repeat(100_000)] } },
  'stars.txt': { bytes: () => utf8(`Stars\n\n${'*a*'.repeat(20_000)}\n`), accepted: { keeps: ['*a*'.repeat(20_000)] } },
  'huge.txt': { bytes: () => new Uint8Array(3 * 1024 * 1024).fill(0x61), refused: { message: /3\.0 MiB, over the 2 MiB limit/ } },
  'binary.txt': {
    bytes: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    refused: { message: /^binary file \(contains NUL bytes\)/ },
  },
  'late-nul.txt': { bytes: () => utf8(`${'Text. '.repeat(3000)}\u0000`), refused: { message: /binary file/ } },
  'report.docx': { bytes: () => utf8('PK\u0003\u0004 not really a document'), refused: { message: /^unknown file type: articles are \.txt, \.md or \.html files$/ } },
  'latin1.txt': {
    bytes: () => new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' society\n\nThe caf'), 0xe9, ...utf8(' opened in M'), 0xfc, ...utf8('nchen for 5 '), 0x80, ...utf8('.\n')]),
    accepted: {
      title: 'Café society',
      keeps: ['The café opened in München for 5 €.'],
      warnings: [{ file: 'latin1.txt', severity: 'warning', message: 'not valid UTF-8; decoded as Windows-1252 (Latin-1): check accented characters' }],
    },
  },
  'bom-crlf.txt': {
    bytes: () => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Title line\r\n\r\nFirst sentence here. Second one.\r\nThird line.\r')]),
    accepted: { title: 'Title line', keeps: ['First sentence here.', 'Second one.', 'Third line.'] },
  },
  'utf16.txt': {
    bytes: () => {
      const text = 'UTF-16 story\n\nSaved by a Windows editor. It still reads.\n';
      const bytes = new Uint8Array(2 + text.length * 2);
      bytes.set([0xff, 0xfe]);
      for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
      return bytes;
    },
    accepted: { title: 'UTF-16 story', keeps: ['Saved by a Windows editor.', 'It still reads.'] },
  },
  'controls.txt': { bytes: () => utf8('Form\u000cfeed\n\nText with\u001b[31m escapes\u0007 and a DEL\u007f.\n'), accepted: { title: 'Formfeed', keeps: ['Text with[31m escapes and a DEL.'] } },
  'long-line.txt': { bytes: () => utf8(`${'word '.repeat(40_000).trim()}\n`), accepted: { keeps: ['word '.repeat(40_000).trim()] } },
  'underscores.txt': { bytes: () => utf8(`Snake case\n\n${'a_b_'.repeat(16_384)}\n`), accepted: { keeps: ['a_b_'.repeat(16_384)] } },
  'sentences.txt': { bytes: () => utf8(`Bangs\n\n${'A!'.repeat(2_000)}\n`), accepted: { keeps: ['A!'] } },
  'too-many-sentences.txt': { bytes: () => utf8(`Bangs\n\n${'A!'.repeat(40_000)}\n`), refused: { message: /more than 30,000 sentence endings/, line: 3 } },
  'backticks.txt': { bytes: () => utf8(`Ticks\n\n${'`a'.repeat(3000)}\n`), refused: { message: /more than 2,000 backticks and web addresses/, line: 3 } },
};

/** Read and clean, failing the test if either throws. */
function readAndClean(file: string, bytes: Uint8Array): { diagnostics: Diagnostic[]; article?: Article } {
  const result = readArticle(file, bytes);
  return result.doc ? { diagnostics: result.diagnostics, article: cleanArticle(result.doc) } : { diagnostics: result.diagnostics };
}

describe('hostile and broken article files', () => {
  test('every case is tested, and every committed fixture has a case', async () => {
    const { readdirSync } = await import('node:fs');
    for (const name of readdirSync(dir)) expect(Object.keys(cases)).toContain(name);
  });

  for (const [file, spec] of Object.entries(cases)) {
    if ('refused' in spec) {
      test(`${file} is refused, named, with its reason`, () => {
        const { diagnostics, article } = readAndClean(file, spec.bytes());
        expect(article).toBeUndefined();
        expect(diagnostics).toHaveLength(1);
        const [diagnostic] = diagnostics;
        expect(diagnostic).toMatchObject({ file, severity: 'error' });
        expect(diagnostic?.message).toMatch(spec.refused.message);
        expect(diagnostic?.line).toBe(spec.refused.line);
      });
      continue;
    }
    test(`${file} comes through with its text, and nothing in its MDX runs`, async () => {
      const { accepted } = spec;
      const { diagnostics, article } = readAndClean(file, spec.bytes());
      expect(diagnostics).toEqual([]);
      if (!article) throw new Error('refused');
      const mdx = articleToMdx(article);

      expect(article.warnings).toEqual(accepted.warnings ?? []);
      if (accepted.title !== undefined) expect(article.title).toBe(accepted.title);
      if (accepted.slug !== undefined) expect(article.slug).toBe(accepted.slug);
      if (accepted.lang !== undefined) expect(article.lang).toBe(accepted.lang);
      const shown = [article.title, ...article.sentences.map((s) => s.text)].join('\n');
      for (const text of accepted.keeps ?? []) expect(shown).toContain(text);
      for (const text of accepted.hides ?? []) expect(articleText(article)).not.toContain(text);

      const { remark, satteri } = readMdx(mdx);
      for (const reading of [remark, satteri]) {
        expect(reading.dangerous).toEqual([]);
        expect(reading.spans).toEqual(article.sentences.map((s) => ({ id: s.id, text: s.text })));
        expect(reading.text).toBe(articleText(article));
        expect(reading.frontmatter).toEqual({
          title: article.title,
          slug: article.slug,
          file,
          date: article.date,
          source: article.source,
          url: article.url,
          lang: article.lang,
        });
      }
      expect(await compiledEffects(mdx)).toEqual({ satteri: [], mdxjs: [] });
    });
  }

  test('a 2 MiB file is within the limit and a byte more is not', () => {
    const text = (size: number) => new Uint8Array(size).fill(0x61);
    expect(readArticle('limit.txt', text(MAX_ARTICLE_BYTES)).diagnostics).toEqual([]);
    expect(readArticle('limit.txt', text(MAX_ARTICLE_BYTES + 1)).diagnostics[0]?.message).toMatch(/over the 2 MiB limit/);
  });
});
