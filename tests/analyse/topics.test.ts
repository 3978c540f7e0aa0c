import { readFileSync, readdirSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { gazetteerSchema, topicSchema } from '../../src/config/schema.ts';
import { compileTopics, matchTopics, requiredTerms, topicTerms } from '../../src/pipeline/analyse/topics.ts';
import { loadArticle, samples } from '../fixtures/analyse/samples.ts';
import type { Article, Sentence, SentenceId, Topic } from '../../src/core/types.ts';

const root = new URL('../../', import.meta.url);
const topicsDir = new URL('content/topics/', root);
const fixturesDir = new URL('../fixtures/topics/', import.meta.url);

const topics: Pick<Topic, 'slug' | 'match'>[] = readdirSync(topicsDir)
  .sort()
  .map((file) => ({ slug: file.replace(/\.md$/, ''), ...topicSchema.parse(matter(readFileSync(new URL(file, topicsDir), 'utf8')).data) }));
const gazetteer = gazetteerSchema.parse(JSON.parse(readFileSync(new URL('content/entities.json', root), 'utf8')));
const aliases = new Map(gazetteer.map((e) => [e.name, e.aliases]));
const places = gazetteer.filter((e) => e.type === 'place').map((e) => [e.name, ...e.aliases]);
const topic = (slug: string) => topics.find((t) => t.slug === slug) as Pick<Topic, 'slug' | 'match'>;

/** Which samples (by file-name prefix) each topic holds. */
function members(withTopics = topics): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of withTopics) out[t.slug] = [];
  for (const article of samples) for (const m of matchTopics(article, withTopics, aliases, { places })) out[m.topic]?.push(article.file.slice(0, 3));
  return out;
}

const article = (title: string, ...texts: string[]) => ({
  title,
  sentences: texts.map((text, i): Sentence => ({ id: `s-${i}` as SentenceId, text, block: i, heading: false })),
});
const rule = (slug: string, match: Partial<Topic['match']>): Pick<Topic, 'slug' | 'match'> => ({ slug, match: { any: [], all: [], none: [], threshold: 1, excludeMarkets: [], ...match } });

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
    expect(matchTopics(samples[0] as Article, topics, aliases, { places })).toEqual([
      {
        topic: 'alibaba-ai',
        score: 7.892,
        terms: [
          { term: 'AI', count: 20 },
          { term: 'Alibaba', count: 14 },
          // "model" and "models" are one term, written in several forms.
          { term: 'model', count: 3 },
          { term: 'Qwen', count: 1 },
        ],
      },
      {
        topic: 'apple-in-china',
        score: 8.912,
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
    expect(terms).toEqual(['AI', 'Alibaba', 'model', 'Tongyi Qianwen']);
    // 000 names "Qwen 2.5", an alias both terms share: it is the first's (Qwen), never both.
    expect(matchTopics(samples[0] as Article, [topic('alibaba-ai')], aliases)[0]?.terms.filter((t) => /Qwen/.test(t.term))).toEqual([{ term: 'Qwen', count: 1 }]);
  });
});

describe('matchTopics on fixtures', () => {
  it('matches no topic for a city council budget story', () => {
    expect(matchTopics(loadArticle(fixturesDir, 'council-budget.txt'), topics, aliases, { places })).toEqual([]);
  });

  it('keeps an article about Apple in India out of apple-in-china: China is named once, India leads it', () => {
    const india = loadArticle(fixturesDir, 'apple-india.txt');
    expect(matchTopics(india, topics, aliases, { places })).toEqual([]);
    // Even with one any-term enough, its market is India's, not China's.
    const loose = [{ ...topic('apple-in-china'), match: { ...topic('apple-in-china').match, threshold: 1 } }];
    expect(matchTopics(india, loose, aliases, { places })).toEqual([]);
    const { market: _market, ...anywhere } = topic('apple-in-china').match;
    expect(matchTopics(india, [{ slug: 'apple-anywhere', match: { ...anywhere, threshold: 1 } }], aliases, { places })[0]?.terms).toEqual([
      { term: 'Apple', count: 4 },
      { term: 'China', count: 1 },
    ]);
  });

  it('puts a Chinese article about 阿里巴巴 and AI in alibaba-ai through the gazetteer aliases and the terms’ Chinese forms', () => {
    const zh = loadArticle(fixturesDir, 'alibaba-zh.txt');
    expect(matchTopics(zh, topics, aliases, { places })).toEqual([
      {
        topic: 'alibaba-ai',
        // 5 distinct terms + ln(1 + 3 × 3 in the title (阿里巴巴, AI, 大模型) + 2 × 4 in the lead + 3 later).
        score: 8.091,
        terms: [
          { term: 'Alibaba', count: 3 },
          { term: 'model', count: 3 },
          { term: 'AI', count: 2 },
          { term: 'Qwen', count: 1 },
          { term: 'artificial intelligence', count: 1 },
        ],
      },
    ]);
    // Without the gazetteer, 阿里巴巴 is not Alibaba.
    expect(matchTopics(zh, topics)).toEqual([]);
  });

  it('matches CJK terms on the word edges of the segmented text', () => {
    const zh = loadArticle(fixturesDir, 'alibaba-zh.txt');
    // 阿里 is not a word of 阿里巴巴 ("阿里巴巴" is one word); 模型 is one of 大模型 and AI模型 ("大|模型").
    expect(matchTopics(zh, [rule('zh', { any: ['人工智能', '模型', '阿里'], threshold: 2 })])[0]?.terms).toEqual([
      { term: '模型', count: 3 },
      { term: '人工智能', count: 1 },
    ]);
  });
});

describe('CJK word edges', () => {
  const terms = (text: string, ...any: string[]) => matchTopics(article('', text), [rule('t', { any })])[0]?.terms ?? [];

  it('finds a term where the segmenter puts its edges, whole word or part of a compound', () => {
    expect(terms('据统计，华为以16%的份额排名第二，苹果公司位居第三。', '华为', '苹果')).toEqual([
      { term: '华为', count: 1 },
      { term: '苹果', count: 1 },
    ]);
  });

  it('does not find a term across a word edge', () => {
    // "中华为…" reads 中华|为: no 华为 in it.
    expect(terms('中华为世界之中心。', '华为')).toEqual([]);
  });
});

describe('where a term is: title, lead, body', () => {
  const appleInChina = rule('apple-in-china', { all: ['Apple'], any: ['China', 'Chinese', 'Huawei'], threshold: 2 });
  const filler = 'The update arrives with new features for the camera, the keyboard and the settings menu.';

  it('lets one any-term in the title carry a short report (weight 2)', () => {
    const short = article('Apple picks Alibaba for iPhones in China', 'Apple has chosen Alibaba as its partner for iPhone features.', filler);
    expect(matchTopics(short, [appleInChina])).toEqual([{ topic: 'apple-in-china', score: 4.197, terms: [{ term: 'Apple', count: 2 }, { term: 'China', count: 1 }] }]);
  });

  it('needs more than one mention of one any-term in the lead (1.5) or the body (1)', () => {
    expect(matchTopics(article('Apple news', 'Apple sells more phones in China than before.', filler), [appleInChina])).toEqual([]);
    expect(matchTopics(article('Apple news', 'Apple sells more phones.', filler, 'It sells in China.'), [appleInChina])).toEqual([]);
    // A term named three times or more is a subject, as in the lead: 1.5 + 1 (Huawei) reaches 2.
    const repeated = article('Apple news', 'Apple sells more phones.', filler, 'China. China. China.', 'Huawei too.');
    expect(matchTopics(repeated, [appleInChina]).map((m) => m.terms)).toEqual([[{ term: 'China', count: 3 }, { term: 'Apple', count: 2 }, { term: 'Huawei', count: 1 }]]);
  });

  it('adds the weights of distinct any-terms: lead and body', () => {
    const two = article('Smartphones', 'Apple sells more phones in China.', filler, 'Huawei sells more too.');
    expect(matchTopics(two, [appleInChina]).map((m) => m.topic)).toEqual(['apple-in-china']);
  });

  it('needs every all-term to be a subject: in the title or lead, or named three times', () => {
    const passing = article('Huawei launches a phone in China', 'Huawei launched its new phone in Shenzhen.', filler, 'It has been winning buyers in China from Apple.');
    expect(matchTopics(passing, [appleInChina])).toEqual([]);
    const named = article('Huawei launches a phone in China', 'Huawei launched its new phone in Shenzhen.', filler, 'Apple and Apple and Apple.');
    expect(matchTopics(named, [appleInChina]).map((m) => m.topic)).toEqual(['apple-in-china']);
  });

  it('scores distinct terms plus the log of occurrences, weighted 3 in the title and 2 in the lead', () => {
    const t = [rule('t', { all: ['Apple'], any: ['China'] })];
    // 2 distinct terms; Apple once in the title (3) and once in the lead (2), China once in the lead (2): 2 + ln(1 + 7).
    expect(matchTopics(article('Apple news', 'Apple in China.'), t)).toEqual([
      { topic: 't', score: 4.079, terms: [{ term: 'Apple', count: 2 }, { term: 'China', count: 1 }] },
    ]);
  });
});

describe('terms in several languages and entity names in any language', () => {
  it('counts the forms of one term as one term, named by the first', () => {
    // One term in the title (2) and Canalys in the lead (1.5): 3.5, not 5 as two terms would give.
    const share = [rule('share', { any: [['market share', '市场份额'], 'Canalys'], threshold: 4 })];
    const both = article('市场份额', 'Market share rose, Canalys said.', '市场份额上升。');
    expect(matchTopics(both, share)).toEqual([]);
    const enough = [rule('share', { any: [['market share', '市场份额'], 'Canalys'], threshold: 2 })];
    expect(matchTopics(both, enough)[0]?.terms).toEqual([
      { term: 'market share', count: 3 },
      { term: 'Canalys', count: 1 },
    ]);
  });

  it('matches every name of the entity a term names, whichever name the topic writes', () => {
    const names = new Map([['Apple', ['Apple Inc.', '苹果']]]);
    const zh = article('苹果选择阿里巴巴', '苹果公司周四表示将与阿里巴巴合作。');
    expect(matchTopics(zh, [rule('t', { all: ['Apple'] })], names)[0]?.terms).toEqual([{ term: 'Apple', count: 2 }]);
    const en = article('Apple picks Alibaba', 'Apple Inc. said on Thursday it would work with Alibaba.');
    expect(matchTopics(en, [rule('t', { all: ['苹果'] })], names)[0]?.terms).toEqual([{ term: '苹果', count: 2 }]);
  });
});

describe('the terms key points are ranked by', () => {
  const names = new Map([['Apple', ['Apple Inc.', '苹果']]]);
  const match = rule('t', { all: ['Apple'], any: [['market share', '市场份额'], 'Huawei'] }).match;

  it('are every term with all its forms, and the all-terms apart: what every point names', () => {
    expect(topicTerms(match, names)).toEqual([['Apple', 'Apple Inc.', '苹果'], ['market share', '市场份额'], ['Huawei']]);
    expect(requiredTerms(match, names)).toEqual([['Apple', 'Apple Inc.', '苹果']]);
    expect(requiredTerms({ ...match, all: [] }, names)).toEqual([]);
  });
});

describe('market guards', () => {
  const share = (match: Partial<Topic['match']> = {}) => [rule('share', { any: ['market share', 'shipments'], threshold: 2, market: 'China', ...match })];
  const places = [['China', 'mainland China', '中国'], ['India']];
  const match = (a: ReturnType<typeof article>, rules = share()) => matchTopics(a, rules, new Map(), { places }).map((m) => m.topic);

  it('keeps an article whose market is the topic’s, by any name of the place', () => {
    expect(match(article('China smartphone shipments fall', 'Shipments in China fell 5%, and Apple’s market share slipped.'))).toEqual(['share']);
  });

  it('leaves out an article that names another market more prominently', () => {
    const india = article('India’s smartphone shipments rise', 'Shipments in India rose 7%, and Xiaomi’s market share grew.', 'Chinese brands lead India, though China’s own market shrank.');
    expect(match(india)).toEqual([]);
    // Without a market, the same article is in the topic.
    expect(match(india, share({ market: undefined }))).toEqual(['share']);
  });

  it('leaves out an article that names the market only in passing (not a subject)', () => {
    const global = article('Global smartphone shipments rise', 'Global shipments rose 4%, and Samsung kept the largest market share.', 'Demand grew in Brazil and Mexico.', 'Shipments in China grew 3%.');
    expect(match(global)).toEqual([]);
  });

  it('weighs every country by its English and Chinese names, not only the gazetteer’s places', () => {
    const japan = article('Japan smartphone shipments', 'Shipments in Japan rose, and Sony’s market share grew.', 'China was flat.');
    expect(match(japan)).toEqual([]);
    const zh = article('中国智能手机出货量下降', '中国市场出货量下降，苹果市场份额下滑。', '日本市场增长。');
    const zhShare = share({ any: [['market share', '市场份额'], ['shipments', '出货量']] });
    expect(match(zh, zhShare)).toEqual(['share']);
    // 印度 is India, which the gazetteer names in English only.
    expect(match(article('印度智能手机出货量上升', '印度市场出货量上升，小米市场份额扩大。', '中国市场下降。'), zhShare)).toEqual([]);
  });

  it('leaves out an article an excluded market leads, whatever the topic’s market', () => {
    const rules = [rule('phones', { any: ['smartphone'], excludeMarkets: ['India'] })];
    expect(match(article('Smartphone sales in India', 'Smartphone sales in India rose.'), rules)).toEqual([]);
    expect(match(article('Smartphone sales in China', 'Smartphone sales in China rose, and India’s too.'), rules)).toEqual(['phones']);
  });
});

/**
 * Reports written for the purpose, with topics a user would write for them
 * (`tests/fixtures/topics/topics-config/`): the stories of `tests/fixtures/duplicates/stories/`
 * (a bank's fine, Europe's electric-car market, China's tablet market in Chinese) and four more
 * (`tests/fixtures/topics/tablets/`): India's tablet market naming China once, a global report
 * with a paragraph on China, a one-sentence report with its only term in the title, and a
 * carmaker's launch that names tablets and market share in passing.
 */
describe('topics on reports written for the purpose', () => {
  const dirs = [new URL('../fixtures/duplicates/stories/', import.meta.url), new URL('tablets/', fixturesDir)];
  const reports = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.md'))
      .sort()
      .map((file) => loadArticle(dir, file)),
  );
  const configDir = new URL('topics-config/', fixturesDir);
  const userTopics = readdirSync(configDir)
    .sort()
    .map((file) => ({ slug: file.replace(/\.md$/, ''), ...topicSchema.parse(matter(readFileSync(new URL(file, configDir), 'utf8')).data) }));

  it('files them as a reader would, but for the four noted', () => {
    const filed: Record<string, string[]> = Object.fromEntries(userTopics.map((t) => [t.slug, []]));
    for (const report of reports) for (const m of matchTopics(report, userTopics)) filed[m.topic]?.push(report.file.replace(/\.md$/, ''));
    expect(filed).toEqual({
      // 中国 is a name of China; the English report carries its one term in its title. The
      // carmaker's launch is filed too: China is in its lead, and tablets and market share are
      // two terms named once. Left out: India's market, and the global report, where China is one
      // paragraph; and zh-04, which calls the market 国内 (domestic) and never names China.
      'china-tablets': ['zh-01', 'zh-02', 'zh-03', 'zh-05', 'zh-06', 'passing', 'short-en'],
      // Europe is no country: the market is the term itself, named before Germany or France.
      'europe-ev': ['ev-01', 'ev-02', 'ev-03', 'ev-04', 'ev-05'],
      harbourline: ['fine-01', 'fine-02', 'fine-03', 'fine-04', 'fine-05', 'fine-06', 'fine-07', 'fine-08', 'fine-09'],
      // The carmaker's launch compares its price with Tesla's in its second sentence (the lead):
      // filed. The two-sentence ev-05 names one of the topic's terms (electric cars), in its lead:
      // 1.5 of the 2 needed.
      tesla: ['ev-01', 'ev-02', 'ev-03', 'ev-04', 'passing'],
    });
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
