/**
 * The periods a sentence names, normalised as a figure's `period` is written: `Q4 2024`,
 * `H1 2024`, `2024`, `fiscal Q3 2025`, `fiscal 2025`, `January 2025`, and a day as `2025-03-11`.
 * Which of them a figure gets is `figures.ts`'s business (a day for a price, a quarter for a
 * revenue); this module only reads what the words say.
 *
 * - Relative words resolve against the article's date: "last year", "this year", "the fourth
 *   quarter" (the latest begun on or before the date), "on Tuesday" (the latest Tuesday on or
 *   before it), "yesterday", "this month", "this quarter", "28日". A relative period also has an `ahead` reading,
 *   the earliest not yet over, for figures about the future ("a third-quarter forecast" written in
 *   June is this year's). Without an article date, relative periods are unknown (null).
 * - Spans written around their months: "the first three months of 2025", "the three months to
 *   December", "April-June" (a quarter), "the six months to June" (a half).
 * - Fiscal periods: "fiscal 2025", "FY2025", "its fiscal third quarter", "the third quarter of
 *   fiscal 2025", "its fiscal year to January" (`fiscal 2025`). A fiscal quarter without a year
 *   takes the fiscal year the article named, else the year of the article's date (the year most
 *   companies name the fiscal year reported in); once an article names a fiscal quarter, its bare
 *   quarters ("for the third quarter") are fiscal too.
 * - Not periods: points of reference ("since January", "by April", "the quarter ended March 31",
 *   "at the end of June", "截至3月底"), and a futures contract's month ("July cocoa", "nickel for
 *   July delivery").
 *
 * Chinese: 2024年, 去年, 今年, 第四季度, 一季度, 本季度, 上季度, 上半年, 5月, 5月27日, 28日, 周二, 去年同期.
 *
 * Hand-written: the timeline's date reader (`dates.ts`) leaves fiscal periods and comparisons out
 * on purpose, and no library here reads them; each form is one alternative below.
 */
import { nearestDay, shiftDays, weekdayDate, type Anchor } from './dates.ts';

export type Period = string | null;

export interface PeriodMention {
  start: number;
  end: number;
  /**
   * `span`: a quarter, half, year, month or fiscal period; `day`: one day; `shift`: "a year
   * earlier", the period in force a year before; `annual`: "annual", "full-year", the year in force.
   */
  kind: 'span' | 'day' | 'shift' | 'annual';
  value: Period;
  /** The same words read forward (the earliest such period not over on the article's date). */
  ahead: Period;
  /** A fiscal quarter or half: the article counts in fiscal periods from here on. */
  fiscalQuarter?: boolean;
}

export interface PeriodContext {
  anchor: Anchor | null;
  /** The article has named a fiscal quarter: its bare quarters are fiscal. */
  fiscal: boolean;
  /** The fiscal year the article named, if any. */
  fiscalYear: number | null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH = `(?:${MONTHS.join('|')}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.)`;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ORDINALS = ['first', 'second', 'third', 'fourth'];
const ORDINAL = `(?:${ORDINALS.join('|')})`;
/** A word whose first letter may be a capital, as at the start of a sentence. */
const ci = (words: string) => words.replace(/\b([a-z])/g, (c) => `[${c}${c.toUpperCase()}]`);
const OF_YEAR = String.raw`(?:(?: of)? (?:(?:19|20)\d{2}|last year|this year|the year)|,? (?:19|20)\d{2})`;

/**
 * One alternative per form, tried in this order; the word boundary they share is tested once.
 * A capital on the first word is allowed where a sentence may start with it.
 */
const PERIOD = new RegExp(
  `\\b(?:${[
    String.raw`(?<fiscal>${ci('fiscal')} (?:year )?(?:(?:19|20)\d{2} )?${ORDINAL}[- ]quarter|(?:${ORDINAL}[- ]quarter|Q[1-4]) (?:of )?(?:its |the )?fiscal (?:year )?(?:(?:19|20)\d{2}|\d{2})|${ORDINAL} fiscal quarter|${ci('fiscal')} Q[1-4](?: (?:19|20)\d{2})?|${ci('fiscal')} (?:first|second) half|${ci('fiscal')} (?:year )?(?:19|20)\d{2}|FY ?(?:(?:19|20)\d{2}|\d{2})\b|${ci('fiscal')} year (?:to|ended|ending|through) ${MONTH}(?: (?:19|20)\d{2})?|(?<=\b(?:the|its|their) (?:financial |full |trading )?)year (?:to|ended|ending) ${MONTH}(?: (?:19|20)\d{2})?)`,
    String.raw`(?<months>(?:${ci('the')} )?(?:${ORDINAL}|final) (?:three|six) months${OF_YEAR}?|(?:${ci('the')} )?(?:three|six) months (?:to|ended|ending|through) (?:the end of )?${MONTH}(?: (?:19|20)\d{2})?|(?:${ci('the')} )?(?:quarter|half) (?:to|ended|ending|through) (?:the end of )?${MONTH}(?: (?:19|20)\d{2})?|${MONTH} ?(?:[-–]|to) ?${MONTH}(?: (?:19|20)\d{2})?)`,
    // Not "the fourth quarterly decline": a quarter's name, not an adjective.
    String.raw`(?<quarter>(?:Q[1-4]|${ORDINAL}[- ]quarter(?!ly))${OF_YEAR}?)`,
    String.raw`(?<half>(?:H[12]|(?:first|second) half)${OF_YEAR}?)`,
    String.raw`(?<shift>(?:${ci('the')} )?same (?:time|period|quarter|month) (?:last|a|the previous|the prior) year|${ci('a')} year (?:earlier|ago|before)|(?:${ci('the')} )?(?:previous|prior) year)`,
    String.raw`(?<day>(?:(?:19|20)\d{2}-\d{2}-\d{2})|${MONTH} \d{1,2}(?:st|nd|rd|th)?\b(?:,? (?:19|20)\d{2})?|\d{1,2}(?:st|nd|rd|th)? ${MONTH}(?: (?:19|20)\d{2})?|(?:(?:last|this) )?(?:${WEEKDAYS.join('|')})\b|${ci('yesterday')}|${ci('today')})`,
    String.raw`(?<monthQuarter>(?:${ci('the')} )?(?:March|June|September|December) quarter(?: (?:of )?(?:19|20)\d{2})?)`,
    String.raw`(?<month>${MONTH}(?:${OF_YEAR})?(?! quarter))`,
    String.raw`(?<relative>${ci('last year')}|${ci('this year')}|${ci('this month')}|${ci('last month')}|${ci('this quarter')}|${ci('last quarter')}|${ci('next quarter')}|${ci('the current quarter')})`,
    // Not "an annual rate of 10.7%": a pace, whatever period it was measured over.
    String.raw`(?<annual>${ci('annual')}(?! (?:rate|pace|basis))|${ci('full-year')}|${ci('full year')}|(?:the )?whole (?:of the )?year)`,
    String.raw`(?<year>(?<![$£€¥.,\d])(?:19|20)\d{2}\b(?!\s?%|[.,]\d|-\d{2}-))`,
  ].join('|')})`,
  'g',
);

/** Before a date: a point of reference, not the period a figure is for. */
const REFERENCE_POINT = /\b(?:since|until|till|by|before|after|through|ended|ending|(?:ended|ending) (?:on|in|at)|as of|end of|end-)\s+(?:the\s+)?(?:end of\s+|early\s+|late\s+)?$|\bsince\s+(?:the\s+)?(?:[\w'’-]+\s+){1,5}(?:of|in)\s+$/i;
/** A sentence about what is still to come. */
const FUTURE = /\b(?:will|is to|are to|plans to|planned to|is set to|are set to|intends to|is expected to|are expected to)\b|将|计划|预计/;
/** Before a period: where something still to come starts. */
const FROM = /\b(?:from|starting(?: in)?|beginning(?: in)?|effective)\s+$/i;
/** After a month: a futures contract's delivery month ("July cocoa", "the July contract"). */
const CONTRACT_MONTH =
  /^(?: \d{4})?(?: [a-z-]+){0,2} (?:contracts?|futures|delivery|cocoa|coffee|sugar|cotton|wheat|corn|soybeans?|copper|nickel|aluminium|aluminum|zinc|tin|lead|gold|silver|platinum|palladium|crude|oil|Brent|gas|gasoline|diesel)\b/;

function parseYear(words: string): number | null {
  const four = /(?:19|20)\d{2}/.exec(words);
  if (four) return Number(four[0]);
  const fy = /FY ?(\d{2})\b|fiscal (?:year )?(\d{2})\b/.exec(words);
  if (fy) return 2000 + Number(fy[1] ?? fy[2]);
  return null;
}

/** The year relative words name ("last year", "this year", "the year"), null without a date, undefined when none. */
function relativeYear(words: string, anchor: Anchor | null): number | null | undefined {
  const year = parseYear(words);
  if (year !== null) return year;
  if (/last year/i.test(words)) return anchor ? anchor.year - 1 : null;
  if (/this year|the year/i.test(words)) return anchor ? anchor.year : null;
  return undefined;
}

/** A span of `months` months starting in `first`: the latest begun on or before the anchor, and the earliest not yet over. */
function recent(anchor: Anchor | null, first: number, months: number): { past: number | null; ahead: number | null } {
  if (!anchor) return { past: null, ahead: null };
  const past = first <= anchor.month ? anchor.year : anchor.year - 1;
  const ahead = first + months - 1 >= anchor.month ? anchor.year : anchor.year + 1;
  return { past, ahead };
}

const monthOf = (name: string) => MONTHS.findIndex((month) => month.startsWith(name.slice(0, 3))) + 1;
const quarterOf = (words: string) => {
  const digit = /Q([1-4])/.exec(words);
  if (digit) return Number(digit[1]);
  return ORDINALS.findIndex((ordinal) => words.toLowerCase().includes(ordinal)) + 1;
};
const pad = (n: number) => String(n).padStart(2, '0');

interface Reading {
  kind: PeriodMention['kind'];
  value: Period;
  ahead: Period;
  fiscalQuarter?: boolean;
}

/** A span named with its year, or resolved both ways when the year is left out. */
function span(label: (year: number) => string, year: number | null | undefined, anchor: Anchor | null, first: number, months: number): Reading {
  if (year === null) return { kind: 'span', value: null, ahead: null };
  if (year !== undefined) return { kind: 'span', value: label(year), ahead: label(year) };
  const { past, ahead } = recent(anchor, first, months);
  return { kind: 'span', value: past === null ? null : label(past), ahead: ahead === null ? null : label(ahead) };
}

function fiscalReading(words: string, context: PeriodContext): Reading {
  const lower = words.toLowerCase();
  const year = parseYear(words) ?? context.fiscalYear ?? context.anchor?.year ?? null;
  const to = new RegExp(`year (?:to|ended|ending|through) (${MONTH})`).exec(words);
  if (to) {
    const month = monthOf(to[1] as string);
    const stated = parseYear(words);
    // "the year to March", in February: the year that ended last March, or for a forecast the one ending next.
    const { past, ahead } = stated === null ? recent(context.anchor, month, 1) : { past: stated, ahead: stated };
    return past === null ? { kind: 'span', value: null, ahead: null } : { kind: 'span', value: `fiscal ${past}`, ahead: `fiscal ${ahead ?? past}` };
  }
  let part = '';
  if (/quarter|q[1-4]/.test(lower)) part = `Q${quarterOf(words)}`;
  else if (/half/.test(lower)) part = /first/.test(lower) ? 'H1' : 'H2';
  // Without a year anywhere (no date, none named), the fiscal quarter alone: "fiscal Q1".
  const value = year === null ? (part ? `fiscal ${part}` : null) : `fiscal ${part ? `${part} ` : ''}${year}`;
  return { kind: 'span', value, ahead: value, fiscalQuarter: part !== '' };
}

/** "the first three months of 2025", "the three months to December", "April-June". */
function monthsReading(words: string, anchor: Anchor | null): Reading | null {
  const six = /six months|\bhalf\b/.test(words);
  const ordinal = new RegExp(`(${ORDINAL}|final) (?:three|six) months`).exec(words);
  let first: number;
  let last: number;
  if (ordinal) {
    const n = ordinal[1] === 'final' ? (six ? 2 : 4) : ORDINALS.indexOf(ordinal[1] as string) + 1;
    const length = six ? 6 : 3;
    first = (n - 1) * length + 1;
    last = first + length - 1;
    if (last > 12) return null;
  } else {
    const named = [...words.matchAll(new RegExp(MONTH, 'g'))].map((match) => monthOf(match[0]));
    if (named.length === 2) [first, last] = named as [number, number];
    else {
      last = named[0] as number;
      first = last - (six ? 5 : 2);
    }
  }
  const length = last - first + 1;
  // "January-August": a span no quarter or half names; it is still this figure's period, unknown.
  if (first < 1 || (length !== 3 && length !== 6) || (first - 1) % length !== 0) return { kind: 'span', value: null, ahead: null };
  const year = relativeYear(words, anchor);
  const label = length === 3 ? (y: number) => `Q${last / 3} ${y}` : (y: number) => `H${last / 6} ${y}`;
  if (year !== undefined || ordinal) return span(label, year, anchor, first, length);
  // "the three months to December": a span that has ended, the latest one.
  const { past } = recent(anchor, last, 1);
  const value = past === null ? null : label(past);
  return { kind: 'span', value, ahead: value };
}

function dayReading(words: string, anchor: Anchor | null): Reading {
  const none: Reading = { kind: 'day', value: null, ahead: null };
  const iso = /^((?:19|20)\d{2})-(\d{2})-(\d{2})$/.exec(words);
  if (iso) return { kind: 'day', value: words, ahead: words };
  const weekday = WEEKDAYS.findIndex((name) => words.includes(name));
  if (weekday >= 0) {
    const day = anchor ? weekdayDate(anchor, weekday, /^last /.test(words) ? 'last' : undefined) : null;
    return day ? { kind: 'day', value: day.date, ahead: day.date } : none;
  }
  if (/^[Yy]esterday$|^[Tt]oday$/.test(words)) {
    const day = anchor ? shiftDays(anchor, /^[Yy]/.test(words) ? -1 : 0) : null;
    return day ? { kind: 'day', value: day.date, ahead: day.date } : none;
  }
  const month = monthOf((new RegExp(MONTH).exec(words) as RegExpExecArray)[0]);
  const dayOfMonth = Number((/(?<!\d)(\d{1,2})(?!\d)/.exec(words) as RegExpExecArray)[1]);
  const year = parseYear(words);
  if (year !== null) {
    const value = `${year}-${pad(month)}-${pad(dayOfMonth)}`;
    return { kind: 'day', value, ahead: value };
  }
  const day = anchor ? nearestDay(month, dayOfMonth, anchor) : null;
  return day ? { kind: 'day', value: day.date, ahead: day.date } : none;
}

function readEnglish(match: RegExpExecArray, context: PeriodContext): Reading | null {
  const groups = match.groups ?? {};
  const words = match[0];
  const { anchor } = context;
  if (groups.fiscal) return fiscalReading(words, context);
  if (groups.months) return monthsReading(words, anchor);
  if (groups.shift) return { kind: 'shift', value: null, ahead: null };
  // "the December quarter": a company's quarter, by the calendar quarter it ends with.
  if (groups.monthQuarter) {
    const quarter = monthOf((new RegExp(MONTH).exec(words) as RegExpExecArray)[0]) / 3;
    return span((y) => `Q${quarter} ${y}`, relativeYear(words, anchor), anchor, quarter * 3 - 2, 3);
  }
  if (groups.annual) return { kind: 'annual', value: null, ahead: null };
  if (groups.day) return dayReading(words, anchor);
  if (groups.quarter) {
    const quarter = quarterOf(words);
    const year = relativeYear(words, anchor);
    if (context.fiscal && !/Q[1-4]/.test(words)) {
      const fiscalYear = year ?? context.fiscalYear ?? anchor?.year ?? null;
      const value = fiscalYear === null ? null : `fiscal Q${quarter} ${fiscalYear}`;
      return { kind: 'span', value, ahead: value };
    }
    return span((y) => `Q${quarter} ${y}`, year, anchor, quarter * 3 - 2, 3);
  }
  if (groups.half) {
    const half = /H1|first/.test(words) ? 1 : 2;
    return span((y) => `H${half} ${y}`, relativeYear(words, anchor), anchor, half * 6 - 5, 6);
  }
  if (groups.month) {
    const month = monthOf(words);
    return span((y) => `${MONTHS[month - 1]} ${y}`, relativeYear(words, anchor), anchor, month, 1);
  }
  if (groups.relative) {
    if (!anchor) return { kind: 'span', value: null, ahead: null };
    // "this quarter", "last quarter": the calendar quarter of the article's date, or the one before or after.
    if (/quarter/i.test(words)) {
      const quarters = anchor.year * 4 + Math.floor((anchor.month - 1) / 3) + (/last/i.test(words) ? -1 : /next/i.test(words) ? 1 : 0);
      const value = `Q${(quarters % 4) + 1} ${Math.floor(quarters / 4)}`;
      return { kind: 'span', value, ahead: value };
    }
    if (/month/i.test(words)) {
      const months = anchor.year * 12 + anchor.month - 1 - (/last/i.test(words) ? 1 : 0);
      const value = `${MONTHS[months % 12]} ${Math.floor(months / 12)}`;
      return { kind: 'span', value, ahead: value };
    }
    const value = String(anchor.year - (/last/i.test(words) ? 1 : 0));
    return { kind: 'span', value, ahead: value };
  }
  const value = String(parseYear(words));
  return { kind: 'span', value, ahead: value };
}

// ── Chinese ────────────────────────────────────────────────────────────────────────────────

const CHINESE_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0 };
const CHINESE_PERIOD = new RegExp(
  [
    String.raw`(?<cnShift>去年同期|上年同期)`,
    String.raw`(?<cnFiscal>(?:(?:19|20)\d{2}财年)?第?[一二三四1-4]财季|(?:19|20)\d{2}财年(?:第?[一二三四1-4]季度)?)`,
    String.raw`(?<cnDay>(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日|(?<![\d月])\d{1,2}日|(?:周|星期)[一二三四五六日天]|昨日|昨天|今日|今天)`,
    String.raw`(?<cnRelativeQuarter>本季度|本季|这一季度|上季度|上一季度|上个季度)`,
    String.raw`(?<cnQuarter>(?:(?:19|20)\d{2}年|去年|今年)?第?[一二三四1-4]季度)`,
    String.raw`(?<cnHalf>(?:(?:19|20)\d{2}年|去年|今年)?[上下]半年)`,
    String.raw`(?<cnRange>(?:(?:19|20)\d{2}年)?\d{1,2}(?:月)?[-—至~]\d{1,2}月(?:份)?)`,
    String.raw`(?<cnMonth>(?:(?:19|20)\d{2}年)?\d{1,2}月(?!\d{0,2}日|底|末|初))`,
    String.raw`(?<cnAnnual>全年|年底|年末)`,
    String.raw`(?<cnYear>(?:19|20)\d{2}年|去年|今年(?!以来))`,
  ].join('|'),
  'g',
);
const CHINESE_POINT = /(?:截至|截止|自|从)\s*$/;

function readChinese(match: RegExpExecArray, context: PeriodContext): Reading | null {
  const groups = match.groups ?? {};
  const words = match[0];
  const { anchor } = context;
  const stated = /((?:19|20)\d{2})年/.exec(words);
  const year = stated ? Number(stated[1]) : /去年/.test(words) ? (anchor ? anchor.year - 1 : null) : /今年/.test(words) ? (anchor ? anchor.year : null) : undefined;
  if (groups.cnShift) return { kind: 'shift', value: null, ahead: null };
  // "第三财季", "2025财年第三季度": a fiscal quarter; the year is the one named, or the article's.
  if (groups.cnFiscal) {
    const fiscalYear = /((?:19|20)\d{2})财年/.exec(words)?.[1];
    const quarter = /([一二三四1-4])(?:财季|季度)/.exec(words)?.[1];
    const resolved = fiscalYear ? Number(fiscalYear) : (context.fiscalYear ?? anchor?.year ?? null);
    const part = quarter ? `Q${CHINESE_NUMERALS[quarter] ?? Number(quarter)}` : '';
    const value = resolved === null ? (part ? `fiscal ${part}` : null) : `fiscal ${part ? `${part} ` : ''}${resolved}`;
    return { kind: 'span', value, ahead: value, fiscalQuarter: part !== '' };
  }
  if (groups.cnDay) {
    if (!anchor) return { kind: 'day', value: null, ahead: null };
    const weekday = /(?:周|星期)(.)/.exec(words);
    if (weekday) {
      const day = weekdayDate(anchor, CHINESE_NUMERALS[weekday[1] as string] ?? 0);
      return { kind: 'day', value: day?.date ?? null, ahead: day?.date ?? null };
    }
    if (/昨/.test(words) || /今/.test(words)) {
      const day = shiftDays(anchor, /昨/.test(words) ? -1 : 0);
      return { kind: 'day', value: day?.date ?? null, ahead: day?.date ?? null };
    }
    const monthDay = /(\d{1,2})月(\d{1,2})日/.exec(words);
    if (monthDay) {
      const month = Number(monthDay[1]);
      const dayOfMonth = Number(monthDay[2]);
      const value = year ? `${year}-${pad(month)}-${pad(dayOfMonth)}` : (nearestDay(month, dayOfMonth, anchor)?.date ?? null);
      return { kind: 'day', value, ahead: value };
    }
    // "28日": a day of the article's month, or of the month before when it is later than the article's day.
    const dayOfMonth = Number(/(\d{1,2})日/.exec(words)?.[1]);
    const back = dayOfMonth > anchor.day ? 1 : 0;
    const months = anchor.year * 12 + anchor.month - 1 - back;
    const value = `${Math.floor(months / 12)}-${pad((months % 12) + 1)}-${pad(dayOfMonth)}`;
    return { kind: 'day', value, ahead: value };
  }
  // "1-8月份": January to August, which no quarter or half names.
  if (groups.cnRange) {
    const [from, to] = [...words.matchAll(/(\d{1,2})/g)].slice(-2).map((m) => Number(m[1]));
    const months = (to ?? 0) - (from ?? 0) + 1;
    if (from !== undefined && to !== undefined && (months === 3 || months === 6) && (from - 1) % months === 0) {
      const label = months === 3 ? (y: number) => `Q${to / 3} ${y}` : (y: number) => `H${to / 6} ${y}`;
      return span(label, year, anchor, from, months);
    }
    return { kind: 'span', value: null, ahead: null };
  }
  // 本季度 ("this quarter"), 上季度 ("last quarter"): against the article's date.
  if (groups.cnRelativeQuarter) {
    if (!anchor) return { kind: 'span', value: null, ahead: null };
    const quarters = anchor.year * 4 + Math.floor((anchor.month - 1) / 3) - (/上/.test(words) ? 1 : 0);
    const value = `Q${(quarters % 4) + 1} ${Math.floor(quarters / 4)}`;
    return { kind: 'span', value, ahead: value };
  }
  if (groups.cnQuarter) {
    const digit = /([一二三四1-4])季度/.exec(words)?.[1] as string;
    const quarter = CHINESE_NUMERALS[digit] ?? Number(digit);
    return span((y) => `Q${quarter} ${y}`, year, anchor, quarter * 3 - 2, 3);
  }
  if (groups.cnHalf) {
    const half = /上/.test(words) ? 1 : 2;
    return span((y) => `H${half} ${y}`, year, anchor, half * 6 - 5, 6);
  }
  if (groups.cnMonth) {
    const month = Number(/(\d{1,2})月/.exec(words)?.[1]);
    if (month < 1 || month > 12) return null;
    return span((y) => `${MONTHS[month - 1]} ${y}`, year, anchor, month, 1);
  }
  if (groups.cnAnnual) {
    // 全年 is the year in force; 年底 (the year's end) is this year's.
    if (/全年/.test(words)) return { kind: 'annual', value: null, ahead: null };
    const value = anchor ? String(anchor.year) : null;
    return { kind: 'span', value, ahead: value };
  }
  const value = year === undefined || year === null ? null : String(year);
  return { kind: 'span', value, ahead: value };
}

const HAN = /\p{Script=Han}/u;

/** Every period a sentence names, in order; points of reference and contract months left out. */
export function readPeriods(text: string, context: PeriodContext): PeriodMention[] {
  const mentions: PeriodMention[] = [];
  // "OPEC+ will raise output in November": a sentence about the future reads relative periods forward.
  const future = FUTURE.test(text);
  if (HAN.test(text)) {
    CHINESE_PERIOD.lastIndex = 0;
    for (let match = CHINESE_PERIOD.exec(text); match; match = CHINESE_PERIOD.exec(text)) {
      if (CHINESE_POINT.test(text.slice(Math.max(0, match.index - 3), match.index))) continue;
      const reading = readChinese(match, context);
      // "2025年全年": the year named is the year.
      if (reading?.kind === 'annual' && mentions.at(-1)?.end === match.index && /^\d{4}$/.test(mentions.at(-1)?.value ?? '')) continue;
      if (reading) mentions.push({ start: match.index, end: match.index + match[0].length, ...(future ? { ...reading, value: reading.ahead } : reading) });
    }
    return mentions;
  }
  let fiscal = context.fiscal;
  PERIOD.lastIndex = 0;
  for (let match = PERIOD.exec(text); match; match = PERIOD.exec(text)) {
    const end = match.index + match[0].length;
    const groups = match.groups ?? {};
    // "is set to be worth $1.8 billion (£9.4m) by 2009": in a sentence about what is to come, "by" a year right after
    // an amount is the year forecast (not "invest $1.2bn in a plant by 2027", a deadline).
    const target = future && groups.year !== undefined && /\d(?:\s?(?:%|bn|m|billion|million|trillion))?(?:\s*\([^)]{1,30}\))?\s+by\s+$/.test(text.slice(Math.max(0, match.index - 50), match.index));
    if (!target && REFERENCE_POINT.test(text.slice(Math.max(0, match.index - 30), match.index))) continue;
    if ((groups.month || groups.day) && (CONTRACT_MONTH.test(text.slice(end, end + 40)) || /\bfor\s+$/.test(text.slice(Math.max(0, match.index - 5), match.index)) && /^ delivery/.test(text.slice(end)))) continue;
    const read = readEnglish(match, { ...context, fiscal });
    if (!read) continue;
    // "from July", "starting in January": a start still to come is read forward.
    const reading = future || FROM.test(text.slice(Math.max(0, match.index - 16), match.index)) ? { ...read, value: read.ahead } : read;
    // "for the whole of 2025", "the full year 2024": the year named is the year.
    if (reading.kind === 'annual' && mentions.at(-1)?.kind === 'span' && /^\d{4}$/.test(mentions.at(-1)?.value ?? '') && match.index - (mentions.at(-1)?.end ?? 0) < 12) continue;
    if (reading.fiscalQuarter) fiscal = true;
    mentions.push({ start: match.index, end, ...reading });
  }
  return mentions;
}
