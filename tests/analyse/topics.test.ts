import { readFileSync, readdirSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { gazetteerSchema, topicSchema } from '../../src/config/schema.ts';
import { compileTopics, matchTopics } from '../../src/pipeline/analyse/topics.ts';
import { loadArticle, samples } from '../fixtures/analyse/samples.ts';
import type { Article, Sentence, SentenceId, Topic } from '../../src/pipeline/types.ts';

const root = new URL('../../', import.meta.url);
const topicsDir = new URL('content/topics/', root);
const fixturesDir = new URL('../fixtures/topics/', import.meta.url);

const topics: Pick<Topic, 'slug' | 'match'>[] = readdirSync(topicsDir)
  .sort()
  .map((file) => ({ slug: file.replace(/\.md$/, ''), ...topicSchema.parse(matter(readFileSync(new URL(file, topicsDir), 'utf8')).data) }));
const aliases = new Map(gazetteerSchema.parse(JSON.parse(readFileSync(new URL('content/entities.json', root), 'utf8'))).map((e) => [e.name, e.aliases]));
const topic = (slug: string) => topics.find((t) => t.slug === slug) as Pick<Topic, 'slug' | 'match'>;

/** Which samples (by file-name prefix) each topic holds. */
function members(withTopics = topics): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of withTopics) out[t.slug] = [];
  for (const article of samples) for (const m of matchTopics(article, withTopics, aliases)) out[m.topic]?.push(article.file.slice(0, 3));
  return out;
}

const article = (title: string, ...texts: string[]) => ({
  title,
  sentences: texts.map((text, i): Sentence => ({ id: `s-${i}` as SentenceId, text, block: i, heading: false })),
});
const rule = (slug: string, match: Partial<Topic['match']>) => ({ slug, match: { any: [], all: [], none: [], threshold: 1, ...match } });

describe('matchTopics on the five samples', () => {
  it('puts every sample in apple-in-china and the Canalys market-share reports in market-share', () => {
    const found = members();
    expect(found['apple-in-china']).toEqual(['000', '001', '002', '003', '004']);
    // 001 says "market share" twice but names no research firm and no shipments; 004 none of the terms.
    expect(found['market-share']).toEqual(['000', '002', '003']);
  });

  it('puts 000, 001, 002 and 004 in alibaba-ai; 003 has one distinct any-term (AI), below threshold 2', () => {
    const found = members();
    const threshold = topic('alibaba-ai').match.threshold;
    expect(found['alibaba-ai']).toEqual(threshold <= 1 ? ['000', '001', '002', '003', '004'] : ['000', '001', '002', '004']);
    const evidence = matchTopics(samples[3] as Article, [{ ...topic('alibaba-ai'), match: { ...topic('alibaba-ai').match, threshold: 1 } }], aliases);
    expect(evidence[0]?.terms).toEqual([
      { term: 'Alibaba', count: 7 },
      { term: 'AI', count: 6 },
    ]);
  });

  it('explains each match with counted terms and a score', () => {
    expect(matchTopics(samples[0] as Article, topics, aliases)).toEqual([
      {
        topic: 'alibaba-ai',
        score: 8.761,
        terms: [
          { term: 'AI', count: 20 },
          { term: 'Alibaba', count: 14 },
          { term: 'model', count: 2 },
          { term: 'Qwen', count: 1 },
          { term: 'models', count: 1 },
        ],
      },
      {
        topic: 'apple-in-china',
        score: 8.829,
        terms: [
          { term: 'Apple', count: 18 },
          { term: 'China', count: 16 },
          { term: 'Chinese', count: 4 },
          { term: 'Huawei', count: 2 },
          { term: 'Greater China', count: 1 },
        ],
      },
      {
        topic: 'market-share',
        score: 6.946,
        terms: [
          { term: 'market share', count: 2 },
          { term: 'Canalys', count: 1 },
          { term: 'IDC', count: 1 },
          { term: 'shipments', count: 1 },
          { term: 'smartphone vendor', count: 1 },
        ],
      },
    ]);
  });

  it('counts an alias the topic lists as its own term once, under that term', () => {
    // 001 names "Tongyi Qianwen", an alias of Qwen; alibaba-ai lists both, so Qwen does not count it.
    const terms = matchTopics(samples[1] as Article, [topic('alibaba-ai')], aliases)[0]?.terms.map((t) => t.term);
    expect(terms).toEqual(['AI', 'Alibaba', 'Tongyi Qianwen', 'model', 'models']);
  });
});

describe('matchTopics on fixtures', () => {
  it('matches no topic for a city council budget story', () => {
    expect(matchTopics(loadArticle(fixturesDir, 'council-budget.txt'), topics, aliases)).toEqual([]);
  });

  it('keeps an article about Apple in India out of apple-in-china: one mention of China is one any-term', () => {
    expect(matchTopics(loadArticle(fixturesDir, 'apple-india.txt'), topics, aliases)).toEqual([]);
    const loose = [{ ...topic('apple-in-china'), match: { ...topic('apple-in-china').match, threshold: 1 } }];
    expect(matchTopics(loadArticle(fixturesDir, 'apple-india.txt'), loose, aliases)[0]?.terms).toEqual([
      { term: 'Apple', count: 4 },
      { term: 'China', count: 1 },
    ]);
  });

  it('puts a Chinese article about 阿里巴巴 and AI in alibaba-ai through the gazetteer aliases', () => {
    const zh = loadArticle(fixturesDir, 'alibaba-zh.txt');
    expect(matchTopics(zh, topics, aliases)).toEqual([
      {
        topic: 'alibaba-ai',
        // 3 distinct terms + ln(1 + 4 in the body + 3 × 2 in the title).
        score: 5.398,
        terms: [
          { term: 'Alibaba', count: 3 },
          { term: 'AI', count: 2 },
          { term: 'Qwen', count: 1 },
        ],
      },
    ]);
    expect(matchTopics(zh, topics)).toEqual([]);
  });

  it('matches CJK terms without word boundaries', () => {
    const zh = loadArticle(fixturesDir, 'alibaba-zh.txt');
    expect(matchTopics(zh, [rule('zh', { any: ['人工智能', '大模型', '阿里'], threshold: 3 })])[0]?.terms).toEqual([
      { term: '阿里', count: 3 },
      { term: '大模型', count: 2 },
      { term: '人工智能', count: 1 },
    ]);
  });
});

describe('term matching', () => {
  const ai = [rule('ai', { any: ['AI'] })];
  const count = (topicRules: ReturnType<typeof rule>[], ...texts: string[]) =>
    matchTopics(article('Untitled', ...texts), topicRules)[0]?.terms[0]?.count ?? 0;

  it('matches a short all-caps term only in capitals and as a whole word', () => {
    expect(count(ai, 'He said the ai was paid for by OpenAI and GenAI firms; Ai Weiwei agreed.')).toBe(0);
    expect(count(ai, 'AI-powered phones, AI’s rise and (AI) count; so does 新一代AI大模型.')).toBe(4);
  });

  it('matches other terms whole, in any case, across line breaks and apostrophe styles', () => {
    const apple = [rule('apple', { any: ['Apple', 'market share', "Apple's"] , threshold: 3 })];
    const terms = matchTopics(article('APPLE', 'Pineapple and Applebee’s do not count; apple does.', 'Its market\nshare and Market Share; Apple’s.'), apple)[0]?.terms;
    expect(terms).toEqual([
      { term: 'Apple', count: 3 },
      { term: 'market share', count: 2 },
      { term: "Apple's", count: 1 },
    ]);
  });

  it('counts overlapping variants of one term once, the longest first', () => {
    const aliasMap = new Map([['Alibaba', ['Alibaba Group', 'Alibaba Group Holding']]]);
    const text = 'Alibaba Group Holding said Alibaba Group and Alibaba agree.';
    expect(matchTopics(article('', text), [rule('a', { any: ['alibaba'] })], aliasMap)[0]?.terms).toEqual([{ term: 'alibaba', count: 3 }]);
  });

  it('needs every all-term, no none-term and threshold distinct any-terms', () => {
    const t = [rule('t', { all: ['Apple'], any: ['China', 'Huawei', 'Beijing'], none: ['India'], threshold: 2 })];
    expect(matchTopics(article('', 'Apple sells in China and competes with Huawei.'), t)).toHaveLength(1);
    expect(matchTopics(article('', 'Apple sells in China, China and China.'), t)).toEqual([]);
    expect(matchTopics(article('', 'Huawei sells in China.'), t)).toEqual([]);
    expect(matchTopics(article('', 'Apple sells in China and India, against Huawei.'), t)).toEqual([]);
  });

  it('scores distinct terms plus the log of occurrences, title occurrences three times', () => {
    const t = [rule('t', { all: ['Apple'], any: ['China'] })];
    // 2 distinct terms; occurrences 1 + 1 in the body and 1 Apple in the title (×3): 2 + ln(1 + 5).
    expect(matchTopics(article('Apple news', 'Apple in China.'), t)).toEqual([
      { topic: 't', score: 3.792, terms: [{ term: 'Apple', count: 2 }, { term: 'China', count: 1 }] },
    ]);
  });

  it('lowers a threshold above the number of any-terms, and matches nothing for a topic without terms', () => {
    expect(matchTopics(article('', 'Apple.'), [rule('t', { all: ['Apple'], threshold: 1 })])).toHaveLength(1);
    expect(matchTopics(article('', 'Apple.'), [rule('empty', { threshold: 0 })])).toEqual([]);
  });

  it('returns matches sorted by topic slug, the same from a compiled matcher', () => {
    const rules = [rule('b', { any: ['Apple'] }), rule('a', { any: ['Apple'] })];
    const text = article('', 'Apple.');
    expect(matchTopics(text, rules).map((m) => m.topic)).toEqual(['a', 'b']);
    expect(compileTopics(rules)(text)).toEqual(matchTopics(text, rules));
  });
});
