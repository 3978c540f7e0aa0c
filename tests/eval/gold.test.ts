/**
 * The gold file agrees with the corpus it labels and with itself: every file, figure, snippet and
 * quote it names is there, every label is in the documented vocabulary, and its facts are exactly
 * the groups of figures it labels alike. A typo in a label fails here, not silently in a score.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/pipeline/read/index.ts';
import { cleanArticle } from '../../src/pipeline/clean/index.ts';
import { loadTopic } from '../../src/config/load.ts';
import { manifestSchema } from '../../src/config/schema.ts';
import { answers, canonical, loadGold, type GoldFigure } from '../../scripts/eval/gold.ts';
import { normaliseText } from '../../scripts/eval/names.ts';
import { figureOccurrences } from '../../scripts/eval/score.ts';
import { SHARED_TEXT, sharedText, wordSequences } from '../../scripts/eval/corpus.ts';

const set = join(import.meta.dirname, '..', 'fixtures', 'eval');
const articles = join(set, 'articles');
const gold = loadGold(join(set, 'gold.json'));
const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(articles, 'manifest.json'), 'utf8')));
const files = readdirSync(articles).filter((name) => name !== 'manifest.json').sort();
const topics = readdirSync(join(set, 'topics')).map((name) => name.replace(/\.md$/, ''));

/** Each article's sentences as the pipeline's cleaning makes them. */
const sentences = new Map(
  files.map((file) => {
    const { doc } = readArticle(file, readFileSync(join(articles, file)));
    if (!doc) throw new Error(`${file} could not be read`);
    return [file, cleanArticle(doc, manifest[file]).sentences.map((s) => normaliseText(s.text))];
  }),
);

/** The magnitude a figure's text states: "13.8 million units" → 13,800,000; "7,120万台" → 71,200,000. */
function magnitude(text: string): number {
  const match = /(\d[\d,]*(?:\.\d+)?)\s*(million|billion|亿|万)?/.exec(text);
  if (!match) throw new Error(`no number in ${text}`);
  const scale = { million: 1e6, billion: 1e9, 亿: 1e8, 万: 1e4 }[match[2] as string] ?? 1;
  return Number((Number((match[1] as string).replace(/,/g, '')) * scale).toPrecision(12));
}

const PERIOD = /^(?:Q[1-4] \d{4}|H[12] \d{4}|\d{4}|fiscal Q[1-4] \d{4}|fiscal \d{4}|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|\d{4}-\d{2}-\d{2})$/;

describe('the evaluation corpus', () => {
  it('is the set the gold file labels, in English and Chinese, from at least 8 outlets', () => {
    expect(Object.keys(gold.articles).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(new Set(Object.values(gold.articles).map((a) => a.outlet)).size).toBeGreaterThanOrEqual(8);
    expect(Object.values(gold.articles).filter((a) => a.lang === 'zh').length).toBeGreaterThanOrEqual(5);
  });

  it('has a manifest entry only for files it labels, and topic files that load', () => {
    for (const file of Object.keys(manifest)) expect(files).toContain(file);
    for (const name of readdirSync(join(set, 'topics'))) {
      expect(loadTopic(name, readFileSync(join(set, 'topics', name), 'utf8')).problems).toEqual([]);
    }
  });
});

describe('gold.json', () => {
  it('files articles under topics that exist', () => {
    for (const [file, article] of Object.entries(gold.articles)) {
      for (const topic of [...article.topics, ...(article.optionalTopics ?? [])]) expect(topics, `${file} → ${topic}`).toContain(topic);
      expect(article.topics.filter((t) => article.optionalTopics?.includes(t)), file).toEqual([]);
    }
  });

  it('puts each article in at most one story, and near-duplicates in the same story', () => {
    const storyOf = new Map<string, string>();
    for (const story of gold.stories) {
      for (const file of story.articles) {
        expect(files, story.id).toContain(file);
        expect(storyOf.has(file), `${file} in two stories`).toBe(false);
        storyOf.set(file, story.id);
      }
    }
    for (const [a, b] of gold.duplicates) {
      expect(files).toContain(a);
      expect(files).toContain(b);
      expect(storyOf.get(a), `${a} ~ ${b}`).toBeDefined();
      expect(storyOf.get(a), `${a} ~ ${b}`).toBe(storyOf.get(b));
    }
  });

  it('calls near-duplicates exactly the pairs that share text by the rule of `eval:corpus`, by a wide margin', () => {
    const sequences = new Map([...sentences].map(([file, texts]) => [file, wordSequences(texts.join(' '))]));
    const duplicates = new Set(gold.duplicates.map((pair) => [...pair].sort().join(' ~ ')));
    for (const [i, a] of files.entries()) {
      for (const b of files.slice(i + 1)) {
        const shared = sharedText(sequences.get(a) as Set<string>, sequences.get(b) as Set<string>);
        if (duplicates.has(`${a} ~ ${b}`)) expect(shared, `${a} ~ ${b}`).toBeGreaterThanOrEqual(2 * SHARED_TEXT);
        else expect(shared, `${a} ~ ${b}`).toBeLessThan(SHARED_TEXT / 2);
      }
    }
  });

  it('labels figures that are in their sentence, once, with a value the text states', () => {
    const ids = new Set<string>();
    for (const figure of gold.figures) {
      const where = `${figure.id} ${figure.text}`;
      expect(ids.has(figure.id), `${where}: id used twice`).toBe(false);
      ids.add(figure.id);
      expect(figure.id.startsWith(`${figure.file.replace(/\.[^.]+$/, '')}/`), where).toBe(true);
      const holding = (sentences.get(figure.file) ?? []).filter((s) => s.includes(normaliseText(figure.snippet)));
      expect(holding.length, `${where}: sentences holding the snippet "${figure.snippet}"`).toBe(1);
      const sentence = holding[0] as string;
      expect(figureOccurrences(sentence, figure.text), `${where}: times in its sentence`).toBe(1);
      expect(Math.abs(figure.value), where).toBeCloseTo(magnitude(figure.text), 6);
    }
  });

  it('labels in the documented vocabulary', () => {
    for (const figure of gold.figures) {
      const where = figure.id;
      expect(gold.vocabulary.units, where).toContain(figure.unit);
      for (const measure of answers(figure.measure)) expect(gold.vocabulary.measures, where).toContain(measure);
      for (const period of answers(figure.period)) if (period !== null) expect(period, where).toMatch(PERIOD);
      for (const subject of answers(figure.subject)) if (subject !== null) expect(Object.keys(gold.names), where).toContain(subject);
      for (const market of answers(figure.market)) if (market !== null) expect(Object.keys(gold.markets), where).toContain(market);
      expect(new Set(answers(figure.measure)).size, `${where}: an alternative listed twice`).toBe(answers(figure.measure).length);
    }
    for (const quote of gold.quotes) expect(Object.keys(gold.names), quote.quote).toContain(quote.speaker);
  });

  it('groups into facts exactly the figures labelled alike (canonical subject, measure, period, market and unit)', () => {
    const byId = new Map(gold.figures.map((f) => [f.id, f]));
    const key = (f: GoldFigure) => JSON.stringify([canonical(f.subject), canonical(f.measure), canonical(f.period), canonical(f.market), f.unit]);
    const factOf = new Map<string, string>();
    for (const fact of gold.facts) {
      const members = fact.figures.map((id) => byId.get(id));
      expect(members.every(Boolean), `${fact.id}: unknown figure`).toBe(true);
      expect(new Set(members.map((m) => key(m as GoldFigure))).size, `${fact.id}: figures labelled differently`).toBe(1);
      for (const id of fact.figures) {
        expect(factOf.has(id), `${id} in two facts`).toBe(false);
        factOf.set(id, fact.id);
      }
    }
    const byKey = new Map<string, string[]>();
    for (const figure of gold.figures) byKey.set(key(figure), [...(byKey.get(key(figure)) ?? []), figure.id]);
    for (const [label, ids] of byKey) {
      if (ids.length < 2) continue;
      expect(new Set(ids.map((id) => factOf.get(id))).size, `${label}: ${ids.join(', ')} should be one fact`).toBe(1);
      expect(factOf.get(ids[0] as string), `${label}: ${ids.join(', ')} are in no fact`).toBeDefined();
    }
  });

  it("gives each fact its stories and a status its values bear out (equal after rounding to the less precise: 11% and 11.1% agree)", () => {
    const byId = new Map(gold.figures.map((f) => [f.id, f]));
    const storyOf = new Map(gold.stories.flatMap((story) => story.articles.map((file) => [file, story.id] as const)));
    /** The step a figure's text is rounded to: 11.1% → 0.1; $18.5 billion → 100 million. */
    const step = (text: string) => {
      const match = /\d[\d,]*(?:\.(\d+))?\s*(million|billion|亿|万)?/.exec(text) as RegExpExecArray;
      return 10 ** -(match[1]?.length ?? 0) * ({ million: 1e6, billion: 1e9, 亿: 1e8, 万: 1e4 }[match[2] as string] ?? 1);
    };
    const agree = (a: GoldFigure, b: GoldFigure) => {
      const coarse = Math.max(step(a.text), step(b.text));
      return Math.abs(a.value - b.value) <= coarse / 2 + 1e-9 * Math.abs(a.value);
    };
    for (const fact of gold.facts) {
      const members = fact.figures.map((id) => byId.get(id) as GoldFigure);
      const stories = new Set(members.map((m) => storyOf.get(m.file) ?? m.file)).size;
      expect(fact.stories, fact.id).toBe(stories);
      const allAgree = members.every((a) => members.every((b) => agree(a, b)));
      expect(fact.status, fact.id).toBe(stories === 1 ? 'single' : allAgree ? 'agree' : 'differ');
      expect(fact.rounded === true, `${fact.id}: rounded`).toBe(fact.status === 'agree' && new Set(members.map((m) => m.value)).size > 1);
    }
  });

  it('has quotes whose words are in their article', () => {
    for (const quote of gold.quotes) {
      expect(existsSync(join(articles, quote.file)), quote.file).toBe(true);
      const text = normaliseText(readFileSync(join(articles, quote.file), 'utf8'));
      for (const snippet of [quote.quote, ...(quote.parts ?? [])]) expect(text, `${quote.file}: ${snippet}`).toContain(normaliseText(snippet));
    }
  });
});
