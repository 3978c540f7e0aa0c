/**
 * Dates and the timeline: which sentences say something happened (or will happen) on a date the
 * text gives, and what that date is.
 *
 * A date written in full ("February 13, 2025", "13 February 2025", "2025-02-13") is read as is.
 * Everything else is resolved against the article's own date and marked `approximate`, as is any
 * date less precise than a day:
 *
 * - a weekday ("on Thursday") is the latest such day on or before the article date;
 * - a day without a year ("Dec. 28") takes the year that puts it nearest the article date;
 * - a month without a year ("in December") is the latest such month not after the article's,
 *   "by April" / "until April" the first not before it; "last December" is strictly before,
 *   "next April" strictly after, "this April" in the article's year;
 * - "last year", "this year", "last month", "last quarter" count from the article date;
 * - "the December quarter" is the calendar quarter holding that month, latest not after;
 * - "early", "late", "mid-" keep the precision of what they modify ("late January" → a month).
 *
 * `date` is written by precision: `YYYY-MM-DD`, `YYYY-MM`, `YYYY-Qn` (ISO 8601 has no quarter
 * form; this is the common extension) or `YYYY`. Without an article date, only dates that carry
 * their own year resolve. Not read as dates: fiscal periods (a company's fiscal quarter is not the
 * calendar's), and dates relative to another date in the text ("the same time last year").
 *
 * All the forms compile into one regular expression, so a sentence is scanned once.
 */
import { sourceRef } from '../../core/types.ts';
import type { Article, TimelineEvent } from '../../core/types.ts';

export type DatePrecision = TimelineEvent['precision'];

export interface ResolvedDate {
  date: string;
  precision: DatePrecision;
  approximate: boolean;
}

/** A day: the article's date, against which relative dates resolve. */
export interface Anchor {
  year: number;
  month: number;
  day: number;
}

/** A word whose first letter may be a capital, as at the start of a sentence. */
const ci = (...words: string[]) =>
  `(?:${words.map((word) => word.replace(/^[a-z]/, (c) => `[${c}${c.toUpperCase()}]`)).join('|')})`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FULL_MONTH = `(?:${MONTHS.join('|')})`;
/** Month names, full or abbreviated ("Feb.", "Sept."); full names first so "January" is not "Jan". */
const MONTH = `(?:${FULL_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)`;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY = `(?:${WEEKDAYS.join('|')})`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`((?:19|20)\d{2})`;
const ORDINAL = ci('first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th');
const MODIFIER = `(?:${ci('early', 'late', 'mid')}|(?:${ci('the')}\\s+)?${ci('end', 'start', 'beginning', 'middle')}\\s+of)`;
const RELATIVE = ci('last', 'this', 'next');
const PREPOSITION = ci('in', 'on', 'by', 'during', 'until', 'till', 'through', 'since', 'from', 'before', 'after', 'as of', 'starting');

const monthNumber = (name: string) => MONTHS.findIndex((month) => month.startsWith(name.slice(0, 3))) + 1;
const ORDINALS: Record<string, number> = { fi: 1, '1s': 1, se: 2, '2n': 2, th: 3, '3r': 3, fo: 4, '4t': 4 };
/** "first" or "1st" → 1: two letters tell the four ordinals apart. */
const ordinalNumber = (word: string) => ORDINALS[word.slice(0, 2).toLowerCase()] as number;
const pad = (n: number) => String(n).padStart(2, '0');
const dayNumber = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;

function fromDayNumber(days: number): Anchor {
  const date = new Date(days * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const dayDate = (year: number, month: number, day: number, approximate: boolean): ResolvedDate | null =>
  isRealDay(year, month, day) ? { date: `${year}-${pad(month)}-${pad(day)}`, precision: 'day', approximate } : null;
const monthDate = (year: number, month: number): ResolvedDate => ({ date: `${year}-${pad(month)}`, precision: 'month', approximate: true });
const quarterDate = (year: number, quarter: number): ResolvedDate => ({ date: `${year}-Q${quarter}`, precision: 'quarter', approximate: true });
const yearDate = (year: number): ResolvedDate => ({ date: String(year), precision: 'year', approximate: true });

/** The year of a month named without one: latest not after the anchor, or first not before it. */
function yearOfMonth(month: number, anchor: Anchor, direction: 'back' | 'forward', strict: boolean): number {
  if (direction === 'back') return month < anchor.month || (month === anchor.month && !strict) ? anchor.year : anchor.year - 1;
  return month > anchor.month || (month === anchor.month && !strict) ? anchor.year : anchor.year + 1;
}

/** A day written without a year: the year that puts it nearest the anchor (earlier on a tie). */
export function nearestDay(month: number, day: number, anchor: Anchor): ResolvedDate | null {
  const target = dayNumber(anchor.year, anchor.month, anchor.day);
  const years = [anchor.year - 1, anchor.year, anchor.year + 1].filter((year) => isRealDay(year, month, day));
  const best = years.sort((a, b) => Math.abs(dayNumber(a, month, day) - target) - Math.abs(dayNumber(b, month, day) - target) || a - b)[0];
  return best === undefined ? null : dayDate(best, month, day, true);
}

/**
 * A weekday (0 Sunday … 6 Saturday) near the anchor: the latest on or before it, or with `last`
 * strictly before it, with `next` strictly after it.
 */
export function weekdayDate(anchor: Anchor, weekday: number, relative?: string): ResolvedDate | null {
  const today = dayNumber(anchor.year, anchor.month, anchor.day);
  const current = (((today + 4) % 7) + 7) % 7; // 1970-01-01, day 0, was a Thursday.
  let offset: number;
  if (relative === 'next') offset = (weekday - current + 7) % 7 || 7;
  else if (relative === 'last') offset = -((current - weekday + 7) % 7 || 7);
  else offset = -((current - weekday + 7) % 7);
  return shiftDays(anchor, offset);
}

/** The day `days` days after the anchor (before it, when negative). */
export function shiftDays(anchor: Anchor, days: number): ResolvedDate | null {
  const { year, month, day } = fromDayNumber(dayNumber(anchor.year, anchor.month, anchor.day) + days);
  return dayDate(year, month, day, true);
}

const yearOffset = (word: string) => ({ last: -1, this: 0, next: 1 })[word.toLowerCase() as 'last' | 'this' | 'next'];

/** The context a rule resolves in: the preposition before the date, and the article's date. */
interface RuleContext {
  preposition: string | undefined;
  anchor: Anchor | null;
}

interface Rule {
  /** Pattern source; its capture groups are passed to `resolve` in order. */
  source: string;
  resolve(groups: (string | undefined)[], context: RuleContext): ResolvedDate | null;
}

const FORWARD = new Set(['by', 'until', 'till']);
const isForward = (preposition: string | undefined) => FORWARD.has(preposition?.toLowerCase() ?? '');

/** In order of preference: where two forms match at the same place, the first listed wins. */
const RULES: Rule[] = [
  {
    // Periods measured from another date in the text, and fiscal periods: not calendar dates.
    source: [
      String.raw`(?:${ci('the')}\s+)?same\s+(?:time|period|quarter|month)\s+(?:last|a|the\s+previous|the\s+prior)\s+year`,
      String.raw`${ci('a')}\s+year\s+(?:earlier|ago|before)|(?:${ci('the')}\s+)?(?:previous|prior)\s+year`,
      String.raw`${ci('fiscal')}(?:\s+(?:${ORDINAL}[\s-]+quarter|[Qq][1-4]|year|half))?(?:\s+(?:of\s+)?(?:(?:19|20)\d{2}|${RELATIVE}\s+year))?|FY\s?\d{2,4}`,
    ].join('|'),
    resolve: () => null,
  },
  {
    source: String.raw`((?:19|20)\d{2})-(\d{2})-(\d{2})`,
    resolve: ([year, month, day]) => dayDate(Number(year), Number(month), Number(day), false),
  },
  {
    source: String.raw`(?:${WEEKDAY},?\s+)?(${MONTH})\s+${DAY},?\s+${YEAR}`,
    resolve: ([month, day, year]) => dayDate(Number(year), monthNumber(month!), Number(day), false),
  },
  {
    source: String.raw`(?:${WEEKDAY},?\s+)?${DAY}\s+(?:of\s+)?(${MONTH}),?\s+${YEAR}`,
    resolve: ([day, month, year]) => dayDate(Number(year), monthNumber(month!), Number(day), false),
  },
  {
    source: String.raw`(?:${MODIFIER}[\s-]+)?(${MONTH})\s+${YEAR}`,
    resolve: ([month, year]) => monthDate(Number(year), monthNumber(month!)),
  },
  {
    source: String.raw`(?:${ci('the')}\s+)?(?<!fiscal\s)(${ORDINAL})[\s-]+quarter\s+(?:of\s+)?(?:${YEAR}|(${RELATIVE})\s+year)|(?<!fiscal\s)[Qq]([1-4])\s*${YEAR}`,
    resolve: ([ordinal, year, relative, q, qYear], { anchor }) => {
      if (q) return quarterDate(Number(qYear), Number(q));
      if (year) return quarterDate(Number(year), ordinalNumber(ordinal!));
      return anchor ? quarterDate(anchor.year + yearOffset(relative!), ordinalNumber(ordinal!)) : null;
    },
  },
  {
    // "the December quarter": the calendar quarter that ends (or holds) that month.
    source: String.raw`(?:${ci('the')}\s+)?(${FULL_MONTH})\s+quarter`,
    resolve: ([month], { anchor, preposition }) => {
      if (!anchor) return null;
      const number = monthNumber(month!);
      return quarterDate(yearOfMonth(number, anchor, isForward(preposition) ? 'forward' : 'back', false), Math.ceil(number / 3));
    },
  },
  {
    source: String.raw`${MODIFIER}[\s-]+${YEAR}`,
    resolve: ([year]) => yearDate(Number(year)),
  },
  {
    source: String.raw`(?:(?:${MODIFIER}|${ci('earlier', 'later')})\s+)?(${RELATIVE})\s+(year|quarter|month)`,
    resolve: ([relative, unit], { anchor }) => {
      if (!anchor) return null;
      const offset = yearOffset(relative!);
      if (unit === 'year') return yearDate(anchor.year + offset);
      if (unit === 'month') {
        const months = anchor.year * 12 + anchor.month - 1 + offset;
        return monthDate(Math.floor(months / 12), (months % 12) + 1);
      }
      const quarters = anchor.year * 4 + Math.ceil(anchor.month / 3) - 1 + offset;
      return quarterDate(Math.floor(quarters / 4), (quarters % 4) + 1);
    },
  },
  {
    source: String.raw`(?:${WEEKDAY},?\s+)?(${MONTH})\s+${DAY}|(?:${WEEKDAY},?\s+)?${DAY}\s+(?:of\s+)?(${MONTH})`,
    resolve: ([month, day, dayFirst, monthAfter], { anchor }) =>
      anchor ? nearestDay(monthNumber((month ?? monthAfter)!), Number(day ?? dayFirst), anchor) : null,
  },
  {
    // A month alone is a date only after a preposition or a modifier: "in May", "late January".
    source: String.raw`(?:(${MODIFIER}|${RELATIVE})[\s-]+)?(${FULL_MONTH})`,
    resolve: ([modifier, month], { anchor, preposition }) => {
      if (!anchor || (!modifier && !preposition)) return null;
      const relative = modifier?.toLowerCase();
      const number = monthNumber(month!);
      if (relative === 'this') return monthDate(anchor.year, number);
      const forward = relative === 'next' || isForward(preposition);
      return monthDate(yearOfMonth(number, anchor, forward ? 'forward' : 'back', relative === 'last' || relative === 'next'), number);
    },
  },
  {
    source: String.raw`(?:(${RELATIVE})\s+)?(${WEEKDAY})`,
    resolve: ([relative, weekday], { anchor }) => (anchor ? weekdayDate(anchor, WEEKDAYS.indexOf(weekday!), relative?.toLowerCase()) : null),
  },
  {
    source: `(${ci('yesterday', 'today', 'tomorrow')})`,
    resolve: ([word], { anchor }) => {
      if (!anchor) return null;
      return shiftDays(anchor, { yesterday: -1, today: 0, tomorrow: 1 }[word!.toLowerCase() as 'yesterday' | 'today' | 'tomorrow']);
    },
  },
  {
    // A bare year, but not an amount ("$2025") or part of a decimal or a percentage.
    source: String.raw`(?<![$€£¥]|\d[.,])${YEAR}(?!\s*%|[.,]\d)`,
    resolve: ([year]) => yearDate(Number(year)),
  },
];

const groupCount = (source: string) => (new RegExp(`${source}|`, 'u').exec('') as RegExpExecArray).length - 1;
const RULE_GROUPS = RULES.map((rule) => groupCount(rule.source));
/** Group 1 is the preposition; then each rule is one group wrapping its own groups. */
const CORE = `(?:(${PREPOSITION})\\s+)?(?:${RULES.map((rule) => `(${rule.source})`).join('|')})`;
/**
 * Every form starts with an ASCII letter or digit, so `\b` lets the engine skip the inside of
 * words before trying the forms (twice as fast); the lookbehind extends the boundary to all scripts.
 */
const DATE_SCAN = new RegExp(`\\b(?<![\\p{L}\\p{N}])${CORE}(?![\\p{L}\\p{N}])`, 'gu');
/**
 * Every form that can resolve holds one of these (a year, a month, a weekday or "today", a
 * relative period): a sentence without any has no date, and is not scanned.
 */
const MAY_HOLD_DATE = new RegExp(
  String.raw`(?<!\d)(?:19|20)\d\d(?!\d)|${FULL_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*\d|day\b|${RELATIVE}\s+(?:year|quarter|month)|${ci('tomorrow')}`,
);
const DATE_WHOLE = new RegExp(`^${CORE}$`, 'u');

export function parseAnchor(articleDate: string | null): Anchor | null {
  const match = articleDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(articleDate) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDay(year, month, day) ? { year, month, day } : null;
}

/** Resolve one match of `CORE` with the rule that matched it. */
function resolveMatch(match: RegExpExecArray, anchor: Anchor | null): ResolvedDate | null {
  const preposition = match[1];
  let group = 2;
  for (const [index, rule] of RULES.entries()) {
    const count = RULE_GROUPS[index] as number;
    if (match[group] !== undefined) return rule.resolve(match.slice(group + 1, group + 1 + count), { preposition, anchor });
    group += 1 + count;
  }
  return null;
}

/** The date a phrase such as "on Thursday" or "the fourth quarter of 2024" names, or null. */
export function resolveDate(expression: string, articleDate: string | null): ResolvedDate | null {
  const match = DATE_WHOLE.exec(expression.trim());
  return match ? resolveMatch(match, parseAnchor(articleDate)) : null;
}

const PRECISION_ORDER: Record<DatePrecision, number> = { year: 0, quarter: 1, month: 2, day: 3 };

/** Where a date starts, as a sortable day: "2024" → "2024-01-01", "2024-Q4" → "2024-10-01". */
export function dateStart(date: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(date);
  if (quarter) return `${quarter[1]}-${pad(Number(quarter[2]) * 3 - 2)}-01`;
  return `${date}-01-01`.slice(0, 10);
}

/**
 * Timeline order: by when the period starts, a coarser period first ("2024" before "January
 * 2024"), then by article. Equal events keep the order they come in (the sort is stable), so
 * sort the concatenation of per-article lists to keep each article's reading order.
 */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  const [startA, startB] = [dateStart(a.date), dateStart(b.date)];
  if (startA !== startB) return startA < startB ? -1 : 1;
  const byPrecision = PRECISION_ORDER[a.precision] - PRECISION_ORDER[b.precision];
  if (byPrecision !== 0) return byPrecision;
  const [articleA, articleB] = [a.sources[0]?.article ?? '', b.sources[0]?.article ?? ''];
  return articleA < articleB ? -1 : articleA > articleB ? 1 : 0;
}

/**
 * One event per running-text sentence that carries a date: its first date that resolves. A date
 * after "since" is a reference point of a comparison ("its highest level since January 2022"),
 * not when something happened, so it makes no event.
 */
export function extractEvents(article: Pick<Article, 'slug' | 'date' | 'sentences'>): TimelineEvent[] {
  const anchor = parseAnchor(article.date);
  const events: TimelineEvent[] = [];
  for (const sentence of article.sentences) {
    if (sentence.heading || !MAY_HOLD_DATE.test(sentence.text)) continue;
    for (const match of sentence.text.matchAll(DATE_SCAN)) {
      if (match[1]?.toLowerCase() === 'since') continue;
      const resolved = resolveMatch(match, anchor);
      if (!resolved) continue;
      events.push({ ...resolved, when: match[0], text: sentence.text, sources: [sourceRef(article, sentence)] });
      break;
    }
  }
  return events.sort(compareEvents);
}
