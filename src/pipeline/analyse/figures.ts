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
 * Measures, the closed vocabulary a chart spec's `measure` is written in (the README's table). A
 * level and, where it moves, its change ("rose 3%", "fell $2bn"); each level only in the units it
 * can be written in ("sales of 15%" is no level of sales):
 *   `market share` (%); `sales`, `sales change`; `shipments`, `shipments change`; `revenue`,
 *   `revenue change`; `profit`, `profit change` (profit, earnings, net income); `loss`;
 *   `market value`, `market value change` (market value, market capitalisation: never a share
 *   price); `share price` (at the close or unsaid), `share price intraday`; a stock's or an
 *   index's move kept apart by when it was measured: `stock change` (a day's, or unsaid),
 *   `stock change intraday` ("as much as", "intraday", "hit a high"), `stock change at close`
 *   ("closing 2.6% higher"), `stock change year to date` ("so far this year"); `price`, `price
 *   change` (of a product or a commodity: "oil prices", "$50 a barrel"); `users`, `users change`
 *   (users, subscribers, customers); `jobs`, `jobs change`; `investment`; `deal value` (an
 *   acquisition, a takeover, a bid, a stake, "valued at"); `donation`; `economic growth`;
 *   `inflation`; `unemployment`; `deficit`; `interest rate`; `exports`, `exports change`;
 *   `imports`, `imports change`; `output`, `output change` (production); `cost` (costs,
 *   spending, budget); `debt`; `tax`; `fine`.
 * A share of something other than a market ("5% of GDP") and a target ("guidelines of 2%") get
 * no measure.
 * Chinese text uses the same names: 市场份额 is `market share`, 出货量 `shipments`, 同比下降11%
 * a `… change` of -11.
 * A figure's subject is whose number it is: a name found in the text (`ner.ts`) or the gazetteer,
 * never the firm that reported it ("Canalys said Huawei's share rose to 16%": Huawei; a research
 * firm with no other name beside it is no subject either, while a company that "said" its own
 * figure is); without a name, the noun phrase the measure belongs to ("oil prices": oil,
 * "mobile phone sales": mobile phone). A figure without both a subject and a measure stays on its
 * article page: `subject` or `measure` is null, and no comparison table shows it.
 * A stock figure's market is where the stock is listed ("Hong Kong-listed", or a price in HK$),
 * never the market the paragraph talks about; without a listing it is null.
 * Currencies: `$` and `US$` are USD, `HK$` HKD, `RMB`, `¥` and "yuan" CNY, `€` EUR, `£` GBP.
 *
 * A figure's id is what it is, `<fact key>-<hash of article file, sentence id and text>`, so it
 * survives rebuilds, edits elsewhere in the article and a new slug, and links to it stay valid.
 * The file, not the slug: a slug depends on the other articles' titles, and an analysis that
 * does not depend on them can be reused under a new slug (`relinkAnalysis`).
 */
import type { Article, Figure, Sentence } from '../../core/types.ts';
import { sourceRef } from '../../core/types.ts';
import { slugify } from '../clean/index.ts';
import { shortHash } from '../clean/sentences.ts';
import type { NameSpan } from './ner.ts';

export interface FigureOptions {
  /** Company and organisation names as written (case-sensitive) → canonical subject name. */
  subjects: ReadonlyMap<string, string>;
  /**
   * The names found in each sentence of the article (`recogniseNames`), by the sentence's index:
   * a figure's subject is one of them. Without them, the `subjects` alone are looked for.
   */
  names?: readonly (readonly NameSpan[])[];
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
  /**
   * `source`: named as the source of the numbers ("Canalys reported", "according to Apple's
   * report"); `said`: said them ("TimeWarner said"); `named`: otherwise.
   */
  role: 'source' | 'said' | 'named';
}

interface RawFigure extends Span {
  text: string;
  value: number;
  unit: string;
  change: boolean;
  /** What a count of devices counts, as written ("mobile phones", "handsets"). */
  counted?: string;
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
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    // A pattern that can match nothing would stay in place: step over the empty match.
    if (match[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    matches.push(match);
  }
  return matches;
}

// ── Figures ────────────────────────────────────────────────────────────────────────────────

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`\s(?:thousand|million|billion|trillion)\b|(?:bn|tn|mn|m)\b`;
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12, tn: 1e12 };
const CURRENCIES: Record<string, string> = { US$: 'USD', HK$: 'HKD', RMB: 'CNY', '¥': 'CNY', '€': 'EUR', '£': 'GBP', $: 'USD' };
/** Currencies written as a word after the amount: "5 billion yuan", "400m euros", "86.7bn Swiss francs". */
const CURRENCY_WORDS: Record<string, string> = { yuan: 'CNY', euro: 'EUR', euros: 'EUR', francs: 'CHF', yen: 'JPY', rupees: 'INR', roubles: 'RUB', rubles: 'RUB', won: 'KRW' };
const QUALIFIERS = 'as much as|as little as|more than|less than|just over|just under|over|under|nearly|almost|about|around|roughly|approximately|some|up to|at least';
/** What a count counts, and the unit it is given in. */
const COUNT_UNITS: readonly [nouns: string, unit: string][] = [
  ['units|devices|phones|smartphones|handsets|iPhones|tablets|computers|PCs|consoles|cars|vehicles|copies', 'units'],
  ['users|subscribers|customers|members|viewers|listeners|visitors|accounts|people|employees|workers|staff', 'people'],
  ['jobs', 'jobs'],
  ['barrels', 'barrels'],
];
const COUNT_NOUNS = COUNT_UNITS.map(([nouns]) => nouns).join('|');
const COUNT_UNIT_OF = new Map(COUNT_UNITS.flatMap(([nouns, unit]) => nouns.split('|').map((noun) => [noun.toLowerCase(), unit] as const)));
const COUNT_UNIT_NAMES = new Set(COUNT_UNITS.map(([, unit]) => unit));
const RISE_VERBS = 'rose|rises|rising|risen|grew|grows|growing|gained|gains|jumped|jumps|jumping|surged|surges|surging|soared|soaring|climbed|climbing|increased|increasing|added|adding|rallied|rebounded|advanced|up';
const FALL_VERBS = 'fell|falls|falling|fallen|dropped|drops|dropping|declined|declines|declining|slid|slipped|dipped|eased|slumped|plunged|plummeted|sank|tumbled|shrank|decreased|decreasing|lost|cut|down';
const RISE_NOUNS = 'higher|increase|rise|gain|jump|growth|surge';
const FALL_NOUNS = 'lower|drop|decline|fall|decrease|slump|plunge';
/** "in 2005 people": a year before a counted noun is no count. */
const isYearCount = (match: RegExpExecArray) => match.groups?.count !== undefined && !match.groups.countScale && /^(?:19|20)\d\d$/.test(match.groups.count);
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
    // Nor the start of one ("$10-25m").
    String.raw`(?:(?<currency>US\$|HK\$|RMB\s?|¥|€|£|\$)(?<money>${NUMBER})(?![-–]\d)(?<moneyScale>${SCALE})?` +
    String.raw`|(?<percent>${NUMBER})(?![-–]\d)(?:\s?%|\s(?:percent|per cent)\b)` +
    // One word may stand between a count and what it counts: "5 million broadband users".
    String.raw`|(?<count>${NUMBER})(?<countScale>${SCALE})?\s(?<countedBy>(?!(?:and|or|for|of|to|in|the|with|from|by|at)\s)[a-z][a-z-]+\s)?(?<counted>${COUNT_NOUNS})\b` +
    String.raw`|(?<yuan>${NUMBER})(?<yuanScale>${SCALE})?\s?(?<currencyWord>yuan|euros?|(?:Swiss )?francs|yen|rupees|roubles|rubles|won)\b)` +
    String.raw`(?:\s(?<after>higher|lower)\b|(?:\s(?:year-over-year|year-on-year|annual|quarterly))?\s(?<noun>${RISE_NOUNS}|${FALL_NOUNS})\b)?`,
  // Without the `u` flag (and so with ASCII word edges) this runs four times faster.
  'gi',
);

/**
 * A figure in Chinese text: "16%", "1.2亿部", "同比下降11%", "5000万美元". A direction word before
 * it ("下降", "增长") makes it a change; "升至"/"降至" ("rose to") leave it a level.
 */
const CHINESE_UNITS: Record<string, string> = { 部: 'units', 台: 'units', 美元: 'USD', 港元: 'HKD', 元: 'CNY', 人民币: 'CNY', 用户: 'people', 人: 'people' };
const CHINESE_SCALES: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };
const CHINESE_RISE = '上升|增长|上涨|增加|提升|大涨|攀升|飙升';
const CHINESE_FALL = '下降|下滑|下跌|减少|暴跌|大跌|萎缩';
const CHINESE_FIGURE = new RegExp(
  String.raw`(?:(?:同比|环比)?(?<cnDirection>${CHINESE_RISE}|${CHINESE_FALL})了?)?(?<cnNumber>${NUMBER})(?:(?<cnPercent>[%％])|(?<cnScale>万亿|万|亿)?(?<cnUnit>部|台|美元|港元|元|人民币|用户|人))`,
  'g',
);
const CHINESE_FALLING = new RegExp(`^(?:${CHINESE_FALL})$`);

function unitOf(groups: Record<string, string | undefined>): string {
  if (groups.percent) return '%';
  if (groups.count) return COUNT_UNIT_OF.get((groups.counted ?? '').toLowerCase()) ?? 'units';
  if (groups.cnPercent) return '%';
  if (groups.cnUnit) return CHINESE_UNITS[groups.cnUnit] ?? 'units';
  if (groups.yuan) return CURRENCY_WORDS[(groups.currencyWord ?? 'yuan').toLowerCase().replace(/^swiss /, '')] ?? 'CNY';
  return CURRENCIES[(groups.currency ?? '$').trim().toUpperCase()] ?? 'USD';
}

function unitKind(unit: string): UnitKind {
  return unit === '%' ? 'percent' : COUNT_UNIT_NAMES.has(unit) ? 'count' : 'money';
}

function readFigure(match: RegExpExecArray): RawFigure {
  const groups = match.groups ?? {};
  if (groups.cnNumber !== undefined) {
    const magnitude = Number((Number.parseFloat(groups.cnNumber.replace(/,/g, '')) * (CHINESE_SCALES[groups.cnScale ?? ''] ?? 1)).toPrecision(15));
    const direction = groups.cnDirection;
    return {
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      value: direction !== undefined && CHINESE_FALLING.test(direction) ? -magnitude : magnitude,
      unit: unitOf(groups),
      change: direction !== undefined,
    };
  }
  const number = groups.money ?? groups.percent ?? groups.count ?? groups.yuan ?? '0';
  const scale = (groups.moneyScale ?? groups.countScale ?? groups.yuanScale ?? '').trim().toLowerCase();
  const direction = (groups.verb ?? groups.after ?? groups.noun)?.toLowerCase();
  // toPrecision drops the float noise of the scaling (18.51 × 1e9), so equal texts give equal values.
  const magnitude = Number((Number.parseFloat(number.replace(/,/g, '')) * (SCALES[scale] ?? 1)).toPrecision(15));
  const sign = direction !== undefined && FALLING.has(direction) ? -1 : 1;
  const figure: RawFigure = {
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
    value: sign * magnitude,
    unit: unitOf(groups),
    change: direction !== undefined,
  };
  if (groups.counted && figure.unit === 'units') figure.counted = `${groups.countedBy ?? ''}${groups.counted}`.toLowerCase();
  return figure;
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

/** "2024年第四季度", "第四季度", "2024年上半年", "去年", "今年": periods written in Chinese. */
const CHINESE_PERIOD = /(?:(?<year>(?:19|20)\d{2})年|(?<relative>去年|今年))?(?:第(?<quarter>[一二三四1-4])季度|(?<half>[上下])半年)?/g;
const CHINESE_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

function readChinesePeriod(match: RegExpExecArray, context: PeriodContext): Period {
  const groups = match.groups ?? {};
  const year = groups.year ? Number(groups.year) : groups.relative ? (context.date ? context.date.year - (groups.relative === '去年' ? 1 : 0) : null) : undefined;
  if (year === null) return null;
  if (groups.quarter) {
    const quarter = CHINESE_NUMERALS[groups.quarter] ?? Number(groups.quarter);
    const resolved = year ?? recentYear(context.date, quarter * 3 - 2);
    return resolved === null ? null : `Q${quarter} ${resolved}`;
  }
  if (groups.half) {
    const half = groups.half === '上' ? 1 : 2;
    const resolved = year ?? recentYear(context.date, half * 6 - 5);
    return resolved === null ? null : `H${half} ${resolved}`;
  }
  return year === undefined ? null : String(year);
}

function readPeriods(text: string, context: PeriodContext): PeriodMention[] {
  if (HAN.test(text)) {
    return allMatches(CHINESE_PERIOD, text).map((match) => ({ start: match.index, end: match.index + match[0].length, value: readChinesePeriod(match, context), shift: false }));
  }
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
  ['eurozone', String.raw`euro ?zone|Euro ?zone`],
];
const MARKET = new RegExp(`\\b(?:${MARKETS.map(([, pattern], i) => `(?<m${i}>${pattern})`).join('|')})(?![A-Za-z0-9])`, 'g');
const EXCLUDED_MARKET = /\b(?:outside|beyond|except|excluding)\s+(?:of\s+)?$/;

/** Where a stock trades, named by the exchange's place or by the currency of its price. */
const LISTINGS: readonly [name: string, pattern: RegExp][] = [
  ['Hong Kong', /Hong Kong|HK\$|港股|香港|港元/],
  ['United States', /New York|Nasdaq|NYSE|Wall Street|美股|纽约|纳斯达克/],
  ['China', /Shanghai|Shenzhen|上海|深圳|A股/],
  ['United Kingdom', /London Stock Exchange|FTSE|伦敦/],
];

const CHINESE_MARKETS: readonly [name: string, pattern: string][] = [
  ['China', '中国(?:大陆|内地)?(?:智能手机)?市场|中国(?!移动|联通|电信)|国内市场'],
  ['Hong Kong', '香港(?!上市)'],
  ['India', '印度'],
  ['Japan', '日本'],
  ['United States', '美国'],
  ['Europe', '欧洲'],
  ['global', '全球'],
];
const CHINESE_MARKET = new RegExp(CHINESE_MARKETS.map(([, pattern], i) => `(?<m${i}>${pattern})`).join('|'), 'g');
/** Han characters: a sentence with any is read with the Chinese patterns. */
const HAN = /\p{Script=Han}/u;

function readMarkets(text: string): MarketMention[] {
  if (HAN.test(text)) {
    return allMatches(CHINESE_MARKET, text).map((match) => {
      const [name] = CHINESE_MARKETS.find((_, i) => match.groups?.[`m${i}`] !== undefined) as (typeof CHINESE_MARKETS)[number];
      const excluded = /(?:以外|之外)/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 3));
      return { start: match.index, end: match.index + match[0].length, value: excluded ? null : name };
    });
  }
  return allMatches(MARKET, text).map((match) => {
    const excluded = EXCLUDED_MARKET.test(text.slice(Math.max(0, match.index - 20), match.index));
    const [name] = MARKETS.find((_, i) => match.groups?.[`m${i}`] !== undefined) as (typeof MARKETS)[number];
    return { start: match.index, end: match.index + match[0].length, value: excluded ? null : name };
  });
}

// ── Subjects ───────────────────────────────────────────────────────────────────────────────

/** Named as the source of the numbers: never their subject. */
const SOURCE_AFTER = /^(?:['’]s(?:\s+\p{Lu}[\p{L}'’-]*){1,3}(?=\s+(?:report|said|says|writes|wrote)))?(?:['’]s?)?\s+(?:reported|reports|writes|wrote|estimated|estimates|found|finds|forecast|forecasts|predicted|predicts|data|figures|research|survey|study|analysis)\b|^(?:的)?(?:数据|报告|估计|统计|调查|研究)|^\s*(?:称|表示|数据显示|报告显示)/u;
/** Said the numbers: their subject only when no other name is ("TimeWarner said sales rose 2%"). */
const SAID_AFTER = /^\)?(?:\s*\([^)]{1,16}\))?\s+(?:also\s+|has\s+|had\s+|have\s+)?(?:said|says|noted|notes|told|announced|added|reported that|claims|claimed|believes|expects|expected|warned|warns|argues|argued|thinks)\b/;
const SOURCE_BEFORE = /(?:\baccording to(?:\s+[\p{L}\p{N}'’.-]+){0,4}|\b(?:firm|researcher|tracker|consultancy|analysts? at|data from|figures from|research by|survey by),?|据|根据)\s*$/u;
/** "The company's sales", "its revenue", a sentence opening "It": the company the paragraph is about. */
const BACK_REFERENCE = /\b(?:[Tt]he (?:company|firm|group|handset|tech giant|iPhone maker|smartphone maker|bank|carrier|operator|retailer|airline|stock|shares)|[Ii]ts)\b|^It\b(?!\s+(?:says|said|reports|reported|estimates|predicts|forecasts|expects|believes))|该公司|其/u;
/**
 * A subject the text does not name stands between a name and the figure ("Vodafone said that
 * when phones were launched they … cost about £2,000"): the name is not the figure's.
 */
const PRONOUN_SUBJECT = /\b(?:they|he|she|we)\b|(?:^|[,;:]\s+)(?:it|this|these|those)\b/i;
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

function sourceRole(text: string, start: number, end: number): SubjectMention['role'] {
  const after = text.slice(end, end + 48);
  if (SOURCE_AFTER.test(after) || SOURCE_BEFORE.test(text.slice(Math.max(0, start - 60), start))) return 'source';
  return SAID_AFTER.test(after) ? 'said' : 'named';
}

/**
 * The names in a sentence a figure may belong to: companies, organisations, products. A place is
 * a market ("China's smartphone market"), or the subject of a country's own figure ("China's
 * economy"), which `subjectFor` looks for among the sentence's places; a person is whoever said
 * the figure.
 */
function readSubjects(text: string, subjects: ReadonlyMap<string, string>, names: readonly NameSpan[] | undefined): SubjectMention[] {
  if (!names) {
    return allMatches(subjectPattern(subjects), text).map((match) => {
      const end = match.index + match[0].length;
      return { start: match.index, end, value: subjects.get(match[0]) ?? match[0], role: sourceRole(text, match.index, end) };
    });
  }
  return names
    .filter((span) => span.type !== 'person' && span.type !== 'place')
    .map((span) => ({ start: span.start, end: span.end, value: span.name, role: sourceRole(text, span.start, span.end) }));
}

/** Commodities whose price a figure "a barrel" or "an ounce" is; Brent and US crude are apart. */
const COMMODITY = /\b(?:(?<brent>Brent(?: crude)?)|(?<oil>(?:US |light |sweet |crude |heating )*(?:crudes?|oil))|(?<name>natural gas|petrol|gasoline|diesel|gold|silver|copper|aluminium|steel|coffee|cocoa|wheat))\b/i;
const PER_UNIT = /^\s*(?:a|an|per)\s+(?:barrel|ounce|tonne|ton|gallon|litre|liter)\b/;

function commodityIn(text: string): string | null {
  const match = COMMODITY.exec(text);
  if (!match?.groups) return null;
  if (match.groups.brent) return 'Brent crude';
  if (match.groups.oil) return 'oil';
  return (match.groups.name ?? '').toLowerCase();
}

/**
 * Words before a measure that are not whose it is: determiners, pronouns, and words saying when
 * or how it was counted ("quarterly profits", "net income").
 */
const NOT_A_SUBJECT = new Set(
  `a an the its their his her our your this that these those last next first second third fourth final half full
  quarterly annual yearly monthly weekly daily total overall net gross pre-tax underlying operating average record
  global world worldwide domestic international online retail year's company's firm's group's year-on-year
  year-over-year full-year half-year first-quarter second-quarter third-quarter fourth-quarter higher lower
  strong weak new current recent previous estimated expected combined core more less much many some all
  said says its own share stock market and or but nor to of in on at for by with from as than per via into over
  under about after before while since it they we he she you i them who which what there here both each every such
  other another several few foreign when where if because whether though although unless until
  reduce reduced cut cuts slash slashed raise raised boost boosted lower lowered trim save shave increase decrease
  rise fall double halve reach hit top exceed is are was were be been being will would could should may might can has have had
  do does did carry carried push pushed drive drove send sent keep kept help helped make made take took lift lifted
  number figure figures total amount level industrial manufacturing retail consumer factory wholesale`.split(/\s+/),
);

/** "the price of crude oil": the commodity or noun phrase after "of". */
function phraseAfter(text: string, end: number): string | null {
  const match = /^\s+of\s+(?:the\s+|a\s+)?([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)/.exec(text.slice(end, end + 40));
  if (!match?.[1]) return null;
  return commodityIn(match[1]) ?? (match[1].split(' ').some((word) => NOT_A_SUBJECT.has(word)) ? null : match[1]);
}

/** The noun phrase a measure word belongs to: "oil prices" → oil, "mobile phone sales" → mobile phone. */
function nounPhraseBefore(text: string, start: number, names: readonly Span[]): string | null {
  const from = Math.max(0, start - 40);
  const words = text.slice(from, start).split(/\s+/).filter(Boolean);
  // The sentence's first word is capitalised for the sentence ("Oil prices rose"), unless it is a name.
  if (from === 0 && /^\p{Lu}\p{Ll}+$/u.test(words[0] ?? '') && !names.some((name) => name.start === 0)) words[0] = (words[0] as string).toLowerCase();
  const phrase: string[] = [];
  for (let i = words.length - 1; i >= 0 && phrase.length < 2; i--) {
    const word = words[i] as string;
    if (!/^[a-z][a-z-]*$/.test(word) || NOT_A_SUBJECT.has(word) || FALLING.has(word) || /(?:ed|ing|ly)$/.test(word)) break;
    phrase.unshift(word);
  }
  if (phrase.length === 0) return null;
  const noun = phrase.join(' ');
  return commodityIn(noun) ?? noun;
}

// ── Measures ───────────────────────────────────────────────────────────────────────────────

interface MeasureFamily {
  /** The measure of a figure that is a level (a share, an amount, a count). */
  level: string | null;
  /**
   * A noun phrase before the measure word can be whose figure it is ("oil prices", "mobile phone
   * sales"); a share price, a profit or a market share is a company's, named.
   */
  ownedByPhrase?: boolean;
  /**
   * A country's or a region's figure ("inflation in the eurozone"): its place is its subject;
   * `only`: and nothing else is (a bank forecasts growth, it has none).
   */
  ownedByPlace?: boolean | 'only';
  /** A company's own figure, which a company that "said" it owns ("TimeWarner said sales rose 2%"). */
  ownedBySpeaker?: boolean;
  /**
   * What someone does (buys, invests, spends): whose it is is the first name of its clause, who
   * acts ("Air Deccan has ordered 30 Airbus planes in a $1.8bn deal"), not the nearest.
   */
  ownedByActor?: boolean;
  /** The units a level of this family can be written in: "sales of 15%" is not a level of sales. */
  levelUnits: readonly UnitKind[];
  /** The measure of a figure that is a change. */
  change: string | null;
}

const SHARE_PRICE: MeasureFamily = { ownedBySpeaker: true, level: 'share price', levelUnits: ['money'], change: 'stock change' };
const PRICE: MeasureFamily = { ownedByPhrase: true, level: 'price', levelUnits: ['money'], change: 'price change' };
/** English and Chinese words for each measure; earlier patterns win where two start together. */
const FAMILIES: readonly [english: string, chinese: string, family: MeasureFamily][] = [
  ['market share|share of (?:the )?market|of (?:the |its )?(?:[A-Za-z-]+ ){0,2}market|share(?!\s+(?:prices?|buy-?backs?|sales?|issues?|offerings?|capital))', '市场份额|市占率|份额', { ownedBySpeaker: true, level: 'market share', levelUnits: ['percent'], change: null }],
  ['market (?:value|capitali[sz]ation|cap)', '市值', { ownedBySpeaker: true, level: 'market value', levelUnits: ['money'], change: 'market value change' }],
  ['acquisition|acquired?|acquires|takeover|buyout|bought|bid|merger|deal|stake|sold for|auction(?:ed)?|valued at|valuation', '收购|并购|交易|估值', { ownedByActor: true, level: 'deal value', levelUnits: ['money'], change: null }],
  ['sales|sold|sells?|selling', '销量|销售额|销售', { ownedByPhrase: true, ownedBySpeaker: true, level: 'sales', levelUnits: ['money', 'count'], change: 'sales change' }],
  ['shipments?|shipped|ships?|shipping', '出货量|出货', { ownedByPhrase: true, ownedBySpeaker: true, level: 'shipments', levelUnits: ['count'], change: 'shipments change' }],
  ['revenues?|turnover', '营收|营业收入|收入', { ownedBySpeaker: true, level: 'revenue', levelUnits: ['money'], change: 'revenue change' }],
  ['profits?|earnings|net income|operating income', '净利润|利润', { ownedBySpeaker: true, level: 'profit', levelUnits: ['money'], change: 'profit change' }],
  ['loss(?:es)?', '亏损', { ownedBySpeaker: true, level: 'loss', levelUnits: ['money'], change: null }],
  ['share price|stock price|shares|stocks?', '股价', SHARE_PRICE],
  ['prices?|priced|cost(?:ing)?|retails? (?:at|for)', '价格|售价', PRICE],
  ['users|subscribers|customers|members|viewers|listeners|visitors|accounts', '用户', { ownedByPhrase: true, ownedBySpeaker: true, level: 'users', levelUnits: ['count'], change: 'users change' }],
  ['jobs|job cuts|employees|workers|staff|workforce|redundancies', '员工|岗位', { ownedByPhrase: true, ownedBySpeaker: true, level: 'jobs', levelUnits: ['count'], change: 'jobs change' }],
  ['invest(?:s|ed|ing|ment|ments)?', '投资', { ownedByActor: true, ownedByPhrase: true, ownedBySpeaker: true, level: 'investment', levelUnits: ['money'], change: null }],
  ['donat(?:e|ed|es|ing|ion|ions)', '捐赠|捐款', { level: 'donation', levelUnits: ['money'], change: null }],
  ['economy|economic growth|GDP|gross domestic product', '经济增长|国内生产总值|GDP', { ownedByPlace: 'only', level: 'economic growth', levelUnits: ['percent'], change: 'economic growth' }],
  ['inflation', '通胀|通货膨胀', { ownedByPlace: 'only', level: 'inflation', levelUnits: ['percent'], change: null }],
  ['unemployment|jobless(?:ness)?(?: rate)?', '失业率', { ownedByPlace: 'only', level: 'unemployment', levelUnits: ['percent', 'count'], change: null }],
  ['interest rates?|base rate', '利率', { level: 'interest rate', levelUnits: ['percent'], change: null }],
  ['exports?', '出口', { ownedByPlace: true, level: 'exports', levelUnits: ['money', 'count'], change: 'exports change' }],
  ['imports?', '进口', { ownedByPlace: true, level: 'imports', levelUnits: ['money', 'count'], change: 'imports change' }],
  ['output|production|produc(?:e|es|ed|ing)', '产量', { ownedByPlace: true, ownedByPhrase: true, level: 'output', levelUnits: ['count', 'money'], change: 'output change' }],
  ['(?:budget |trade |fiscal )?deficit|shortfall', '赤字', { ownedByPlace: 'only', level: 'deficit', levelUnits: ['money', 'percent'], change: null }],
  ['costs|spend(?:s|ing)?|spent|budget|outlay', '成本|支出|预算', { ownedByActor: true, ownedByPhrase: true, level: 'cost', levelUnits: ['money'], change: null }],
  ['(?:unpaid |back )?tax(?:es)?|tax bill', '税款|税', { level: 'tax', levelUnits: ['money'], change: null }],
  ['debts?|borrowing', '债务', { ownedByPlace: true, level: 'debt', levelUnits: ['money'], change: null }],
  ['fined|fines|penalty|penalties', '罚款', { level: 'fine', levelUnits: ['money'], change: null }],
];
const FAMILY = new RegExp(`\\b(?:${FAMILIES.map(([pattern], i) => `(?<f${i}>${pattern})`).join('|')})\\b`, 'gi');
const CHINESE_FAMILY = new RegExp(FAMILIES.map(([, pattern], i) => `(?<f${i}>${pattern})`).join('|'), 'g');
const CLOSING = /\bclos(?:e|ed|ing)\b|收盘|收于|收涨|收跌/;
const INTRADAY = /\bas much as\b|\bintra-?day\b|\bat one (?:point|stage)\b|\bearlier in the (?:day|session)\b|\bhit (?:a|an|its) (?:high|record)|\bhighest\b|盘中|一度/;
const BUYBACK = /\b(?:buy[- ]?back|worth|stake|holding|issue|offering|placement)\b/;
const YEAR_TO_DATE = /\b(?:so far this year|year[- ]to[- ]date|this year|since the (?:start|beginning) of the year)\b|今年以来|年初至今/;

interface FamilyMention extends Span {
  family: MeasureFamily;
}

/** A measure's word used to name a thing ("its oil production unit", "sales team"): no measure. */
const MODIFIES = /^\s+(?:unit|units|facility|facilities|plant|plants|arm|division|subsidiary|site|sites|field|fields|team|staff|office|network|chief|boss|director|manager|tax|taxes|license|licence|agreement|figures?)\b/;

/** "US crude stocks": a commodity's stocks are inventories, not shares. */
const INVENTORY = /(?:crude|oil|petrol|gasoline|distillate|fuel|heating oil|gas|grain|coffee)\s+$/i;

function readFamilies(text: string): FamilyMention[] {
  const pattern = HAN.test(text) ? CHINESE_FAMILY : FAMILY;
  const kept = allMatches(pattern, text).filter(
    (match) => !MODIFIES.test(text.slice(match.index + match[0].length, match.index + match[0].length + 14)) && !(/^stocks?$/i.test(match[0]) && INVENTORY.test(text.slice(Math.max(0, match.index - 16), match.index))),
  );
  return kept.map((match) => {
    // Exactly one alternative matched: its group names the family.
    const [, , family] = FAMILIES.find((_, i) => match.groups?.[`f${i}`] !== undefined) as (typeof FAMILIES)[number];
    return { start: match.index, end: match.index + match[0].length, family };
  });
}

/**
 * The measure a family gives a figure. A stock's move is told apart by when it was measured
 * (at the close, during the day, since the year began), and a share price during the day from
 * one at the close, so that they never meet in one fact.
 */
function measureOf(family: MeasureFamily | null, figure: RawFigure, clauseText: string, sentence = clauseText, after = ''): string | null {
  if (!family) return null;
  const stock = family === SHARE_PRICE;
  if (!figure.change) {
    if (!family.levelUnits.includes(unitKind(figure.unit))) return null;
    // "buy back shares worth $861m", "a stake worth": an amount of shares, not their price.
    if (stock && BUYBACK.test(sentence)) return null;
    return stock && INTRADAY.test(clauseText) && !CLOSING.test(clauseText) ? 'share price intraday' : family.level;
  }
  if (!stock) return family.change;
  if (INTRADAY.test(figure.text) || /^\s+intra-?day\b/.test(after)) return 'stock change intraday';
  if (CLOSING.test(clauseText)) return 'stock change at close';
  if (INTRADAY.test(clauseText)) return 'stock change intraday';
  if (YEAR_TO_DATE.test(clauseText)) return 'stock change year to date';
  return 'stock change';
}

// ── Reading a sentence ─────────────────────────────────────────────────────────────────────

const CLAUSE_BREAK = /[,;:]\s|\s[–—-]\s|\s(?:and|but|while|whereas|although|though)\s|[，；：、]|(?<=\p{Script=Han})(?:而|但|和)/gu;

interface SentenceReading {
  text: string;
  /** Offsets where a new clause begins. */
  breaks: number[];
  figures: RawFigure[];
  subjects: SubjectMention[];
  markets: MarketMention[];
  periods: PeriodMention[];
  families: FamilyMention[];
  /** Places named in the sentence: whose a country's figure (inflation, growth) is. */
  places: { start: number; end: number; value: string }[];
  backReference: number;
}

function readSentence(text: string, subjects: ReadonlyMap<string, string>, names: readonly NameSpan[] | undefined, context: PeriodContext): SentenceReading {
  // Every figure has a digit; most sentences have none, and need only be read for context.
  const digits = /\d/.test(text);
  const figures = digits ? allMatches(HAN.test(text) ? CHINESE_FIGURE : FIGURE, text).filter((match) => !isYearCount(match)).map(readFigure) : [];
  const described = figures.length > 0;
  const subjectMentions = readSubjects(text, subjects, names);
  // A measure's word inside a name ("Congressional Budget Office") is the name's; a name that is
  // only a measure's word ("GDP") is the measure's.
  const families = (described ? readFamilies(text) : []).filter(
    (family) => !subjectMentions.some((mention) => mention.start <= family.start && family.end <= mention.end && mention.end - mention.start > family.end - family.start),
  );
  const named = subjectMentions.filter((mention) => !families.some((family) => family.start <= mention.start && mention.end <= family.end));
  return {
    text,
    breaks: described ? allMatches(CLAUSE_BREAK, text).map((match) => match.index) : [],
    figures,
    subjects: named,
    markets: readMarkets(text),
    periods: readPeriods(text, context),
    families,
    places: described && names ? names.filter((span) => span.type === 'place').map((span) => ({ start: span.start, end: span.end, value: span.name })) : [],
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
 * Whose figure it is, in order: the name right after "for" ("16% for Huawei"); the commodity of
 * a price per barrel or ounce; a name earlier in the figure's own clause; the noun phrase its
 * measure word belongs to ("oil prices"); a name earlier in the sentence; what "the company" or
 * "its" refers back to; last, a company that said the figure itself. A research firm the figure
 * is attributed to ("according to Canalys") never is.
 */
function subjectFor(figure: RawFigure, clause: number, family: FamilyMention | undefined, reading: SentenceReading, context: ParagraphContext): string | null {
  const named = reading.subjects.filter((mention) => mention.role === 'named');
  const forSubject = named.find((m) => m.start >= figure.end && FOR_SUBJECT.test(reading.text.slice(figure.end, m.start)));
  if (forSubject) return forSubject.value;
  if (unitKind(figure.unit) === 'money' && PER_UNIT.test(reading.text.slice(figure.end, figure.end + 12))) {
    const commodity = commodityIn(clauseText(reading, clause)) ?? commodityIn(reading.text);
    if (commodity) return commodity;
  }
  // A country's growth, inflation or deficit is the country's, whoever forecast or reported it.
  if (family?.family.ownedByPlace) {
    // "exports to China", "the deficit with China": a partner, not whose figure it is.
    const own = <T extends Span & { value: string | null }>(places: readonly T[]) =>
      places.filter((place) => place.value !== null && place.value !== 'global' && !/\b(?:to|from|with|against|into|than)\s+(?:the\s+)?$/i.test(reading.text.slice(Math.max(0, place.start - 12), place.start)));
    const candidates = [...own(reading.places), ...own(reading.markets)];
    const place = (inClause(reading, candidates, clause).filter((p) => p.start < figure.start).at(-1) ?? candidates.filter((p) => p.end <= figure.start).at(-1) ?? nearest(candidates, figure))?.value;
    if (place) return place;
    if (family.family.ownedByPlace === 'only') return null;
  }
  const before = named.filter((mention) => mention.end <= figure.start);
  const inOwnClause = before.filter((mention) => clauseOf(reading, mention.start) === clause);
  const sameClause = family?.family.ownedByActor ? inOwnClause[0] : inOwnClause.at(-1);
  if (sameClause) return sameClause.value;
  // The measure's word in another clause ("China's oil imports will be 110m tons, up 21%"): the name before it there.
  const familyClause = family ? clauseOf(reading, family.start) : clause;
  const atFamily = family && familyClause !== clause ? named.filter((mention) => mention.end <= family.start && clauseOf(reading, mention.start) === familyClause).at(-1) : undefined;
  if (atFamily) return atFamily.value;
  const phrase = family?.family.ownedByPhrase ? ((family.start < figure.start ? nounPhraseBefore(reading.text, family.start, reading.subjects) : null) ?? phraseAfter(reading.text, family.end)) : null;
  if (phrase) return phrase;
  // A price nothing else owns, in a sentence about a commodity: "US crude lost $2 to $43.25".
  if (unitKind(figure.unit) === 'money' && (!family || family.family === PRICE)) {
    const commodity = commodityIn(clauseText(reading, clause)) ?? commodityIn(reading.text.slice(0, figure.start));
    if (commodity) return commodity;
  }
  const earlier = before.at(-1);
  if (earlier && !PRONOUN_SUBJECT.test(reading.text.slice(earlier.end, figure.start))) return earlier.value;
  if (reading.backReference >= 0 && reading.backReference < figure.start && context.antecedent) return context.antecedent;
  // "167 million mobile phones were sold": a market's count, of what it counts.
  if (figure.counted && !NOT_A_SUBJECT.has(figure.counted.split(' ')[0] as string)) return figure.counted;
  if (!family?.family.ownedBySpeaker) return null;
  return reading.subjects.filter((mention) => mention.role === 'said' && mention.end <= figure.start).at(-1)?.value ?? null;
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
  if (measure?.startsWith('share price') || measure?.startsWith('stock') || measure?.startsWith('market value')) {
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

/** Between an amount and the same amount in another currency: "$1.13bn (£600m)", "($74.6bn; £39.1bn)". */
const CONVERSION = /^\s*(?:\(|;\s*|,\s*or\s+|\s+or\s+)$/;

const TARGET = /\b(?:target|targets|guidelines?|goal|ceiling|limit|threshold|forecasts?|estimates?|expectations?) (?:of|at)\s+(?:about |around |some )?$/i;

/** How far (in characters) a measure's word may stand before its figure, and after it. */
const FAMILY_REACH = 60;
const FAMILY_REACH_AFTER = 25;

function describeFigures(reading: SentenceReading, context: ParagraphContext): Described[] {
  const described: Described[] = [];
  // A figure whose clause names no measure continues the one before it: "… market share at 17%, followed by Huawei at 16%".
  let family: FamilyMention | undefined;
  let lastChange: RawFigure | undefined;
  for (const raw of reading.figures) {
    const clause = clauseOf(reading, raw.start);
    // A measure's word after its figure is close to it ("$5bn in sales", "11% of the market").
    const reach = (mention: FamilyMention) => (mention.start >= raw.end ? mention.start - raw.end <= FAMILY_REACH_AFTER : distance(mention, raw) <= FAMILY_REACH);
    const own = nearest(inClause(reading, reading.families, clause).filter(reach), raw);
    family = own ?? family ?? reading.families.filter((mention) => mention.end <= raw.start && raw.start - mention.end <= FAMILY_REACH).at(-1);
    let figure = raw;
    // "revenue fell 11% … and iPhone sales 9%": a figure whose verb is left out shares the last one's.
    if (!raw.change && lastChange && family && !family.family.levelUnits.includes(unitKind(raw.unit)) && family.family.change && raw.unit === lastChange.unit) {
      figure = { ...raw, change: true, value: Math.sign(lastChange.value) < 0 ? -raw.value : raw.value };
    }
    if (figure.change) lastChange = figure;
    // "$1.13bn (£600m)", "86.7bn Swiss francs ($74.6bn; £39.1bn)": the same amount in another currency.
    const previous = described.at(-1);
    if (previous && unitKind(figure.unit) === 'money' && unitKind(previous.unit) === 'money' && CONVERSION.test(reading.text.slice(previous.end, figure.start))) {
      described.push({ ...figure, change: previous.change, value: Math.sign(previous.value) < 0 ? -Math.abs(figure.value) : figure.value, subject: previous.subject, measure: previous.measure, period: previous.period, market: previous.market });
      continue;
    }
    // "above ECB guidelines of 2%", "a target of 5%": what should be, not what is.
    // "5% of Singapore's GDP", "20% of its equity": a proportion of something, no level of it.
    const proportion = figure.unit === '%' && !figure.change && /^\s+of\b/.test(reading.text.slice(figure.end, figure.end + 6)) && family?.family.level !== 'market share';
    const target = proportion || TARGET.test(reading.text.slice(Math.max(0, figure.start - 30), figure.start));
    const measure = target ? null : measureOf(family?.family ?? null, figure, clauseText(reading, clause), reading.text, reading.text.slice(figure.end, figure.end + 12));
    described.push({
      ...figure,
      subject: subjectFor(figure, clause, family, reading, context),
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
    antecedent: reading.subjects.find((mention) => mention.role !== 'source')?.value ?? context.antecedent,
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

function toFigure(described: Described, article: Pick<Article, 'slug' | 'file'>, sentence: Sentence, occurrence: number): Figure {
  const { text, value, unit, subject, measure, period, market } = described;
  // The same text twice in one sentence is told apart by its occurrence, never by the order of the article.
  const identity = `${article.file}\n${sentence.id}\n${text}${occurrence > 1 ? `\n${occurrence}` : ''}`;
  const id = `${factKey({ subject, measure, period, market, unit })}-${shortHash(identity)}`;
  return { id, text, value, unit, subject, measure, period, market, sources: [sourceRef(article, sentence)] };
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

function paragraphFigures(sentences: readonly Sentence[], article: Pick<Article, 'slug' | 'file'>, date: ArticleDate | null, options: FigureOptions, indexOf: ReadonlyMap<Sentence, number>): Figure[] {
  const figures: Figure[] = [];
  let context = EMPTY_CONTEXT;
  for (const sentence of sentences) {
    const names = options.names?.[indexOf.get(sentence) ?? -1];
    const reading = readSentence(sentence.text, options.subjects, options.names ? (names ?? []) : undefined, { date, inForce: context.period, year: context.year });
    const described = describeFigures(reading, context);
    const seen = new Map<string, number>();
    for (const figure of described) {
      const occurrence = (seen.get(figure.text) ?? 0) + 1;
      seen.set(figure.text, occurrence);
      figures.push(toFigure(figure, article, sentence, occurrence));
    }
    context = advance(context, reading, described);
  }
  return figures;
}

/** Every figure of an article's running text, in reading order. */
export function extractFigures(article: Pick<Article, 'slug' | 'file' | 'date' | 'sentences'>, options: FigureOptions): Figure[] {
  const date = parseDate(article.date);
  const indexOf = new Map(article.sentences.map((sentence, i) => [sentence, i]));
  return paragraphs(article.sentences).flatMap((sentences) => paragraphFigures(sentences, article, date, options, indexOf));
}
