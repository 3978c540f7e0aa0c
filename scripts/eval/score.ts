/**
 * Scoring a prediction against the gold file, task by task. Pure functions over plain data.
 *
 * The scorer forgives naming only (see `names.ts`): case, spacing, accents, a leading "the", an
 * alias of the same entity, a name the gold file lists as meaning the same. A figure the pipeline
 * did not find is wrong on every count; a wrong entity, measure, period or market is wrong.
 */
import type { EntityConfig } from '../../src/config/schema.ts';
import { answers, type Gold, type GoldFact, type GoldFigure, type GoldQuote } from './gold.ts';
import { nameMatches, namer, normaliseName, normaliseText, type Namer } from './names.ts';
import type { PredictedConflict, PredictedFact, PredictedFigure, PredictedQuote, PredictedValue, Prediction } from './prediction.ts';

/** `right` out of `total`; the share is null when there is nothing to count. */
export interface Ratio {
  right: number;
  total: number;
}

export interface PrecisionRecall {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export const share = ({ right, total }: Ratio): number | null => (total === 0 ? null : right / total);
export const precision = (c: PrecisionRecall): number | null => share({ right: c.truePositives, total: c.truePositives + c.falsePositives });
export const recall = (c: PrecisionRecall): number | null => share({ right: c.truePositives, total: c.truePositives + c.falseNegatives });
export function f1(c: PrecisionRecall): number | null {
  const p = precision(c);
  const r = recall(c);
  if (p === null || r === null) return null;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Count a predicted set against a gold set; `ignored` items are neither right nor wrong. */
function compareSets(predicted: Iterable<string>, gold: Iterable<string>, ignored: ReadonlySet<string> = new Set()) {
  const want = new Set(gold);
  const got = new Set([...predicted].filter((item) => !ignored.has(item)));
  const counts: PrecisionRecall = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  const extra: string[] = [];
  const missing: string[] = [];
  for (const item of got) {
    if (want.has(item)) counts.truePositives++;
    else {
      counts.falsePositives++;
      extra.push(item);
    }
  }
  for (const item of want) {
    if (!got.has(item)) {
      counts.falseNegatives++;
      missing.push(item);
    }
  }
  return { counts, extra: extra.sort(), missing: missing.sort() };
}

const pairKey = (a: string, b: string) => (a < b ? `${a} ~ ${b}` : `${b} ~ ${a}`);

// ── Topics ─────────────────────────────────────────────────────────────────────────────────

export interface TopicScore extends PrecisionRecall {
  byTopic: Record<string, PrecisionRecall>;
  /** `file → topic` pairs filed wrongly, and those missed. */
  extra: string[];
  missing: string[];
}

export function scoreTopics(gold: Gold, prediction: Prediction): TopicScore {
  const key = (file: string, topic: string) => `${file} → ${topic}`;
  const goldPairs: string[] = [];
  const optional = new Set<string>();
  for (const [file, article] of Object.entries(gold.articles)) {
    for (const topic of article.topics) goldPairs.push(key(file, topic));
    for (const topic of article.optionalTopics ?? []) optional.add(key(file, topic));
  }
  const predicted = prediction.topics.map(([file, topic]) => key(file, topic));
  const { counts, extra, missing } = compareSets(predicted, goldPairs, optional);
  const byTopic: Record<string, PrecisionRecall> = {};
  const topics = new Set([...goldPairs, ...predicted].map((pair) => pair.slice(pair.indexOf(' → ') + 3)));
  for (const topic of [...topics].sort()) {
    const mine = (pairs: string[]) => pairs.filter((pair) => pair.endsWith(` → ${topic}`));
    byTopic[topic] = compareSets(mine(predicted), mine(goldPairs), optional).counts;
  }
  return { ...counts, byTopic, extra, missing };
}

// ── Near-duplicates and stories ────────────────────────────────────────────────────────────

export interface PairScore extends PrecisionRecall {
  extra: string[];
  missing: string[];
}

export function scoreDuplicates(gold: Gold, prediction: Prediction): PairScore {
  const { counts, extra, missing } = compareSets(
    prediction.duplicates.map(([a, b]) => pairKey(a, b)),
    gold.duplicates.map(([a, b]) => pairKey(a, b)),
  );
  return { ...counts, extra, missing };
}

function storyPairs(groups: readonly (readonly string[])[]): string[] {
  const pairs: string[] = [];
  for (const group of groups) for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) pairs.push(pairKey(group[i] as string, group[j] as string));
  return pairs;
}

/** Pairs of articles counted as one story: near-duplicates, and one outlet re-running its own story. */
export function scoreStories(gold: Gold, prediction: Prediction): PairScore {
  const { counts, extra, missing } = compareSets(storyPairs(prediction.stories), storyPairs(gold.stories.map((story) => story.articles)));
  return { ...counts, extra, missing };
}

// ── Figures ────────────────────────────────────────────────────────────────────────────────

const BEFORE_NUMBER = /\d$|\d[.,]$/;
const AFTER_NUMBER = /^\d|^[.,]\d/;

/** How often `needle` is in `text` as a whole figure: "1.8%" is not in "11.8%", "4%" not in "4.2%". */
export function figureOccurrences(text: string, needle: string): number {
  const haystack = normaliseText(text);
  const wanted = normaliseText(needle);
  if (wanted === '') return 0;
  let count = 0;
  for (let at = haystack.indexOf(wanted); at >= 0; at = haystack.indexOf(wanted, at + 1)) {
    if (/^\d/.test(wanted) && BEFORE_NUMBER.test(haystack.slice(0, at))) continue;
    if (/\d$/.test(wanted) && AFTER_NUMBER.test(haystack.slice(at + wanted.length))) continue;
    count++;
  }
  return count;
}

export const containsFigure = (text: string, needle: string): boolean => figureOccurrences(text, needle) > 0;

/** The predicted figure that is this gold figure: same file, its sentence holding the snippet, the same figure text. */
export function matchFigures(gold: readonly GoldFigure[], predicted: readonly PredictedFigure[]): Map<string, PredictedFigure> {
  const byFile = new Map<string, PredictedFigure[]>();
  for (const figure of predicted) byFile.set(figure.file, [...(byFile.get(figure.file) ?? []), figure]);
  const used = new Set<PredictedFigure>();
  const matches = new Map<string, PredictedFigure>();
  for (const figure of gold) {
    const snippet = normaliseText(figure.snippet);
    const text = normaliseText(figure.text);
    const candidates = (byFile.get(figure.file) ?? []).filter(
      (p) => !used.has(p) && normaliseText(p.sentence).includes(snippet) && (containsFigure(p.text, text) || containsFigure(text, p.text)),
    );
    const best = candidates.sort((a, b) => Math.abs(a.text.length - text.length) - Math.abs(b.text.length - text.length))[0];
    if (best) {
      used.add(best);
      matches.set(figure.id, best);
    }
  }
  return matches;
}

export interface FigureMiss {
  id: string;
  file: string;
  text: string;
  /** What was wrong: `not found`, or the labels that differ, gold then predicted. */
  problems: string[];
}

export interface FigureScore {
  /** Gold figures the pipeline found at all. */
  found: Ratio;
  /** Predicted figures (outside headings) that are gold figures. */
  precision: Ratio;
  subjectAndMeasure: Ratio;
  subject: Ratio;
  measure: Ratio;
  period: Ratio;
  market: Ratio;
  /** Value (sign included) and unit. */
  value: Ratio;
  misses: FigureMiss[];
  /** Predicted figures that match no gold figure. */
  unexpected: { file: string; text: string; sentence: string }[];
}

const show = (label: unknown) => JSON.stringify(label);

export function valueMatches(predicted: { value: number; unit: string }, gold: { value: number; unit: string }): boolean {
  return predicted.unit === gold.unit && Math.abs(predicted.value - gold.value) <= 1e-9 * Math.max(1, Math.abs(gold.value));
}

export function scoreFigures(gold: Gold, prediction: Prediction, names: Namer, matches = matchFigures(gold.figures, prediction.figures)): FigureScore {
  const total = gold.figures.length;
  const count = { found: 0, subjectAndMeasure: 0, subject: 0, measure: 0, period: 0, market: 0, value: 0 };
  const misses: FigureMiss[] = [];
  for (const figure of gold.figures) {
    const p = matches.get(figure.id);
    if (!p) {
      misses.push({ id: figure.id, file: figure.file, text: figure.text, problems: ['not found'] });
      continue;
    }
    count.found++;
    const subject = nameMatches(p.subject, figure.subject, 'names', names);
    const measure = p.measure !== null && answers(figure.measure).some((m) => normaliseName(m) === normaliseName(p.measure as string));
    const period = answers(figure.period).some((period) => (period === null ? p.period === null : p.period !== null && normaliseName(period) === normaliseName(p.period)));
    const market = nameMatches(p.market, figure.market, 'markets', names);
    const value = valueMatches(p, figure);
    if (subject) count.subject++;
    if (measure) count.measure++;
    if (subject && measure) count.subjectAndMeasure++;
    if (period) count.period++;
    if (market) count.market++;
    if (value) count.value++;
    const problems = [
      ...(subject ? [] : [`subject ${show(figure.subject)} ≠ ${show(p.subject)}`]),
      ...(measure ? [] : [`measure ${show(figure.measure)} ≠ ${show(p.measure)}`]),
      ...(period ? [] : [`period ${show(figure.period)} ≠ ${show(p.period)}`]),
      ...(market ? [] : [`market ${show(figure.market)} ≠ ${show(p.market)}`]),
      ...(value ? [] : [`value ${figure.value} ${figure.unit} ≠ ${p.value} ${p.unit}`]),
    ];
    if (problems.length > 0) misses.push({ id: figure.id, file: figure.file, text: figure.text, problems });
  }
  const matched = new Set(matches.values());
  const inScope = prediction.figures.filter((f) => !f.heading);
  const unexpected = inScope.filter((f) => !matched.has(f)).map((f) => ({ file: f.file, text: f.text, sentence: f.sentence }));
  const ratio = (right: number): Ratio => ({ right, total });
  return {
    found: ratio(count.found),
    precision: { right: inScope.length - unexpected.length, total: inScope.length },
    subjectAndMeasure: ratio(count.subjectAndMeasure),
    subject: ratio(count.subject),
    measure: ratio(count.measure),
    period: ratio(count.period),
    market: ratio(count.market),
    value: ratio(count.value),
    misses,
    unexpected,
  };
}

// ── Facts ──────────────────────────────────────────────────────────────────────────────────

export interface FactScore {
  /** Gold facts (two or more figures of one quantity) whose figures all land in one predicted fact. */
  grouped: Ratio;
  /** Gold facts that independent stories agree on, shown as one fact with status `agree`. */
  agreeShown: Ratio;
  /** Predicted `agree` facts that are a gold agreement (one quantity, two or more independent stories). */
  agreeRight: Ratio;
  /** Gold disagreements between independent stories whose figures are all in one predicted conflict. */
  conflictsShown: Ratio;
  /** Predicted conflicts that are a gold disagreement (one quantity whose values differ). */
  conflictsRight: Ratio;
  /** Predicted facts of two or more figures that hold one quantity (not several merged). */
  oneQuantity: Ratio;
  /** `agree` facts whose figures all come from one story (copies), with the briefings that show them. */
  agreeOnCopies: { fact: string; files: string[]; topics: string[] }[];
  /** Gold facts found as one fact whose `stories` equals the gold count; null when the pipeline gives no `stories`. */
  stories: Ratio | null;
  misses: string[];
}

/** The predicted figures a fact's or conflict's values stand for: by id, or by a source sentence and the same text. */
function coveredFigures(values: readonly PredictedValue[], figures: ReadonlyMap<string, PredictedFigure>, bySentence: ReadonlyMap<string, PredictedFigure[]>): Set<PredictedFigure> {
  const covered = new Set<PredictedFigure>();
  for (const value of values) {
    const own = figures.get(value.id);
    if (own) covered.add(own);
    for (const source of value.sources) {
      for (const figure of bySentence.get(`${source.file}#${source.sentenceId}`) ?? []) if (figure.text === value.text) covered.add(figure);
    }
  }
  return covered;
}

export function scoreFacts(gold: Gold, prediction: Prediction, matches = matchFigures(gold.figures, prediction.figures)): FactScore {
  const figuresById = new Map(prediction.figures.map((f) => [f.id, f]));
  const bySentence = new Map<string, PredictedFigure[]>();
  for (const figure of prediction.figures) {
    const key = `${figure.file}#${figure.sentenceId}`;
    bySentence.set(key, [...(bySentence.get(key) ?? []), figure]);
  }
  const cover = (values: readonly PredictedValue[]) => coveredFigures(values, figuresById, bySentence);

  // Which gold quantity each predicted figure states: a gold fact, a gold figure of its own, or unknown.
  const goldIdOf = new Map<PredictedFigure, string>([...matches].map(([id, figure]) => [figure, id]));
  const factOf = new Map<string, GoldFact>();
  for (const fact of gold.facts) for (const id of fact.figures) factOf.set(id, fact);
  const quantity = (figure: PredictedFigure) => {
    const id = goldIdOf.get(figure);
    if (id === undefined) return `unknown:${figure.id}`;
    return factOf.has(id) ? `fact:${(factOf.get(id) as GoldFact).id}` : `figure:${id}`;
  };
  const storyOf = new Map<string, string>();
  for (const story of gold.stories) for (const file of story.articles) storyOf.set(file, story.id);

  const facts = prediction.facts.map((fact) => ({ fact, covered: cover(fact.values) }));
  const conflicts = prediction.conflicts.map((conflict: PredictedConflict) => ({ conflict, covered: cover(conflict.values) }));
  const misses: string[] = [];
  const count = { grouped: 0, agreeShown: 0, conflictsShown: 0, stories: 0, storiesTotal: 0 };
  const anyStories = prediction.facts.some((fact) => fact.stories !== null);

  for (const fact of gold.facts) {
    const members = fact.figures.map((id) => matches.get(id));
    const missing = fact.figures.filter((_, i) => members[i] === undefined);
    const found = members.filter((m): m is PredictedFigure => m !== undefined);
    const home = missing.length === 0 ? facts.find(({ covered }) => found.every((m) => covered.has(m))) : undefined;
    if (home) count.grouped++;
    else if (missing.length > 0) misses.push(`${fact.id}: figures not found (${missing.join(', ')})`);
    else misses.push(`${fact.id}: split over ${new Set(found.map((m) => facts.findIndex(({ covered }) => covered.has(m)))).size} facts`);
    if (fact.status === 'agree') {
      if (home?.fact.status === 'agree') count.agreeShown++;
      else if (home) misses.push(`${fact.id}: shown as ${home.fact.status}, not agree`);
    }
    if (fact.status === 'differ') {
      const shown = missing.length === 0 && conflicts.some(({ covered }) => found.every((m) => covered.has(m)));
      if (shown) count.conflictsShown++;
      else misses.push(`${fact.id}: disagreement not shown as one conflict`);
    }
    if (home && anyStories) {
      count.storiesTotal++;
      if (home.fact.stories === fact.stories) count.stories++;
      else misses.push(`${fact.id}: ${home.fact.stories ?? 'no'} stories, not ${fact.stories}`);
    }
  }

  /** The one gold fact a set of predicted figures states, or null when they state several quantities or an unknown one. */
  const goldFact = (covered: Set<PredictedFigure>): GoldFact | null => {
    const quantities = new Set([...covered].map(quantity));
    const only = quantities.size === 1 ? [...quantities][0] : undefined;
    return only?.startsWith('fact:') ? (gold.facts.find((f) => `fact:${f.id}` === only) ?? null) : null;
  };
  let agreeRight = 0;
  let agreeTotal = 0;
  let pure = 0;
  let multi = 0;
  for (const { fact, covered } of facts) {
    if (covered.size >= 2) {
      multi++;
      if (new Set([...covered].map(quantity)).size === 1) pure++;
      else misses.push(`fact ${fact.id} merges ${[...new Set([...covered].map(quantity))].join(', ')}`);
    }
    if (fact.status === 'agree') {
      agreeTotal++;
      if (goldFact(covered)?.status === 'agree') agreeRight++;
      else misses.push(`fact ${fact.id} says agree wrongly`);
    }
  }
  let conflictsRight = 0;
  for (const { conflict, covered } of conflicts) {
    if (goldFact(covered)?.status === 'differ') conflictsRight++;
    else misses.push(`conflict ${conflict.id} is not a disagreement`);
  }

  // The same fact in several briefings (every article's and its topics') is one finding.
  const onCopies = new Map<string, { fact: string; files: string[]; topics: string[] }>();
  for (const fact of [...prediction.facts, ...prediction.topicFacts]) {
    if (fact.status !== 'agree') continue;
    const files = [...new Set([...cover(fact.values)].map((f) => f.file))].sort();
    if (new Set(files.map((file) => storyOf.get(file) ?? file)).size >= 2) continue;
    const key = `${fact.id}\n${files.join('\n')}`;
    const found = onCopies.get(key) ?? { fact: fact.id, files, topics: [] };
    found.topics.push(fact.topic);
    onCopies.set(key, found);
  }
  const agreeOnCopies = [...onCopies.values()];

  const grouped = gold.facts.length;
  return {
    grouped: { right: count.grouped, total: grouped },
    agreeShown: { right: count.agreeShown, total: gold.facts.filter((f) => f.status === 'agree').length },
    agreeRight: { right: agreeRight, total: agreeTotal },
    conflictsShown: { right: count.conflictsShown, total: gold.facts.filter((f) => f.status === 'differ').length },
    conflictsRight: { right: conflictsRight, total: conflicts.length },
    oneQuantity: { right: pure, total: multi },
    agreeOnCopies,
    stories: anyStories ? { right: count.stories, total: count.storiesTotal } : null,
    misses,
  };
}

// ── Quotes ─────────────────────────────────────────────────────────────────────────────────

/** Quotations shorter than this are scare quotes or fragments ("engage constructively"): out of scope. */
export const MIN_QUOTE_WORDS = 5;

export function wordCount(text: string): number {
  return (text.match(/\p{Script=Han}|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

export interface QuoteScore {
  /** Predicted quotes (of five words or more) with a speaker whose speaker is right. */
  precision: Ratio;
  /** Gold remarks found with the right speaker. */
  recall: Ratio;
  /** Gold remarks in several quoted segments that came out as several quotes. */
  split: Ratio;
  misses: string[];
}

function quoteMatches(quote: PredictedQuote, remark: GoldQuote): boolean {
  if (quote.file !== remark.file) return false;
  const text = normaliseText(quote.text);
  return [remark.quote, ...(remark.parts ?? [])].some((snippet) => text.includes(normaliseText(snippet)));
}

export function scoreQuotes(gold: Gold, prediction: Prediction, names: Namer): QuoteScore {
  const quotes = prediction.quotes.filter((q) => wordCount(q.text) >= MIN_QUOTE_WORDS && gold.articles[q.file] !== undefined);
  const speakerRight = (quote: PredictedQuote, remark: GoldQuote) => nameMatches(quote.speaker, remark.speaker, 'names', names);
  const misses: string[] = [];
  let found = 0;
  for (const remark of gold.quotes) {
    const mine = quotes.filter((q) => quoteMatches(q, remark));
    if (mine.some((q) => q.speaker !== null && speakerRight(q, remark))) found++;
    else misses.push(`${remark.file} “${remark.quote}…”: ${mine.length === 0 ? 'not found' : `speaker ${show(mine.map((q) => q.speaker))}, not ${show(remark.speaker)}`}`);
  }
  let right = 0;
  let wrong = 0;
  for (const quote of quotes) {
    if (quote.speaker === null) continue;
    const remark = gold.quotes.find((r) => quoteMatches(quote, r));
    if (remark && speakerRight(quote, remark)) right++;
    else {
      wrong++;
      misses.push(`${quote.file} “${quote.text.slice(0, 50)}…”: speaker ${show(quote.speaker)} ${remark ? `is not ${show(remark.speaker)}` : 'given to a quote the gold file does not have'}`);
    }
  }
  const multiPart = gold.quotes.filter((remark) => (remark.parts ?? []).length > 0);
  const split = multiPart.filter((remark) => quotes.filter((q) => quoteMatches(q, remark)).length > 1).length;
  return { precision: { right, total: right + wrong }, recall: { right: found, total: gold.quotes.length }, split: { right: split, total: multiPart.length }, misses };
}

// ── Everything ─────────────────────────────────────────────────────────────────────────────

export interface EvalScores {
  topics: TopicScore;
  duplicates: PairScore;
  stories: PairScore;
  figures: FigureScore;
  facts: FactScore;
  quotes: QuoteScore;
}

export function scoreAll(gold: Gold, prediction: Prediction, entities: readonly EntityConfig[]): EvalScores {
  const names = namer(gold, entities);
  const matches = matchFigures(gold.figures, prediction.figures);
  return {
    topics: scoreTopics(gold, prediction),
    duplicates: scoreDuplicates(gold, prediction),
    stories: scoreStories(gold, prediction),
    figures: scoreFigures(gold, prediction, names, matches),
    facts: scoreFacts(gold, prediction, matches),
    quotes: scoreQuotes(gold, prediction, names),
  };
}
