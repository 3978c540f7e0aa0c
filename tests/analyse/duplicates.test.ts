import { describe, expect, it } from 'vitest';
import { alignedShare, alignSentences, commonShingles, duplicateSignals, findNearDuplicates, overlapCoefficient, searchNearDuplicates, sentenceWords, shingleSet, withoutCommon } from '../../src/pipeline/analyse/duplicates.ts';
import { readdirSync } from 'node:fs';
import { assignSlugs } from '../../src/pipeline/clean/index.ts';
import { loadArticle, samples } from '../fixtures/analyse/samples.ts';
import type { Article, Duplicate, Sentence, SentenceId, Slug } from '../../src/core/types.ts';

const fixturesDir = new URL('../fixtures/duplicates/', import.meta.url);

/** Sample by its file-name prefix, "000" … "004". */
const sample = (prefix: string) => samples.find((a) => a.file.startsWith(prefix)) as Article;

describe('findNearDuplicates on the five samples', () => {
  const duplicates = findNearDuplicates(samples);

  it('flags 000 and 002, the same story rewritten, as each other’s duplicate with one similarity', () => {
    const [a, b] = [sample('000'), sample('002')];
    // 53% of 002's content words are in sentences that follow 000's, in order.
    expect(duplicates.get(a.slug)).toEqual([{ slug: b.slug, similarity: 0.53 }]);
    expect(duplicates.get(b.slug)).toEqual([{ slug: a.slug, similarity: 0.53 }]);
  });

  it('flags no other pair: 003 reports the same news in its own words', () => {
    expect([...duplicates.keys()].sort()).toEqual([sample('000').slug, sample('002').slug].sort());
  });

  it('measures the shingle overlap of every sample pair: only 000/002 reach 0.1 and are aligned', () => {
    const sets = new Map(samples.map((a) => [a.file.slice(0, 3), shingleSet(a)]));
    const pairs: Record<string, number> = {};
    for (const [x, a] of sets) for (const [y, b] of sets) if (x < y) pairs[`${x}-${y}`] = Math.round(overlapCoefficient(a, b) * 1000) / 1000;
    expect(pairs).toEqual({
      '000-001': 0.084,
      '000-002': 0.376,
      '000-003': 0.046,
      '000-004': 0.047,
      '001-002': 0.076,
      '001-003': 0.046,
      '001-004': 0.055,
      '002-003': 0.063,
      '002-004': 0.046,
      '003-004': 0.034,
    });
  });
});

describe('findNearDuplicates on fixtures', () => {
  it('rates an exact copy 1', () => {
    const original = sample('001');
    const copy = { ...original, slug: 'copy' as Slug };
    expect(findNearDuplicates([original, copy])).toEqual(
      new Map([
        [original.slug, [{ slug: 'copy', similarity: 1 }]],
        ['copy', [{ slug: original.slug, similarity: 1 }]],
      ]),
    );
  });

  it('flags a lightly reworded copy (words swapped, two sentences reordered), not an unrelated story', () => {
    const reworded = loadArticle(fixturesDir, 'reworded-003.md');
    const unrelated = loadArticle(fixturesDir, 'unrelated.txt');
    const duplicates = findNearDuplicates([sample('003'), reworded, unrelated]);
    expect(duplicates).toEqual(
      new Map([
        [reworded.slug, [{ slug: sample('003').slug, similarity: 0.93 }]],
        [sample('003').slug, [{ slug: reworded.slug, similarity: 0.93 }]],
      ]),
    );
  });

  it('flags a short excerpt of a long article by how much of the excerpt the article holds', () => {
    const original = sample('000');
    const excerpt = { slug: 'excerpt' as Slug, sentences: original.sentences.slice(0, 6) };
    expect(findNearDuplicates([original, excerpt]).get('excerpt' as Slug)).toEqual([{ slug: original.slug, similarity: 1 }]);
  });

  it('never compares an article too short to judge', () => {
    const original = sample('000');
    const snippet = { slug: 'snippet' as Slug, sentences: original.sentences.slice(0, 1) };
    expect(searchNearDuplicates([original, snippet])).toEqual({ duplicates: new Map(), candidates: 0, aligned: 0, common: 0 });
  });

  it('folds case, curly quotes and apostrophes, and leaves out quotations with their attribution', () => {
    const sentence = (text: string, block = 0): Sentence => ({ id: `s-${text.length}` as SentenceId, text, block, heading: false });
    const body = 'Apple’s shares rose after the company reported record revenue in Greater China, where analysts had expected another decline following months of weak demand for its flagship phones.';
    const a = { slug: 'a' as Slug, sentences: [sentence(body), sentence('“We are thrilled with the response from customers,” the chief executive said.', 1)] };
    const b = { slug: 'b' as Slug, sentences: [sentence(body.replace('Apple’s shares rose', "APPLE'S SHARES ROSE")), sentence('"Nobody expected numbers like these," the chief executive said.', 1)] };
    // The quoted sentences are left out, attribution and all: one sentence each, the same words.
    expect(alignSentences(sentenceWords(a), sentenceWords(b))).toEqual({ share: 1, verbatim: 1, pairs: 1, sentences: 1 });
    expect(findNearDuplicates([a, b]).get('a' as Slug)).toEqual([{ slug: 'b', similarity: 1 }]);
  });
});

/** An article of one paragraph per text. */
const paragraphs = (slug: string, ...texts: string[]) => ({
  slug: slug as Slug,
  sentences: texts.map((text, k): Sentence => ({ id: `s-${k}` as SentenceId, text, block: k, heading: false })),
});

describe('copied or rewritten text, not the same event reported separately', () => {
  const wire = paragraphs(
    'wire',
    'Oil prices rose to their highest level in five months on Monday after leading producers agreed to extend supply cuts until the end of the year.',
    'Brent crude futures gained $2.14, or 2.6%, to $84.30 a barrel, while West Texas Intermediate climbed $1.98 to $80.05.',
    'The producers said on Sunday they would keep 1.2 million barrels per day off the market through December, a decision traders had largely expected.',
    'Stockpiles in the United States fell by 4.1 million barrels last week, according to industry data, the fourth weekly draw in a row.',
  );
  // Each sentence of the wire story reworded, in the same order.
  const rewrite = paragraphs(
    'rewrite',
    'Crude oil reached a five-month peak on Monday once major producers decided to prolong their supply reductions to the end of the year.',
    'Brent futures were up $2.14, or 2.6%, at $84.30 a barrel, and West Texas Intermediate added $1.98 to $80.05.',
    'On Sunday the producer group said it would hold back 1.2 million barrels a day until December, a move traders had mostly anticipated.',
    'Industry figures showed stockpiles in the United States dropping by 4.1 million barrels in the latest week, a fourth consecutive decline.',
  );
  // The same event and figures, in sentences of its own.
  const report = paragraphs(
    'report',
    'Hedge funds that had bet against crude scrambled to cover their positions on Monday, pushing Brent above $84 for the first time since March.',
    'The benchmark settled at $84.30, up 2.6% on the day, after the largest exporters agreed at the weekend to keep 1.2 million barrels per day off the market.',
    'Airlines are already paying more for jet fuel than a year ago, and motorists will pay more at the pump within a fortnight.',
    'A strategist at a large European bank said weak factory orders in Asia pointed to softer demand and a slip back toward $78 by the new year.',
  );

  it('does not flag a short story reworded sentence by sentence: a separate report from the same statement reads so too', () => {
    // 65% of the rewrite's content words pair in order, but only 11% of its words are in runs of
    // five it shares with the wire, and four sentences are too few to tell a rewrite by order alone.
    expect(alignSentences(sentenceWords(wire), sentenceWords(rewrite))).toEqual({ share: 0.6491228070175439, verbatim: 0.11494252873563218, pairs: 4, sentences: 4 });
    expect(findNearDuplicates([wire, rewrite])).toEqual(new Map());
  });

  it('flags a long story rewritten sentence by sentence: eight sentences or more, three in four of them paired in order', () => {
    const more = [
      'Refiners in Asia have bought more crude from the Middle East this month as summer demand for petrol and diesel picks up.',
      'Analysts at several banks raised their forecasts for the second half, citing tighter supply and a weaker dollar.',
      'Higher fuel costs are likely to add to inflation in Europe, where central banks have only just begun to cut interest rates.',
      'The producer group will meet again in early June to review the market and decide whether to add more barrels.',
    ];
    const reworded = [
      'Asian refiners have stepped up purchases of Middle East crude this month, with summer demand for petrol and diesel rising.',
      'Several banks lifted their second-half forecasts, pointing to tighter supply and a softer dollar.',
      'Costlier fuel could push up inflation in Europe just as central banks there have started lowering interest rates.',
      'The group meets again in early June to look at the market and consider adding barrels.',
    ];
    const long = paragraphs('wire', ...wire.sentences.map((s) => s.text), ...more);
    const longRewrite = paragraphs('rewrite', ...rewrite.sentences.map((s) => s.text), ...reworded);
    expect(alignSentences(sentenceWords(long), sentenceWords(longRewrite))).toEqual({ share: 0.6633663366336634, verbatim: 0.1346153846153846, pairs: 8, sentences: 8 });
    expect(findNearDuplicates([long, longRewrite])).toEqual(
      new Map([
        ['rewrite', [{ slug: 'wire', similarity: 0.66 }]],
        ['wire', [{ slug: 'rewrite', similarity: 0.66 }]],
      ]),
    );
    // Flagged by its order alone: when nine paired sentences are asked of a rewrite, it is not.
    expect(searchNearDuplicates([long, longRewrite], { rewrite: { pairs: 9, share: 0.75 } }).duplicates).toEqual(new Map());
  });

  it('counts the words in runs of five that a paired sentence repeats word for word', () => {
    const a = paragraphs('a', 'The quick brown fox jumps over the lazy dog near the river bank today.');
    const b = paragraphs('b', 'The quick brown fox jumps over the sleepy dog near the river bank today.');
    // Of 14 words, every run of five but those holding "lazy" is repeated: 13 words are in one.
    expect(alignSentences(sentenceWords(a), sentenceWords(b))).toEqual({ share: 0.9, verbatim: 13 / 14, pairs: 1, sentences: 1 });
  });

  it('counts runs of eight words in Chinese, where five make a stock phrase', () => {
    const wireZh = paragraphs('zh-wire', '市场研究机构锐观咨询7月18日发布的报告显示，2025年第二季度中国平板电脑市场出货量为812万台，同比增长9.1%，连续第三个季度实现增长。');
    const copyZh = paragraphs('zh-copy', '市场研究机构锐观咨询7月18日发布报告称，2025年第二季度中国平板电脑市场出货量达到812万台，同比增长9.1%，已连续三个季度实现增长。');
    const briefZh = paragraphs('zh-brief', '锐观咨询数据显示，二季度中国平板电脑出货量812万台，同比增长9.1%，华为以31.5%的份额居首。');
    expect(alignSentences(sentenceWords(wireZh), sentenceWords(copyZh))).toEqual({ share: 0.9375, verbatim: 0.5675675675675675, pairs: 1, sentences: 1 });
    // "二季度|中国|平板|电脑|出货量" and "812|万台|同比|增长|9.1" are runs of five, not of eight.
    expect(alignSentences(sentenceWords(wireZh), sentenceWords(briefZh))).toEqual({ share: 0.7391304347826086, verbatim: 0, pairs: 1, sentences: 1 });
  });

  it('pairs sentences that state numbers only when they share half of them: last month’s template with new figures is no copy', () => {
    const april = paragraphs('april', 'Volkswagen Group led the market with 24.6%, followed by Stellantis at 13.1% and Tesla at 11.2%, the tracker said on Tuesday.');
    const may = paragraphs('may', 'Volkswagen Group led the market with 25.3%, followed by Stellantis at 12.8% and Tesla at 11.2%, the tracker said on Tuesday.');
    const rounded = paragraphs('rounded', 'Volkswagen Group led with 24.6% of the market, ahead of Stellantis at 13% and Tesla at 11.2%, the tracker said.');
    expect(alignSentences(sentenceWords(april), sentenceWords(may))).toEqual({ share: 0, verbatim: 0, pairs: 0, sentences: 1 });
    expect(alignSentences(sentenceWords(april), sentenceWords(rounded))).toMatchObject({ pairs: 1, share: 0.8333333333333334 });
  });

  it('leaves out a sentence more than a third quoted: its attribution is in every report of the remark', () => {
    const article = paragraphs('a', 'The regulator fined the lender for weak checks on customers over five years.', '“Our controls were not fit for purpose,” said Jane Doe, the regulator’s director of enforcement.');
    expect(sentenceWords(article).ends).toHaveLength(1);
  });

  it('does not flag a separate report of the same event, however many names and figures it shares', () => {
    expect(overlapCoefficient(shingleSet(wire), shingleSet(report))).toBeGreaterThanOrEqual(0.1);
    expect(Math.round(alignedShare(sentenceWords(wire), sentenceWords(report)) * 100) / 100).toBe(0.12);
    // Made a candidate whatever the hashes (bands of one row), it passes the overlap and fails the alignment.
    expect(searchNearDuplicates([wire, report], { bands: 512, rows: 1 })).toMatchObject({ duplicates: new Map(), candidates: 1, aligned: 1 });
  });

  it('pairs two sentences that state numbers only when they share half of them: a rewrite keeps its figures', () => {
    const tracker = (slug: string, vivo: string, huawei: string, apple: string) =>
      paragraphs(
        slug,
        `Vivo took the lead in China’s smartphone market in the fourth quarter with ${vivo} of the market, according to the tracker.`,
        `Huawei was second in the fourth quarter with ${huawei} of the market in China.`,
        `Apple held ${apple} of the Chinese market in the fourth quarter, the tracker said.`,
      );
    const canalys = tracker('canalys', '17%', '16%', '15%');
    expect(alignedShare(sentenceWords(canalys), sentenceWords(tracker('same-figures', '17%', '16%', '15%')))).toBe(1);
    // Another tracker's own figures, in the same order and words: no sentence pairs.
    expect(alignedShare(sentenceWords(canalys), sentenceWords(tracker('own-figures', '18%', '14%', '13%')))).toBe(0);
  });

  it('pairs sentences only in order: the same sentences shuffled count once each at best', () => {
    const shuffled = { ...wire, sentences: [...wire.sentences].reverse() };
    // One of the four sentences pairs (the longest), the rest would need to cross it.
    const { words, ends } = sentenceWords(wire);
    const sizes = [...ends].map((end, i) => end - (i === 0 ? 0 : (ends[i - 1] as number)));
    expect(alignedShare(sentenceWords(wire), sentenceWords(shuffled))).toBe(Math.max(...sizes) / words.length);
  });

  it('leaves lists of names out: two squads of one match are not copies', () => {
    const squad = (slug: string, lead: string, names: string) =>
      paragraphs(slug, lead, names);
    const a = squad('squad-a', 'The northern side will be led by a veteran captain in the charity match on Saturday afternoon.', 'C Paterson (Scotland), B Cohen (England), B O’Driscoll (Ireland), D Traille (France), O Smith (England), C Sweeney (Wales), D Peel (Wales).');
    const b = squad('squad-b', 'Four national captains were named on Friday in the squad for the tsunami fund-raising match.', 'B O’Driscoll (Ireland), C Paterson (Scotland), D Peel (Wales), B Cohen (England), D Traille (France), C Sweeney (Wales), O Smith (England).');
    expect(sentenceWords(a).ends).toHaveLength(1);
    expect(alignedShare(sentenceWords(a), sentenceWords(b))).toBe(0);
  });

  it('segments Chinese into words: a copy is found, a separate report is not', () => {
    const original = paragraphs(
      'zh-original',
      '星辰汽车周一公布，公司九月份共交付新能源汽车12.8万辆，同比增长62%，创下单月交付量的历史新高。',
      '其中纯电动车型交付7.1万辆，插电混动车型交付5.7万辆，新款紧凑型轿车上市首月即交付2.3万辆。',
      '今年前九个月，星辰汽车累计交付86.4万辆，已完成全年120万辆目标的72%。',
    );
    const copy = paragraphs('zh-copy', ...original.sentences.map((s) => s.text), '本文来源：财经日报。');
    const separate = paragraphs(
      'zh-separate',
      '星辰汽车九月交付12.8万辆，同比增长62%，但多位分析人士指出，销量增长的代价是利润率的下滑。',
      '今年以来，星辰汽车已三次下调主力车型售价，降幅最高达到2万元。',
      '某券商分析师表示，公司上半年汽车业务毛利率已从去年同期的21%降至16%左右。',
    );
    expect(findNearDuplicates([original, copy, separate])).toEqual(
      new Map([
        ['zh-copy', [{ slug: 'zh-original', similarity: 1 }]],
        ['zh-original', [{ slug: 'zh-copy', similarity: 1 }]],
      ]),
    );
  });
});

/**
 * Stories written for the purpose (`tests/fixtures/duplicates/stories/`), each a kind the search
 * must tell apart: a wire story on a bank's fine (`fine-01`) with a lightly edited copy (02), a
 * shortened copy (03), a copy with a paragraph of its own on top (04), the wire's re-run with the
 * close (05), a separate report sharing its figures, boilerplate, "said in a statement" and
 * quotation (06), a short report (07), an analysis (08) and the wire's follow-up a week later
 * that repeats two of its paragraphs (09); an electric-car market report (`ev-01`) with a
 * separate report listing the same shares (02), a lightly edited copy (03), another tracker's
 * figures in the wire's template (04) and a short report (05); a Chinese tablet-market report
 * (`zh-01`) with a portal's copy (02), a shortened copy (03), a separate report with the same
 * shares and quotation (04), a one-sentence report (05) and the outlet's template filled with
 * another firm's figures (06).
 */
describe('copies, rewrites and separate reports written for the purpose', () => {
  const dir = new URL('stories/', fixturesDir);
  const stories = assignSlugs(
    readdirSync(dir)
      .filter((file) => file.endsWith('.md'))
      .sort()
      .map((file) => loadArticle(dir, file)),
  );
  const fileOf = new Map(stories.map((a) => [a.slug, a.file.replace(/\.md$/, '')]));
  const pairs = (duplicates: Map<Slug, Duplicate[]>) =>
    [...duplicates].flatMap(([slug, list]) => list.map((d) => [fileOf.get(slug), fileOf.get(d.slug), d.similarity] as const)).filter(([a, b]) => (a as string) < (b as string));

  it('flags every pair of copies, in English and Chinese, and no separate or short report', () => {
    expect(pairs(findNearDuplicates(stories)).sort()).toEqual([
      ['ev-01', 'ev-03', 0.9],
      ['fine-01', 'fine-02', 0.91],
      ['fine-01', 'fine-03', 1],
      ['fine-01', 'fine-04', 0.85],
      ['fine-01', 'fine-05', 0.85],
      ['fine-02', 'fine-03', 0.94],
      ['fine-02', 'fine-04', 0.83],
      ['fine-02', 'fine-05', 0.75],
      // The follow-up repeats two paragraphs of the wire, which are most of the shortened copy
      // (62% of its 5-word sequences) and two of the lightly edited copy's six: read as copies.
      ['fine-02', 'fine-09', 0.41],
      ['fine-03', 'fine-04', 1],
      ['fine-03', 'fine-05', 0.93],
      ['fine-03', 'fine-09', 0.63],
      ['fine-04', 'fine-05', 0.69],
      ['zh-01', 'zh-02', 0.85],
      ['zh-01', 'zh-03', 1],
      ['zh-02', 'zh-03', 0.93],
    ]);
  });

  it('would flag every short report on order alone (made a candidate whatever the hashes)', () => {
    const byOrder = pairs(searchNearDuplicates(stories, { verbatim: 0, bands: 512, rows: 1 }).duplicates);
    for (const short of ['fine-07', 'ev-05', 'zh-05']) expect(byOrder.some(([a, b]) => a === short || b === short)).toBe(true);
  });
});

describe('a search given each article’s signals (from the cache)', () => {
  it('finds what a search that makes them finds', () => {
    const corpus = [...samples, { ...sample('001'), slug: 'copy-of-001' as Slug }];
    const signals = corpus.map((article) => duplicateSignals(article));
    const given = searchNearDuplicates(corpus, undefined, { signals: (i) => signals[i] as ReturnType<typeof duplicateSignals> });
    expect(given).toEqual(searchNearDuplicates(corpus));
    expect(given.duplicates.get('copy-of-001' as Slug)).toEqual([{ slug: sample('001').slug, similarity: 1 }]);
  });
});

describe('common phrasing', () => {
  const set = (...values: number[]) => Float64Array.from(values);

  it('finds the shingles in more than the given number of sets, sorted', () => {
    const sets = [set(1, 2, 3, 9), set(2, 3), set(3, 9), set(3)];
    expect(commonShingles(sets, 1)).toEqual(set(2, 3, 9));
    expect(commonShingles(sets, 2)).toEqual(set(3));
    expect(commonShingles(sets, 3)).toEqual(set(3));
    expect(commonShingles(sets, 4)).toEqual(set());
  });

  it('removes them from a sorted set by merging', () => {
    expect(withoutCommon(set(1, 2, 3, 5, 8), set(0, 2, 5, 6, 9))).toEqual(set(1, 3, 8));
    expect(withoutCommon(set(1, 2), set())).toEqual(set(1, 2));
    expect(withoutCommon(set(), set(1))).toEqual(set());
  });

  // 150 different stories on one beat, all written around the same stock phrases, and one
  // reworded copy: the phrases are shared by every article, the copy's own words by two.
  const phrases = [
    'Smartphone shipments across the region grew this quarter according to preliminary market research estimates.',
    'Analysts tracking the handset industry expect premium models to keep gaining market share next year.',
    'Component suppliers reported tighter memory chip inventories while retail channels cleared older stock.',
  ];
  const story = (n: number): string[] => Array.from({ length: 4 }, (_, k) => `Reporter ${n} visited factory ${n * 7 + k} near river ${n * 13 + k} where engineers ${n}x${k} tested prototype batch ${n * 31 + k} overnight.`);
  const article = (slug: string, texts: string[]) => ({
    slug: slug as Slug,
    sentences: texts.map((text, k): Sentence => ({ id: `s-${k}` as SentenceId, text, block: k, heading: false })),
  });
  const corpus = Array.from({ length: 150 }, (_, n) => article(`story-${n}`, [...phrases, ...story(n)]));
  corpus.push(article('story-7-reworded', [...phrases, ...story(7).map((text) => text.replace('visited', 'toured'))]));

  it('does not make articles near-duplicates: only the reworded copy is flagged', () => {
    const search = searchNearDuplicates(corpus);
    expect(search.duplicates).toEqual(
      new Map([
        ['story-7', [{ slug: 'story-7-reworded', similarity: 0.96 }]],
        ['story-7-reworded', [{ slug: 'story-7', similarity: 0.96 }]],
      ]),
    );
    // Common: the word pairs every article has (the phrases', and the stories' fixed words).
    const [first, second] = [shingleSet(corpus[0] as (typeof corpus)[number]), new Set(shingleSet(corpus[1] as (typeof corpus)[number]))];
    expect(search.common).toBe([...first].filter((shingle) => second.has(shingle)).length);
    expect(search.common).toBeGreaterThan(new Set(phrases.flatMap((text) => [...shingleSet(article('x', [text]))])).size);
    expect(search.candidates).toBe(1);
  });

  it('would, counted in: every pair of stories shares over a fifth of its word pairs', () => {
    const search = searchNearDuplicates(corpus, { commonAbove: Infinity });
    expect(search.common).toBe(0);
    expect(search.duplicates.get('story-0' as Slug)).toHaveLength(150);
  });

  it('is not looked for in a corpus of 100 articles or fewer', () => {
    const search = searchNearDuplicates(corpus.slice(0, 100));
    expect(search.common).toBe(0);
    expect(search.duplicates.get('story-0' as Slug)).toHaveLength(99);
  });
});

describe('findNearDuplicates at scale', () => {
  /** mulberry32: a small seeded generator, so the corpus is the same on every run. */
  function generator(seed: number) {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const random = generator(2025);
  const vocabulary = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}`);
  // Squaring skews the draw towards the first words, as word frequencies are skewed in text.
  const word = () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)] as string;
  const articles = Array.from({ length: 2000 }, (_, n) => ({
    slug: `synthetic-${n}` as Slug,
    sentences: Array.from({ length: 12 }, (_, k): Sentence => ({
      id: `s-${k}` as SentenceId,
      text: `${Array.from({ length: 16 }, word).join(' ')}.`,
      block: k >> 2,
      heading: false,
    })),
  }));
  // One planted copy: article 7 with a few words of three sentences changed.
  const copied = articles[7] as (typeof articles)[number];
  articles[1999] = {
    slug: 'synthetic-1999' as Slug,
    sentences: copied.sentences.map((s, k) => (k % 4 === 0 ? { ...s, text: s.text.replace(/^\S+ \S+/, 'changed words') } : s)),
  };

  it('finds the planted copy while checking a tiny fraction of the 1,999,000 pairs', () => {
    const { duplicates, candidates } = searchNearDuplicates(articles);
    expect(duplicates).toEqual(
      new Map([
        ['synthetic-1999', [{ slug: 'synthetic-7', similarity: 0.97 }]],
        ['synthetic-7', [{ slug: 'synthetic-1999', similarity: 0.97 }]],
      ]),
    );
    expect(candidates).toBeGreaterThanOrEqual(1);
    expect(candidates).toBeLessThan(200);
  });
});
