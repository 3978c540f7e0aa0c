/**
 * The time of the libraries the product is built on, alone, over the benchmark's corpus: the
 * floor under a cold pipeline, whatever the pipeline does around them. The brief fixes them:
 * remark-parse with GFM for Markdown, linkedom and Readability for HTML (the reader's own
 * parser and extractor, so the floor follows their configuration), and remark-stringify with
 * remark-mdx for the MDX pages (`articleToMdx`, with the escaping the pages need). A target for
 * the whole pipeline below this, divided by the cores, cannot be met. One thread, best of two.
 */
import { Readability } from '@mozilla/readability';
import { cleanArticle } from '../../src/pipeline/clean/index.ts';
import { articleToMdx } from '../../src/pipeline/emit/mdx.ts';
import { parsePage } from '../../src/pipeline/read/html.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';
import { markdownParser } from '../../src/pipeline/read/markdown.ts';
import type { Article } from '../../src/core/types.ts';
import { renderArticle, type BenchArticle } from './corpus.ts';

export interface LibraryTime {
  library: string;
  files: number;
  ms: number;
}

/** The least of `rounds` timings of `work`. */
function best(rounds: number, work: () => void): number {
  let least = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    work();
    least = Math.min(least, performance.now() - start);
  }
  return least;
}

export function measureLibraries(corpus: readonly BenchArticle[], rounds = 2): LibraryTime[] {
  const texts = corpus.map((article) => ({ file: article.file, text: renderArticle(article) }));
  const markdownTexts = texts.filter((t) => t.file.endsWith('.md')).map((t) => t.text);
  const htmlTexts = texts.filter((t) => t.file.endsWith('.html')).map((t) => t.text);
  // Each article's tree as the pipeline makes it (not timed): what the MDX serialiser is given.
  const articles = texts.flatMap(({ file, text }): Article[] => {
    const { doc } = readArticle(file, new TextEncoder().encode(text));
    return doc ? [cleanArticle(doc)] : [];
  });
  return [
    { library: 'remark-parse + remark-gfm (Markdown articles)', files: markdownTexts.length, ms: best(rounds, () => markdownTexts.forEach((text) => markdownParser.parse(text))) },
    { library: 'linkedom + Readability (HTML articles)', files: htmlTexts.length, ms: best(rounds, () => htmlTexts.forEach((text) => new Readability(parsePage(text)).parse())) },
    { library: 'remark-stringify + remark-mdx (MDX pages)', files: articles.length, ms: best(rounds, () => articles.forEach((article) => articleToMdx(article))) },
  ];
}

export function librariesTable(times: readonly LibraryTime[], cores: number): string {
  const total = times.reduce((sum, t) => sum + t.ms, 0);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    '| library | files | time, one thread |',
    '| --- | ---: | ---: |',
    ...times.map((t) => `| ${t.library} | ${t.files.toLocaleString('en-GB')} | ${seconds(t.ms)} |`),
    `| **all three** (on ${cores} core${cores === 1 ? '' : 's'}, at best: ${seconds(total / cores)}) | | **${seconds(total)}** |`,
  ].join('\n');
}
