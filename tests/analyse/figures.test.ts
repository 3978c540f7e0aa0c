import { describe, expect, it } from 'vitest';
import { extractFigures, factKey } from '../../src/pipeline/analyse/figures.ts';
import { shortHash } from '../../src/pipeline/clean/sentences.ts';
import type { Figure, Slug } from '../../src/pipeline/types.ts';
import { article, sampleArticles, sampleSubjects } from '../fixtures/figures/articles.ts';
import cases from '../fixtures/figures/cases.json' with { type: 'json' };
import samples from '../fixtures/figures/samples.json' with { type: 'json' };

const subjects = sampleSubjects();
const options = { base: '/briefs/', subjects };
/** What a figure says, as the fixtures write it: text, value, unit, subject, measure, period, market. */
const described = (figures: Figure[]) => figures.map((f) => [f.text, f.value, f.unit, f.subject, f.measure, f.period, f.market]);

describe('extractFigures on small articles', () => {
  it.each(cases)('$name', ({ date, paragraphs, figures }) => {
    expect(described(extractFigures(article('fixture', date, paragraphs), options))).toEqual(figures);
  });

  it('cites the whole sentence with a link that lands on it', () => {
    const doc = article('fixture', null, [['Intro.'], ['Vivo held 17% market share.']]);
    const [figure] = extractFigures(doc, options);
    expect(figure?.sources).toEqual([
      { article: 'fixture', quote: 'Vivo held 17% market share.', path: `/briefs/articles/fixture/#${doc.sentences[1]!.id}` },
    ]);
  });

  it('skips headings', () => {
    const doc = article('fixture', null, [['Apple’s share fell to 15% market share']]);
    doc.sentences[0]!.heading = true;
    expect(extractFigures(doc, options)).toEqual([]);
  });

  it('matches subjects by alias, case-sensitively', () => {
    const doc = article('fixture', null, [['Alibaba Group shares rose 3%, and alibaba shares rose 4%.']]);
    expect(extractFigures(doc, options).map((f) => f.subject)).toEqual(['Alibaba', 'Alibaba']);
    const lower = article('fixture', null, [['alibaba shares rose 4%.']]);
    expect(extractFigures(lower, options).map((f) => f.subject)).toEqual([null]);
  });
});

describe('figure ids', () => {
  const paragraph = ['Vivo held 17% market share in China in 2024.', 'Huawei held 16% market share.'];

  it('are the fact key and a hash of file, sentence and text, whatever the slug', () => {
    const doc = article('fixture', null, [paragraph]);
    const ids = extractFigures(doc, options).map((f) => f.id);
    expect(ids).toEqual(['vivo-market-share-china-2024-pct-05dakrx', 'huawei-market-share-china-2024-pct-11y4chg']);
    expect(ids[0]).toBe(`vivo-market-share-china-2024-pct-${shortHash(`fixture.txt\n${doc.sentences[0]!.id}\n17%`)}`);
    expect(extractFigures({ ...doc, slug: 'another-slug' as Slug }, options).map((f) => f.id)).toEqual(ids);
  });

  it('do not depend on what comes before in the article', () => {
    const alone = extractFigures(article('fixture', null, [paragraph]), options);
    const later = extractFigures(article('fixture', null, [['A new first paragraph, with 3% in it.'], paragraph]), options);
    expect(later.slice(1).map((f) => f.id)).toEqual(alone.map((f) => f.id));
  });

  it('tell apart the same text twice in one sentence', () => {
    const figures = extractFigures(article('fixture', null, [['Apple shares rose 2% on Monday and 2% on Tuesday.']]), options);
    expect(figures.map((f) => f.text)).toEqual(['rose 2%', '2%']);
    expect(new Set(figures.map((f) => f.id)).size).toBe(2);
  });

  it('slug the fact key from subject, measure, market, period and unit, leaving unknowns out', () => {
    expect(factKey({ subject: 'Vivo', measure: 'market share', market: 'China', period: 'Q4 2024', unit: '%' })).toBe(
      'vivo-market-share-china-q4-2024-pct',
    );
    expect(factKey({ subject: null, measure: 'donation', market: null, period: 'January 2025', unit: 'USD' })).toBe('donation-january-2025-usd');
  });
});

describe('extractFigures on the sample articles', () => {
  const articles = sampleArticles();
  const figuresOf = (file: string) => extractFigures(articles.get(file)!, options);

  it.each(Object.entries(samples))('%s', (file, expected) => {
    expect(described(figuresOf(file))).toEqual(expected);
  });

  it('quotes every sentence verbatim and every figure as written in it', () => {
    for (const doc of articles.values()) {
      const sentences = new Map(doc.sentences.map((s) => [`/briefs/articles/${doc.slug}/#${s.id}`, s.text]));
      for (const figure of extractFigures(doc, options)) {
        expect(figure.sources).toHaveLength(1);
        const [source] = figure.sources;
        expect(source!.article).toBe(doc.slug);
        expect(source!.quote).toBe(sentences.get(source!.path));
        expect(source!.quote).toContain(figure.text);
      }
    }
  });

  it('gives every figure a unique id, the same on every run', () => {
    const ids = [...articles.keys()].flatMap((file) => figuresOf(file).map((f) => f.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...articles.keys()].flatMap((file) => figuresOf(file).map((f) => f.id))).toEqual(ids);
    expect(ids.filter((id) => id.startsWith('vivo-market-share-china-q4-2024-pct-'))).toHaveLength(1);
  });

  it('reads no figure from model names or product numbers', () => {
    const texts = [...articles.keys()].flatMap((file) => figuresOf(file).map((f) => f.text));
    for (const name of ['2.5', 'V3', '16 family', '60']) expect(texts.some((text) => text.includes(name))).toBe(false);
  });
});
