/**
 * `npm run eval:html -- <folder> [--reader pipeline|readability-linkedom|readability-jsdom|defuddle-linkedom] [--rounds N] [--pages]`:
 * how well saved web pages are read, scored against a folder laid out like Mozilla Readability's
 * test pages (`<folder>/<name>/source.html`, `expected.html`, `expected-metadata.json`).
 *
 * `pipeline` (the default) scores what the site shows: each page read and cleaned by the
 * pipeline. The other readers score a library's own output on the same pages with the same
 * measures, for the comparison in the README; jsdom and defuddle are not dependencies of the
 * project (`npm install --no-save jsdom defuddle` first).
 *
 * Per page: the title exactly as expected (white space collapsed), the date's day (of pages whose
 * expected metadata has `publishedTime`), the outlet exactly (of pages with `siteName`), the
 * primary language subtag (of pages with `lang`), and the body's recall and precision over words
 * against `expected.html`'s text (bags of lowercased words; CJK characters count one each). The
 * time is the reader's alone, per page, the best of `--rounds` runs (a shared machine is noisy).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Nodes, Root } from 'mdast';
import { cleanArticle } from '../src/pipeline/clean/index.ts';
import { parsePage } from '../src/pipeline/read/html.ts';
import { readArticle } from '../src/pipeline/read/index.ts';

export interface ExpectedPage {
  name: string;
  source: string;
  expectedText: string;
  metadata: { title?: string | null; publishedTime?: string | null; siteName?: string | null; lang?: string | null };
}

/** What a reader made of a page. */
export interface ReadPage {
  title: string | null;
  date: string | null;
  source: string | null;
  lang: string | null;
  text: string;
  /** Milliseconds of reading alone, when the reader does more (the pipeline also cleans). */
  readMs?: number;
}

export type Reader = (html: string) => ReadPage | Promise<ReadPage>;

/** Elements that do not break a word from the next: every other element's edge is a space. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);

/** The text of an HTML document or fragment, a space at every block's edge (the same for every reader). */
export function htmlText(html: string): string {
  const document = parsePage(`<!doctype html><html><body>${html}</body></html>`);
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    if (node.nodeType !== 1) return;
    const tag = (node as Element).localName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'template') return;
    const block = !INLINE.has(tag);
    if (block) out += ' ';
    for (const child of node.childNodes) walk(child);
    if (block) out += ' ';
  };
  if (document.body) walk(document.body);
  return out;
}

/** The text of an mdast tree, a space between blocks. */
export function treeText(node: Nodes | Root): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if (!('children' in node)) return node.type === 'break' ? ' ' : '';
  const phrasing = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
  return node.children.map((child) => treeText(child as Nodes)).join(phrasing ? '' : ' ');
}

/** Lowercased words; each Han, Hiragana or Katakana character is a word. */
export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** Recall and precision of `got` against `expected`, as bags of words. */
export function overlap(expected: readonly string[], got: readonly string[]): { recall: number; precision: number } {
  const counts = new Map<string, number>();
  for (const word of expected) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of got) {
    const left = counts.get(word);
    if (left) {
      common++;
      counts.set(word, left - 1);
    }
  }
  return {
    recall: expected.length === 0 ? 1 : common / expected.length,
    precision: got.length === 0 ? (expected.length === 0 ? 1 : 0) : common / got.length,
  };
}

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * The pipeline's reading: read and clean, as the site shows the article. Its title counts only
 * when it is the page's own (a page with none is titled by its first sentence on the site).
 */
export const pipelineReader: Reader = (html) => {
  const bytes = new TextEncoder().encode(html);
  const start = performance.now();
  const read = readArticle('page.html', bytes);
  const readMs = performance.now() - start;
  if (!read.doc) return { title: null, date: null, source: null, lang: null, text: '', readMs };
  const article = cleanArticle(read.doc);
  return { title: article.titleFrom === 'file' ? article.title : null, date: article.date, source: article.source, lang: article.lang, text: treeText(article.tree), readMs };
};

/** The libraries compared in the README, each on its own. */
async function libraryReader(name: string): Promise<Reader> {
  const load = async <T>(module: string): Promise<T> => {
    try {
      return (await import(module)) as T;
    } catch {
      throw new Error(`--reader ${name} needs ${module}: npm install --no-save jsdom defuddle`);
    }
  };
  const { Readability } = await import('@mozilla/readability');
  const fromReadability = (document: Document): ReadPage => {
    const article = new Readability(document).parse();
    return { title: article?.title ?? null, date: article?.publishedTime ?? null, source: article?.siteName ?? null, lang: article?.lang ?? null, text: htmlText(article?.content ?? '') };
  };
  switch (name) {
    case 'readability-linkedom':
      return (html) => fromReadability(parsePage(html));
    case 'readability-jsdom': {
      type Jsdom = { JSDOM: new (html: string, options: object) => { window: { document: Document; close(): void } }; VirtualConsole: new () => object };
      const { JSDOM, VirtualConsole } = await load<Jsdom>('jsdom');
      const quiet = new VirtualConsole();
      return (html) => {
        const dom = new JSDOM(html, { virtualConsole: quiet });
        try {
          return fromReadability(dom.window.document);
        } finally {
          dom.window.close();
        }
      };
    }
    case 'defuddle-linkedom': {
      const { Defuddle } = await load<{ Defuddle: (document: Document, url?: string) => Promise<{ title: string; content: string; published: string; site: string; language: string }> }>('defuddle/node');
      return async (html) => {
        const result = await Defuddle(parsePage(html));
        return { title: result.title || null, date: result.published || null, source: result.site || null, lang: result.language || null, text: htmlText(result.content) };
      };
    }
    default:
      throw new Error(`unknown reader ${name}: pipeline, readability-linkedom, readability-jsdom or defuddle-linkedom`);
  }
}

export function loadPages(folder: string): ExpectedPage[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'source.html')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = (f: string) => join(folder, name, f);
      const metadata = existsSync(file('expected-metadata.json')) ? (JSON.parse(readFileSync(file('expected-metadata.json'), 'utf8')) as ExpectedPage['metadata']) : {};
      const expected = existsSync(file('expected.html')) ? readFileSync(file('expected.html'), 'utf8') : '';
      return { name, source: readFileSync(file('source.html'), 'utf8'), expectedText: htmlText(expected), metadata };
    });
}

export interface PageScore {
  name: string;
  title: boolean;
  /** null when the page's expected metadata has none. */
  date: boolean | null;
  source: boolean | null;
  lang: boolean | null;
  recall: number;
  precision: number;
  ms: number;
  got: ReadPage;
}

/** The day of an expected `publishedTime`: its first ten characters when ISO, else as Date reads it. */
function expectedDay(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

const primary = (tag: string | null | undefined) => (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';

export async function scorePages(pages: readonly ExpectedPage[], reader: Reader, rounds = 1): Promise<PageScore[]> {
  const scores: PageScore[] = [];
  for (const page of pages) {
    let best = Number.POSITIVE_INFINITY;
    let got: ReadPage | undefined;
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      got = await reader(page.source);
      best = Math.min(best, got.readMs ?? performance.now() - start);
    }
    const read = got as ReadPage;
    const { title, publishedTime, siteName, lang } = page.metadata;
    scores.push({
      name: page.name,
      title: collapse(read.title) === collapse(title),
      date: publishedTime ? expectedDay(publishedTime) === (read.date ? expectedDay(read.date) : null) : null,
      source: siteName ? collapse(read.source) === collapse(siteName) : null,
      lang: lang ? primary(read.lang) === primary(lang) : null,
      ...overlap(words(page.expectedText), words(read.text)),
      ms: best,
      got: read,
    });
  }
  return scores;
}

export interface Summary {
  pages: number;
  titles: number;
  dates: [number, number];
  sources: [number, number];
  langs: [number, number];
  recall: number;
  precision: number;
  underHalf: number;
  msPerPage: number;
}

export function summarise(scores: readonly PageScore[]): Summary {
  const count = (field: 'date' | 'source' | 'lang'): [number, number] => [scores.filter((s) => s[field] === true).length, scores.filter((s) => s[field] !== null).length];
  const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  return {
    pages: scores.length,
    titles: scores.filter((s) => s.title).length,
    dates: count('date'),
    sources: count('source'),
    langs: count('lang'),
    recall: mean(scores.map((s) => s.recall)),
    precision: mean(scores.map((s) => s.precision)),
    underHalf: scores.filter((s) => s.recall < 0.5).length,
    msPerPage: mean(scores.map((s) => s.ms)),
  };
}

const percent = (n: number, of: number) => `${n} / ${of} (${of === 0 ? '–' : ((100 * n) / of).toFixed(1)}%)`;

export function summaryTable(reader: string, summary: Summary): string {
  return [
    '| reader | pages | titles exact | dates | outlets | languages | body recall (mean) | body precision (mean) | pages under half their text | ms a page |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${reader} | ${summary.pages} | ${percent(summary.titles, summary.pages)} | ${percent(...summary.dates)} | ${percent(...summary.sources)} | ${percent(...summary.langs)} | ${summary.recall.toFixed(3)} | ${summary.precision.toFixed(3)} | ${summary.underHalf} | ${summary.msPerPage.toFixed(1)} |`,
  ].join('\n');
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { reader: { type: 'string', default: 'pipeline' }, rounds: { type: 'string', default: '3' }, pages: { type: 'boolean', default: false } },
  });
  const folder = positionals[0];
  if (!folder) throw new Error('usage: npm run eval:html -- <folder of test pages> [--reader NAME] [--rounds N] [--pages]');
  const pages = loadPages(resolve(folder));
  const reader = values.reader === 'pipeline' ? pipelineReader : await libraryReader(values.reader);
  const scores = await scorePages(pages, reader, Math.max(1, Number(values.rounds)));
  if (values.pages) {
    for (const s of scores) {
      const marks = [s.title ? '' : `title ${JSON.stringify(s.got.title)}`, s.date === false ? `date ${s.got.date}` : '', s.source === false ? `outlet ${JSON.stringify(s.got.source)}` : '', s.lang === false ? `lang ${s.got.lang}` : ''].filter(Boolean);
      process.stdout.write(`${s.name}\trecall ${s.recall.toFixed(3)}\tprecision ${s.precision.toFixed(3)}\t${s.ms.toFixed(1)} ms\t${marks.join('; ')}\n`);
    }
  }
  process.stdout.write(`${summaryTable(values.reader, summarise(scores))}\n`);
}
