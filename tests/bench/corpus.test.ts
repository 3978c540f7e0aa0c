import { describe, expect, it } from 'vitest';
import { generateCorpus, manifestOf, renderArticle, renderMdx } from '../../scripts/bench/corpus.ts';
import { contentPaths, loadConfig } from '../../src/config/load.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { join } from 'node:path';

const words = (paragraphs: string[]) => paragraphs.join(' ').split(/\s+/).length;

describe('generateCorpus', () => {
  const corpus = generateCorpus(150, 11);

  it('is the same corpus for the same seed, and another for another seed', () => {
    expect(generateCorpus(150, 11)).toEqual(corpus);
    expect(generateCorpus(150, 12).map((a) => a.title)).not.toEqual(corpus.map((a) => a.title));
  });

  it('names files in order, in three formats', () => {
    expect(corpus.map((a) => a.file)).toEqual([...corpus.map((a) => a.file)].sort());
    expect(corpus[0]?.file).toMatch(/^00000\.(txt|md|html)$/);
    expect(new Set(corpus.map((a) => a.format))).toEqual(new Set(['text', 'markdown', 'html']));
  });

  it('writes articles of 200 to 1,500 words (a paragraph more at most), rewordings a little shorter', () => {
    for (const article of corpus.filter((a) => !a.rewordOf)) {
      expect(words(article.paragraphs), article.file).toBeGreaterThanOrEqual(200);
      expect(words(article.paragraphs), article.file).toBeLessThanOrEqual(1650);
    }
  });

  it('rewords earlier articles into near-duplicates', () => {
    const copies = corpus.filter((a) => a.rewordOf);
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(copy.rewordOf! < copy.file).toBe(true);
  });
});

describe('the files it writes', () => {
  const [text, markdown, html] = (['text', 'markdown', 'html'] as const).map((format) => generateCorpus(40, 3).find((a) => a.format === format && a.date && a.outlet)!);

  it('carry metadata as each format does: manifest, front matter, page head', () => {
    expect(renderArticle(text!).startsWith(`${text!.title}\n\n`)).toBe(true);
    expect(manifestOf([text!, markdown!, html!])).toEqual({ [text!.file]: { source: text!.outlet, date: text!.date, url: text!.url } });
    expect(renderArticle(markdown!)).toContain(`---\ntitle: ${JSON.stringify(markdown!.title)}\ndate: ${markdown!.date}\nsource: ${JSON.stringify(markdown!.outlet)}\n`);
    expect(renderArticle(html!)).toContain(`<meta property="article:published_time" content="${html!.date}">`);
  });

  it('give the bare baseline MDX with nothing in it that MDX would run', () => {
    const mdx = renderMdx(markdown!);
    expect(mdx.startsWith(`---\ntitle: ${JSON.stringify(markdown!.title)}\n`)).toBe(true);
    expect(mdx.slice(mdx.indexOf('---', 3))).not.toMatch(/[{}<>]/);
  });
});

describe('through the pipeline', () => {
  const corpus = generateCorpus(150, 11);
  const config = loadConfig(contentPaths(join(import.meta.dirname, '..', '..')));
  const output = runPipeline({
    files: corpus.map((a) => ({ file: a.file, bytes: new TextEncoder().encode(renderArticle(a)) })),
    manifest: manifestOf(corpus),
    topics: config.topics,
    entities: config.entities,
    site: config.site,
  });

  it('builds every article without a problem', () => {
    expect(output.articles.length).toBe(150);
    expect(output.diagnostics).toEqual([]);
  });

  it('fills every default topic and leaves some articles in none', () => {
    for (const briefing of output.briefings) expect(briefing.articles.length, briefing.slug).toBeGreaterThan(10);
    expect(output.articles.filter((a) => a.topics.length === 0).length).toBeGreaterThan(10);
  });

  it('gives figures with units, quotes with speakers, and dated events', () => {
    const figures = output.articles.flatMap((a) => a.figures);
    // Any count is in `units`, as the evaluation's vocabulary has it (people, phones, customers alike).
    expect(new Set(figures.map((f) => f.unit))).toEqual(new Set(['%', 'USD', 'HKD', 'units']));
    expect(figures.some((f) => f.measure === 'market share' && f.market === 'China' && f.period)).toBe(true);
    expect(output.articles.flatMap((a) => a.quotes).some((q) => q.speaker === 'Tim Cook')).toBe(true);
    expect(output.articles.flatMap((a) => a.events).length).toBeGreaterThan(50);
  });

  it('finds each rewording as a near-duplicate of its original', () => {
    const slugOf = new Map(output.articles.map((a) => [a.file, a.slug]));
    for (const copy of corpus.filter((a) => a.rewordOf)) {
      const found = output.duplicates.get(slugOf.get(copy.file)!) ?? [];
      expect(found.map((d) => d.slug), copy.file).toContain(slugOf.get(copy.rewordOf!));
    }
  });
});
