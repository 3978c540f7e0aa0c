/**
 * Figures: every percentage, sum of money and count of units an article states, traced to the
 * sentence it was read from and described well enough to be compared with other sources — what
 * it measures, whose it is, for which period and in which market.
 *
 * The reading is shallow on purpose, so that it is predictable and cheap (a few precompiled
 * patterns per sentence):
 * - A figure is a number with a unit: `17%`, `17 percent`, `HK$124.3`, `$18.51 billion`, `$3bn`,
 *   `5 billion yuan`, `50 million units`. A bare number ("Qwen 2.5", "iPhone 16", "2024") never
 *   is. A direction word next to it ("fell by 11%", "2.6% higher", "an 11% year-over-year drop")
 *   makes it a change: its text keeps the direction and its value is signed (-11).
 * - A sentence is cut into clauses at commas, semicolons, dashes and conjunctions. The words
 *   describing a figure are looked for in its own clause first.
 * - What a sentence leaves unsaid (the period, the market, the company "it" stands for) is
 *   carried from earlier sentences of the same paragraph, never across paragraphs.
 * - Anything the text does not settle stays null.
 *
 * Periods are normalised: `Q4 2024`, `H1 2024`, `2024`, `fiscal Q1`, `fiscal Q1 2025`,
 * `fiscal 2025`, `January 2025`. Relative ones ("last year", "this year", "the fourth quarter", "in January")
 * resolve against the article's date, to the latest such period begun on or before it, and to
 * null when the article has no date; "the same time last year" is a year before the period in
 * force. A point of reference ("since January 2022", "by April") is not a figure's period.
 *
 * Measures, the vocabulary a chart spec's `measure` is written in:
 *   `market share`; `sales`, `sales change`; `shipments`, `shipments change`; `revenue`,
 *   `revenue change`; `share price`, `stock change`, `stock change at close`; `donation`.
 * A stock figure's market is where the stock is listed ("Hong Kong-listed", or a price in HK$),
 * never the market the paragraph talks about; without a listing it is null.
 * Currencies: `$` and `US$` are USD, `HK$` HKD, `RMB`, `¥` and "yuan" CNY, `€` EUR, `£` GBP.
 *
 * A figure's id is what it is, `<fact key>-<hash of article file, sentence id and text>`, so it
 * survives rebuilds, edits elsewhere in the article and a new slug, and links to it stay valid.
 * The file, not the slug: a slug depends on the other articles' titles, and an analysis that
 * does not depend on them can be reused under a new slug (`relinkAnalysis`).
 */
import type { Article, Figure, Sentence } from '../types.ts';
import { sourceRef } from '../paths.ts';
import { slugify } from '../clean/index.ts';
import { shortHash } from '../clean/sentences.ts';

export interface FigureOptions {
  /** The site's base path, for the source links. */
  base: string;
  /** Company and organisation names as written (case-sensitive) → canonical subject name. */
  subjects: ReadonlyMap<string, string>;
}

type Period = string | null;
type UnitKind = 'percent' | 'money' | 'count';

interface Span {
  start: number;
  end: number;
}

interface MarketMention extends Span {
  /** Null for a market named only to be excluded ("outside China"). */
  value: string | null;
}

interface PeriodMention extends Span {
  value: Period;
  /** "the same time last year": relative to the period in force, which it does not replace. */
  shift: boolean;
}

interface SubjectMention extends Span {
  /** The canonical subject name. */
  value: string;
  /** Named as the source of the numbers ("Canalys reported", "according to Apple's report"). */
  source: boolean;
}

interface RawFigure extends Span {
  text: string;
  value: number;
  unit: string;
  change: boolean;
}

/** What the paragraph has established so far, for sentences that leave it unsaid. */
interface ParagraphContext {
  period: Period;
  /** The latest plain year mentioned, which "annual shipments" refer to. */
  year: Period;
  market: string | null;
  /** The company "the company", "its" or "the handset" refers to. */
  antecedent: string | null;
}

interface ArticleDate {
  year: number;
  month: number;
}

/**
 * Every match of a global pattern. A plain `exec` loop: `matchAll` clones the pattern on each
 * call, which costs more than the match itself on short sentences.
 */
function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) matches.push(match);
  return matches;
}

// ── Figures ────────────────────────────────────────────────────────────────────────────────

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`\s(?:thousand|million|billion|trillion)\b|(?:bn|tn|mn|m)\b`;
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12, tn: 1e12 };
const CURRENCIES: Record<string, string> = { US$: 'USD', HK$: 'HKD', RMB: 'CNY', '¥': 'CNY', '€': 'EUR', '£': 'GBP', $: 'USD' };
const QUALIFIERS = 'as much as|as little as|more than|less than|just over|just under|over|under|nearly|almost|about|around|roughly|approximately|some|up to|at least';
const COUNT_NOUNS = 'units|devices|phones|smartphones|handsets|iPhones|tablets';
const RISE_VERBS = 'rose|rises|rising|risen|grew|grows|growing|gained|gains|jumped|jumps|jumping|surged|surges|surging|soared|soaring|climbed|climbing|increased|increasing|up';
const FALL_VERBS = 'fell|falls|falling|fallen|dropped|drops|dropping|declined|declines|declining|slid|slumped|plunged|plummeted|sank|tumbled|shrank|decreased|decreasing|down';
const RISE_NOUNS = 'higher|increase|rise|gain|jump|growth|surge';
const FALL_NOUNS = 'lower|drop|decline|fall|decrease|slump|plunge';
const FALLING = new Set(`${FALL_VERBS}|${FALL_NOUNS}`.split('|'));

/**
 * One figure: an optional direction verb ("grew shipments", "fell by"), an optional qualifier
 * ("as much as"), the number with its unit, an optional direction after it ("higher", "drop").
 */
const FIGURE = new RegExp(
  // Not inside a word, nor the end of a range ("20-30%"), which no single value states.
  String.raw`(?<![A-Za-z0-9]|\d[-–])` +
    String.raw`(?:(?<verb>${RISE_VERBS}|${FALL_VERBS})(?:\s(?:shipments|sales|revenues?))?\s(?:by\s)?)?` +
    String.raw`(?:(?:${QUALIFIERS})\s)?` +
    String.raw`(?:(?<currency>US\$|HK\$|RMB\s?|¥|€|£|\$)(?<money>${NUMBER})(?<moneyScale>${SCALE})?` +
    String.raw`|(?<percent>${NUMBER})(?:\s?%|\s(?:percent|per cent)\b)` +
    String.raw`|(?<count>${NUMBER})(?<countScale>${SCALE})?\s(?:${COUNT_NOUNS})\b` +
    String.raw`|(?<yuan>${NUMBER})(?<yuanScale>${SCALE})?\syuan\b)` +
    String.raw`(?:\s(?<after>higher|lower)\b|(?:\s(?:year-over-year|year-on-year|annual|quarterly))?\s(?<noun>${RISE_NOUNS}|${FALL_NOUNS})\b)?`,
  // Without the `u` flag (and so with ASCII word edges) this runs four times faster.
  'gi',
);

function unitOf(groups: Record<string, string | undefined>): string {
  if (groups.percent) return '%';
  if (groups.count) return 'units';
  if (groups.yuan) return 'CNY';
  return CURRENCIES[(groups.currency ?? '$').trim().toUpperCase()] ?? 'USD';
}

function unitKind(unit: string): UnitKind {
  return unit === '%' ? 'percent' : unit === 'units' ? 'count' : 'money';
}

function readFigure(match: RegExpExecArray): RawFigure {
  const groups = match.groups ?? {};
  const number = groups.money ?? groups.percent ?? groups.count ?? groups.yuan ?? '0';
  const scale = (groups.moneyScale ?? groups.countScale ?? groups.yuanScale ?? '').trim().toLowerCase();
  const direction = (groups.verb ?? groups.after ?? groups.noun)?.toLowerCase();
  // toPrecision drops the float noise of the scaling (18.51 × 1e9), so equal texts give equal values.
  const magnitude = Number((Number.parseFloat(number.replace(/,/g, '')) * (SCALES[scale] ?? 1)).toPrecision(15));
  const sign = direction !== undefined && FALLING.has(direction) ? -1 : 1;
  return {
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
    value: sign * magnitude,
    unit: unitOf(groups),
    change: direction !== undefined,
  };
}

// ── Periods ────────────────────────────────────────────────────────────────────────────────

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORDINALS = ['first', 'second', 'third', 'fourth'];
const ORDINAL = `(?:${ORDINALS.join('|')})`;

/**
 * Where a period is named; `readPeriod` says which one. Alternatives are tried in this order;
 * the word boundary they share is tested once, which halves the time of this pattern.
 */
const PERIOD = new RegExp(
  `\\b(?:${[
    String.raw`(?<fiscal>[Ff]iscal (?:\d{4} )?${ORDINAL} quarter\b|${ORDINAL} fiscal quarter\b|[Ff]iscal Q[1-4](?: \d{4})?\b|[Ff]iscal (?:year )?\d{4}\b|FY ?\d{4}\b)`,
    String.raw`(?<quarter>(?:Q[1-4]|${ORDINAL}[- ]quarter)(?:(?: of)? (?:\d{4}|last year|this year))?\b)`,
    String.raw`(?<half>(?:H[12]|(?:first|second) half)(?:(?: of)? (?:\d{4}|last year|this year))?\b)`,
    String.raw`(?<shift>(?:the )?same (?:time|period|quarter|month) (?:last|a) year\b|a year (?:earlier|ago|before)\b|the (?:previous|prior) year\b)`,
    // "the December quarter" is a company's quarter, not the month.
    String.raw`(?<month>(?:${MONTHS.join('|')})(?: \d{4})?\b(?! quarter))`,
    String.raw`(?<relative>[Ll]ast year\b|[Tt]his year\b)`,
    String.raw`(?<annual>[Aa]nnual\b|[Ff]ull-year\b)`,
    String.raw`(?<year>(?<![$.,\d])(?:19|20)\d{2}\b(?!\s?%|[.,]\d))`,
  ].join('|')})`,
  'g',
);

/** "since January 2022", "by April": a point of reference, not the period a figure is for. */
const REFERENCE_POINT = /\b(?:since|until|till|by|before|after|through)\s+(?:the\s+)?(?:end of\s+|early\s+|late\s+)?$/i;

interface PeriodContext {
  date: ArticleDate | null;
  /** The period a "same time last year" is relative to. */
  inForce: Period;
  year: Period;
}

/** The year the words name: a number, "last year" or "this year" (null when the article has no date), or undefined when they name none. */
function namedYear(words: string, date: ArticleDate | null): number | null | undefined {
  const digits = /\d{4}/.exec(words);
  if (digits) return Number(digits[0]);
  if (/last year/i.test(words)) return date ? date.year - 1 : null;
  if (/this year/i.test(words)) return date ? date.year : null;
  return undefined;
}

/** The latest year, on or before the article's date, in which a month (or a quarter starting then) began. */
function recentYear(date: ArticleDate | null, month: number): number | null {
  if (!date) return null;
  return month <= date.month ? date.year : date.year - 1;
}

function quarterOf(words: string): number {
  const digit = /Q([1-4])/.exec(words);
  if (digit) return Number(digit[1]);
  return ORDINALS.findIndex((ordinal) => words.toLowerCase().includes(ordinal)) + 1;
}

/** "Q4 2024" → "Q4 2023"; a period without a year cannot be shifted. */
function yearBefore(period: Period): Period {
  const year = period ? /\d{4}/.exec(period) : null;
  return period && year ? period.replace(year[0], String(Number(year[0]) - 1)) : null;
}

/** The normalised period for the words of one PERIOD match. */
function readPeriod(match: RegExpExecArray, context: PeriodContext): Period {
  const groups = match.groups ?? {};
  const words = match[0];
  if (groups.shift) return yearBefore(context.inForce);
  if (groups.annual) return context.year;
  const year = namedYear(words, context.date);
  if (year === null) return null;
  if (groups.fiscal) {
    const quarter = /quarter|Q[1-4]/.test(words) ? `Q${quarterOf(words)}` : '';
    return ['fiscal', quarter, year ?? ''].filter(Boolean).join(' ');
  }
  if (groups.quarter) {
    const quarter = quarterOf(words);
    const resolved = year ?? recentYear(context.date, quarter * 3 - 2);
    return resolved === null ? null : `Q${quarter} ${resolved}`;
  }
  if (groups.half) {
    const half = /H1|first/.test(words) ? 1 : 2;
    const resolved = year ?? recentYear(context.date, half * 6 - 5);
    return resolved === null ? null : `H${half} ${resolved}`;
  }
  if (groups.month) {
    const month = MONTHS.findIndex((name) => words.startsWith(name)) + 1;
    const resolved = year ?? recentYear(context.date, month);
    return resolved === null ? null : `${MONTHS[month - 1]} ${resolved}`;
  }
  return year === undefined ? null : String(year);
}

function readPeriods(text: string, context: PeriodContext): PeriodMention[] {
  const mentions: PeriodMention[] = [];
  let inForce = context.inForce;
  let year = context.year;
  for (const match of allMatches(PERIOD, text)) {
    if (REFERENCE_POINT.test(text.slice(Math.max(0, match.index - 30), match.index))) continue;
    const shift = match.groups?.shift !== undefined;
    const value = readPeriod(match, { date: context.date, inForce, year });
    if (!shift && value) inForce = value;
    if (value && /^\d{4}$/.test(value)) year = value;
    mentions.push({ start: match.index, end: match.index + match[0].length, value, shift });
  }
  return mentions;
}

// ── Markets ────────────────────────────────────────────────────────────────────────────────

const MARKETS: readonly [name: string, pattern: string][] = [
  ['Greater China', 'Greater China'],
  ['China', String.raw`(?:mainland )?China|Chinese (?:smartphone )?market`],
  ['Hong Kong', 'Hong Kong(?!-listed)'],
  ['India', String.raw`India|Indian (?:smartphone )?market`],
  ['Japan', String.raw`Japan|Japanese (?:smartphone )?market`],
  ['United States', String.raw`United States|U\.S\.|US(?= market)`],
  ['Europe', String.raw`Europe|European (?:smartphone )?market`],
  ['global', String.raw`global(?= (?:smartphone )?(?:market|shipments|sales|revenue))|globally|worldwide`],
];
const MARKET = new RegExp(`\\b(?:${MARKETS.map(([, pattern], i) => `(?<m${i}>${pattern})`).join('|')})(?![A-Za-z0-9])`, 'g');
const EXCLUDED_MARKET = /\b(?:outside|beyond|except|excluding)\s+(?:of\s+)?$/;

/** Where a stock trades, named by the exchange's place or by the currency of its price. */
const LISTINGS: readonly [name: string, pattern: RegExp][] = [
  ['Hong Kong', /Hong Kong|HK\$/],
  ['United States', /New York|Nasdaq|NYSE|Wall Street/],
  ['China', /Shanghai|Shenzhen/],
];

function readMarkets(text: string): MarketMention[] {
  return allMatches(MARKET, text).map((match) => {
    const excluded = EXCLUDED_MARKET.test(text.slice(Math.max(0, match.index - 20), match.index));
    const [name] = MARKETS.find((_, i) => match.groups?.[`m${i}`] !== undefined) as (typeof MARKETS)[number];
    return { start: match.index, end: match.index + match[0].length, value: excluded ? null : name };
  });
}

// ── Subjects ───────────────────────────────────────────────────────────────────────────────

const SOURCE_AFTER = /^(?:['’]s?)?\s+(?:reported|reports|said|says|estimated|estimates|found|finds|noted|notes|forecast|forecasts|predicted|predicts|data|figures)\b/;
const SOURCE_BEFORE = /(?:\baccording to(?:\s+[\p{L}\p{N}'’.-]+){0,4}|\b(?:firm|researcher|tracker|consultancy),?)\s+$/u;
const BACK_REFERENCE = /\b(?:[Tt]he (?:company|firm|group|handset|tech giant|iPhone maker|smartphone maker)|[Ii]ts?)\b/;
const FOR_SUBJECT = /^\s+for\s+$/;

const subjectPatterns = new WeakMap<ReadonlyMap<string, string>, RegExp>();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern for all aliases, longest first, compiled once per subjects map. Aliases that start
 * with a word character must start and end on a word edge; others (Chinese names, which have no
 * spaces around them) match anywhere. The shared `\b` lets the engine skip most positions.
 */
function subjectPattern(subjects: ReadonlyMap<string, string>): RegExp {
  let pattern = subjectPatterns.get(subjects);
  if (!pattern) {
    const aliases = [...subjects.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp);
    const words = aliases.filter((alias) => /^\w/.test(alias));
    const others = aliases.filter((alias) => !/^\w/.test(alias));
    const alternatives = [...(words.length > 0 ? [`\\b(?:${words.join('|')})(?![A-Za-z0-9])`] : []), ...others];
    pattern = new RegExp(alternatives.join('|') || '(?!)', 'g');
    subjectPatterns.set(subjects, pattern);
  }
  return pattern;
}

function readSubjects(text: string, subjects: ReadonlyMap<string, string>): SubjectMention[] {
  return allMatches(subjectPattern(subjects), text).map((match) => {
    const end = match.index + match[0].length;
    const source = SOURCE_AFTER.test(text.slice(end, end + 20)) || SOURCE_BEFORE.test(text.slice(Math.max(0, match.index - 60), match.index));
    return { start: match.index, end, value: subjects.get(match[0]) ?? match[0], source };
  });
}

// ── Measures ───────────────────────────────────────────────────────────────────────────────

interface MeasureFamily {
  /** The measure of a figure that is a level (a share, an amount, a count). */
  level: string | null;
  /** The units a level of this family can be written in: "sales of 15%" is not a level of sales. */
  levelUnits: readonly UnitKind[];
  /** The measure of a figure that is a change. */
  change: string | null;
}

const FAMILIES: readonly [pattern: string, family: MeasureFamily][] = [
  ['market share|share of (?:the )?market|of the market', { level: 'market share', levelUnits: ['percent'], change: null }],
  ['sales|sold|sells?|selling', { level: 'sales', levelUnits: ['money', 'count'], change: 'sales change' }],
  ['shipments?|shipped|ships?|shipping', { level: 'shipments', levelUnits: ['count'], change: 'shipments change' }],
  ['revenues?', { level: 'revenue', levelUnits: ['money'], change: 'revenue change' }],
  ['share price|stock price|shares|stock', { level: 'share price', levelUnits: ['money'], change: 'stock change' }],
  ['donat(?:e|ed|es|ing|ion|ions)', { level: 'donation', levelUnits: ['money'], change: null }],
];
const FAMILY = new RegExp(`\\b(?:${FAMILIES.map(([pattern], i) => `(?<f${i}>${pattern})`).join('|')})\\b`, 'gi');
const CLOSING = /\bclos(?:e|ed|ing)\b/;

interface FamilyMention extends Span {
  family: MeasureFamily;
}

function readFamilies(text: string): FamilyMention[] {
  return allMatches(FAMILY, text).map((match) => {
    // Exactly one alternative matched: its group names the family.
    const [, family] = FAMILIES.find((_, i) => match.groups?.[`f${i}`] !== undefined) as (typeof FAMILIES)[number];
    return { start: match.index, end: match.index + match[0].length, family };
  });
}

function measureOf(family: MeasureFamily | null, figure: RawFigure, clauseText: string): string | null {
  if (!family) return null;
  if (!figure.change) return family.levelUnits.includes(unitKind(figure.unit)) ? family.level : null;
  return family.change === 'stock change' && CLOSING.test(clauseText) ? 'stock change at close' : family.change;
}

// ── Reading a sentence ─────────────────────────────────────────────────────────────────────

const CLAUSE_BREAK = /[,;:]\s|\s[–—-]\s|\s(?:and|but|while|whereas|although|though)\s/g;

interface SentenceReading {
  text: string;
  /** Offsets where a new clause begins. */
  breaks: number[];
  figures: RawFigure[];
  subjects: SubjectMention[];
  markets: MarketMention[];
  periods: PeriodMention[];
  families: FamilyMention[];
  backReference: number;
}

function readSentence(text: string, subjects: ReadonlyMap<string, string>, context: PeriodContext): SentenceReading {
  // Every figure has a digit; most sentences have none, and need only be read for context.
  const figures = /\d/.test(text) ? allMatches(FIGURE, text).map(readFigure) : [];
  const described = figures.length > 0;
  return {
    text,
    breaks: described ? allMatches(CLAUSE_BREAK, text).map((match) => match.index) : [],
    figures,
    subjects: readSubjects(text, subjects),
    markets: readMarkets(text),
    periods: readPeriods(text, context),
    families: described ? readFamilies(text) : [],
    backReference: described ? (BACK_REFERENCE.exec(text)?.index ?? -1) : -1,
  };
}

function clauseOf(reading: SentenceReading, position: number): number {
  return reading.breaks.filter((offset) => offset < position).length;
}

function clauseText(reading: SentenceReading, clause: number): string {
  return reading.text.slice(reading.breaks[clause - 1] ?? 0, reading.breaks[clause] ?? reading.text.length);
}

function distance(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0;
}

/** The mention closest to the figure; on a tie, the earlier one. */
function nearest<T extends Span>(mentions: readonly T[], figure: Span): T | undefined {
  let best: T | undefined;
  for (const mention of mentions) if (!best || distance(mention, figure) < distance(best, figure)) best = mention;
  return best;
}

function inClause<T extends Span>(reading: SentenceReading, mentions: readonly T[], clause: number): T[] {
  return mentions.filter((mention) => clauseOf(reading, mention.start) === clause);
}

/**
 * Whose figure it is: the company named right after "for" ("16% for Huawei"), else the nearest
 * company named before it ("Vivo … 17%, followed by Huawei at 16%"), else, when the sentence
 * refers back ("The company's sales"), the company the paragraph was about. Sources are skipped.
 */
function subjectFor(figure: RawFigure, reading: SentenceReading, context: ParagraphContext): string | null {
  const named = reading.subjects.filter((mention) => !mention.source);
  const forSubject = named.find((m) => m.start >= figure.end && FOR_SUBJECT.test(reading.text.slice(figure.end, m.start)));
  const before = named.filter((mention) => mention.end <= figure.start).at(-1);
  const refersBack = reading.backReference >= 0 && reading.backReference < figure.start;
  return forSubject?.value ?? before?.value ?? (refersBack ? context.antecedent : null);
}

/**
 * Where a figure's period or market is named: in its own clause; else in a clause without
 * figures (the sentence's setting: "In 2024, …"); else earlier in the sentence, which the later
 * clauses continue ("annual shipments in China fell 17%, pushing it to a 15% share"). Undefined
 * when the sentence does not say, and the paragraph's context applies.
 */
function statedFor<T extends Span>(figure: RawFigure, clause: number, reading: SentenceReading, mentions: readonly T[], continues: (mention: T) => boolean): T | undefined {
  const figureClauses = new Set(reading.figures.map((f) => clauseOf(reading, f.start)));
  return (
    nearest(inClause(reading, mentions, clause), figure) ??
    nearest(mentions.filter((mention) => !figureClauses.has(clauseOf(reading, mention.start))), figure) ??
    mentions.findLast((mention) => continues(mention) && mention.end <= figure.start)
  );
}

/** "A year earlier" describes only its own figure: later clauses do not continue it. */
function periodFor(figure: RawFigure, clause: number, reading: SentenceReading, context: ParagraphContext): Period {
  const stated = statedFor(figure, clause, reading, reading.periods, (mention) => !mention.shift);
  return stated ? stated.value : context.period;
}

function marketFor(figure: RawFigure, measure: string | null, clause: number, reading: SentenceReading, context: ParagraphContext): string | null {
  if (measure === 'share price' || measure?.startsWith('stock')) {
    return LISTINGS.find(([, pattern]) => pattern.test(reading.text))?.[0] ?? null;
  }
  const stated = statedFor(figure, clause, reading, reading.markets, () => true);
  return stated ? stated.value : context.market;
}

interface Described extends RawFigure {
  subject: string | null;
  measure: string | null;
  period: Period;
  market: string | null;
}

function describeFigures(reading: SentenceReading, context: ParagraphContext): Described[] {
  const described: Described[] = [];
  // A figure whose clause names no measure continues the one before it: "… market share at 17%, followed by Huawei at 16%".
  let family: MeasureFamily | null = null;
  for (const figure of reading.figures) {
    const clause = clauseOf(reading, figure.start);
    family = nearest(inClause(reading, reading.families, clause), figure)?.family ?? family;
    const measure = measureOf(family, figure, clauseText(reading, clause));
    described.push({
      ...figure,
      subject: subjectFor(figure, reading, context),
      measure,
      period: periodFor(figure, clause, reading, context),
      market: marketFor(figure, measure, clause, reading, context),
    });
  }
  return described;
}

/** What the paragraph has established once this sentence is read. */
function advance(context: ParagraphContext, reading: SentenceReading, described: Described[]): ParagraphContext {
  const stated = reading.periods.filter((mention) => !mention.shift).map((mention) => mention.value);
  const lastMarket = reading.markets.at(-1);
  return {
    period: described.findLast((figure) => figure.period)?.period ?? stated.findLast(Boolean) ?? context.period,
    year: stated.findLast((period) => period !== null && /^\d{4}$/.test(period)) ?? context.year,
    market: lastMarket ? lastMarket.value : context.market,
    antecedent: reading.subjects.find((mention) => !mention.source)?.value ?? context.antecedent,
  };
}

// ── Ids and records ────────────────────────────────────────────────────────────────────────

const UNIT_SLUGS: Record<string, string> = { '%': 'pct' };
/** Slugs of subjects, measures, markets, periods and units: a small vocabulary, slugged once each. */
const partSlugs = new Map<string, string>();

function partSlug(part: string): string {
  let slug = partSlugs.get(part);
  if (slug === undefined) {
    slug = slugify(part, Number.POSITIVE_INFINITY);
    partSlugs.set(part, slug);
  }
  return slug;
}

/**
 * The readable key of what a figure is: subject, measure, market, period and unit, slugged
 * (`vivo-market-share-china-q4-2024-pct`); unknown parts are left out.
 */
export function factKey(figure: Pick<Figure, 'subject' | 'measure' | 'period' | 'market' | 'unit'>): string {
  const parts = [figure.subject, figure.measure, figure.market, figure.period, UNIT_SLUGS[figure.unit] ?? figure.unit];
  return parts
    .filter((part): part is string => part !== null)
    .map(partSlug)
    .filter(Boolean)
    .join('-');
}

function parseDate(date: string | null): ArticleDate | null {
  const match = date ? /^(\d{4})-(\d{2})/.exec(date) : null;
  return match ? { year: Number(match[1]), month: Number(match[2]) } : null;
}

function toFigure(described: Described, article: Pick<Article, 'slug' | 'file'>, sentence: Sentence, base: string, occurrence: number): Figure {
  const { text, value, unit, subject, measure, period, market } = described;
  // The same text twice in one sentence is told apart by its occurrence, never by the order of the article.
  const identity = `${article.file}\n${sentence.id}\n${text}${occurrence > 1 ? `\n${occurrence}` : ''}`;
  const id = `${factKey({ subject, measure, period, market, unit })}-${shortHash(identity)}`;
  return { id, text, value, unit, subject, measure, period, market, sources: [sourceRef(base, article, sentence)] };
}

const EMPTY_CONTEXT: ParagraphContext = { period: null, year: null, market: null, antecedent: null };

/**
 * The running text by paragraph (headings skipped), each cut after its last sentence with a
 * digit: what follows holds no figure and no figure depends on it, so it need not be read.
 */
function paragraphs(sentences: readonly Sentence[]): Sentence[][] {
  const blocks: Sentence[][] = [];
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    const last = blocks.at(-1);
    if (last?.[0]?.block === sentence.block) last.push(sentence);
    else blocks.push([sentence]);
  }
  return blocks.map((block) => block.slice(0, block.findLastIndex((sentence) => /\d/.test(sentence.text)) + 1));
}

function paragraphFigures(sentences: readonly Sentence[], article: Pick<Article, 'slug' | 'file'>, date: ArticleDate | null, options: FigureOptions): Figure[] {
  const figures: Figure[] = [];
  let context = EMPTY_CONTEXT;
  for (const sentence of sentences) {
    const reading = readSentence(sentence.text, options.subjects, { date, inForce: context.period, year: context.year });
    const described = describeFigures(reading, context);
    const seen = new Map<string, number>();
    for (const figure of described) {
      const occurrence = (seen.get(figure.text) ?? 0) + 1;
      seen.set(figure.text, occurrence);
      figures.push(toFigure(figure, article, sentence, options.base, occurrence));
    }
    context = advance(context, reading, described);
  }
  return figures;
}

/** Every figure of an article's running text, in reading order. */
export function extractFigures(article: Pick<Article, 'slug' | 'file' | 'date' | 'sentences'>, options: FigureOptions): Figure[] {
  const date = parseDate(article.date);
  return paragraphs(article.sentences).flatMap((sentences) => paragraphFigures(sentences, article, date, options));
}
