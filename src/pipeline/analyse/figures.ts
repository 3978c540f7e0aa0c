/**
 * Figures: every percentage, sum of money and count an article states, traced to the sentence it
 * was read from and described well enough to be compared with other sources — whose it is
 * (subject), what it measures (measure), for when (period) and where (market).
 *
 * The reading is shallow on purpose, so that it is predictable and cheap (a few precompiled
 * patterns per sentence with a digit):
 * - A figure is a number with a unit: `17%`, `17 percent`, `3.1 percentage points` (`pp`),
 *   `HK$124.3`, `$18.51 billion`, `£3bn`, `465 pence` (£4.65), `5 billion yuan`, `50 million
 *   units`, `120,000 tonnes`, `3.3 million barrels`, and a count in millions written alone ("at
 *   9.8 million"). A bare number ("Qwen 2.5", "iPhone 16", "2024", "FTSE 100") never is. A
 *   direction word next to it ("fell by 11%", "2.6% higher", "an 11% year-over-year drop",
 *   "taking its loss to 19%") makes it a change: its value is signed (-11).
 * - A sentence is cut into clauses at commas, semicolons, dashes and conjunctions. The words
 *   describing a figure are looked for in its own clause first, then in the sentence.
 * - What a sentence leaves unsaid is carried from earlier in the article, as a reader carries it:
 *   the period and market of a flow (a quarter's revenue, a year's shipments), the day of a
 *   price, the company "it" and "the company" stand for, a commodity's exchange, a share's
 *   listing, the product a market total counts. Anything the text does not settle stays null.
 *
 * **Measures** — a closed vocabulary (the README's table), the words a chart spec is written in:
 *   market share (%), market share change (pp); shipments, shipments change (units shipped into
 *   a market, what research firms count); sales, sales change (units sold, or money); revenue,
 *   revenue change; revenue share (a business's share of its company's revenue); revenue
 *   forecast (the company's own guidance), revenue estimate (what analysts expected); profit,
 *   profit change (net, pre-tax or operating profit; a loss is a negative profit); gross margin;
 *   share price (at the close or as last quoted), share price intraday high / intraday low;
 *   stock change (a share's move during a session, pre-market, after hours, or unplaced), stock
 *   change at close, stock change year to date; market value, market value change (a company's
 *   stock-market value, never a share price or a deal's); index change, index change at close;
 *   price, price intraday high / intraday low, price change, price change at close, price change
 *   year to date, price forecast (of a commodity or a good); discount (a price cut offered, %);
 *   production, production change, production share (its share of world output); customers
 *   (customers, subscribers); users; jobs, jobs change; stake (a holder's share of a company);
 *   investment; cost savings; deal value, offer price (per share), break fee; donation; economic
 *   growth; inflation; unemployment; deficit; interest rate; exports, exports change; imports,
 *   imports change; cost; debt; tax; fine.
 * A share of something other than a market ("5% of GDP") and a target ("guidelines of 2%") get
 * no measure. Chinese text uses the same names: 市场份额 is `market share`, 出货量 `shipments`,
 * 同比下降11% a `… change` of -11, 3.6个百分点 3.6 `pp`.
 *
 * **Periods** (`periods.ts`): a quarter, half, year, month or fiscal period for a flow; a day
 * (`2025-03-11`) for a price, a share price, a stock's or an index's move and a market value —
 * the day the sentence names, else the last day the article named, else the article's date; a
 * change since the year began has the day it runs to. A period stated once governs every figure
 * of its sentence; "a year earlier" only the level beside it ("rose to $2.84bn from $2.31bn a
 * year earlier"), never a change measured against it. A forecast's quarter is the coming one.
 * Deals (value, offer, fee, savings, stake, investment) have a period only when the sentence
 * gives one.
 *
 * **Subjects**: whose number it is — a name found in the text (`ner.ts`) or the gazetteer, never
 * the source of the number (a research firm, an analyst's employer, an outlet, an exchange, a
 * regulator: "according to", "X said Y's share", "data from"); "the company", "its", "it" and a
 * sentence that names no one stand for the article's company; a business ("the cloud business",
 * 智能手机业务) is `<company> <business> business`; a research firm's total is the market's
 * (`China smartphone market`, `global PC market`); "others" are `other brands`; the company a
 * merger would create is `combined company`; a commodity for its price (`copper`, `Brent
 * crude`), an index for its move; a list item's label ("Zinc: $2,655") for its figures; names and
 * figures paired by "respectively" or 分别 in order. Without a name, the noun phrase the measure
 * belongs to ("new-energy vehicles", "chocolate prices"). A figure without both a subject and a
 * measure stays on its article page: `subject` or `measure` is null, and no comparison table
 * shows it.
 *
 * **Markets**: where the quantity is measured — a country or region for a flow; for a share, its
 * listing (an exchange, its city, "Hong Kong-listed", a price in HK$ or pence); for a commodity,
 * its exchange (`London Metal Exchange`, `Shanghai Futures Exchange`, `New York`); for an index,
 * its country. A company's revenue, profit or deal has a market only where its sentence names one.
 *
 * Currencies: `$` and `US$` are USD, `HK$` HKD, `RMB`, `¥`, "yuan" and 元 CNY, `€` EUR, `£`
 * and pence GBP; 美元 USD, 港元 HKD.
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
import { parseAnchor } from './dates.ts';
import { CHINESE_BUSINESSES, COMMODITIES, countryMarkets, englishName, EXCHANGES, ICE_LONDON, INDEXES, isRegionAdjective, LISTINGS, LONDON_METALS, PLACE_MARKETS, placeOfAdjective, PRODUCTS } from './market-names.ts';
import { CORPORATE_SUFFIX, GENERIC_COMPANY_WORDS, type NameSpan } from './ner.ts';
import { readPeriods, type Period, type PeriodMention } from './periods.ts';

export interface FigureOptions {
  /** Company and organisation names as written (case-sensitive) → canonical subject name. */
  subjects: ReadonlyMap<string, string>;
  /**
   * The names found in each sentence of the article (`recogniseNames`), by the sentence's index:
   * a figure's subject is one of them. Without them, the `subjects` alone are looked for.
   */
  names?: readonly (readonly NameSpan[])[];
}

type UnitKind = 'percent' | 'points' | 'index points' | 'money' | 'count';

interface Span {
  start: number;
  end: number;
}

/** A name the sentence gives: a market, an exchange, a listing, an index, a commodity, a product. */
interface Named extends Span {
  /** Null for a market named only to be excluded ("outside China"). */
  value: string | null;
}

interface SubjectMention extends Span {
  /** The canonical subject name. */
  value: string;
  /**
   * `source`: the source of the numbers ("Canalys reported", "according to Apple's report", an
   * analyst's firm, the outlet of a dateline); `said`: said them ("TimeWarner said"); `named`: otherwise.
   */
  role: 'source' | 'said' | 'named';
  /** A product's name ("iPhone 16"): a figure's subject, never what "its" refers to. */
  product?: true;
}

interface RawFigure extends Span {
  text: string;
  value: number;
  unit: string;
  change: boolean;
  /** What a count counts, as written ("mobile phones", "handsets"). */
  counted?: string;
  /** A price per something: "a tonne", "a share", 每吨. */
  per?: string;
  /** A change told by a noun before it ("taking their loss to 19%"): that noun is no measure. */
  carried?: boolean;
}

// ── Small helpers ──────────────────────────────────────────────────────────────────────────

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

/** Han characters: a sentence with any is read with the Chinese patterns. */
const HAN = /\p{Script=Han}/u;

function distance(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0;
}

/** The mention closest to the figure; on a tie, the earlier one. */
function nearest<T extends Span>(mentions: readonly T[], figure: Span): T | undefined {
  let best: T | undefined;
  for (const mention of mentions) if (!best || distance(mention, figure) < distance(best, figure)) best = mention;
  return best;
}

// ── Figures ────────────────────────────────────────────────────────────────────────────────

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`\s(?:thousand|million|billion|trillion)\b|(?:bn|tn|mn|m)\b`;
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12, tn: 1e12 };
const CURRENCIES: Record<string, string> = { US$: 'USD', HK$: 'HKD', A$: 'AUD', AU$: 'AUD', C$: 'CAD', CA$: 'CAD', NZ$: 'NZD', S$: 'SGD', NT$: 'TWD', R$: 'BRL', RMB: 'CNY', '¥': 'CNY', '€': 'EUR', '£': 'GBP', $: 'USD' };
/** Currencies written as a word after the amount: "5 billion yuan", "400m euros", "86.7bn Swiss francs". */
const CURRENCY_WORDS: Record<string, string> = {
  yuan: 'CNY', euro: 'EUR', euros: 'EUR', francs: 'CHF', yen: 'JPY', rupees: 'INR', roubles: 'RUB', rubles: 'RUB', won: 'KRW', pounds: 'GBP', dollars: 'USD',
  riyals: 'SAR', kronor: 'SEK', krona: 'SEK', kroner: 'NOK', rand: 'ZAR', reais: 'BRL', pesos: 'MXN', rupiah: 'IDR', ringgit: 'MYR', baht: 'THB', lira: 'TRY', dirhams: 'AED', shekels: 'ILS', zlotys: 'PLN',
};
const QUALIFIERS = 'as much as|as little as|as high as|as low as|more than|less than|just over|just under|over|under|nearly|almost|about|around|roughly|approximately|some|up to|at least|an estimated|only|just|a further|another';
/** What a count counts, and the unit it is given in: any count of things is `units`. */
const COUNT_UNITS: readonly [nouns: string, unit: string][] = [
  [
    'units|devices|phones|smartphones|handsets|iPhones|iPads|tablets|computers|PCs|laptops|consoles|watches|smartwatches|cars|vehicles|copies|users|subscribers|customers|clients|members|viewers|listeners|visitors|accounts|people|employees|workers|staff|passengers|jobs|homes|households',
    'units',
  ],
  ['tonnes|tons|metric tons', 'tonnes'],
  ['barrels', 'barrels'],
];
const COUNT_NOUNS = COUNT_UNITS.map(([nouns]) => nouns).join('|');
const COUNT_UNIT_OF = new Map(COUNT_UNITS.flatMap(([nouns, unit]) => nouns.split('|').map((noun) => [noun.toLowerCase(), unit] as const)));
const RISE_VERBS = 'rose|rise|rises|rising|risen|grew|grow|grows|growing|gained|gain|gains|gaining|jumped|jump|jumps|jumping|surged|surge|surges|surging|soared|soaring|climbed|climb|climbing|increased|increase|increasing|added|adding|rallied|rebounded|advanced|put on|firmed|strengthened|expanded|leapt|leaped|leap|leaps|rocketed|rockets|spiked|soar|soars|climbs|rallies|advances|widened|up';
const FALL_VERBS = 'fell|fall|falls|falling|fallen|dropped|drop|drops|dropping|declined|decline|declines|declining|slid|slipped|slip|dipped|eased|slumped|plunged|plummeted|sank|tumbled|shrank|shrink|decreased|decrease|decreasing|lost|lose|losing|shed|sheds|shedding|retreated|retreats|weakened|sagged|skidded|slump|slumps|slide|slides|sliding|slips|slipping|dips|dip|eases|ease|plunge|plunges|plunging|tumble|tumbles|tumbling|sink|sinks|sinking|dive|dives|dived|dove|crashed|contracted|cut|narrowed|down|off';
const RISE_NOUNS = 'higher|increase|rise|gain|jump|growth|surge';
const FALL_NOUNS = 'lower|drop|decline|fall|decrease|slump|plunge';
/** "in 2005 people": a year before a counted noun is no count. */
const isYearCount = (match: RegExpExecArray) => match.groups?.count !== undefined && !match.groups.countScale && /^(?:19|20)\d\d$/.test(match.groups.count);
/** A verb of movement, which ends the noun phrase before it. */
const MOVE_VERB_SET: ReadonlySet<string> = new Set(`${RISE_VERBS}|${FALL_VERBS}`.split('|'));
const FALLING = new Set(`${FALL_VERBS}|${FALL_NOUNS}|reduction|loss|shortfall`.split('|'));

/**
 * One figure: an optional direction verb ("grew shipments", "fell by"), an optional qualifier
 * ("as much as"), the number with its unit, an optional direction after it ("higher", "drop").
 */
const FIGURE = new RegExp(
  // Not inside a word, nor the end of a range ("20-30%"), which no single value states.
  String.raw`(?<![A-Za-z0-9]|\d[-–])` +
    // "rose at an annual rate of 10.7%": the move, at the rate it is told at.
    String.raw`(?:(?<verb>${RISE_VERBS}|${FALL_VERBS})(?:\s(?:shipments|sales|revenues?))?\s(?:by\s|at an? (?:annual(?:ised|ized)?|yearly|monthly|quarterly) (?:rate|pace) of\s)?|(?<ofNoun>increases?|rises?|gains?|growth|jumps?|declines?|drops?|falls?|decreases?|reductions?|loss|shortfall)\sof\s)?` +
    String.raw`(?:(?:${QUALIFIERS})\s)?` +
    // Nor the start of one ("$10-25m").
    String.raw`(?:(?<currency>US\$|HK\$|AU\$|A\$|CA\$|C\$|NZ\$|NT\$|S\$|R\$|RMB\s?|¥|€|£|\$)(?<money>${NUMBER})(?![-–]\d)(?<moneyScale>${SCALE})?` +
    String.raw`|(?<pointsSign>[-−+])?(?<points>${NUMBER})(?![-–]\d)\s?(?:percentage[- ]points?|pp|ppts?)\b` +
    String.raw`|(?<percentSign>(?<![\w.,])[-−+](?=\d))?(?<percent>${NUMBER})(?![-–]\d)(?:\s?%|\s(?:percent|per cent)\b)` +
    String.raw`|(?<pence>${NUMBER})(?![-–]\d)\s?(?:pence|p)\b(?!\.?m\b)` +
    String.raw`|(?<cents>${NUMBER})(?![-–]\d)\s?(?:cents?|US cents)\b` +
    // "closed 15 points higher": an index's move in its own points (a share's in percentage points is above).
    String.raw`|(?<indexPoints>${NUMBER})(?![-–]\d)\s(?:points?|pts)\b` +
    // One word may stand between a count and what it counts: "5 million broadband users".
    String.raw`|(?<count>${NUMBER})(?<countScale>${SCALE})?\s(?<countedBy>(?!(?:and|or|for|of|to|in|the|with|from|by|at|a|an)\s)[a-z][a-z-]+\s)?(?<counted>${COUNT_NOUNS})\b` +
    String.raw`|(?<yuan>${NUMBER})(?<yuanScale>${SCALE})?\s?(?<currencyWord>yuan|euros?|(?:Swiss )?francs|yen|rupees|roubles|rubles|won|pounds|dollars|riyals|kronor|krona|kroner|rand|reais|pesos|rupiah|ringgit|baht|lira|dirhams|shekels|zlotys)\b` +
    // A count in millions without a noun: "Dell third, with shipments down 1.1% at 9.8 million".
    String.raw`|(?<bare>${NUMBER})\s(?<bareScale>thousand|million|billion)\b)` +
    String.raw`(?:\s(?<after>higher|lower|down(?! from)|up(?! from| to)|less(?= than)|fewer(?= than)|more(?= than))\b|(?:\s(?:year-over-year|year-on-year|annual|quarterly))?\s(?<noun>${RISE_NOUNS}|${FALL_NOUNS})\b)?`,
  // Without the `u` flag (and so with ASCII word edges) this runs four times faster.
  'gi',
);
/** "lift its output by 40,000 tonnes", "cut … by around 8,000 tonnes": a change, by its verb. */
const BY_VERB = /\b(?:(?<rise>lift|lifts|lifted|lifting|raise|raises|raised|raising|boost|boosts|boosted|boosting|increase|increases|increased|increasing|expand|expands|expanded|expanding|widen|widened|add|adds|added|grow)|(?<fall>cut|cuts|cutting|reduce|reduces|reduced|reducing|lower|lowers|lowered|lowering|trim|trims|trimmed|slash|slashed|shrink|shrank|narrow|narrowed|lose|loses|lost|losing))\b(?:\s+[\w'’-]+){0,7}\s+by\s+(?:(?:about|around|some|roughly|nearly|almost|up to|as much as|only|just|an average of|an estimated|a further)\s+)?$/i;
/** "taking their loss this year to 19%", "its gains since January to 40%": a change, written as a level. */
const CHANGE_TO = /\b(?:(?<fall>loss|losses|decline|declines|drop|fall|slide|slump)|(?<rise>gain|gains|rise|rally|advance|increase|growth))(?:\s+[a-z]+){0,7}\s+(?:to|at)\s+(?:(?:a|an)\s+(?:slower|faster|steeper|sharper|smaller|bigger|larger|modest|robust|healthy|mere|further)\s+)?$/i;

/** "2.1% more cars", "3% fewer phones": a count's change, told by the count. */
const MORE_OF = new RegExp(`^\\s+(more|fewer|less)\\s+(?:[a-z-]+\\s+)?(?:${COUNT_NOUNS})\\b`, 'i');

/** A change's size just before its noun: "a 52% rise", "a 3 per cent annual gain". */
const SIZED_BEFORE = /\d\s*(?:%|per ?cent\b|percent\b)?\s+(?:[a-z-]+\s+)?$/;

/**
 * A figure in Chinese text: "16%", "1.2亿部", "同比下降11%", "5000万美元", "3.6个百分点", "12万吨".
 * A direction word before it ("下降", "收涨") makes it a change; "升至"/"降至" ("rose to") leave it a level.
 */
const CHINESE_UNITS: Record<string, string> = { 部: 'units', 台: 'units', 辆: 'units', 户: 'units', 用户: 'units', 人: 'units', 吨: 'tonnes', 桶: 'barrels', 美元: 'USD', 港元: 'HKD', 港币: 'HKD', 欧元: 'EUR', 英镑: 'GBP', 日元: 'JPY', 元: 'CNY', 人民币: 'CNY' };
const CHINESE_SCALES: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };
const CHINESE_RISE = '上升|增长|上涨|增加|提升|提高|大涨|大增|激增|猛增|跃升|攀升|飙升|收涨|走高|回升|反弹|扩大|涨|增';
const CHINESE_FALL = '下降|下滑|下跌|减少|暴跌|大跌|下挫|骤降|锐减|大减|萎缩|收跌|回落|走低|收窄|缩小|跌|降|减';
const CHINESE_FIGURE = new RegExp(
  String.raw`(?:(?:同比|环比)?(?<cnDirection>${CHINESE_RISE}|${CHINESE_FALL})了?(?:约|近|逾|超过?|达)?)?(?<cnPer>每(?:吨|盎司|桶|克|股|台|部))?(?<cnSign>[-−+])?(?<cnNumber>${NUMBER})(?:(?<cnPercent>[%％])|(?<cnPoints>个百分点)|(?<cnScale>万亿|万|亿)?(?<cnUnit>部|台|辆|户|用户|人|吨|桶|美元|港元|港币|欧元|英镑|日元|元|人民币))`,
  'g',
);
const CHINESE_FALLING = new RegExp(`^(?:${CHINESE_FALL})$`);
/** A rise's or a fall's size named before the figure: "涨幅已达64%", "跌幅约为3%". */
const CHINESE_CHANGE_NOUN = /(涨幅|跌幅|增幅|降幅)(?:已|累计|进一步|扩大|收窄)*(?:达到?|为|至)?(?:约|近|逾|超过?)?$/u;

function unitOf(groups: Record<string, string | undefined>): string {
  if (groups.points || groups.cnPoints) return 'pp';
  if (groups.indexPoints) return 'points';
  if (groups.percent || groups.cnPercent) return '%';
  if (groups.pence) return 'GBP';
  // "15 cents": a dollar's hundredth, unless the text says whose.
  if (groups.cents) return 'USD';
  if (groups.count) return COUNT_UNIT_OF.get((groups.counted ?? '').toLowerCase()) ?? 'units';
  if (groups.bare) return 'units';
  if (groups.cnUnit) return CHINESE_UNITS[groups.cnUnit] ?? 'units';
  if (groups.yuan) return CURRENCY_WORDS[(groups.currencyWord ?? 'yuan').toLowerCase().replace(/^swiss /, '')] ?? 'CNY';
  return CURRENCIES[(groups.currency ?? '$').trim().toUpperCase()] ?? 'USD';
}

const MONEY_UNITS = new Set([...Object.values(CURRENCIES), ...Object.values(CURRENCY_WORDS), 'JPY']);
function unitKind(unit: string): UnitKind {
  if (unit === '%') return 'percent';
  if (unit === 'pp') return 'points';
  if (unit === 'points') return 'index points';
  return MONEY_UNITS.has(unit) ? 'money' : 'count';
}

/** "$16,450 a tonne", "$48 a share", "HK$4.2 per share": what a price is per. */
const PER = /^(?:\s*|-)(?:in (?:cash|shares|stock)\s+)?(?:a|an|per|for each)[\s-]+(?:(?:[A-Z][a-z]+|ordinary)\s+)?(share|barrel|ounce|tonne|ton|gallon|litre|liter|pound|lb|kilogram|kg|bushel|megawatt-hour|unit)\b/;
const CHINESE_PER: Record<string, string> = { 吨: 'tonne', 盎司: 'ounce', 桶: 'barrel', 克: 'gram', 股: 'share', 台: 'unit', 部: 'unit' };

function readFigure(match: RegExpExecArray, text: string): RawFigure {
  const groups = match.groups ?? {};
  const start = match.index;
  const end = match.index + match[0].length;
  if (groups.cnNumber !== undefined) {
    const magnitude = Number((Number.parseFloat(groups.cnNumber.replace(/,/g, '')) * (CHINESE_SCALES[groups.cnScale ?? ''] ?? 1)).toPrecision(15));
    // "-0.8个百分点" in a table's change column: a signed change.
    // "累计涨幅已达64%", "跌幅扩大至3%": the size of a rise or a fall, told by its noun.
    const noun = groups.cnDirection || groups.cnSign ? undefined : CHINESE_CHANGE_NOUN.exec(text.slice(Math.max(0, start - 12), start))?.[1];
    const direction = groups.cnDirection ?? (groups.cnSign === '+' ? '上升' : groups.cnSign ? '下降' : noun === undefined ? undefined : /^[跌降]/u.test(noun) ? '下降' : '上升');
    // "每吨131,200元", "131,200元/吨": a price per tonne.
    const per = groups.cnPer ? CHINESE_PER[groups.cnPer.slice(1)] : /^\/(吨|盎司|桶|克|股)/.exec(text.slice(end))?.[1];
    const figure: RawFigure = {
      start,
      end,
      text: match[0],
      value: direction !== undefined && CHINESE_FALLING.test(direction) ? -magnitude : magnitude,
      unit: unitOf(groups),
      change: direction !== undefined,
    };
    if (per) figure.per = CHINESE_PER[per] ?? per;
    return figure;
  }
  const number = groups.money ?? groups.points ?? groups.indexPoints ?? groups.percent ?? groups.pence ?? groups.cents ?? groups.count ?? groups.yuan ?? groups.bare ?? '0';
  const scale = (groups.moneyScale ?? groups.countScale ?? groups.yuanScale ?? groups.bareScale ?? '').trim().toLowerCase();
  const signed = groups.percentSign ?? groups.pointsSign;
  let direction = (groups.verb ?? groups.after ?? groups.noun ?? groups.ofNoun?.replace(/(?<!s)s$/, '') ?? (signed === '+' ? 'up' : signed ? 'down' : undefined))?.toLowerCase();
  // toPrecision drops the float noise of the scaling (18.51 × 1e9), so equal texts give equal values.
  const magnitude = Number((Number.parseFloat(number.replace(/,/g, '')) * (SCALES[scale] ?? 1) * (groups.pence || groups.cents ? 0.01 : 1)).toPrecision(15));
  // "made up 52.9%", "takes up 20%": a share, not a rise.
  if (direction === 'up' && /\b(?:make|makes|made|making|take|takes|took|taking|account|accounts|sum|sums|summed)\s+$/i.test(text.slice(Math.max(0, start - 12), start))) direction = undefined;
  let carried = false;
  if (direction === undefined) {
    const window = text.slice(Math.max(0, start - 60), start);
    const told = CHANGE_TO.exec(window);
    // "a 52% rise in profits to £198m": the rise has its own size, and what it rose to is a level.
    // "its losses widened to $5m": an amount is the level reached; a percentage after "its loss this year to" is the move.
    const changeTo = told && groups.percent !== undefined && !SIZED_BEFORE.test(window.slice(0, told.index)) ? told : null;
    // "would lift its annual output by 40,000 tonnes", "cut by around 8,000 tonnes": a verb before "by".
    const by = changeTo ? null : BY_VERB.exec(text.slice(Math.max(0, start - 60), start));
    if (changeTo) carried = true;
    if (changeTo || by) direction = changeTo?.groups?.fall || by?.groups?.fall ? 'fell' : 'rose';
  }
  // "has sold 2.1% more cars than a year earlier": a change of what was counted.
  const compared = direction === undefined && groups.percent !== undefined ? MORE_OF.exec(text.slice(end, end + 40)) : null;
  if (compared) direction = compared[1] === 'more' ? 'up' : 'down';
  const sign = direction !== undefined && FALLING.has(direction) ? -1 : 1;
  // "a net loss of $364m": an amount lost is a level below nothing, not a fall (as "a loss of 5%" is).
  const lossLevel = direction === 'loss' && (groups.money !== undefined || groups.yuan !== undefined);
  const figure: RawFigure = { start, end, text: match[0], value: sign * magnitude, unit: unitOf(groups), change: direction !== undefined && !lossLevel };
  if (carried) figure.carried = true;
  if (groups.counted && figure.unit === 'units') figure.counted = `${groups.countedBy ?? ''}${groups.counted}`.toLowerCase();
  const per = PER.exec(text.slice(end, end + 30));
  if (per) figure.per = (per[1] as string).toLowerCase();
  // "offered to buy the remaining shares for $31 each": a price per share.
  else if (/^\s+each\b/.test(text.slice(end, end + 8)) && /\bshares?\b[^.;]{0,30}$/.test(text.slice(Math.max(0, start - 40), start))) figure.per = 'share';
  return figure;
}

// ── Names of markets, exchanges, listings, indexes, commodities and products ─────────────────

interface NameTable {
  english: RegExp;
  chinese: RegExp;
  names: readonly string[];
}

/** One pattern per language for a table of names: each name's alternatives in one group. */
function nameTable(rows: readonly (readonly [string, string, string, ...string[]])[], capitalised = false): NameTable {
  // Common nouns may open a sentence: "Copper edged up", "Tablet shipments fell".
  const initial = (pattern: string) => (capitalised ? pattern.replace(/(^|\|)([a-z])/g, (_, bar: string, c: string) => `${bar}[${c}${c.toUpperCase()}]`) : pattern);
  return {
    english: new RegExp(`\\b(?:${rows.map(([, english], i) => `(?<n${i}>${initial(english)})`).join('|')})(?![A-Za-z0-9])`, 'g'),
    chinese: new RegExp(rows.map(([, , chinese], i) => `(?<n${i}>${chinese})`).join('|'), 'gu'),
    names: rows.map(([name]) => name),
  };
}

const PLACES = nameTable([...PLACE_MARKETS, ...countryMarkets()]);
/** The markets reports cover as a whole ("the China smartphone market"), which a sentence may set for the ones after it. */
const WHOLE_MARKETS: ReadonlySet<string> = new Set(PLACE_MARKETS.map(([name]) => name));
const EXCHANGE_NAMES = nameTable(EXCHANGES);
const LISTING_NAMES = nameTable(LISTINGS);
const INDEX_NAMES = nameTable(INDEXES);
const INDEX_MARKET = new Map(INDEXES.map(([name, , , market]) => [name, market]));
const COMMODITY_NAMES = nameTable(COMMODITIES, true);
const PRODUCT_NAMES = nameTable(PRODUCTS, true);

function findNames(table: NameTable, text: string, chinese: boolean): Named[] {
  return allMatches(chinese ? table.chinese : table.english, text).map((match) => {
    const index = table.names.findIndex((_, i) => match.groups?.[`n${i}`] !== undefined);
    return { start: match.index, end: match.index + match[0].length, value: table.names[index] as string };
  });
}

const EXCLUDED_MARKET = /\b(?:outside|beyond|except|excluding)\s+(?:of\s+)?$/;

function readMarkets(text: string, chinese: boolean): Named[] {
  return findNames(PLACES, text, chinese).map((market) => {
    const excluded = chinese ? /^(?:以外|之外)/.test(text.slice(market.end, market.end + 2)) : EXCLUDED_MARKET.test(text.slice(Math.max(0, market.start - 20), market.start));
    // "exports to China", "talks in London with China": a partner, not where a figure is measured.
    return excluded ? { ...market, value: null } : market;
  });
}

// ── Subjects ───────────────────────────────────────────────────────────────────────────────

/** Named as the source of the numbers: never their subject. */
const SOURCE_AFTER =
  /^['’]s\s+(?:(?:senior|chief|lead|principal|research|market|industry)\s+){0,2}(?:analysts?|economists?|researchers?|strategists?|director|head of research)\b|^(?:['’]s(?:\s+\p{Lu}[\p{L}'’-]*){1,3}(?=\s+(?:report|said|says|writes|wrote)))?(?:['’]s?)?(?:\s+\([^)]{1,20}\))?\s+(?:(?:has|have|had)\s+)?(?:(?:reported|reports)(?=\s+that\b)|writes|wrote|estimated|estimates|puts?(?!\s+on\b)|pegged|pegs|reckons|found|finds|forecast|forecasts|predicted|predicts|expects|expected|data|figures|numbers|tally|count|estimates|report|tracker|research|survey|study|analysis|analysts?|economists?|showed|shows|counts|counted|tallied|tracks|tracked|recorded|logged|calculated)\b|^[^，。；]{0,14}?(?:数据|报告|估计|统计|调查|研究)(?:显示|称|指出|表明)?|^(?:的)?(?:数据|报告|估计|统计|调查|研究)|^\s*(?:称|表示|数据显示|报告显示|预计|预测|认为)/u;
/** ", the company said", ", it said": the article's company, saying the sentence's figures. */
const COMPANY_SAID_AFTER = /,\s+(?:the\s+(?:company|group|firm|carmaker|automaker|retailer|airline|bank|maker)|it)\s+(?:has\s+)?(?:said|says|reported|announced)\b/;
/** A sentence opening with a phrase before its main clause: "Despite a record profit of …, Asahi is …". */
const FRONTED = /^(?:(?:But|And|Yet|So)\s+)?(?:[Dd]espite|[Ww]ith|[Aa]fter|[Aa]lthough|[Tt]hough|[Ff]ollowing|[Hh]aving|[Oo]n the back of|[Tt]hanks to|[Bb]uoyed by|[Hh]it by)\b/;
/** After the main clause's subject, its verb: ", Asahi is coming late". */
const MAIN_VERB_AFTER = /^\s+(?:has|had|have|is|was|were|are|will|would|said|says|reported|posted|made|saw|expects|plans)\b/;
/** Said the numbers: their subject only when no other name is ("TimeWarner said sales rose 2%"). */
// "Pacific Harbour Life added 2.2%": "added" before an amount is a move, not speech.
const SAID_AFTER = /^\)?(?:\s*\([^)]{1,16}\))?\s+(?:also\s+|has\s+|had\s+|have\s+)?(?:said|says|noted|notes|told|announced|added(?!\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|a further\s+|another\s+|as much as\s+)?(?:[\d$£€¥]|HK\$|US\$|A\$))|reported|reports|posted|claims|claimed|believes|warned|warns|argues|argued|thinks)\b/;
const SOURCE_BEFORE =
  /(?:\baccording to(?:\s+[\p{L}\p{N}'’.-]+){0,4}|\b(?:(?:research|analyst|analysis|analytics|consulting|data|market[- ]research|tracking|polling|survey|ratings?|accountancy|advisory)\s+firm|researcher|tracker|consultancy|data provider|agency|bureau|statistics office|association|[Aa]nalysts? (?:at|with|from)|[Ee]conomists? (?:at|with)|[Ss]trategists? (?:at|with)|head of [a-z ]+ at|(?:an |the )?(?:analyst|economist|strategist) at|data from|figures from|research by|survey by|cited by|polled by|surveyed by|compiled by|regulator|watchdog),?|据|根据|机构|调研机构|研究机构)\s*$/u;
/** A dateline's outlet: "LONDON (Tessaro Wire) -", "Aug 27 (Tessaro Wire) -". */
const DATELINE = /^(?:\p{Lu}[\p{Lu} ./,'-]*(?:,\s*\p{Lu}[\p{L}.]* \d{1,2})?|\p{Lu}[\p{L}.]* \d{1,2})\s*\($/u;
/**
 * "The company's sales", "the German carmaker", "its revenue", a sentence opening "It": the
 * company the article is about (or the name before it in its sentence).
 */
const BACK_REFERENCE =
  /\b(?:[Tt]he (?:(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?,|[A-Z][a-z]+|[a-z]+[A-Z][a-z]+|[A-Za-z]+-based|[A-Za-z]+-listed|security software|software|chip|mining|drug|oil|steel|food|frozen food|cancer drug|tech|technology|e-commerce|online|luxury|fashion|electric car|electric vehicle) ){0,2}(?:company|firm|group|lender|bank|operator|carrier|retailer|airline|carmaker|automaker|miner|producer|handset|tech giant|giant|maker|chipmaker|drugmaker|insurer|developer|stock|shares|conglomerate|brand|smelter|mine|plant|refinery|factory)|[Ii]ts|[Tt]heir|[Ii]t)\b|该公司|该厂|该矿|该集团|该股|公司(?=实现|的|第?[一二三四]?财?季度|上半年|下半年|全年|总营收|营收|营业收入|净利润|股价|预计|预期|表示|称|宣布|公布)|其(?![中他余实次])/gu;
const PRONOUN_BACK = /^(?:[Ii]ts|[Ii]t|[Tt]heir|其)$/;
/** A commodity referred back to: "The metal has gained 9.8%", "The benchmark contract settled 0.6% higher". */
const COMMODITY_BACK_REFERENCE = /\b[Tt]he (?:(?:benchmark|front-month|most-active|most-traded|yellow|red|precious|base|white|soft|industrial)\s+)*(?:metal|commodity|contract|grain|oilseed|fuel)\b(?!\s+(?:maker|makers|producer|producers|miner|miners|price|prices))|该合约|该品种/g;
/** An index referred back to: "the blue-chip index", "the benchmark index". */
const INDEX_BACK_REFERENCE = /\b[Tt]he (?:(?:blue-chip|benchmark|broader|broad|main|tech-heavy|domestically focused|wider|mid-cap|small-cap)\s+)*index\b|该指数/g;
/**
 * A subject the text does not name stands between a name and the figure ("Vodafone said that
 * when phones were launched they … cost about £2,000"): the name is not the figure's.
 */
const PRONOUN_SUBJECT = /\b(?:they|he|she|we)\b|(?:^|[,;:]\s+)(?:it|this|these|those)\b/i;
const FOR_SUBJECT = /^\s+for\s+$/;
/** "other brands took 20%", "others", 其他品牌: the rest of a market. */
const OTHERS = /\b(?:[Oo]ther (?:brands|vendors|makers|manufacturers|players|companies)|(?:[Bb]rands|[Vv]endors|[Mm]akers|[Cc]ompanies) outside the top (?:\w+|\d+)|[Ss]maller (?:brands|vendors|rivals|players)|[Oo]thers|[Tt]he rest)\b|其他(?:品牌|厂商|厂家)|其余厂商/;
/** The company a merger would create. */
const COMBINED = /\b[Tt]he (?:(?:newly|new) )?(?:combined|merged|enlarged) (?:[a-z]+ )?(?:company|group|business|entity|firm|carrier|operator|lender|bank|airline|insurer|retailer|maker|producer)\b|\b[Tt]ogether,? (?:they|the two|\p{Lu}[\p{L}&.-]*(?: \p{Lu}[\p{L}&.-]*)* and \p{Lu})|\b(?:they|the two(?: [a-z]+)?|and \p{Lu}[\p{L}&.-]*(?: \p{Lu}[\p{L}&.-]*)*) (?:would|will|could) (?:together|jointly|between them)\b|\bthe two (?:companies|groups|firms|businesses|carriers|operators|lenders) (?:would|will|could) (?:have|hold|control|account for)\b|合并后的(?:公司|集团)|合并后/u;

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

/** "Northwind forecast revenue of $4.1bn", "Veltrano expects": a company giving its own guidance. */
const FORECAST_AFTER = /^(?:['’]s?)?\s+(?:also\s+|now\s+|still\s+)?(?:forecast|forecasts|expects|expected|predicted|predicts|sees|projects|projected|guided)\b/;

function sourceRole(text: string, start: number, end: number, company = false): SubjectMention['role'] {
  // "The Consumer Electronics Association (CEA) has predicted": a short form in brackets is followed by what its name is.
  const after = text.slice(end, end + 48).replace(/^\)/, '');
  const before = text.slice(Math.max(0, start - 60), start);
  if (SOURCE_BEFORE.test(before) || (DATELINE.test(before) && /^\)\s*[-–—]/.test(after))) return 'source';
  // A company forecasting is speaking of its own figures, as one that "said" them; a research firm's forecast is of others'.
  if (company && FORECAST_AFTER.test(after)) return 'said';
  if (SOURCE_AFTER.test(after)) return 'source';
  return SAID_AFTER.test(after) ? 'said' : 'named';
}

/**
 * The names in a sentence a figure may belong to: companies, organisations, products. A place is
 * a market ("China's smartphone market"), or the subject of a country's own figure ("China's
 * economy"), which `subjectFor` looks for among the sentence's places; a person is whoever said
 * the figure. A name that is an exchange, an index or a commodity is read as one.
 */
function readSubjects(text: string, subjects: ReadonlyMap<string, string>, names: readonly NameSpan[] | undefined, taken: readonly Span[]): SubjectMention[] {
  const free = (span: Span) => !taken.some((other) => other.start < span.end && span.start < other.end);
  if (!names) {
    return allMatches(subjectPattern(subjects), text)
      .map((match) => ({ start: match.index, end: match.index + match[0].length, value: subjects.get(match[0]) ?? match[0] }))
      .filter(free)
      .map((span) => ({ ...span, role: sourceRole(text, span.start, span.end) }));
  }
  return names
    .filter((span) => span.type !== 'person' && (span.type !== 'place' || COMPANY_AFTER.test(text.slice(span.end, span.end + 20))) && free(span))
    .map((span) => ({ start: span.start, end: span.end, value: span.name, role: sourceRole(text, span.start, span.end, span.type === 'company'), ...(span.type === 'product' ? { product: true } : {}) }));
}
/** "Pelham's shares", "Pelham had revenue", "Paxton Stream said revenue rose": a name the lexicon took for a place, used as a company. */
const COMPANY_AFTER = /^(?:['’]s)?\s+(?:shares|stock|revenue|profits?|sales|chief|board|had revenue|reported|agreed|said\s+(?:that\s+)?(?:its\s+)?(?:[a-z-]+\s+)?(?:revenue|sales|profits?|earnings|turnover|shipments))\b/;

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
  number figure figures total amount level industrial manufacturing retail consumer factory wholesale
  shipments sales revenue revenues profit profits output production price prices shares
  thousand million billion trillion bn
  national same-store same-stores like-for-like comparable organic
  quarter quarters year years month months week weeks period periods season seasons day days holiday holidays christmas festive
  expects expected expect said says sees saw forecasts forecast estimates estimated reported reports shows showed
  believes thinks predicts predicted warned warns noted notes added told put puts putting posted posting pegged pegs`.split(/\s+/),
);

/** "the price of crude oil": the commodity or noun phrase after "of". */
function phraseAfter(text: string, end: number): string | null {
  const match = /^\s+of\s+(?:the\s+|a\s+)?([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)/.exec(text.slice(end, end + 40));
  if (!match?.[1]) return null;
  // "of smartphones in India": the noun phrase, without the preposition after it.
  const words = match[1].split(' ');
  // "the price of a smartwatch rose 11%": the verb after the noun is not part of it.
  while (words.length > 1 && (NOT_A_SUBJECT.has(words.at(-1) as string) || MOVE_VERB_SET.has(words.at(-1) as string))) words.pop();
  const phrase = words.join(' ');
  return commodityIn(phrase, false) ?? (words.some((word) => NOT_A_SUBJECT.has(word)) ? null : phrase);
}

/** The noun phrase a measure word belongs to: "oil prices" → oil, "mobile phone sales" → mobile phone. */
function nounPhraseBefore(text: string, start: number, names: readonly Span[]): string | null {
  const from = Math.max(0, start - 40);
  const words = text.slice(from, start).split(/\s+/).filter(Boolean);
  // The sentence's first word is capitalised for the sentence ("Oil prices rose"), unless it is a name.
  // "Asian sales": a region's adjective says the market, and is no phrase the figure is of.
  if (from === 0 && /^\p{Lu}[\p{Ll}-]+$/u.test(words[0] ?? '') && !names.some((name) => name.start === 0) && !isRegionAdjective(words[0] as string)) words[0] = (words[0] as string).toLowerCase();
  const phrase: string[] = [];
  for (let i = words.length - 1; i >= 0 && phrase.length < 2; i--) {
    const word = words[i] as string;
    if (!/^[a-z][a-z-]*$/.test(word) || NOT_A_SUBJECT.has(word) || FALLING.has(word) || /(?:ed|ing|ly)$/.test(word)) break;
    phrase.unshift(word);
  }
  if (phrase.length === 0) return null;
  const noun = phrase.join(' ');
  return commodityIn(noun, false) ?? noun;
}

/** A count noun in the plural, as a subject is named: "passenger car" → "passenger cars". */
function plural(phrase: string): string {
  if (/(?:s|ss|ware|ment|ing|tion|ery|ance|ence|ness)$/.test(phrase) || commodityIn(phrase, false)) return phrase;
  return /(?:ch|sh|x)$/.test(phrase) ? `${phrase}es` : /[^aeiou]y$/.test(phrase) ? `${phrase.slice(0, -1)}ies` : `${phrase}s`;
}

function commodityIn(text: string, chinese: boolean): string | null {
  return findNames(COMMODITY_NAMES, text, chinese)[0]?.value ?? null;
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
  /** A company's own figure: a sentence that names no one is about the article's company ("Revenue fell 3%"). */
  company?: boolean;
  /** The units a level of this family can be written in: "sales of 15%" is not a level of sales. */
  levelUnits: readonly UnitKind[];
  /** The measure of a figure that is a change. */
  change: string | null;
}

const MARKET_SHARE: MeasureFamily = { ownedBySpeaker: true, company: true, level: 'market share', levelUnits: ['percent'], change: 'market share change' };
const MARKET_VALUE: MeasureFamily = { ownedBySpeaker: true, company: true, level: 'market value', levelUnits: ['money'], change: 'market value change' };
const DEAL: MeasureFamily = { ownedByActor: true, level: 'deal value', levelUnits: ['money'], change: null };
const SALES: MeasureFamily = { ownedByPhrase: true, ownedBySpeaker: true, company: true, level: 'sales', levelUnits: ['money', 'count'], change: 'sales change' };
const SHIPMENTS: MeasureFamily = { ownedByPhrase: true, ownedBySpeaker: true, level: 'shipments', levelUnits: ['count'], change: 'shipments change' };
const REVENUE: MeasureFamily = { ownedBySpeaker: true, company: true, level: 'revenue', levelUnits: ['money'], change: 'revenue change' };
const PROFIT: MeasureFamily = { ownedBySpeaker: true, company: true, level: 'profit', levelUnits: ['money'], change: 'profit change' };
const LOSS: MeasureFamily = { ownedBySpeaker: true, company: true, level: 'profit', levelUnits: ['money'], change: null };
const SHARE_PRICE: MeasureFamily = { ownedBySpeaker: true, company: true, level: 'share price', levelUnits: ['money'], change: 'stock change' };
const PRICE: MeasureFamily = { ownedByPhrase: true, level: 'price', levelUnits: ['money'], change: 'price change' };
const PRODUCTION: MeasureFamily = { ownedByPlace: true, ownedByPhrase: true, ownedBySpeaker: true, company: true, level: 'production', levelUnits: ['count'], change: 'production change' };
const STAKE: MeasureFamily = { ownedByActor: true, level: 'stake', levelUnits: ['percent'], change: null };
/** English and Chinese words for each measure; earlier patterns win where two start together. */
const FAMILIES: readonly [english: string, chinese: string, family: MeasureFamily][] = [
  [
    String.raw`market share|share of (?:the )?market|of (?:the |its )?(?:[A-Za-z.'’-]+ ){0,4}market(?! (?:value|capitali[sz]ation|cap)\b)|penetration|of (?:all |global |total |the )?(?:[a-z-]+ ){0,3}(?:sold|shipped|shipments|registrations)|share(?!\s+(?:prices?|buy-?backs?|sales?|issues?|offerings?|capital|of (?:its |the |group |total )*(?:revenue|sales|turnover|profit|income)))`,
    '市场份额|市占率|份额|渗透率',
    MARKET_SHARE,
  ],
  // "which would value Manchester United at about £800m": what a company is valued at.
  ['market (?:value|capitali[sz]ation|cap)|(?:total |combined )?capitali[sz]ation|most valuable|valu(?:e|es|ed|ing)(?= (?:[\\w\'’&.-]+ ){1,4}at (?:about |around |some |nearly |roughly |almost |more than |over |up to |just )?(?:[$£€¥]|HK\\$|\\d))|worth(?= (?:about |around |some |nearly |more than |over |just |only |almost |roughly |an estimated |up to )?(?:[$£€¥]|HK\\$))', '市值', MARKET_VALUE],
  ['break(?:-up)? fee|termination fee', '分手费|终止费', { ownedByActor: true, level: 'break fee', levelUnits: ['money'], change: null }],
  ['cost savings|cost synergies|savings|synergies|sav(?:e|es|ed|ing)(?= (?:about |around |some |up to |more than |at least |an estimated )?(?:[$£€¥]|HK\\$|\\d))', '成本节约|协同节约|协同效应|节约|节省', { ownedByActor: true, level: 'cost savings', levelUnits: ['money'], change: null }],
  ['stake', '持股|股份', STAKE],
  ['acquisition|acquired?|acquires|acquiring|takeover|buyout|bought|buy(?![- ]?back)|buying|bid|merger|deal|purchases?|sold for|auction(?:ed)?|valued at|valuing|values(?= (?:[\\w\\x27’-]+ ){1,4}at\\b)|valuation', '交易总价|交易对价|交易金额|收购对价|收购|并购|(?<!盘[前后中]|日内)交易(?!所|日|中|时段)|估值', DEAL],
  ['gross margins?', '毛利率', { ownedBySpeaker: true, company: true, level: 'gross margin', levelUnits: ['percent'], change: null }],
  ['sales|sold|sells?|selling|registrations|registered|registers|deliveries|delivered', '销量|销售额|销售|交付', SALES],
  ['shipments?|shipped|ships?|shipping', '出货量|出货', SHIPMENTS],
  ['revenues?|turnover|income|brought in|brings? in|bringing in|took in|takes in|generated|generat(?:e|es|ing)(?![^.]{0,40}\\b(?:savings|synergies)\\b)', '营收|营业收入|收入|营业额', REVENUE],
  ['profits?|earnings|net income|operating income', '净利润|利润', PROFIT],
  // "a loss of about 8%": a fall of whatever the sentence measures, not a loss in money.
  ['loss(?:es)?(?! of (?:about |around |some |nearly |almost |an estimated )?\\d[\\d.,]*\\s?(?:%|percent|per cent))', '亏损', LOSS],
  ['share price|stock price|shares|stocks?', '股价|股票|港股|美股|A股|该股|(?<=在)(?:纳斯达克|纽交所|港交所|上交所|深交所)', SHARE_PRICE],
  ['discounts?|price cuts?', '折扣|优惠|降价', { company: true, level: 'discount', levelUnits: ['percent'], change: null }],
  // "costs £99", "will cost about $300": what a thing costs to buy is its price (a company's "costs" are not).
  ['prices?|priced|cost(?:ing)?|costs(?= (?:about |around |just |only |up to |from |more than |less than |under |over )?(?:[$£€¥]|HK\\$|A\\$|\\d))|retails? (?:at|for)|fees|fares|tariffs|tolls|rents', '价格|售价|报价|价', PRICE],
  ['customers|subscribers|clients', '客户|用户', { ownedBySpeaker: true, company: true, level: 'customers', levelUnits: ['count'], change: null }],
  ['users|members|viewers|listeners|visitors', '活跃用户', { ownedBySpeaker: true, level: 'users', levelUnits: ['count'], change: 'users change' }],
  ['jobs|job cuts|employees|workers|staff|workforce|redundancies', '员工|岗位', { ownedByPhrase: true, ownedBySpeaker: true, level: 'jobs', levelUnits: ['count'], change: 'jobs change' }],
  ['invest(?:s|ed|ing|ment|ments)?|capital spending|capital expenditure|capex', '投资|资本开支', { ownedByActor: true, ownedByPhrase: true, ownedBySpeaker: true, company: true, level: 'investment', levelUnits: ['money'], change: null }],
  ['donat(?:e|ed|es|ing|ion|ions)', '捐赠|捐款', { level: 'donation', levelUnits: ['money'], change: null }],
  ['economy|economic growth|GDP|gross domestic product', '经济增长|国内生产总值|GDP', { ownedByPlace: 'only', level: 'economic growth', levelUnits: ['percent'], change: 'economic growth' }],
  ['inflation', '通胀|通货膨胀', { ownedByPlace: 'only', level: 'inflation', levelUnits: ['percent'], change: null }],
  ['unemployment|jobless(?:ness)?(?: rate)?', '失业率', { ownedByPlace: 'only', level: 'unemployment', levelUnits: ['percent', 'count'], change: null }],
  ['interest rates?|base rate', '利率', { level: 'interest rate', levelUnits: ['percent'], change: null }],
  ['exports?', '出口', { ownedByPlace: true, level: 'exports', levelUnits: ['money', 'count'], change: 'exports change' }],
  ['imports?', '进口', { ownedByPlace: true, level: 'imports', levelUnits: ['money', 'count'], change: 'imports change' }],
  // A smelter or refinery "processes" or "refines" its output.
  ['output|production|produc(?:e|es|ed|ing)|pump(?:s|ed|ing)?|mined?|harvests?|crops?|process(?:es|ed)|refin(?:e|es|ed)|smelt(?:s|ed)?', '产量|生产|年产|产出|供应|处理|冶炼|精炼', PRODUCTION],
  ['(?:budget |trade |fiscal )?deficit|shortfall', '赤字', { ownedByPlace: 'only', level: 'deficit', levelUnits: ['money', 'percent'], change: null }],
  ['costs|spend(?:s|ing)?|spent|budget|outlay', '成本|支出|预算', { ownedByActor: true, ownedByPhrase: true, level: 'cost', levelUnits: ['money'], change: null }],
  // "profits after tax", "pre-tax profit": a profit's, not a tax.
  ['(?<!(?:after|before|pre|post)[ -])(?:unpaid |back )?tax(?:es)?(?![ -](?:profits?|earnings|income|losses?))|tax bill', '税款|税', { level: 'tax', levelUnits: ['money'], change: null }],
  ['debts?|borrowing', '债务', { ownedByPlace: true, level: 'debt', levelUnits: ['money'], change: null }],
  ['fined|fines|penalty|penalties', '罚款', { level: 'fine', levelUnits: ['money'], change: null }],
];
const FAMILY = new RegExp(`\\b(?:${FAMILIES.map(([pattern], i) => `(?<f${i}>${pattern})`).join('|')})\\b`, 'gi');
const CHINESE_FAMILY = new RegExp(FAMILIES.map(([, pattern], i) => `(?<f${i}>${pattern})`).join('|'), 'g');

const CLOSING = /\b(?:clos(?:e|es|ed|ing)|settl(?:e|es|ed|ing)|finish(?:ed|es|ing)?|ended|ending the (?:day|session)|(?:at|by) the end of (?:the )?(?:day|session|trading))\b|收盘|收于|收涨|收跌|收报|结算/;
/** ", down 0.8%", ", up 0.5% on the day", ", off 1.1%": a clause that is only a move, of the clause before it. */
const APPOSITIVE_MOVE = /^\s*[,;–—-]?\s*(?:(?:up|down|off|higher|lower|(?:a |an )?(?:rise|gain|fall|drop|decline|increase|decrease|jump|slide|loss) of)\s+(?:by\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?[$£€]?\d|(?:a|an)\s+(?:[$£€]?\d[\d.,]*\s?(?:%|percent|per cent|cents?)?\s+(?:rise|gain|fall|drop|decline|increase|jump|slide|loss)))/;
/** "in the quarter", "during the quarter", 当季: the quarter the article is about. */
const THE_QUARTER = /\b(?:in|during|for|over|through) the (?:latest |same |reporting |three-month )?quarter\b(?! (?:to|ended|ending|before|earlier|ago)\b)|当季度?|该季度/u;
/** "since the bid", "over the past year": a move over more than a day. */
const OVER_TIME = /\bsince\b|\bso far\b|\bover the (?:past|last)\b|\bin the (?:past|last) (?:\w+ )?(?:weeks?|months?|years?)\b|\bthis (?:week|month|year)\b/;
/** "lowest close since", "before the close": a close that is not the day's move. */
const CLOSE_NOT_THE_DAYS = /\b(?:lowest|highest|best|worst|record|previous|prior|last) close\b|\bbefore the close\b|\bclose (?:of|to) (?:the )?(?:deal|acquisition|takeover)\b/;
/** A move still under way when it was reported: not the day's close, whatever the report's day. */
const UNSETTLED = /\bas (?:much|high|low) as\b|\bbefore (?:recovering|paring|trimming|rebounding|bouncing|closing|ending|settling|finishing)\b|\bintra-?day\b|\bat one (?:point|stage)\b|\b(?:early|morning|afternoon|midday|late) (?:trade|trading|deals)\b|\bby \d{3,4} GMT\b|\bafter the (?:bell|close)\b|\bextended trading\b|\bafter[- ]hours\b|\bpre-?market\b|\bbefore the (?:opening )?bell\b|盘中|一度|早盘|午盘|盘后|盘前/;
const INTRADAY = /\bas (?:much|high|low) as\b|\bintra-?day\b|\bat one (?:point|stage)\b|\bearlier in the (?:day|session)\b|\bduring the session\b|\b(?:touch(?:ed|ing)?|hit(?:ting)?|reach(?:ed|ing)) (?:a |an |its )?(?:high|record|low|peak)?|\bhighest\b|\blowest\b|\bpeak(?:ed)?\b|盘中|一度|早盘|午盘/;
const INTRADAY_LOW = /\bas low as\b|\bfell as much as\b|\b(?:dropped|slid|sank|tumbled|plunged) as much as\b|\blowest\b|\b(?:hit|touched|touching|hitting) (?:a |an |its )?low\b|最低/;
const YEAR_TO_DATE = /\b(?:so far (?:this year|in \d{4})|year[- ]to[- ]date|this year|in \d{4} so far|(?:on|for) the year(?! (?:to|ended|ending|before|earlier|ago)\b)|in the year so far|since the (?:start|beginning|turn) of (?:the|this) year|since the (?:start|beginning|turn) of \d{4}|(?:from|than at|than) the (?:start|beginning) of (?:the|this) year|since (?:the )?New Year|(?:from|since) the end of (?:last year|\d{4})|since (?:the end of|late) December|since (?:the start of |early )?January|since Dec(?:ember|\.)? 31)\b|今年以来|年初以来|年初至今|较年初|年内|今年迄今|今年(?=累计|已累计|已经|已)/;
/** What money is spent on when the spending is an investment: "on new equipment", "in its fibre network", 用于建设. */
const ON_ASSETS = /\b(?:on|in|into|for)\s+(?:(?:its|their|the|a|new|more|extra|additional|[A-Za-z-]+)\s+){0,3}(?:networks?|equipment|plants?|factor(?:y|ies)|data cent(?:re|er)s?|stores?|fib(?:re|er)|capacity|infrastructure|fleets?|mines?|facilit(?:y|ies)|machinery|upgrades?|aircraft|vessels|towers|broadband|5G|R&D|research and development)\b|用于(?:建设|扩产|研发)|建设|扩产/;
/** Sales counted in units, not money: "sales by volume", "volume sales", "sales volumes". */
const BY_VOLUME = /\bsales (?:by )?volumes?\b|\bvolume sales\b|\bby volume\b|销量/;
/** What the company itself expects (guidance) and what analysts expected. */
const FORECAST = /\b(?:forecasts?|forecasting|expects?|expecting|expected|guidance|guided|guides|guiding|outlook|sees|projects?|predicts?|anticipates?|targets?|to average)\b|预计|预期|预测|指引|或将|有望|料将|(?:短期|近期|后市|未来)内?或/i;
const ESTIMATE = /\banalysts?\b|\bestimates?\b|\bconsensus\b|\bWall Street\b|\bpolled by\b|分析师|市场预期|一致预期/i;
const PER_SHARE = /^(?:a|per|for each)\s+(?:share|(?:[A-Z][a-z]+|ordinary)\s+share)\b/;
/** "adding $8bn to its market value", "wiped $40bn off": a change of market value in money. */
const VALUE_MOVE = /\b(?:add(?:ed|ing|s)?|wip(?:ed|ing|es)|erase[ds]?|erasing|lost|losing|shed|shedding)\b/;
/** "valued at", "worth": a deal's value where the sentence is about a deal. */
const DEAL_WORDS = /\b(?:buy(?![- ]?back)|buys|bought|buying|acquir\w+|takeover|deal|offer|bid|merger|purchase|agreed)\b|收购|并购/;
/** "X accounts for 61% of revenue": a share of a revenue total. */
const REVENUE_SHARE = /\bof (?:its |the |group |total |overall |company |the company's |all |(?:the )?(?:combined |enlarged |merged )?(?:group|company)['’]s )*(?:revenue|revenues|sales|turnover|income|the total)\b/;
/** "占总营收的60%": a share of revenue, told before the figure. */
const REVENUE_SHARE_CHINESE_BEFORE = /占(?:公司)?(?:总营收|营收|总收入|收入|营业收入|销售额)的?(?:比例|比重|份额)?(?:升至|降至|提升至|增至|达到?|为)?(?:约|近|逾|超过)?$/u;
const REVENUE_SHARE_CHINESE = /^(?:的)?(?:总营收|营收|收入)|占(?:总营收|营收|收入|公司营收)/;
/** "of global nickel supply", "of world output", 全球…供应: a share of all production. */
const PRODUCTION_SHARE = /\bof (?:the )?(?:global|world|world's|worldwide|total|(?:\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?['’]s(?: total)?)) (?:[a-z-]+ ){0,2}(?:supply|output|production|mine output)\b|\bof (?:the )?(?:world's|global) (?:mined|refined|primary|seaborne) [a-z]+\b|(?:全球|全国|全世界)[\p{Script=Han}]{0,6}(?:供应|产量)/u;

interface FamilyMention extends Span {
  family: MeasureFamily;
}

/** A measure's word used to name a thing ("its oil production unit", "sales team"): no measure. */
const MODIFIES = /^\s+(?:unit|units|facility|facilities|plant|plants|arm|division|subsidiary|site|sites|field|fields|team|staff|office|network|chief|boss|director|manager|tax|taxes|license|licence|agreement|figures?|target|targets)\b/;

/** "US crude stocks": a commodity's stocks are inventories, not shares. */
const INVENTORY = /(?:crude|oil|petrol|gasoline|distillate|fuel|heating oil|gas|grain|coffee|copper|nickel|aluminium|zinc|metal)\s+$/i;

function readFamilies(text: string, chinese: boolean): FamilyMention[] {
  const kept = allMatches(chinese ? CHINESE_FAMILY : FAMILY, text).filter(
    (match) => !MODIFIES.test(text.slice(match.index + match[0].length, match.index + match[0].length + 14)) && !(/^stocks?$/i.test(match[0]) && INVENTORY.test(text.slice(Math.max(0, match.index - 16), match.index))),
  );
  return kept.map((match) => {
    // Exactly one alternative matched: its group names the family.
    const [, , family] = FAMILIES.find((_, i) => match.groups?.[`f${i}`] !== undefined) as (typeof FAMILIES)[number];
    return { start: match.index, end: match.index + match[0].length, family };
  });
}

/**
 * The columns a label's brackets list, in order, as the scale of each count among them: "Vendor
 * shipments, Q3 2025 (million units, share, change in share)" → [1e6, null, null]; null for a
 * label without such brackets.
 */
function columnsOf(text: string): (number | null)[] | null {
  const listed = /\(([^()]*,[^()]*)\)\s*:?\s*$/.exec(text)?.[1];
  if (!listed) return null;
  const columns = listed.split(',').map((column) => {
    const words = column.trim().toLowerCase();
    if (/\b(?:share|change|growth|%|pp|per ?cent)\b/.test(words)) return null;
    const scale = /\bmillions?\b|^m\b/.test(words) ? 1e6 : /\bthousands?\b|\b000s\b/.test(words) ? 1e3 : /\bbillions?\b|\bbn\b/.test(words) ? 1e9 : /\b(?:units|shipments|sales|deliveries|volume)\b/.test(words) ? 1 : null;
    return scale;
  });
  return columns.some((scale) => scale !== null) ? columns : null;
}

/**
 * The measure a label names: "Estimates of first-quarter shipments in China:" counts shipments ("of …
 * shipments" is a share only after a percentage, as in "24% of phones shipped").
 */
function labelFamily(text: string, chinese: boolean): MeasureFamily | null {
  const first = readFamilies(text, chinese)[0];
  if (!first) return null;
  const words = text.slice(first.start, first.end);
  if (first.family === MARKET_SHARE && /^of\s/.test(words) && !/\bshares?\b/i.test(text)) return readFamilies(words.replace(/^of\s+/, ''), chinese)[0]?.family ?? first.family;
  return first.family;
}

// ── Reading a sentence ─────────────────────────────────────────────────────────────────────

/**
 * Where a clause ends: punctuation, dashes, conjunctions; in Chinese, 而 and 但 as conjunctions
 * (not inside 然而, 从而, 不但) and 和 between two figures ("12.2%和9.7%"), never 及 of 触及.
 */
const CLAUSE_BREAK = /[,;:]\s|\s[–—-]\s|\s(?:and|but|while|whereas|although|though|after|before)\s|[，；：、]|(?<=\p{Script=Han})(?<![然从因进反])而|(?<=\p{Script=Han})(?<!不)但(?!是)|(?<=[%％\d])和/gu;

interface SentenceReading {
  text: string;
  chinese: boolean;
  /** Offsets where a new clause begins. */
  breaks: number[];
  figures: RawFigure[];
  subjects: SubjectMention[];
  markets: Named[];
  exchanges: Named[];
  listings: Named[];
  indexes: Named[];
  commodities: Named[];
  products: Named[];
  periods: PeriodMention[];
  families: FamilyMention[];
  /** Places named in the sentence: whose a country's figure (inflation, growth) is. */
  places: Named[];
  /** People named: none holds a figure, but a stake ("Mr Glazer and his family hold a 28.1% stake"). */
  people: Named[];
  /** Where the sentence refers back to a company ("the company", "its", "it"). */
  backReferences: Span[];
  /** Where it refers back to an index ("the blue-chip index"). */
  indexReferences: Span[];
  /** "The metal", "the benchmark contract": the commodity the article last named. */
  commodityReferences: Span[];
  /** Relative clauses (", which … ,"): a name in one is not the subject of the figures outside it. */
  relatives: Span[];
  /** "Zinc: $2,655, up 1.1%": a list item's label, whose its figures are. */
  label: string | null;
  /** Where a dateline ("SANTIAGO (Tessaro Wire) - ") ends: its city and outlet are nobody's figures. */
  dateline: number;
}

interface ReadContext {
  anchor: ReturnType<typeof parseAnchor>;
  fiscal: boolean;
  fiscalYear: number | null;
  /** The article has given a count of units sold or shipped. */
  counting: boolean;
  /** The sentence is an item of a list under a label naming a measure ("Shipments by vendor:"). */
  listed?: boolean;
  /** The count columns of the label above the list, by their scale ("(million units, share)"). */
  columns?: readonly (number | null)[] | null;
}

/** "registered 9,130 cars, up from 3,210 a year earlier", "fell 36% to 8,220": a count whose noun is left out. */
const BARE_COUNT = /\b(?:from|to|against|versus|vs\.?|with|at)\s+(\d{1,3}(?:,\d{3})+)(?!\d|[.,]\d|\s*(?:%|percent|per cent|pence|p\b|thousand|million|billion|[a-zA-Z]+\b(?<!\b(?:a|an|the|in|on|at|and|or|from|to|last|this|year|years|earlier|ago|before|after|units?)\b)))/g;

/** Words for what a count of units counts, which a bare "to 512,000" after them counts too. */
const COUNTED_WORDS = /\b(?:deliveries|sales|shipments|registrations|units)\b/i;

/**
 * The sentence's counts, with those whose noun a count before them gives, or, after a word for
 * what the article has been counting ("Worldwide deliveries slipped 6% to 512,000"), the article's counts.
 */
function withBareCounts(text: string, figures: RawFigure[], counting: boolean): RawFigure[] {
  const count = figures.find((figure) => unitKind(figure.unit) === 'count') ?? (counting && COUNTED_WORDS.test(text) ? { start: COUNTED_WORDS.exec(text)?.index ?? 0, unit: 'units' } : undefined);
  if (!count) return figures;
  const added = allMatches(BARE_COUNT, text)
    .map((match) => {
      const written = match[1] as string;
      const start = match.index + match[0].length - written.length;
      return { start, end: start + written.length, text: written, value: Number(written.replace(/,/g, '')), unit: count.unit, change: false };
    })
    .filter((bare) => bare.start > count.start && !figures.some((figure) => figure.start < bare.end && bare.start < figure.end));
  return added.length === 0 ? figures : [...figures, ...added].sort((a, b) => a.start - b.start);
}

/**
 * "Samsung: 10.6, 34.0%, +0.8 pp" under "(million units, share, change in share)": a list item's bare
 * number in a count column is a count, in the column's scale.
 */
function withColumnCounts(text: string, figures: RawFigure[], columns: readonly (number | null)[]): RawFigure[] {
  const item = /^(?:\d{1,2}[.)]\s+)?[^:：,]{1,40}[:：]\s*/u.exec(text);
  if (!item) return figures;
  const added: RawFigure[] = [];
  let at = item[0].length;
  for (const [i, cell] of text.slice(at).split(',').entries()) {
    const start = at + (cell.length - cell.trimStart().length);
    const written = cell.trim().replace(/[.;]$/, '');
    const scale = columns[i];
    if (scale && /^\d[\d,]*(?:\.\d+)?$/.test(written) && !figures.some((f) => f.start < start + written.length && start < f.end)) {
      added.push({ start, end: start + written.length, text: written, value: Number((Number(written.replace(/,/g, '')) * scale).toPrecision(15)), unit: 'units', change: false });
    }
    at += cell.length + 1;
  }
  return added.length === 0 ? figures : [...figures, ...added].sort((a, b) => a.start - b.start);
}

/** "between 10% and 15% lower": a move's word after a range's end moves its start too. */
function rangesMoved(text: string, figures: RawFigure[]): RawFigure[] {
  return figures.map((figure, i) => {
    const next = figures[i + 1];
    if (figure.change || !next?.change || next.unit !== figure.unit || next.carried) return figure;
    if (!/^\s*(?:and|to|[-–])\s*$/.test(text.slice(figure.end, next.start)) || !/\bbetween\s+(?:about\s+)?$/.test(text.slice(Math.max(0, figure.start - 12), figure.start))) return figure;
    return { ...figure, change: true, value: Math.sign(next.value) < 0 ? -Math.abs(figure.value) : Math.abs(figure.value) };
  });
}

/** "(Nasdaq: ", "（纳斯达克：": what comes before a ticker. */
const TICKER_BEFORE = /[(（][\p{L} ]{2,12}[:：]\s*$/u;
/** Words in brackets: "($7.4bn; £3.9bn)". */
const BRACKETED = /\([^()]{1,80}\)|（[^（）]{1,80}）/gu;
/** A report's dateline: "LONDON (Tessaro Wire) - ", "BEIJING - ". */
const DATELINE_START = /^(?:\p{Lu}[\p{Lu}\s.,/'’-]*?(?:,\s*\p{Lu}[\p{L}.]* \d{1,2})?(?:\s*\([^)]{1,60}\))?|\p{Lu}[\p{L}.]* \d{1,2}\s*\([^)]{1,60}\)|\([^)]{1,60}\))\s+[-–—]\s+/u;

function readSentence(text: string, subjects: ReadonlyMap<string, string>, spans: readonly NameSpan[] | undefined, context: ReadContext): SentenceReading {
  const chinese = HAN.test(text);
  const dateline = DATELINE_START.exec(text)?.[0].length ?? 0;
  // The dateline's city is where the report was filed; the words "该厂", "该公司" refer back, and name no one.
  // "(Nasdaq: KSTR)": a ticker is the exchange's code for a name already given, no name of its own.
  const names = spans?.filter((span) => (span.start >= dateline || span.type !== 'place') && !/^(?:该|本|其|每)|^(?:上市公司|公司|集团|企业|厂商|品牌|机构|快讯)$/u.test(span.name) && !TICKER_BEFORE.test(text.slice(Math.max(0, span.start - 16), span.start)));
  // Every figure has a digit; most sentences have none, and need only be read for context.
  const digits = /\d/.test(text);
  const read = digits ? rangesMoved(text, withBareCounts(text, allMatches(chinese ? CHINESE_FIGURE : FIGURE, text).filter((match) => !isYearCount(match)).map((match) => readFigure(match, text)), context.counting)) : [];
  const figures = digits && context.columns ? withColumnCounts(text, read, context.columns) : read;
  const described = figures.length > 0;
  const exchanges = findNames(EXCHANGE_NAMES, text, chinese);
  const indexes = withOtherIndexes(findNames(INDEX_NAMES, text, chinese), text, chinese);
  // A commodity's word inside a longer name is the name's ("Lintang Nickel"); "Nickel" alone is the metal.
  // "the world's biggest coffee maker": a commodity naming an industry is no price's.
  const commodities = findNames(COMMODITY_NAMES, text, chinese).filter(
    (commodity) =>
      !names?.some((name) => name.start <= commodity.start && commodity.end <= name.end && name.end - name.start > commodity.end - commodity.start && name.type !== 'place') &&
      !INDUSTRY_AFTER.test(text.slice(commodity.end, commodity.end + 14)),
  );
  // An exchange, an index or a commodity named is read as one, never as a company.
  const markets = readMarkets(text, chinese);
  // A market's name ("Greater China") is where a figure is measured, whatever the recogniser typed it.
  const listings = findNames(LISTING_NAMES, text, chinese);
  // "纳斯达克", "Wall Street": where shares trade is never whose figure it is.
  const subjectMentions = readSubjects(text, subjects, names, [...exchanges, ...indexes, ...commodities, ...listings]).filter(
    (mention) => (mention.start >= dateline || mention.role === 'source') && !markets.some((market) => market.start === mention.start && market.end === mention.end),
  );
  // A measure's word inside a name ("Congressional Budget Office") is the name's; a name that is
  // only a measure's word ("GDP") is the measure's.
  const families = (described ? readFamilies(text, chinese) : []).filter(
    (family) => !subjectMentions.some((mention) => mention.start <= family.start && family.end <= mention.end && mention.end - mention.start > family.end - family.start),
  );
  const named = subjectMentions.filter((mention) => !families.some((family) => family.start <= mention.start && mention.end <= family.end));
  const label = described ? listLabel(text, named, commodities, indexes, context.listed === true) : null;
  const brackets = described && /[(（]/u.test(text) ? allMatches(BRACKETED, text) : [];
  return {
    text,
    chinese,
    // "5.65bn euros ($7.4bn; £3.9bn) of purchases": a semicolon in brackets does not end a clause.
    breaks: described ? allMatches(CLAUSE_BREAK, text).map((match) => match.index).filter((at) => !brackets.some((bracket) => bracket.index < at && at < bracket.index + bracket[0].length)) : [],
    figures,
    subjects: named,
    markets,
    exchanges,
    listings,
    indexes,
    commodities,
    products: findNames(PRODUCT_NAMES, text, chinese),
    periods: readPeriods(text, context),
    families,
    places: names ? names.filter((span) => span.type === 'place').map((span) => ({ start: span.start, end: span.end, value: span.name })) : [],
    people: names ? names.filter((span) => span.type === 'person').map((span) => ({ start: span.start, end: span.end, value: span.name })) : [],
    backReferences: allMatches(BACK_REFERENCE, text).map((match) => ({ start: match.index, end: match.index + match[0].length })),
    indexReferences: described ? allMatches(INDEX_BACK_REFERENCE, text).map((match) => ({ start: match.index, end: match.index + match[0].length })) : [],
    commodityReferences: described ? allMatches(COMMODITY_BACK_REFERENCE, text).map((match) => ({ start: match.index, end: match.index + match[0].length })) : [],
    relatives: described ? allMatches(RELATIVE_CLAUSE, text).map((match) => ({ start: match.index, end: match.index + match[0].length })) : [],
    label,
    dateline,
  };
}

/**
 * A stock index no table lists, by its name: "the FTSE 350 mining index", "the Jakarta Composite
 * Index", "the KSE-100 index". Not a statistic called an index (prices, confidence, output).
 */
const OTHER_INDEX = /\b(?:(?:\p{Lu}[\p{L}&.-]*|\d+)(?:[ -](?:\p{Lu}[\p{L}&.-]*|\d+)){0,3})(?: [a-z]+){0,2} (?:[Ii]ndex|Composite|Average)\b/gu;
const NOT_A_STOCK_INDEX = /\b(?:[Pp]rices?|[Cc]onsumer|[Pp]roducer|[Mm]anagers?|[Pp]urchasing|[Cc]onfidence|[Ss]entiment|[Pp]roduction|[Ii]nflation|[Rr]etail|[Hh]ouse|[Cc]ost|[Ll]iving|[Ww]ages?|[Ee]mployment|[Dd]evelopment|[Hh]uman|[Ff]reedom|[Cc]orruption|[Vv]olatility|[Dd]ollar|[Bb]ond|[Cc]limate|[Ss]ervices|[Hh]appiness)\b/;

/** A stock exchange that moves: "The Karachi Stock Exchange (KSE) has recorded …, surging 3.5%". */
const MOVING_EXCHANGE = /\b(?:\p{Lu}[\p{L}-]*\s){1,3}Stock Exchange\b(?!['’]s|\s+(?:shares|owner|operator|chief|said|says|plc|Group))(?:\s*\([^)]{1,8}\))?(?=\s+(?:has\s+|had\s+|was\s+)?(?:rose|fell|gained|lost|closed|ended|jumped|surged|slumped|dropped|climbed|recorded|added|shed|was up|was down|rallied|tumbled|plunged|soared)\b)/gu;

function withOtherIndexes(found: Named[], text: string, chinese: boolean): Named[] {
  // "(Nasdaq: NWSC)", "纳斯达克：NWSC": an exchange's ticker, not its index.
  const known = found.filter((index) => !/^\s*[:：]/u.test(text.slice(index.end, index.end + 3)));
  // Most sentences name no index: the open-ended search runs only where one of its words stands.
  if (chinese || !/\b(?:[Ii]ndex|Composite|Average|Stock Exchange)\b/.test(text)) return known;
  // "The Karachi Stock Exchange (KSE) has recorded its largest single day gain, surging 3.5%": an
  // exchange that moves, in a sentence naming no index, is its index (not "the London Stock Exchange's
  // shares", a company's, nor shares listed "on" it).
  const exchanges = known.length > 0 ? [] : allMatches(MOVING_EXCHANGE, text).filter((match) => !/\b(?:on|in|of|at|from|to|into|onto)\s+(?:the\s+)?$/.test(text.slice(Math.max(0, match.index - 10), match.index)));
  const other: Named[] = [...allMatches(OTHER_INDEX, text), ...exchanges]
    .filter((match) => !NOT_A_STOCK_INDEX.test(match[0]) && !known.some((index) => index.start < match.index + match[0].length && match.index < index.end))
    .map((match) => {
      // "The FTSE 350 mining index" opening a sentence: the article is not the name's.
      const article = /^(?:The|A|An|Its|This) /.exec(match[0])?.[0].length ?? 0;
      // "Karachi Stock Exchange (KSE)": its short form in brackets is part of the span, no other name.
      return { start: match.index + article, end: match.index + match[0].length, value: match[0].slice(article).replace(/\s*\([^)]*\)$/, '') };
    })
    .filter((index) => /^(?:\p{Lu}|\d)/u.test(index.value) && index.value.split(' ').length > 1);
  return other.length === 0 ? known : [...known, ...other].sort((a, b) => a.start - b.start);
}

/** After a commodity's name, words that make it an industry: "coffee maker", "copper miners", "oil companies". */
const INDUSTRY_AFTER = /^\s*(?:makers?|producers?|roasters?|traders?|exporters?|growers?|miners?|compan(?:y|ies)|chains?|shops?|majors?|firms?|groups?)\b/;

/** ", which are listed in Jakarta,", ", whose smelter was hit,": a relative clause, to its closing comma. */
const RELATIVE_CLAUSE = /,\s+(?:(?:of|in|for|by|from|with|to) (?:which|whom)|which|who|whose|where)\b[^,;:]*(?:,|$)/g;

/** A list item "Copper: $9,598 a tonne, up 0.3%" or "Apple: 3.3 million units": the label's name. */
function listLabel(text: string, names: readonly SubjectMention[], commodities: readonly Named[], indexes: readonly Named[], listed: boolean): string | null {
  // "Zinc: $2,655", "1. Huawei – 13.8 million units (18.1%)", "Copper $9,598 a tonne": a label, then its figures.
  const label = /^(?:\d{1,2}[.)]\s+)?([^:：,.;，。（(]{1,40}?)(?:\s*[:：]\s*|\s+[–—-]\s+|\s+(?=(?:US|HK)?[$£€¥]\d|[+-−]?\d[\d,.]*\s*(?:%|million|billion|万|亿))|(?=\d[\d,.]*(?:万|亿)?(?:部|台|辆|吨)|[\d.]+[%％]))/u.exec(text);
  if (!label) return null;
  const written = (label[1] as string).trim();
  const start = label[0].indexOf(written);
  const end = start + written.length;
  // The label is a name, an index or a commodity, and nothing else: the whole of it.
  const whole = <T extends Span>(mentions: readonly T[]) => mentions.find((mention) => mention.start === start && mention.end === end);
  // "Others: 20 million", "其他品牌：…": the rest of the market.
  if (new RegExp(`^(?:${OTHERS.source})$`).test(written)) return 'other brands';
  const known = whole(names)?.value ?? whole(indexes)?.value ?? whole(commodities)?.value;
  if (known) return known;
  // Under a label naming a measure ("Shipments by vendor, Q2 2025:"), an item's capitalised label is whose its figures are, known or not ("Honor: 7.5 million").
  return listed && /^(?:\p{Lu}[\p{L}&.'’-]*|[a-z]+\p{Lu}[\p{L}]*)(?: \p{Lu}[\p{L}&.'’-]*){0,2}$/u.test(written) && !NOT_A_SUBJECT.has(written.toLowerCase()) && !OPENING_WORDS.test(written) ? written : null;
}

function clauseOf(reading: SentenceReading, position: number): number {
  return reading.breaks.filter((offset) => offset < position).length;
}

function clauseText(reading: SentenceReading, clause: number): string {
  return reading.text.slice(reading.breaks[clause - 1] ?? 0, reading.breaks[clause] ?? reading.text.length);
}

function inClause<T extends Span>(reading: SentenceReading, mentions: readonly T[], clause: number): T[] {
  return mentions.filter((mention) => clauseOf(reading, mention.start) === clause);
}

// ── What the article has established ───────────────────────────────────────────────────────

/** What earlier sentences of the article have said, for sentences that leave it unsaid. */
interface ArticleContext {
  /** The period of the latest flow the article named ("in the first quarter"), and its market. */
  period: Period;
  market: string | null;
  /** The latest quarter named ("Q4 2025"), which "in the quarter" refers to. */
  quarter: Period;
  /** The latest plain year named, which "annual" and "full-year" figures are for. */
  year: Period;
  /** The year of the article's date. */
  anchorYear: number | null;
  /** The latest day a price or a move was given for ("on Tuesday"), else the article's date. */
  day: Period;
  fiscal: boolean;
  fiscalYear: number | null;
  /**
   * The company "the company" stands for: the one the article has named most so far (the latest
   * of those named as often), as a reader takes it to be the article's.
   */
  antecedent: string | null;
  mentions: Map<string, number>;
  /** The names the article has given as a source of figures ("research firm Tallyco"). */
  sources: ReadonlySet<string>;
  /** What the previous sentence was about (a company, a place, a business): what an opening "Its" refers to. */
  previous: string | null;
  /** The same, when it was a company or a business: what "the company" or "the handset" refers to first. */
  previousCompany: string | null;
  /** The latest index named, which "the blue-chip index" refers to. */
  index: string | null;
  /** The latest commodity named, whose price a sentence naming none gives. */
  commodity: string | null;
  /** The latest country or region named, whose harvest "the country's crop" is. */
  place: string | null;
  /** Each commodity's exchange as last named, and the article's first exchange. */
  exchanges: Map<string, string>;
  exchange: string | null;
  /** Each company's listing as last named, and the article's latest. */
  listings: Map<string, string>;
  listing: string | null;
  /** The product the article's market totals count ("smartphone"). */
  product: string | null;
  /** The measure family of the paragraph's latest figure, for a sentence that names none ("Analysts had expected $2.71bn"). */
  family: MeasureFamily | null;
  /** The measure a list's label or heading names ("Shipments by vendor, Q2 2025", "Market share:"): its items' measure. */
  labelFamily: MeasureFamily | null;
  /** The scale of each count column a label's brackets list ("(million units, share, change in share)"), null for others. */
  columns: readonly (number | null)[] | null;
  block: number;
  /** The family of the article's latest count (shipments, sales): what a list's "3.3 million units" count. */
  countFamily: MeasureFamily | null;
  /** The mine, smelter or plant the article last named: what "the mine" is, whose output is its own. */
  facility: string | null;
  /** Whose shares the previous sentence's figures were: what an opening "They" moves. */
  shares: string | null;
  /** The article has reported a move of shares: a bare move of a company named after is its shares' ("Thai Airways shed almost 4%"). */
  stockReport: boolean;
  /** The article's date: a move on an earlier day was over when it was reported. */
  published: Period;
  /**
   * The article reports a market's close ("The FTSE 100 closed down 0.3%", a list under "Closing
   * prices:"): its moves are the day's, at the close, unless they say otherwise.
   */
  closing: boolean;
  /** … because a label over its list says so ("Closing prices:"): its prices' moves too. */
  closingLabel: boolean;
  /** Under a label line naming a close ("Closing LME prices, June 3:"): its list's items are the close, not the prose after. */
  closingList: boolean;
  /** The article's latest sales were in money: its "sales fell 3%" is a change of revenue. */
  salesInMoney: boolean;
  /** The article's latest percentage level was a market share: what a vendor's bare "24%" is, in any paragraph. */
  sharesOfMarket: boolean;
  /**
   * The listing the article names first where it speaks of shares, before or after this sentence
   * ("… shares jumped 9% after the bell. They had closed … on the Nasdaq"): a share's market where
   * nothing nearer says.
   */
  articleListing: string | null;
}

function emptyContext(day: Period): ArticleContext {
  return {
    period: null,
    market: null,
    year: null,
    quarter: null,
    anchorYear: day ? Number(day.slice(0, 4)) : null,
    day,
    fiscal: false,
    fiscalYear: null,
    antecedent: null,
    sources: new Set(),
    mentions: new Map(),
    previous: null,
    previousCompany: null,
    index: null,
    commodity: null,
    place: null,
    exchanges: new Map(),
    exchange: null,
    listings: new Map(),
    listing: null,
    product: null,
    family: null,
    labelFamily: null,
    columns: null,
    block: -1,
    countFamily: null,
    shares: null,
    stockReport: false,
    facility: null,
    published: day,
    closing: false,
    closingLabel: false,
    closingList: false,
    salesInMoney: false,
    sharesOfMarket: false,
    articleListing: null,
  };
}

// ── Describing a figure ────────────────────────────────────────────────────────────────────

/** How a measure is dated and placed. */
type MeasureKind = 'day' | 'flow' | 'deal' | 'forecast';

const DAY_MEASURES = /^(?:share price|stock change|market value|index change|price(?! forecast))/;
const DEAL_MEASURES = new Set(['deal value', 'offer price', 'break fee', 'cost savings', 'stake', 'investment', 'donation', 'fine', 'tax']);
/** A takeover's terms: its price, its price per share, the fee if it fails, the savings it promises. */
const TERMS = new Set(['deal value', 'offer price', 'break fee', 'cost savings']);
/** A takeover's terms and a company's plans: the article's company's where the sentence names no one before them. */
const TAKEOVER_MEASURES = new Set(['deal value', 'offer price', 'break fee', 'cost savings', 'investment']);
/** A company's own total: a market only where its sentence names one ("revenue in India"). */
const OWN_TOTALS = /^(?:revenue|profit|gross margin|investment|customers|users|jobs|cost|debt)/;

function kindOf(measure: string | null, clause: string): MeasureKind {
  if (measure === null) return 'flow';
  if (measure.endsWith('forecast') || measure.endsWith('estimate')) return 'forecast';
  // "the average price it received in the quarter": a flow's average, not a day's price.
  if (DAY_MEASURES.test(measure)) return /\baverage\b|平均/.test(clause) && !measure.endsWith('year to date') ? 'flow' : 'day';
  if (DEAL_MEASURES.has(measure)) return 'deal';
  return 'flow';
}

/** "owns 9.8% of Pelham", "holds a 4.9% stake in Solace": a holder's share of a company. */
const HOLDS = /\b(?:owns?|owned|holds?|held|holding|controls?|controlled|has|had|acquired|bought|buys|took|takes)\s+(?:a\s+|an\s+|about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|just\s+(?:over|under)\s+|more\s+than\s+)*$/;
// "of British small businesses", "of Chinese buyers": a nationality before a common noun is no company held.
const HELD = /^\s+(?:stake\s+)?(?:of|in)\s+(?!the\s+(?:[a-z-]+\s+){0,3}market)(?!(?:[\p{L}'’-]+\s+){1,3}market\b)(?!\p{Lu}\p{Ll}+(?:ish|an|ese|ian|ic|i)\s+\p{Ll})(?:[a-z]+-[a-z]+\s+)?(?:\p{Lu}|its\b|the\s+(?:company|group|firm|club|bank|business|carrier|airline|insurer|lender|retailer|brewer|miner|operator|chain|team)\b)/u;

/**
 * The measure a family gives a figure. A move is told apart by when it was measured (at the
 * close, since the year began, or otherwise during a session), and a price at its session's high
 * from one at the close, so that they never meet in one fact.
 */
function measureOf(family: MeasureFamily | null, figure: RawFigure, reading: SentenceReading, clause: string, index: boolean): string | null {
  const unit = unitKind(figure.unit);
  const after = reading.text.slice(figure.end, figure.end + 60);
  const before = reading.text.slice(Math.max(0, figure.start - 50), figure.start);
  // "Shareholders lost about $180bn when the company collapsed": the value its shares lost.
  if (unit === 'money' && SHAREHOLDERS.test(before) && /^(?:lost|lose)\b/.test(figure.text)) return 'market value change';
  if (index) {
    if (!figure.change || unit === 'money') return null;
    return CLOSING.test(clause) || settingAtClose(reading, figure) ? 'index change at close' : 'index change';
  }
  // "5 points clear": points that are no index's move measure nothing here.
  if (unit === 'index points') return null;
  if (unit === 'points') return family === MARKET_SHARE || family === null || family.level === null || family === SHIPMENTS || family === SALES ? 'market share change' : (family.change ?? null);
  // "Internet Explorer was used by about 95% of web surfers": the share of a market's users.
  if (unit === 'percent' && !figure.change && USED_BY.test(before) && USERS_OF.test(after)) return 'market share';
  // "Virgin Blue, which is 25% owned by Richard Branson": a holding, its holder after "by".
  if (unit === 'percent' && !figure.change && OWNED_BY.test(after)) return 'stake';
  // "owns 9.8% of Pelham"; "pension fund Aldermoor, which owns 8%, has agreed to sell": a holder's stake.
  // "Mr Glazer owns 28.1%.": a holding, with nothing after it, of the company the article is about (in a report
  // of market shares, "Samsung owns 21%." is a share of the market).
  if (unit === 'percent' && !figure.change && (family === STAKE || (HOLDS.test(before) && (HELD.test(after) || (family === null && /^\s*(?:[.;]|$)/.test(after)) || (/\b(?:which|who) $/.test(before.replace(HOLDS, '')) && /^[,)]/.test(after)))))) return 'stake';
  // "465 pence in cash for each Pelham share", "$48 a share": a takeover's price per share.
  if (unit === 'money' && figure.per === 'share' && (family === DEAL || DEAL_WORDS.test(reading.text) || /\b(?:pay|pays|paying|premium|offers?|offered|in cash|pitched|approach)\b/.test(reading.text))) return 'offer price';
  // "would have to pay Ridgeway £24 million if its board backed a rival offer": the fee if a takeover fails.
  if (unit === 'money' && !figure.change && /\bpay\b[^.]{0,40}$/.test(before) && /^[^.]{0,60}\bif (?:its|the|their) (?:board|deal|takeover|bid|offer|merger|shareholders)\b/.test(after)) return 'break fee';
  // "agreed to pay €4.8 billion for Brisa": what a buyer pays for a company is the deal's value.
  if (unit === 'money' && !figure.change && figure.per === undefined && /\b(?:pay|pays|paid|paying)\s+(?:about\s+|around\s+|some\s+|nearly\s+|up to\s+)?$/.test(before) && /^(?:\s+\([^)]{1,30}\))?\s+(?:in cash\s+)?for\s+(?:\p{Lu}|its\s+\p{Lu})/u.test(after)) return 'deal value';
  if (!family) return null;
  if (family === STAKE) return null;
  // "reduce wage costs by $500m", "shave a further $48m a year from its costs": money saved.
  if (family.level === 'cost' && unit === 'money' && ((figure.change && figure.value < 0) || SHAVED_FROM.test(before))) return 'cost savings';
  if (family === DEAL && !DEAL_WORDS.test(reading.text) && /\bvalu(?:ed|ing) (?:\w+ ){0,4}at\b|\bvaluation\b/.test(reading.text)) return figure.change ? null : 'market value';
  if (family === MARKET_VALUE) {
    if (unit !== 'money') return null;
    // "The market for downloads was worth $20m": what a market takes in, not a company's stock-market value.
    if (/\bworth\b/.test(clause) && marketPhrase(reading.text.slice(0, figure.start))) return figure.change ? 'revenue change' : 'revenue';
    return figure.change || VALUE_MOVE.test(before) || /^\s+(?:to|off|from)\s+(?:its|the|their)\s+market/.test(after) ? 'market value change' : 'market value';
  }
  if (unit === 'percent' && !figure.change && (PRODUCTION_SHARE.test(after) || (family === PRODUCTION && PRODUCTION_SHARE.test(clause)))) return 'production share';
  if ((family === REVENUE || family === SALES) && unit === 'percent' && !figure.change && (REVENUE_SHARE.test(after) || (reading.chinese && (REVENUE_SHARE_CHINESE.test(after) || REVENUE_SHARE_CHINESE_BEFORE.test(before))))) return 'revenue share';
  if (family === PRODUCTION && unit === 'percent' && !figure.change) return null;
  const stock = family === SHARE_PRICE;
  const price = family === PRICE;
  if (!figure.change) {
    // "dived below $40 a barrel", "broke through $2,000": a line crossed, not a level the price stood at.
    if (CROSSED.test(before)) return null;
    if (family === LOSS && unit === 'money') return 'profit';
    if (!family.levelUnits.includes(unit)) return null;
    if (stock && /\b(?:buy[- ]?back|repurchase|worth of|stake|holding|issue|offering|placement|return)\b/.test(reading.text) && figure.per !== 'share' && !/^\s+(?:on|in)\b/.test(after)) return null;
    // What analysts expected and what the company guides to, of its revenue (or its sales in money).
    if (family === REVENUE || (family === SALES && unit === 'money')) {
      // "is expected to post revenue of $1.1 billion, according to analysts": what analysts expect, told anywhere in the sentence.
      if (ESTIMATE.test(clause) || (/\b(?:is|are|was|were) expected to\b/.test(clause) && /\banalysts?\b|\bconsensus\b/i.test(reading.text))) return 'revenue estimate';
      if (FORECAST.test(clause)) return 'revenue forecast';
    }
    if (price && (FORECAST.test(clause) || ESTIMATE.test(clause))) return 'price forecast';
    if ((stock || price) && INTRADAY.test(clause) && !CLOSING.test(clause)) return `${family.level} intraday ${INTRADAY_LOW.test(clause) ? 'low' : 'high'}`;
    // "spent €1.2bn on new equipment": money spent on assets is an investment, not a running cost.
    if (family.level === 'cost' && ON_ASSETS.test(clause)) return 'investment';
    return family.level;
  }
  if (family === LOSS) return null;
  if (!stock && !price) return family.change;
  const kind = stock ? 'stock change' : 'price change';
  if ((CLOSING.test(clause) || settingAtClose(reading, figure) || CLOSE_APPOSITION.test(after)) && !/\bafter the (?:close|bell)\b|\bextended trading\b|\bafter[- ]hours\b|\bbefore the (?:opening )?bell\b|\bpre-?market\b/.test(clause)) return `${kind} at close`;
  // "今年以来，纽约金价已累计上涨29%": a sentence's opening words place its move since the year began.
  if (YEAR_TO_DATE.test(clause) || settingSinceYearBegan(reading, figure)) return `${kind} year to date`;
  return kind;
}

/** "Shareholders lost about", "investors have lost": money a company's owners lost, its market value's fall. */
const SHAREHOLDERS = /\b(?:[Ss]hareholders|[Ii]nvestors|[Ss]tockholders)\s+(?:have\s+|had\s+)?$/;

/** "used by about", before the share of users a product has. */
const USED_BY = /\bused by\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more than\s+|over\s+|just\s+(?:over|under)\s+)?$/;
/** "of web surfers", "of all mobile users": the people a market is made of. */
const USERS_OF = /^\s+of\s+(?:all\s+|the\s+)?(?:[a-z-]+\s+){0,2}(?:users|surfers|customers|subscribers|buyers|shoppers|consumers|households|viewers|listeners|readers|drivers)\b/;

/** "25% owned by", "20%-owned by", "a 30% stake held by": whose holding follows. */
const OWNED_BY = /^(?:\s+|-)(?:owned|held|controlled)\s+by\s+(?:the\s+)?/;

/** "shave a further", "cut another", "take out": money taken off costs, before the amount. */
const SHAVED_FROM = /\b(?:shave|shaves|shaved|shaving|cut|cuts|cutting|trim|trims|trimmed|slash|slashes|slashed|take out|strip out|strips out|stripped out)\s+(?:a further\s+|another\s+|an extra\s+|about\s+|around\s+|some\s+|up to\s+)?$/;

/** A level a move crossed: "dived below", "broke through", "climbed above". */
const CROSSED = new RegExp(`\\b(?:${RISE_VERBS}|${FALL_VERBS}|dived|broke|breaks|breaking|pushed|moved|went|slipped|traded|trading)\\s+(?:below|above|beneath|through|past)\\s+(?:the\\s+)?$`);

/** "lost $2 to $43.25, its lowest close since September": a move to the level the apposition calls a close. */
const CLOSE_APPOSITION = /^(?:\s+(?:to|at)\s+[^\s,]+)?,\s+(?:its|their|the)\s+(?:[a-z-]+\s+){0,2}(?:close|closing (?:level|price))\b/;

/** "截至收盘，沪指跌0.62%；深证成指…", "上证指数收报3,250点，跌0.3%": a Chinese sentence opening at the close sets every move after it at the close. */
const CHINESE_AT_CLOSE = /截至收盘|截止收盘|收盘时|至收盘|尾盘|收报|报收|收于/u;

function settingAtClose(reading: SentenceReading, figure: RawFigure): boolean {
  if (!reading.chinese) return false;
  const own = clauseOf(reading, figure.start);
  for (let clause = 0; clause < own; clause++) {
    if (reading.figures.some((f) => clauseOf(reading, f.start) === clause)) continue;
    if (CHINESE_AT_CLOSE.test(clauseText(reading, clause))) return true;
  }
  return false;
}

/** "今年以来，纽约金价已累计上涨29%", "So far this year, …": a clause without figures before the figure's sets its move since the year began. */
function settingSinceYearBegan(reading: SentenceReading, figure: RawFigure): boolean {
  const own = clauseOf(reading, figure.start);
  for (let clause = 0; clause < own; clause++) {
    if (reading.figures.some((f) => clauseOf(reading, f.start) === clause)) continue;
    const words = clauseText(reading, clause);
    if (YEAR_TO_DATE.test(words) && !CLOSING.test(words)) return true;
  }
  return false;
}

interface Described extends RawFigure {
  subject: string | null;
  measure: string | null;
  period: Period;
  market: string | null;
  /** Its period is a year before the one in force ("from $2.31bn a year earlier"). */
  shifted?: boolean;
  /** The same quantity as the figure before, at another time ("up from 16% in 2017"). */
  compared?: boolean;
  /** Its clause as read for its measure, and the stretch to the next comma: what says whether a move is the day's close. */
  own?: string;
}

/** Between an amount and the same amount in another currency: "$1.13bn (£600m)", "($74.6bn; £39.1bn)". */
const CONVERSION = /^\s*(?:\(|;\s*|,\s*or\s+|\s+or\s+)$/;

const TARGET = /\b(?:target|targets|guidelines?|goal|ceiling|limit|threshold|price target) (?:of|at|to|on the stock to)\s+(?:about |around |some )?$|\btarget (?:on|for) (?:the|its) (?:stock|shares) to\s+$/i;

/** How far (in characters) a measure's word may stand before its figure, and after it. */
const FAMILY_REACH = 60;
const FAMILY_REACH_AFTER = 25;

/** "other businesses", "its other segments": the rest of a company. */
const OTHER_BUSINESSES = /\b(?:(?:[Ii]ts |[Tt]he |[Aa]ll )?[Oo]ther|(?:[Ii]ts |[Tt]he )?[Rr]emaining) (businesses|segments|divisions|units|operations|products|product lines)\b|\b[Tt]he rest of (?:the|its) (business|businesses|company|group|portfolio)\b/g;
/** Words that name a line of business, not a good counted in units: "data-centre sales", "cloud sales". */
const BUSINESS_WORDS = /^(?:data[- ]?cent(?:re|er)s?|cloud(?: computing| services)?|advertising|services|software|licen[cs]e|subscription|enterprise|consumer|gaming|automotive|industrial|networking|wholesale|e-commerce)(?: [a-z-]+)?$/;

/** "Advertising, which …, brought in", "Cloud computing grew": a common noun opening a sentence as what earns. */
const OPENING_BUSINESS = /^(\p{Lu}[\p{Ll}-]+(?: [\p{Ll}-]+)?)(?=,\s+(?:which|where|whose)\b|\s+(?:revenue|sales|brought in|generated|made up|accounted for|contributed|grew|rose|jumped|climbed|fell|slipped)\b)/u;

/** "data-centre chips", "chips for data centres", "data-centre customers": the business named by what it sells or whom to. */
function businessOfPhrase(company: string, phrase: string): string | null {
  const words = phrase
    .replace(/^(?:sales|revenue)\s+(?:to|of|from)\s+/, '')
    .replace(/^(?:chips?|products?|devices?)\s+for\s+/, '')
    .replace(/\s+(?:chips?|products?|devices?|customers|clients|operators|processors)$/, '');
  if (words === '' || NOT_A_SUBJECT.has(words)) return null;
  return businessName(company, words);
}

/** A business of a company: "the cloud business", "its licence division", 智能手机业务. */
const BUSINESS = /\b(?:(?:[Tt]he|[Ii]ts|[Tt]heir|whose|(?<owner>\p{Lu}[\p{L}&.-]*(?: \p{Lu}[\p{L}&.-]*){0,3})['’]s?) )(?:(?:company|group|firm)['’]s )?(?<unit>(?:[a-z][a-z-]+ ){0,2}?[a-z][a-z-]+) (?:business|division|unit|segment|arm)\b/gu;
const CHINESE_BUSINESS = /(?<unit>[\p{Script=Han}]{2,8}?)业务(?:收入|营收)?/gu;
/** Each business of the Chinese table by the words its Chinese name ends with (…数据中心 → data-centre). */
const CHINESE_BUSINESS_ENDINGS: readonly [english: string, ending: RegExp][] = CHINESE_BUSINESSES.map(([english, chinese]) => [english, new RegExp(`(?:${chinese})$`, 'u')]);

/**
 * A business is named as readers name it, by its company's short name: "Northwind data-centre
 * business" for Northwind Semiconductor's (the evaluation's convention), the words that only say
 * the company is one ("Semiconductor", "Systems", "Inc") left out.
 */
function businessName(company: string, business: string): string {
  // "the older on-premises software unit": how the business compares is not its name.
  business = business.replace(/^(?:older|newer|smaller|larger|bigger|fast-growing|faster-growing|struggling|troubled|main|core|own) /, '');
  // One business, one name, in any language: "cloud computing" is the cloud business 云计算 names (market-names.ts),
  // and so are "data-centre chips" and "chips for data centres": the business, not the goods it sells.
  const bare = business.replace(/^(?:chips?|products?|devices?|processors?|semiconductors?) for /, '').replace(/ (?:chips?|products?|devices?|processors?|semiconductors?|customers|clients|operators)$/, '');
  business = BUSINESS_SYNONYMS.find(([, pattern]) => pattern.test(bare))?.[0] ?? business;
  const words = englishName(company).replace(CORPORATE_SUFFIX, '').split(' ');
  while (words.length > 1 && GENERIC_COMPANY_WORDS.has((words.at(-1) as string).toLowerCase())) words.pop();
  // "its other businesses": the rest of the company, already named as businesses.
  return /\bbusinesses$/.test(business) ? `${words.join(' ')} ${business}` : `${words.join(' ')} ${business} business`;
}

/** English names of a business written otherwise, by the name the Chinese table gives it. */
const BUSINESS_SYNONYMS: readonly [name: string, pattern: RegExp][] = [
  ['cloud', /^cloud(?: computing| services| infrastructure)$/],
  ['data-centre', /^data[- ]?cent(?:re|er)s?$/],
  ['e-commerce', /^(?:ecommerce|online retail|online shopping)$/],
];

/** A business a sentence names, and where. */
interface Business {
  name: string;
  start: number;
  end: number;
}

/** Words before "revenue" that say how it is counted, not which business earns it. */
const NOT_A_BUSINESS = new Set(['forecasting', 'expecting', 'reporting', 'posting', 'generating', 'projecting', 'still', 'also', 'only', 'just', 'again', 'grew', 'rose', 'fell', 'lifted', 'boosted', 'posted', 'generated', 'increased', 'doubled', 'post', 'posts', 'report', 'reports', 'record', 'records', 'book', 'books', 'deliver', 'generate', 'see', 'sees', 'expect', 'forecast', 'lift', 'boost', 'grow', 'group', 'company', 'firm', 'adjusted', 'reported', 'organic', 'tax', 'interest', 'fee', 'fees', 'other', 'its', 'combined', 'consolidated', 'half-year', 'nine-month', 'six-month', 'twelve-month', 'same-store', 'like-for-like']);
/** "cloud revenue", "online sales", "licence revenue": a business named by what it sells. */
const BUSINESS_REVENUE = /\b(?:revenues?|sales) from (?:its |the )?(?<from>[a-z][a-z-]+(?: [a-z][a-z-]+){0,3})(?= (?:rose|fell|grew|jumped|slipped|dropped|declined|climbed|increased|decreased|was|were|reached|came|totalled|totaled)\b)|\b([a-z][a-z-]+(?: [a-z][a-z-]+)?) (?:revenues?|income|turnover)\b(?! from )|\b((?:online|digital|wholesale|retail|services|subscription|advertising)) sales\b/gi;

/**
 * The businesses a sentence names, in order: "the cloud business", "its licence division",
 * "Halvorsen's data-centre unit", "cloud revenue" (the business that earns it), 智能手机业务;
 * each named `<company> <business> business`, the company being the one the sentence names
 * before it or the article's.
 */
function businessesOf(reading: SentenceReading, context: ArticleContext): Business[] {
  const owner = (at: number) => reading.subjects.filter((mention) => mention.role !== 'source' && !mention.product && mention.end <= at).at(-1)?.value ?? context.antecedent;
  if (reading.chinese) {
    // "云服务业务收入…；广告业务收入…": every business the sentence names.
    const found: Business[] = [];
    for (const match of allMatches(CHINESE_BUSINESS, reading.text)) {
      const company = owner(match.index);
      if (!match.groups || !company) continue;
      // "公司动力电池系统业务": the words that say whose business it is are not its name.
      const unit = (match.groups.unit as string).replace(/^(?:公司|集团|其中|旗下|其|该)/u, '');
      // A business with an English name is named in English, so that reports in both languages of
      // one business's revenue are one fact; any other keeps its Chinese name (动力电池系统), where
      // the words before 业务 are one business's name from their start (not "…等创新业务", a list's).
      const named = unit.length >= 2 && !/[等和及与]/u.test(unit) && (match.index === 0 || !/\p{Script=Han}/u.test(reading.text.charAt(match.index - 1)) || /(?:公司|集团|其中|旗下|的)$/u.test(reading.text.slice(0, match.index)));
      const business = CHINESE_BUSINESS_ENDINGS.find(([, ending]) => ending.test(unit))?.[0] ?? (named ? unit : null);
      if (business) found.push({ name: businessName(company, business), start: match.index, end: match.index + match[0].length });
    }
    return found;
  }
  const found: Business[] = [];
  // "Sales at other businesses fell 3%": the rest of the company, as a business of its own.
  for (const match of allMatches(OTHER_BUSINESSES, reading.text)) {
    const company = owner(match.index);
    const rest = match[1] ?? 'businesses';
    if (company) found.push({ name: businessName(company, `other ${/^(?:segments|divisions|units)$/.test(rest) ? rest : 'businesses'}`), start: match.index, end: match.index + match[0].length });
  }
  // "Revenue at its cloud unit rose 18%, while the devices division …": every business the sentence names.
  for (const match of allMatches(BUSINESS, reading.text)) {
    const written = match.groups?.owner;
    const company = written ? (reading.subjects.find((mention) => reading.text.slice(mention.start, mention.end) === written)?.value ?? written) : owner(match.index);
    const unit = match.groups?.unit as string;
    const end = match.index + match[0].length;
    // "its cloud unit, Alibaba Cloud,", "Alibaba Cloud, its cloud unit,": a business with a name of its own is called by it.
    const called = reading.subjects.find((mention) => mention.role !== 'source' && ((mention.start === end + 2 && reading.text.slice(end, mention.start) === ', ') || (mention.end + 2 === match.index && reading.text.slice(mention.end, match.index) === ', ')));
    if (called && called.value !== company) found.push({ name: called.value, start: match.index, end });
    else if (company && !unit.split(' ').some((word) => NOT_A_SUBJECT.has(word) && !/^(?:retail|consumer|online|international|domestic)$/.test(word))) found.push({ name: businessName(company, unit), start: match.index, end });
  }
  for (const sold of allMatches(BUSINESS_REVENUE, reading.text)) {
    // "revenue from consumer chips slipped": what it is from names the business, as written (never a place: "sales from China").
    const from = sold.groups?.from;
    if (from !== undefined && !/^[a-z]/.test(from)) continue;
    // "North American revenue": where it is earned, the market's, and no business.
    if (isRegionAdjective((sold[2] ?? sold[3] ?? '').trim())) continue;
    // "while licence revenue": the words before it that are not the business's are left out.
    const all = (from ?? sold[2] ?? sold[3] ?? '').toLowerCase().split(' ');
    while (from === undefined && all.length > 1 && (NOT_A_SUBJECT.has(all[0] as string) || NOT_A_BUSINESS.has(all[0] as string)) && !/^(?:online|retail)$/.test(all[0] as string)) all.shift();
    const words = all.join(' ');
    const company = owner(sold.index);
    const kept = (word: string) => from !== undefined ? !/^(?:the|its|their|a|an|this|that|sales|revenue|revenues)$/.test(word) : !(NOT_A_SUBJECT.has(word) && !/^(?:online|retail)$/.test(word)) && !NOT_A_BUSINESS.has(word);
    if (!company || !words.split(' ').every(kept) || PRODUCT_WORD.test(words) || commodityIn(words, false) || found.some((f) => f.start <= sold.index && sold.index < f.end)) continue;
    found.push({ name: businessName(company, words), start: sold.index, end: sold.index + sold[0].length });
  }
  return found.sort((x, y) => x.start - y.start);
}

/** Everything needed to describe the figures of one sentence. */
interface Scene {
  reading: SentenceReading;
  context: ArticleContext;
  /** The businesses the sentence names. */
  businesses: Business[];
}

/** Whether a mention is inside a relative clause that the figure is not in, or in a list of where ("across the EU, Britain and EFTA"). */
function hidden(reading: SentenceReading, mention: Span, figure: Span): boolean {
  if (reading.relatives.some((r) => r.start <= mention.start && mention.end <= r.end && !(r.start <= figure.start && figure.end <= r.end))) return true;
  // "The Santa Clara, California-based company": a name inside a reference to the company is not another actor.
  if (reading.backReferences.some((r) => r.start <= mention.start && mention.end <= r.end && (r.start !== mention.start || r.end !== mention.end))) return true;
  if (CONTRASTED.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start))) return true;
  return ACROSS.test(reading.text.slice(Math.max(0, mention.start - 80), mention.start));
}
/** "Unlike Samsung, … Apple saw its shipments fall": a name set against the sentence's, not its actor. */
const CONTRASTED = /(?:^|[,;]\s*)(?:[Uu]nlike|[Bb]esides|[Aa]part from|[Aa]s with|[Ii]n contrast to|[Cc]ompared with)\s+(?:(?:its\s+)?rivals?\s+)?$/;
/** Before a name: a list of the places a figure covers, not whose it is. */
const ACROSS = /\b(?:across|throughout)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}'’.-]*\s*(?:,\s*|\s+and\s+(?:the\s+)?|\s+))*$/u;

/** Names that are a product's common name ("PCs", "iPads"), not a company. */
const PRODUCT_WORD = new RegExp(`^(?:${PRODUCTS.map(([, english]) => english).join('|')})$`, 'i');

/**
 * What a back-reference stands for: an opening "Its"/"It" the previous sentence's subject (a
 * place, a business, a company); a company named earlier in the same sentence ("Thornbury said it
 * would invest"); else the article's company.
 */
function resolveBack(reference: Span, reading: SentenceReading, context: ArticleContext, described: readonly Described[]): string | null {
  // The sentence's own subject, named before: its first company, not a product it owns ("Apple's Mac … its share").
  const earlier = reading.subjects.filter(
    (mention) =>
      mention.role !== 'source' &&
      !mention.product &&
      !PRODUCT_WORD.test(mention.value) &&
      mention.end <= reference.start &&
      !hidden(reading, mention, reference) &&
      !reading.subjects.some((owner) => owner.end <= mention.start && /^['’]s\s+$/.test(reading.text.slice(owner.end, mention.start))) &&
      // "Halden said the iPhone maker's Mac shipments jumped, lifting its share": who said it is not whose "its" is.
      // "Lindqvist said it would raise the prices of its bars": "it" is who said it, and so is "its".
      !(mention.role === 'said' && reading.backReferences.some((other) => other.start >= mention.end && other.end <= reference.start && !PRONOUN_BACK.test(reading.text.slice(other.start, other.end)))),
  )[0];
  if (earlier) return earlier.value;
  const word = reading.text.slice(reference.start, reference.end);
  if (PRONOUN_BACK.test(word)) {
    // "sales of battery-electric cars rose 7.8%, lifting their share": the subject of the sentence's figure before.
    const before = described.findLast((figure) => figure.subject !== null && figure.end <= reference.start);
    if (before) return before.subject;
    if (reference.start === reading.dateline && context.previous) return context.previous;
  }
  // "Xiaomi's global shipments fell 9.2%. The handset …": the company the sentence before was about;
  // "the company", 公司 is a company, never a business of it the sentence before was about.
  const previous = context.previousCompany?.endsWith(' business') && /company|firm|group|公司|集团/i.test(word) ? null : context.previousCompany;
  return previous ?? context.antecedent ?? reading.subjects.find((mention) => mention.role !== 'source' && !mention.product)?.value ?? null;
}

/** The closest thing before a figure that a figure can be of: a name, a back-reference, an index, a commodity. */
interface Actor extends Span {
  kind: 'name' | 'back' | 'index' | 'commodity';
  value: string | null;
}

function actorFor(figure: Span, clause: number, reading: SentenceReading, context: ArticleContext): Actor | undefined {
  const actors: Actor[] = [
    ...reading.subjects.filter((m) => m.role !== 'source' && !m.product && !PRODUCT_WORD.test(m.value)).map((m) => ({ start: m.start, end: m.end, kind: 'name' as const, value: m.value })),
    // "It said data-centre sales jumped 44%": who said it is not what jumped.
    // "The Karachi Stock Exchange has recorded its largest gain, surging 3.5%": "its" is the index named before it.
    ...reading.backReferences
      .filter((m) => !SAID_AFTER.test(reading.text.slice(m.end, m.end + 24)))
      .map((m) => {
        const index = PRONOUN_BACK.test(reading.text.slice(m.start, m.end)) ? reading.indexes.filter((i) => i.end <= m.start).at(-1) : undefined;
        const between = index && !reading.subjects.some((name) => name.start >= index.end && name.end <= m.start);
        return index && between ? { ...m, kind: 'index' as const, value: index.value } : { ...m, kind: 'back' as const, value: null };
      }),
    ...reading.indexes.map((m) => ({ ...m, kind: 'index' as const })),
    ...reading.indexReferences.map((m) => ({ ...m, kind: 'index' as const, value: reading.indexes.filter((index) => index.end <= m.start).at(-1)?.value ?? context.index })),
    ...(context.commodity ? reading.commodityReferences.map((m) => ({ ...m, kind: 'commodity' as const, value: context.commodity as string })) : []),
    // "tonnes of nickel", "invest in copper": a commodity as an object is not what a figure is of.
    // "the price of its coffee": a company's own product, not the commodity's market.
    ...reading.commodities.filter((m) => !/\b(?:of|in|into|for|on)\s+(?:the\s+)?$|\b(?:its|their|our)\s+$/i.test(reading.text.slice(Math.max(0, m.start - 8), m.start))).map((m) => ({ ...m, kind: 'commodity' as const })),
  ].filter((actor) => actor.end <= figure.start && !hidden(reading, actor, figure) && !(actor.kind === 'index' && indexAsVenue(reading, actor)));
  const own = actors.filter((actor) => clauseOf(reading, actor.start) === clause);
  const pick = (list: Actor[]) => list.reduce<Actor | undefined>((best, actor) => (!best || actor.end > best.end || (actor.end === best.end && actor.start < best.start) ? actor : best), undefined);
  return pick(own) ?? pick(actors);
}

/**
 * "Kelvin was the biggest riser on the FTSE 100, up 9%", "Kelvin, a member of the FTSE 250, added 2%": an
 * index where a company named before it trades, not what moved.
 */
function indexAsVenue(reading: SentenceReading, index: Span): boolean {
  if (!INDEX_VENUE.test(reading.text.slice(Math.max(0, index.start - 40), index.start))) return false;
  return reading.subjects.some((mention) => mention.role !== 'source' && mention.end <= index.start);
}
const INDEX_VENUE = /\b(?:on|of|in|from|across|joined|joins|left|leaves|into|out of)\s+(?:the\s+)?(?:(?:blue-chip|benchmark|broader|mid-cap|small-cap|tech-heavy)\s+)?$/;

const MARKET_PHRASE = /\b(?:[Tt]he market for (?:so-called )?["“‘']?(?<what>[a-z][a-z-]*(?:["”’']? (?!(?:was|is|are|were|will|would|could|has|had|have|in|to|by|be|grew|rose|fell)\b)[a-z][a-z-]*){0,3})|[Tt]he (?<adjectives>(?:\p{Lu}\p{Ll}+ )?(?:[a-z][a-z-]* ){1,3})market|(?<place>\p{Lu}\p{Ll}+)['’]s (?<described>(?:[a-z][a-z-]* ){1,3})market)\b/u;

/** The market a phrase names as a whole ("the market for music downloads" is the music download market), or null. */
function marketPhrase(text: string): string | null {
  const match = MARKET_PHRASE.exec(text);
  if (!match?.groups) return null;
  const { what, adjectives, place, described } = match.groups;
  const words = (what ?? adjectives ?? described ?? '').trim();
  // "the stock market", "the wider market": no market of a good.
  if (words === '' || /^(?:stock|equity|bond|wider|broader|overall|whole|global|total|domestic|local|same|home)$/.test(words)) return null;
  // "The Indian mobile gaming market" is the India mobile gaming market, as "India's" is.
  const adjective = /^(\p{Lu}\p{Ll}+) /u.exec(words)?.[1];
  const region = adjective ? placeOfAdjective(adjective) : null;
  const named = region && adjective ? `${region}${words.slice(adjective.length)}` : what ? words.replace(/["”’']/g, '').replace(/s$/, '') : words;
  return `${place ? `${place} ` : ''}${named} market`;
}

/** "the China smartphone market": a market total, named by its place and its product. */
function marketTotal(market: string | null, product: string | null): string | null {
  if (!market || !product) return null;
  return `${market} ${product} market`;
}

/** "New-energy vehicles, which include …, made up 52.9%": a sentence's opening noun phrase, when it names no one. */
const OPENING_PHRASE = /^(\p{Lu}[\p{Ll}-]+(?: [\p{Ll}-]+){0,3}s)(?=,| (?:made up|accounted for|account for|make up|took|take|had|have|held|hold|were|are|rose|fell|grew|jumped|dropped|climbed|slipped|increased|decreased))/u;

/** "新能源乘用车零售销量": the product the Chinese noun before a measure names, its period, place and channel words left out. */
function chinesePhraseBefore(text: string, start: number): string | null {
  const run = /[\p{Script=Han}]+$/u.exec(text.slice(Math.max(0, start - 16), start))?.[0];
  if (!run) return null;
  // "规模以上工业原煤", "规上工业原煤": the statistics' scope (industry above a size) is no part of what is counted.
  // "紫金矿业一季度矿产铜": what is counted comes after the period the run names.
  const phrase = run.replace(/^.*[占约为达是在以]/u, '').replace(/^.*(?:第?[一二三四]季度|[上下]半年|全年|月份|当季|当月|今年|去年)(?=\p{Script=Han}{2})/u, '').replace(/^(?:第?[一二三四]季度|[上下]半年|全年|月份?|年|季度|全国|国内|中国|大陆|全球|今年|去年|其中|当季|当月|同期|我国|海外|境外|国外|规模以上|规上|工业)+/u, '').replace(/(?:零售|批发|累计|总|合计|整体|市场|的|国内|全国|中国|全球)+$/u, '');
  // A phrase still holding a market or a possessive is a clause, not a product ("大陆市场的智能手机").
  if (phrase.length < 2 || /市场|的|^[该本其]/u.test(phrase)) return null;
  // A commodity is named as its prices are ("原煤" is coal).
  const commodity = findNames(COMMODITY_NAMES, phrase, true)[0];
  return commodity && commodity.start === 0 && commodity.end === phrase.length ? commodity.value : phrase;
}

/**
 * Whose figure it is, in order: a list item's label; the name paired with it by "respectively";
 * the name right after "for" ("16% for Huawei"); a figure compared with the one before it ("up
 * from 47%") is the same one's; an index for its move; the commodity of a price (a forecast's
 * always, whoever made it); a country for its own figure; "others" and a merger's combined
 * company; the business the sentence is about; what a back-reference before the figure stands
 * for; a name earlier in the figure's own clause; a name right after it ("a 4.5% drop in IAG");
 * a research firm's market total; the noun phrase its measure belongs to ("oil prices"); a name
 * earlier in the sentence; the article's company for a company's own figure or a deal's in a
 * sentence naming no one before it; a sentence's opening noun phrase; what a count counts; last,
 * a company that said the figure itself. The source of a figure ("according to Canalys") and a
 * name inside a relative clause the figure is not in ("The company, which runs mines on
 * Halmahera, produced …") never are.
 */
function subjectFor(figure: RawFigure, clause: number, family: FamilyMention | undefined, measure: string | null, market: string | null, scene: Scene, paired: string | undefined, described: readonly Described[]): string | null {
  const { reading, context } = scene;
  if (reading.label) return reading.label;
  if (paired) return paired;
  const named = reading.subjects.filter((mention) => mention.role === 'named' && !hidden(reading, mention, figure) && !PRODUCT_WORD.test(mention.value));
  const forSubject = named.find((m) => m.start >= figure.end && FOR_SUBJECT.test(reading.text.slice(figure.end, m.start)));
  if (forSubject) return forSubject.value;
  // A stake is its holder's, a person's as well as a company's: "25% owned by Richard Branson".
  const holderAfter = measure === 'stake' ? [...reading.people, ...named].filter((m) => m.start >= figure.end).sort((a, b) => a.start - b.start)[0] : undefined;
  const byHolder = holderAfter && reading.text.slice(figure.end, holderAfter.start);
  if (holderAfter && byHolder && OWNED_BY.exec(byHolder)?.[0] === byHolder) return holderAfter.value;
  if (measure === 'stake' && !named.some((mention) => mention.end <= figure.start)) {
    const holder = inClause(reading, reading.people, clause).filter((person) => person.end <= figure.start).at(-1) ?? reading.people.filter((person) => person.end <= figure.start).at(-1);
    if (holder) return holder.value;
  }
  // "the group's $3.4 billion revenue", "Greyhaven's £5.6 billion takeover": whose it is, right before it.
  const possessive = POSSESSIVE_BEFORE.exec(reading.text.slice(Math.max(0, figure.start - 40), figure.start));
  if (possessive) {
    const ownerEnd = figure.start - possessive[0].length + (possessive[1] ?? possessive[2] ?? '').length;
    const owner = named.find((mention) => mention.end === ownerEnd);
    if (owner) return owner.value;
    if (/^(?:[Tt]he (?:group|company|firm)|[Ii]ts)$/.test(possessive[1] ?? possessive[2] ?? '') && context.antecedent) return context.antecedent;
  }
  // A mine's output is the mine's, whoever runs it ("Minera Altiplano said its Los Cóndores mine would lose 30,000 tonnes", "the mine would lose").
  if (measure?.startsWith('production')) {
    const facility = reading.subjects.find((mention) => mention.role !== 'source' && mention.end <= figure.start && FACILITY.test(reading.text.slice(mention.end, mention.end + 12)));
    if (facility) return facility.value;
    if (context.facility && FACILITY_BACK.test(reading.text.slice(0, figure.start))) return context.facility;
  }
  // "Despite a record profit of 30.6bn yen, Asahi is coming late to the market": an opening phrase's
  // figure, with no one named before it, is the main clause's subject's.
  if (FRONTED.test(reading.text.slice(reading.dateline)) && !named.some((mention) => mention.end <= figure.start) && !reading.backReferences.some((m) => m.end <= figure.start)) {
    const main = named.find((mention) => mention.start >= figure.end && /,\s+$/.test(reading.text.slice(mention.start - 2, mention.start)) && MAIN_VERB_AFTER.test(reading.text.slice(mention.end, mention.end + 12)));
    if (main) return main.value;
  }
  // "Honor took 11%": a capitalised word opening the sentence, right before the verb that holds the figure, is whose it is, known or not.
  const opener = named.some((mention) => mention.start < figure.start) ? null : OPENING_HOLDER.exec(reading.text.slice(reading.dateline));
  if (opener && reading.dateline + opener[0].length >= figure.start - 12 && reading.figures[0] === figure && !NOT_A_SUBJECT.has((opener[1] as string).toLowerCase()) && !OPENING_WORDS.test(opener[1] as string) && !commodityIn(opener[1] as string, false)) return opener[1] as string;
  if (measure?.startsWith('index change')) return indexFor(figure, clause, reading, context);
  if (context.shares !== null && /^(?:stock change|share price)/.test(measure ?? '') && THEY.test(reading.text.slice(reading.dateline)) && !named.some((m) => m.end <= figure.start)) return context.shares;
  const own = clauseText(reading, clause);
  const ownStart = reading.breaks[clause - 1] ?? 0;
  const before = named.filter((mention) => mention.end <= figure.start);
  const inOwnClause = before.filter((mention) => clauseOf(reading, mention.start) === clause);
  const actor = actorFor(figure, clause, reading, context);
  // A commodity's price, per tonne or barrel, or in a sentence about the commodity.
  if (measure?.startsWith('price') || (unitKind(figure.unit) === 'money' && figure.per && figure.per !== 'share' && !measure?.startsWith('offer'))) {
    const traded = reading.commodities.filter((c) => !/\b(?:its|their|our)\s+$/i.test(reading.text.slice(Math.max(0, c.start - 8), c.start)));
    const commodity =
      (actor?.kind === 'commodity' ? actor.value : null) ??
      inClause(reading, traded, clause).filter((c) => c.start < figure.start).at(-1)?.value ??
      nearest(inClause(reading, traded, clause), figure)?.value ??
      traded.filter((c) => c.end <= figure.start).at(-1)?.value ??
      traded[0]?.value;
    // "shelf prices for coffee", "UK petrol pump prices": what shoppers pay, not the exchange's price.
    const retail = family && family.start >= 0 && family.family === PRICE ? RETAIL_PRICE.exec(reading.text.slice(Math.max(0, family.start - 14), family.end)) : null;
    if (commodity && retail) return `${commodity} ${(retail[1] as string).toLowerCase()} prices`;
    if (commodity) return commodity;
    // A price forecast is the commodity's, whoever made it ("Harcourt Securities is more cautious, forecasting $16,000").
    if (measure === 'price forecast' && context.commodity) return context.commodity;
    if (inOwnClause.length === 0 && actor?.kind !== 'name' && actor?.kind !== 'back' && context.commodity && !(family && family.start >= 0 && family.family === PRICE && nounPhraseBefore(reading.text, family.start, reading.subjects))) return context.commodity;
  }
  // "Brazil's coffee harvest", "the country's coffee crop": a harvest is named by its place and its crop.
  if (family && family.start >= 0 && HARVEST.test(reading.text.slice(family.start, family.end))) {
    const crop = reading.commodities[0]?.value ?? context.commodity;
    const place = ownPlaces(reading).find((p) => /^['’]s\b/.test(reading.text.slice(p.end, p.end + 3)))?.value ?? ownPlaces(reading)[0]?.value ?? context.place;
    if (crop && place) return `${place} ${crop} harvest`;
  }
  // A country's growth, inflation or deficit, or its output, is the country's, whoever forecast or reported it.
  if (family?.family.ownedByPlace) {
    // "exports to China", "the deficit with China": a partner, not whose figure it is.
    const owned = <T extends Span & { value: string | null }>(places: readonly T[]) =>
      places.filter(
        (place) =>
          place.value !== null &&
          place.value !== 'global' &&
          // "growth in the eurozone" is the eurozone's; "output at a mine in Sulawesi" is not Sulawesi's.
          !(family.family.ownedByPlace === 'only' ? /\b(?:to|from|with|against|into|than)\s+(?:the\s+)?$/i : /\b(?:to|from|with|against|into|than|in|of|on|at)\s+(?:the\s+)?$/i).test(reading.text.slice(Math.max(0, place.start - 12), place.start)) &&
          // "约占全国产量的9.8%": the whole a share is of, not whose it is.
          !/占$/u.test(reading.text.slice(Math.max(0, place.start - 1), place.start)),
      );
    const candidates = [...owned(reading.places), ...owned(reading.markets)];
    // "Indonesia produced 2.2 million tonnes …, or 59% of global output": the place the sentence opens with.
    const opening = candidates.find((p) => p.start <= 4 && clauseOf(reading, p.start) === 0 && p.end <= figure.start);
    const place = (inClause(reading, candidates, clause).filter((p) => p.start < figure.start).at(-1) ?? (family.family.ownedByPlace === 'only' ? (candidates.filter((p) => p.end <= figure.start).at(-1) ?? nearest(candidates, figure)) : undefined) ?? (inOwnClause.length === 0 ? opening : undefined))?.value;
    if (place && !inOwnClause.some((n) => n.start > (candidates.find((c) => c.value === place)?.end ?? 0))) return place;
    if (family.family.ownedByPlace === 'only') return null;
  }
  const others = OTHERS.exec(own);
  if (others && ownStart + others.index < figure.start) return 'other brands';
  const ownCombined = COMBINED.exec(own);
  const combined = ownCombined ?? (clause > 0 ? COMBINED.exec(reading.text.slice(0, figure.start)) : null);
  const combinedEnd = combined ? (ownCombined ? ownStart : 0) + combined.index + combined[0].length : -1;
  // "the merged group will remain outside the top five - led by Lukoil with 11%": a name nearer the figure is whose it is.
  if (combined && !before.some((mention) => mention.start >= combinedEnd) && (measure?.startsWith('market share') || measure === 'customers' || measure?.startsWith('revenue') || (measure?.startsWith('sales') && unitKind(figure.unit) === 'money'))) return 'combined company';
  const sameClause = family?.family.ownedByActor ? inOwnClause[0] : inOwnClause.at(-1);
  // A business of the company named ("Revenue at the cloud business", "The company's cloud division … its revenue").
  // The business named last before the figure in its clause, or opening the sentence.
  // Not one inside a relative clause the figure is outside of ("Halcyon, whose data-centre business grew 44%, said revenue rose 18%").
  const businesses = scene.businesses.filter((b) => !hidden(reading, b, figure));
  // "expects the group's leather goods business to grow, forecasting revenue there of €2.1 billion": "there" is the business before.
  const there = family && family.start >= 0 && /^\s+there\b/.test(reading.text.slice(family.end, family.end + 7)) ? businesses.filter((b) => b.end <= family.start).at(-1) : undefined;
  const business = (there ?? businesses.filter((b) => b.end <= figure.start + 40 && b.start < figure.start && clauseOf(reading, b.start) === clause).at(-1) ?? businesses.find((b) => b.start < 24 && b.start < figure.start))?.name;
  if (business && (measure === null || /^(?:revenue|profit|gross margin|sales|shipments)/.test(measure)) && (!sameClause || business.startsWith(sameClause.value))) return business;
  if (actor?.kind === 'back' && clauseOf(reading, actor.start) === clause && (!sameClause || sameClause.end < actor.start)) {
    const backed = resolveBack(actor, reading, context, described);
    if (backed) return backed;
  }
  if (sameClause) return sameClause.value;
  // "led by a 4.5% drop in British Airways owner IAG": the name the figure is "in" or "at".
  const after = named.filter((m) => m.start >= figure.end && clauseOf(reading, m.start) === clause);
  if (after.length > 0 && measure !== 'stake' && /^\s+(?:[a-z]+\s+){0,2}(?:in|at)\s+$/.test(reading.text.slice(figure.end, (after[0] as SubjectMention).start))) return (after.at(-1) as SubjectMention).value;
  // The measure's word in another clause ("China's oil imports will be 110m tons, up 21%"): the name before it there.
  const familyClause = family && family.start >= 0 ? clauseOf(reading, family.start) : clause;
  const atFamily = family && family.start >= 0 && familyClause !== clause ? named.filter((mention) => mention.end <= family.start && clauseOf(reading, mention.start) === familyClause).at(-1) : undefined;
  if (atFamily) return atFamily.value;
  const earlier = before.at(-1);
  // "…, while the overall market contracted 3%": a market acting in the figure's own clause, after the name, is whose the figure is.
  const marketActs = earlier !== undefined && MARKET_ACTOR.test(reading.text.slice(Math.max(earlier.end, reading.breaks[clause - 1] ?? 0), figure.start));
  const earlierOwns = earlier !== undefined && actor?.kind !== 'back' && !marketActs && !PRONOUN_SUBJECT.test(reading.text.slice(earlier.end, figure.start));
  // The noun phrase a measure belongs to: before it ("passenger car sales"), or after it ("sales of new-energy vehicles").
  const phraseBefore = family && family.start >= 0 ? (reading.chinese ? chinesePhraseBefore(reading.text, family.start) : nounPhraseBefore(reading.text, family.start, reading.subjects)) : null;
  const phraseAfterFamily = family && family.start >= 0 && !reading.chinese && family.start < figure.start ? phraseAfter(reading.text, family.end) : null;
  const phrase = phraseBefore ?? phraseAfterFamily;
  const product = phrase ? findNames(PRODUCT_NAMES, phrase, reading.chinese).find((p) => p.start === 0 && p.end === phrase.length)?.value : undefined;
  // A research firm's count of a whole market: "Shipments dropped 4.3% to 9.1 million units, Counterpoint said."
  const totalWords = /\b(?:[Oo]verall|[Tt]otal|market|industry|across)\b|全国|我国|国内|市场/.test(reading.text);
  if (!earlierOwns && actor?.kind !== 'back' && (measure?.startsWith('shipments') || (measure?.startsWith('sales') && (!phrase || product) && totalWords))) {
    const total = marketTotal(market, product ?? reading.products.find((p) => p.end <= (family && family.start >= 0 ? family.start : figure.start))?.value ?? context.product);
    if (total) return total;
  }
  if ((family?.family.ownedByPhrase || (reading.chinese && named.length === 0 && family?.family === MARKET_SHARE)) && !earlierOwns && actor?.kind !== 'back') {
    const found = family && family.start >= 0 && (family.start < figure.start || !/\bof\b/.test(reading.text.slice(family.end, family.end + 4))) ? phrase : null;
    if (found) {
      // "chocolate prices", "mobile prices": a good's prices; a product's average price is the product's ("smartphones").
      if (family?.family === PRICE && !commodityIn(found, reading.chinese) && !PRODUCT_WORD.test(found)) return `${found} prices`;
      // "Data-centre chip sales rose 44% to $2.6 billion", in a company's report: a business of the company, by what it sells.
      const inMoney = unitKind(figure.unit) === 'money' || context.salesInMoney || reading.figures.some((f) => f.start > figure.start && unitKind(f.unit) === 'money' && clauseOf(reading, f.start) === clause);
      const business = !reading.chinese && family?.family === SALES && (inMoney || BUSINESS_WORDS.test(found)) && !product && !commodityIn(found, false) && context.antecedent ? businessOfPhrase(context.antecedent, found) : null;
      if (business) return business;
      return !reading.chinese && (family?.family === SALES || family?.family === SHIPMENTS || family?.family === PRICE) ? plural(found) : found;
    }
  }
  if (earlierOwns) return earlier.value;
  const back = reading.backReferences.filter((m) => m.end <= figure.start && !hidden(reading, m, figure)).at(-1);
  if (back) return resolveBack(back, reading, context, described);
  // "Sales totalled 3.9 million units worldwide during 2004, the company said": a company's figure, told after it.
  if (!reading.chinese && before.length === 0 && context.antecedent && /^(?:sales|revenue|profit|shipments|production|customers)/.test(measure ?? '') && COMPANY_SAID_AFTER.test(reading.text.slice(figure.end))) return context.antecedent;
  const opening = !reading.chinese && named.length === 0 ? OPENING_PHRASE.exec(reading.text)?.[1] : undefined;
  // "Worldwide deliveries slipped 6%": a phrase that is its measure's word, however qualified, names no one.
  const measureWord = opening !== undefined && (FAMILY.lastIndex = 0, allMatches(FAMILY, opening).some((m) => m.index + m[0].length === opening.length));
  // "Sales to data-centre operators rose 44% to $2.6 billion": in a company's report, a business of it.
  const soldTo = !reading.chinese && clause === 0 && named.length === 0 && context.antecedent && /^(?:revenue|sales)/.test(measure ?? '') ? /^(?:Sales|Revenue) (?:to|from|of) ([a-z][a-z-]*(?: [a-z][a-z-]*){0,2})\b/.exec(reading.text.slice(reading.dateline)) : null;
  if (soldTo && context.antecedent) {
    const words = (soldTo[1] as string).split(' ');
    const verb = words.findIndex((word) => MOVE_VERB_SET.has(word) || NOT_A_SUBJECT.has(word));
    const business = businessOfPhrase(context.antecedent, (verb < 0 ? words : words.slice(0, verb)).join(' '));
    if (business) return business;
  }
  // "Advertising, which the company has said could become a third of its business, brought in $980 million":
  // a line of business opening the sentence, in a company's report, is that business.
  const openingBusiness = !reading.chinese && context.antecedent && /^revenue/.test(measure ?? '') && before.length === 0 ? OPENING_BUSINESS.exec(reading.text.slice(reading.dateline))?.[1]?.toLowerCase() : undefined;
  if (openingBusiness && context.antecedent && BUSINESS_WORDS.test(openingBusiness)) {
    const business = businessOfPhrase(context.antecedent, openingBusiness);
    if (business) return business;
  }
  // "Everything else, including PC chips, brought in $1.5 billion": the rest of the company.
  if (!reading.chinese && context.antecedent && /^revenue/.test(measure ?? '') && /^(?:Everything else|The rest|All other)\b/.test(reading.text.slice(reading.dateline))) return businessName(context.antecedent, 'other businesses');
  if (opening && !measureWord && (measure?.startsWith('market share') || measure?.startsWith('sales')) && !OPENING_WORDS.test(opening)) return opening.charAt(0).toLowerCase() + opening.slice(1);
  // "Net profit fell 9%", "a break fee of $210m payable by Solace": a company's own figure, or a
  // deal's, in a sentence that names no one before it, is the article's company's.
  const deal = measure !== null && TAKEOVER_MEASURES.has(measure);
  // "Bluewave has said the deal would generate savings of £150 million": a deal's terms are the party's that states them.
  const stating = reading.subjects.filter((s) => s.role === 'said' && s.end <= figure.start).at(-1);
  if (deal && before.length === 0 && stating) return stating.value;
  // "The Indian mobile gaming market is expected to generate about $26m", "The market for full-track music
  // downloads was worth $20m": a market named as what earns, not the article's company.
  // "The Japanese beer market shrank 3%": a market of a good no table lists, by its own words.
  const marketNamed = !named.some((mention) => mention.end <= figure.start) && /^(?:revenue|sales|market value|shipments)/.test(measure ?? '') ? marketPhrase(reading.text.slice(reading.dateline, figure.start)) : null;
  if (marketNamed) return marketNamed;
  if ((family?.family.company || deal) && (deal ? before.length === 0 : named.length === 0) && !stating && context.antecedent) return context.antecedent;
  // "167 million mobile phones were sold": a market's count, of what it counts.
  if (figure.counted && !NOT_A_SUBJECT.has(figure.counted.split(' ')[0] as string) && !/^(?:units|people|customers|users|employees|workers|staff|jobs|tonnes|passengers)$/.test(figure.counted)) return plural(figure.counted);
  if (!family?.family.ownedBySpeaker) return null;
  return reading.subjects.filter((mention) => mention.role === 'said' && mention.end <= figure.start).at(-1)?.value ?? null;
}
const HARVEST = /^(?:harvests?|crops?)$/i;

/** The countries and regions a sentence is about: not its dateline, an exchange's city ("London cocoa") or a company's base ("Abidjan-based"). */
function ownPlaces(reading: SentenceReading): Named[] {
  return [...reading.places, ...reading.markets]
    .filter(
      (p) =>
        p.value !== null &&
        p.value !== 'global' &&
        p.start >= reading.dateline &&
        !reading.exchanges.some((e) => e.start <= p.start && p.end <= e.end) &&
        !/^\s*-(?:based|listed)\b/.test(reading.text.slice(p.end, p.end + 8)),
    )
    .sort((a, b) => a.start - b.start);
}

/** A retail price's qualifier before "prices": "shelf prices", "pump prices". */
const RETAIL_PRICE = /\b(shelf|retail|supermarket|shop|store|pump|consumer)\s+(?:prices?|price)\b/i;

/** "Honor took 11%", "Transsion had 9%", "Realme was fifth with 6%": a name opening the sentence and the verb that holds a share. */
/** "X's $3.4 billion", "the group's 16%", "its $2bn": a possessive right before a figure (a qualifier between allowed). */
const POSSESSIVE_BEFORE = /(?:^|\s)([Tt]he (?:group|company|firm)|\p{Lu}[\p{L}&.-]*(?: \p{Lu}[\p{L}&.-]*){0,3})['’]s\s+(?:(?:about|around|nearly|almost|roughly|some|estimated|total|combined)\s+)?$|(?:^|\s)([Ii]ts)\s+(?:(?:about|around|nearly|almost|roughly|some|estimated|total|combined)\s+)?$/u;

const OPENING_HOLDER = /^(\p{Lu}[\p{Ll}]+|[A-Z]{2,}|[a-z]+[A-Z]\w*)\s+(?:took|takes|held|holds|captured|claimed|commanded|(?:had|has)(?= (?:about |around |nearly |roughly |almost |just |only )?\d)|was (?:\w+ )?with|came (?:\w+ )?with|ranked (?:\w+ )?with)\b/u;

/** Measure words that open a sentence as its subject ("Shipments dropped"): not a noun phrase of their own. */
const OPENING_WORDS = /^(?:Shipments|Sales|Prices|Shares|Revenues|Profits|Exports|Imports|Others|Analysts|Investors|Consumers)$/;

/** The index a move is of: named in the clause, referred back to there, named in the sentence. */
function indexFor(figure: RawFigure, clause: number, reading: SentenceReading, context: ArticleContext): string | null {
  const own = inClause(reading, reading.indexes, clause).filter((index) => index.start < figure.start).at(-1)?.value;
  if (own) return own;
  // "Hang Seng Index constituent Xiaomi rose 3.4%, outpacing the index's 0.8% gain": the index the sentence named.
  if (inClause(reading, reading.indexReferences, clause).length > 0) return reading.indexes.filter((index) => index.end <= figure.start).at(-1)?.value ?? context.index;
  return reading.indexes.filter((index) => index.end <= figure.start).at(-1)?.value ?? nearest(reading.indexes, figure)?.value ?? context.index;
}

/**
 * Where a figure's period or market is named: in its own clause; else in a clause without
 * figures (the sentence's setting: "In 2024, …"); else earlier in the sentence, which the later
 * clauses continue; else anywhere in it (a period stated once governs every figure of its
 * sentence). Undefined when the sentence does not say, and the article's context applies.
 */
function statedFor<T extends Span>(figure: RawFigure, clause: number, reading: SentenceReading, mentions: readonly T[], governs = false): T | undefined {
  if (mentions.length === 0) return undefined;
  const figureClauses = new Set(reading.figures.map((f) => clauseOf(reading, f.start)));
  return (
    nearest(inClause(reading, mentions, clause), figure) ??
    nearest(
      mentions.filter((mention) => !figureClauses.has(clauseOf(reading, mention.start))),
      figure,
    ) ??
    mentions.findLast((mention) => mention.end <= figure.start) ??
    (governs ? mentions[0] : undefined)
  );
}

/** Between a change and the period it is measured against: "from", "on", "over", "compared with". */
const CHANGE_BASE = /^\s+(?:(?:year[- ]on[- ]year|year[- ]over[- ]year)\s+)?(?:from|on|over|against|versus|vs\.?|compared (?:with|to)|than)\s+(?:(?:the|its|their)\s+)?(?:same\s+(?:period|quarter|month)\s+(?:of|in)\s+)?$/;

/** "£3.24bn in 2003", "$12bn for 2004": a period written right after a figure, which dates that figure. */
const DATES_BEFORE = /^\s+(?:in|during|for)\s+(?:the\s+)?(?:(?:full|financial|fiscal|calendar)\s+)?(?:year\s+)?$/;

/** "Q4 2024" → "Q4 2023"; a period without a year cannot be shifted. */
function yearBefore(period: Period): Period {
  if (!period) return null;
  const day = /^(\d{4})(-\d{2}-\d{2})$/.exec(period);
  if (day) return `${Number(day[1]) - 1}${day[2]}`;
  const year = /\d{4}/.exec(period);
  return year ? period.replace(year[0], String(Number(year[0]) - 1)) : null;
}

/** A figure's period, and whether it is a year before the one in force ("from $2.31bn a year earlier"). */
function periodFor(figure: RawFigure, clause: number, kind: MeasureKind, measure: string | null, reading: SentenceReading, context: ArticleContext): { period: Period; shifted: boolean } {
  // "down 4% from last year", "up 5% on the previous quarter": a change's base is not its period.
  const periods = reading.periods.filter(
    (mention) => (mention.kind === 'span' || (mention.kind === 'annual' && kind !== 'deal')) && !(figure.change && mention.start >= figure.end && CHANGE_BASE.test(reading.text.slice(figure.end, mention.start))),
  );
  // "slipped 11% from £3.24bn in 2003 to £2.89bn in 2004": a period written right after a figure is that figure's,
  // and one dating the level a figure is compared from ("from £3.24bn in 2003") is no other figure's.
  const datedFigure = (mention: PeriodMention) => reading.figures.findLast((f) => f.end <= mention.start && DATES_BEFORE.test(reading.text.slice(f.end, mention.start)));
  const own = periods.find((mention) => datedFigure(mention) === figure);
  const spans = own
    ? [own]
    : periods.filter((mention) => {
        const dated = datedFigure(mention);
        return dated === undefined || !COMPARED.test(reading.text.slice(Math.max(0, dated.start - 30), dated.start));
      });
  const days = reading.periods.filter((mention) => mention.kind === 'day');
  const resolve = (mention: PeriodMention | undefined, ahead: boolean): Period | undefined => {
    if (!mention) return undefined;
    // "for the full year": the year in force, or for a forecast the year under way.
    if (mention.kind === 'annual') {
      if (ahead) return context.anchorYear === null ? null : String(context.anchorYear);
      // "would lift its annual output by 40,000 tonnes": a rate of a plan, no year's figure.
      // "For the full year", after the fourth quarter: the year of the period the article is about.
      return /\b(?:would|will|plans?|planned|aims?|to be)\b/.test(reading.text) ? null : (context.year ?? /\b(\d{4})$/.exec(context.period ?? '')?.[1] ?? null);
    }
    return ahead ? mention.ahead : mention.value;
  };
  if (kind === 'day') {
    // A move since the year began runs to the day the sentence names, else the article's day.
    if (measure?.endsWith('year to date')) return { period: statedFor(figure, clause, reading, days)?.value ?? context.day, shifted: false };
    const ownDays = inClause(reading, days, clause);
    // "Brent hit $147 in July 2008": a price for the period its own clause dates, with its year.
    const ownSpan = inClause(reading, spans, clause).find((m) => m.value !== null && /\d{4}/.test(reading.text.slice(m.start, m.end)));
    if (ownSpan && ownDays.length === 0) return { period: ownSpan.value, shifted: false };
    return { period: (nearest(ownDays, figure) ?? statedFor(figure, clause, reading, days))?.value ?? context.day, shifted: false };
  }
  const ahead = kind === 'forecast' && measure?.endsWith('forecast') === true;
  const stated = resolve(statedFor(figure, clause, reading, spans, true), ahead);
  // "rose to $2.84bn from $2.31bn a year earlier": the level beside "a year earlier" is a year before.
  // "上年同期为60.4%": in Chinese the words come before the level they date.
  const shift =
    !figure.change &&
    inClause(reading, reading.periods, clause).some(
      (m) => m.kind === 'shift' && ((m.start >= figure.end && m.start - figure.end < 40 && !reading.figures.some((f) => f.start > figure.end && f.end <= m.start)) || (reading.chinese && m.end <= figure.start && figure.start - m.end <= 4)),
    );
  // A figure with no measure is compared with nothing: only what its own sentence says.
  // A takeover's terms are no period's, whenever they were agreed ("agreed in January to pay 285 pence a share").
  if (measure !== null && TERMS.has(measure)) return { period: null, shifted: false };
  // "shipping 18.9 million units in the quarter": the quarter the article reports, whatever year came between.
  const quarter = stated === undefined && context.quarter !== null && THE_QUARTER.test(clauseText(reading, clause)) ? context.quarter : undefined;
  const base = stated !== undefined ? stated : (quarter ?? (kind === 'deal' || measure === null ? null : context.period));
  return shift ? { period: yearBefore(base), shifted: true } : { period: base, shifted: false };
}

/** Where a share priced in a currency used by one market alone trades. */
const LISTING_BY_CURRENCY: Readonly<Record<string, string>> = {
  CNY: 'China', HKD: 'Hong Kong', AUD: 'Australia', NZD: 'New Zealand', CAD: 'Canada', SGD: 'Singapore', TWD: 'Taiwan', JPY: 'Japan', KRW: 'South Korea', INR: 'India',
  SAR: 'Saudi Arabia', AED: 'United Arab Emirates', SEK: 'Sweden', NOK: 'Norway', CHF: 'Switzerland', ZAR: 'South Africa', BRL: 'Brazil', MXN: 'Mexico',
  RUB: 'Russia', TRY: 'Turkey', ILS: 'Israel', PLN: 'Poland', IDR: 'Indonesia', MYR: 'Malaysia', THB: 'Thailand',
};

function listingFor(figure: RawFigure, subject: string | null, reading: SentenceReading, context: ArticleContext): string | null {
  // "Shares of BYD, which are listed in Hong Kong and Shenzhen, fell 1.2% in Hong Kong": where the move was.
  const stated = nearest(reading.listings.filter((listing) => !hidden(reading, listing, figure)), figure)?.value;
  if (stated) return stated;
  if (subject && context.listings.has(subject)) return context.listings.get(subject) ?? null;
  // A share priced in a country's own currency (HK$, A$, riyals, kronor) trades there.
  const local = LISTING_BY_CURRENCY[figure.unit] ?? reading.figures.map((f) => LISTING_BY_CURRENCY[f.unit]).find((place) => place !== undefined);
  if (local) return local;
  if (context.listing) return context.listing;
  // "Solace shares soared 41% to $46.90": a share priced in dollars, without another listing named, trades in the United States.
  if (reading.figures.some((f) => f.unit === 'USD' && f.per === undefined) && /\bshares?\b|\bstock\b/i.test(reading.text)) return 'United States';
  return context.articleListing;
}

function exchangeFor(figure: RawFigure, subject: string, clause: number, reading: SentenceReading, context: ArticleContext): string | null {
  const stated = statedFor(figure, clause, reading, reading.exchanges)?.value;
  if (stated === 'ICE') return ICE_LONDON.test(subject) ? 'London' : 'New York';
  if (stated) return stated === 'London' && LONDON_METALS.test(subject) ? 'London Metal Exchange' : stated;
  const carried = context.exchanges.get(subject) ?? context.exchange;
  // The LME trades base metals: a report's LME does not carry to gold or oil named after it.
  return carried === 'London Metal Exchange' && !LONDON_METALS.test(subject) ? null : carried;
}
const COMMODITY_SET = new Set(COMMODITIES.map(([name]) => name));

/** "China's BYD", "Indonesia's Lintang": a place before a company's name is where it is from, not a market ("Europe's PC market" is one). */
const ORIGIN = /^['’]s\s+(?!(?:PC|TV|EV|SUV)s?\b)\p{Lu}/u;

function marketFor(figure: RawFigure, measure: string | null, subject: string | null, clause: number, reading: SentenceReading, context: ArticleContext): string | null {
  if (measure?.startsWith('index change')) return INDEX_MARKET.get(subject ?? '') ?? null;
  if (measure?.startsWith('share price') || measure?.startsWith('stock') || measure?.startsWith('market value')) return listingFor(figure, subject, reading, context);
  if ((measure?.startsWith('price') || measure === null) && subject && COMMODITY_SET.has(subject)) return exchangeFor(figure, subject, clause, reading, context);
  // "Soymeal, of which Argentina is the top exporter, rose 2.9%": a place in a clause the figure is not in is not where it is measured.
  const places = reading.markets.filter((m) => !ORIGIN.test(reading.text.slice(m.end, m.end + 12)) && !/^\s*-?(?:listed|based)\b/.test(reading.text.slice(m.end, m.end + 9)) && !hidden(reading, m, figure));
  // "Registrations across the European Union, Britain and …": the first place of the clause is its market.
  const stated = clausePlace(reading, inClause(reading, places, clause), figure) ?? clausePlace(reading, places.filter((p) => p.end <= figure.start), figure) ?? statedFor(figure, clause, reading, places);
  // A takeover's price, fee and savings are measured in no market ("Britain's watchdog … Bluewave's £4.2 billion takeover").
  if (measure !== null && TERMS.has(measure)) return null;
  if (measure !== null && (OWN_TOTALS.test(measure) || DEAL_MEASURES.has(measure) || measure.startsWith('production'))) {
    // A company's own total has a market only where its own clause names one ("revenue in India").
    return inClause(reading, places, clause).length > 0 ? (stated?.value ?? null) : measure === 'production share' ? (places.find((p) => p.value === 'global')?.value ?? null) : null;
  }
  if (stated) return stated.value;
  // "would raise the price of its chocolate bars by 9%": a company's own price is set in no market the article named before.
  if (measure?.startsWith('price') && subject !== null && !COMMODITY_SET.has(subject) && OWN_PRICE.test(clauseText(reading, clause))) return null;
  return measure === null ? null : context.market;
}

/**
 * The place a figure's clause gives it: the nearest before it ("North American revenue fell 3% and
 * European sales rose 12%"), a list's first ("Registrations across the European Union, Britain and
 * EFTA rose"), else the first after it.
 */
function clausePlace<T extends Span>(reading: SentenceReading, places: readonly T[], figure: Span): T | undefined {
  let at = places.findLastIndex((place) => place.end <= figure.start);
  if (at < 0) return places[0];
  while (at > 0 && /^(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?$/.test(reading.text.slice((places[at - 1] as T).end, (places[at] as T).start))) at--;
  return places[at];
}

/** "raise the price of its chocolate bars", "cut their prices": what a company charges. */
const OWN_PRICE = /\b(?:its|their)\s+(?:[a-z-]+\s+){0,2}prices?\b|\bprices?\s+(?:of|for)\s+(?:its|their)\b/;

/** "Xiaomi and Lenovo, with 12.2% and 9.7% respectively", "小米和联想分别以12.2%和9.7%": names paired with figures in order. */
function pairs(reading: SentenceReading): Map<RawFigure, string> {
  const paired = new Map<RawFigure, string>();
  const marker = reading.chinese ? reading.text.indexOf('分别') : reading.text.search(/\brespectively\b/);
  if (marker < 0) return paired;
  const names = reading.subjects.filter((mention) => mention.role !== 'source' && mention.end <= (reading.chinese ? marker : (reading.figures[0]?.start ?? marker)));
  const figures = reading.chinese ? reading.figures.filter((figure) => figure.start > marker) : reading.figures.filter((figure) => figure.end <= marker);
  const group = names.slice(-figures.length);
  if (group.length === figures.length && figures.length > 1) figures.forEach((figure, i) => paired.set(figure, (group[i] as SubjectMention).value));
  return paired;
}

/** Before a share of something: "hold", "took", "accounts for", "with Apple holding". */
const SHARE_VERB = /\b(?:hold|holds|held|holding|have|has|had|control|controls|controlled|account(?:s|ed)? for|make(?:s)? up|made up|supply|supplies|supplied|serve|serves|served|take|takes|took|taking|capture[sd]?|command(?:s|ed)?|claim(?:s|ed)?)\s+(?:about|around|roughly|nearly|almost|some|more than|just over|just under|an estimated|a|only)?\s*$/;
/** "The market shrank", "the overall market fell": a market as a sentence's actor. */
const MARKET_ACTOR = /\b(?:[Tt]he (?:overall |wider |broader |whole |total |global |[A-Z][a-z]+ )?|[A-Z][A-Za-z]+['’]s (?:overall |whole |total )?)(?:[a-z-]+ |[A-Z]{2,4}s? )?market\b(?!\s+(?:value|share|leader|capitali))|\b[Tt]he industry\b/;

/** A sentence opening with the shares of the one before: "They had closed down 0.8%", "At one point in the session they were down 15%". */
const THEY = /^(?:They\b|(?:[A-Z][a-z]+(?: [a-z]+){0,6},? )they (?:were|had|have|are|fell|rose|traded|stood|touched|hit)\b)/;

/** "up from 47%", "against 52% a year ago", "from $2.31bn": the same quantity at another time. */
const COMPARED = /(?:\b(?:up|down)\s+)?\b(?:from|against|versus|vs\.?|compared (?:with|to)|(?:less|more|lower|higher|steeper|smaller|bigger|larger|sharper|faster|slower)(?:\s+[a-z]+)? than|(?:improvement|increase|rise|gain|jump|fall|drop|decline) on(?:\s+(?:its|their))?(?:\s+(?:current|previous|earlier|former|existing))?)\s+(?:the\s+)?(?:about\s+|around\s+|nearly\s+)?$/;
/** "output lost to flooding", "lost production", 产量损失: what a sentence's tonnes or barrels are amounts of. */
const LOST_OUTPUT = /\b(?:output|production|supply) (?:lost|losses?)\b|\blost (?:output|production)\b|\bloss(?:es)? of (?:output|production)\b|产量损失|损失(?:约|近|逾)?[\d.,]+万?吨|减产|少产/;
/** "cost about 5,500 tonnes of output": a loss of production. */
const OUTPUT_AFTER = /^\s+(?:(?:of|off|from)\s+)?(?:[\w'’-]+\s+){0,5}(?:output|production)\b/;
const OUTPUT_LOSS = /\b(?:cost|costs|costing|lose|loses|lost|losing|wipe out|cut|cuts|knock|knocks|knocked|knocking|shave|shaves|shaved|shaving|(?:a |the )?(?:loss|losses|shortfall|reduction) of)\b(?:\s+[\w'’-]+){0,3}\s+$/;

/** A Chinese sentence that quotes a share ("大涨6.1%，收报23.40元"): its company's move is its shares'. */
const CHINESE_QUOTED = /(?:收报|报收|收于)约?\d/u;

/** What opens a Chinese clause that goes on with the figure before: nothing but "then", "to", "reaching". */
const CHINESE_GOES_ON = /^(?:则|并|且)?(?:至|到|升至|降至|跌至|涨至|增至|减至|达到?|为)?(?:约|近|逾)?$/u;

/** Before a share's quote in a Chinese report: "收报41.76元", "报收", "收于". */
const CHINESE_QUOTE = /(?:收报|报收|收于|收盘报|收盘价为?)(?:约)?$/u;

/** The figures of one sentence described, and the family the last one was read with. */
function describeFigures(read: SentenceReading, context: ArticleContext, businesses: Business[], block: number): { described: Described[]; family: MeasureFamily | null; salesInMoney: boolean } {
  // "Shipments fell 5%, Sightline said", after "research firm Sightline": a firm the article gave as a source of
  // figures says what it counts; it is not what it counts.
  const reading = read.subjects.some((mention) => mention.role === 'said' && context.sources.has(mention.value))
    ? { ...read, subjects: read.subjects.map((mention) => (mention.role === 'said' && context.sources.has(mention.value) ? { ...mention, role: 'source' as const } : mention)) }
    : read;
  const described: Described[] = [];
  const scene: Scene = { reading, context, businesses };
  const paired = pairs(reading);
  // A figure whose clause names no measure continues the one before it: "… market share at 17%, followed by Huawei at 16%".
  let family: FamilyMention | undefined;
  let lastChange: RawFigure | undefined;
  let counting = context.countFamily;
  let previousRaw: RawFigure | undefined;
  // The sales the sentence or the article last gave were in money.
  let salesInMoney = context.salesInMoney;
  for (const raw of reading.figures) {
    const clause = clauseOf(reading, raw.start);
    // "一度上涨4.8%，至每吨3112美元": a clause that opens with "to" goes on with the move before it.
    // "ended at $2,510 a tonne, down 0.8%": a clause that is only a move goes on with the clause before it,
    // which says when the move was measured.
    const continues = clause > 0 && (reading.chinese ? /^[，,]?\s*(?:至|到|升至|涨至|跌至|降至)/u : APPOSITIVE_MOVE).test(clauseText(reading, clause));
    const own = continues ? clauseText(reading, clause - 1) + clauseText(reading, clause) : clauseText(reading, clause);
    const actor = actorFor(raw, clause, reading, context);
    // A measure's word after its figure is close to it ("$5bn in sales", "11% of the market"), unless another verb's ("2.8% as copper prices climbed").
    const reach = (mention: FamilyMention) =>
      mention.start >= raw.end
        ? // "5.65bn euros ($7.4bn; £3.9bn) of purchases": the same amount in other currencies stands between, not another measure.
          mention.start - raw.end - (/^\s*\([^)]{1,40}\)/.exec(reading.text.slice(raw.end, mention.start))?.[0].length ?? 0) <= FAMILY_REACH_AFTER &&
          !/\b(?:as|while|when|because|after|before|including|excluding|plus|net of)\b/.test(reading.text.slice(raw.end, mention.start))
        : distance(mention, raw) <= FAMILY_REACH;
    // "taking their loss this year to 19%": the noun that makes it a change is no measure.
    // "分别以16%、15%和14%的份额": figures paired with names share the measure after the last of them.
    // "The data-centre business, which accounts for 58% of sales, grew 44%": a measure inside a relative clause is not the figure's outside it.
    const families = reading.families.filter((mention) => !reading.relatives.some((r) => r.start <= mention.start && mention.end <= r.end && !(r.start <= raw.start && raw.end <= r.end)));
    // "Revenue from data-centre customers jumped 44% to $2.6 billion": of the measures near it, one that can be written in its unit.
    const measurable = (mention: FamilyMention) => mention.family.levelUnits.includes(unitKind(raw.unit)) || (raw.change && mention.family.change !== null);
    const near = inClause(reading, families, clause).filter(reach);
    const fitting = near.filter(measurable);
    // Under a list's label, a measure that cannot count the figure leaves it to the label's.
    const candidates = fitting.length > 0 ? fitting : context.labelFamily ? [] : near;
    const ownFamily = raw.carried ? undefined : (nearest(candidates, raw) ?? (paired.has(raw) ? families.find((f) => f.start >= raw.end) : undefined));
    // "Copper edged up 0.4% to $9,610", "Brent crude futures were up $4.87": a commodity's move is its price's.
    const commodityPrice = !ownFamily && (actor?.kind === 'commodity' || (unitKind(raw.unit) === 'money' && raw.per !== undefined && raw.per !== 'share' && raw.per !== 'unit')) ? { start: -1, end: -1, family: PRICE } : undefined;
    // "cost about 5,500 tonnes of output": production, and a loss of it.
    const output = unitKind(raw.unit) === 'count' && OUTPUT_AFTER.test(reading.text.slice(raw.end, raw.end + 60)) ? { start: -1, end: -1, family: PRODUCTION } : undefined;
    // "Meituan jumped as much as 6.5%", "Glencore up 3.1%": in a market report, a company's move is its shares'.
    const stockMove =
      !ownFamily && !families.some((f) => f.start < raw.start) && actor?.kind === 'name' && raw.change && unitKind(raw.unit) === 'percent' && (context.listing !== null || context.stockReport || reading.listings.length > 0 || reading.indexes.length > 0 || (reading.chinese && CHINESE_QUOTED.test(reading.text)))
        ? { start: -1, end: -1, family: SHARE_PRICE }
        : undefined;
    // "产量为4.32亿吨，同比增长3.2%", "广告业务收入同比下降7.2%，至88.3亿元": a Chinese clause that only goes on
    // with the figure of the clause before is that figure's subject's, and its measure's.
    const lead = reading.text.slice(reading.breaks[clause - 1] ?? 0, raw.start).replace(/[\s，,；;、]/gu, '');
    // Not an item of a list ("分别以16%、15%和14%"), each its own name's.
    const goesOn = reading.chinese && clause > 0 && !paired.has(raw) && /^[，,]/u.test(reading.text.slice(reading.breaks[clause - 1] ?? 0)) && CHINESE_GOES_ON.test(lead) ? described.at(-1) : undefined;
    const continued = goesOn && clauseOf(reading, goesOn.start) === clause - 1 ? goesOn : undefined;
    // "海川医药…收报41.76元": in a Chinese report, a company's quote at the close is its share price.
    const quoted = !ownFamily && reading.chinese && actor?.kind === 'name' && unitKind(raw.unit) === 'money' && raw.per === undefined && CHINESE_QUOTE.test(reading.text.slice(Math.max(0, raw.start - 6), raw.start)) ? { start: -1, end: -1, family: SHARE_PRICE } : undefined;
    // "Veltrano's shares jumped 9%. They had closed down 0.8% at $212.40": "They" are the shares of the sentence before.
    const theirShares = !ownFamily && context.shares !== null && THEY.test(reading.text.slice(reading.dateline)) ? { start: -1, end: -1, family: SHARE_PRICE } : undefined;
    // "hold roughly 21% of the U.S. wireless market", "took 17.2% of the market": a share, whatever the noun after "of".
    const before = reading.text.slice(Math.max(0, raw.start - 40), raw.start);
    const shareOf = !raw.change && unitKind(raw.unit) === 'percent' && SHARE_VERB.test(before) && /^\s+of\b/.test(reading.text.slice(raw.end, raw.end + 5)) && !HELD.test(reading.text.slice(raw.end, raw.end + 60))
      ? { start: -1, end: -1, family: MARKET_SHARE }
      : undefined;
    // "13.8 million units (18.1%)", "Vivo (14.2%)": a share in brackets after a count or a name in a market report.
    // "Apple: 8.9 million, 13%" under a label counting shipments: the item's share, after its count.
    const listedShare = !raw.change && unitKind(raw.unit) === 'percent' && (context.labelFamily === SHIPMENTS || context.labelFamily === SALES) && /,\s*$/.test(reading.text.slice(Math.max(0, raw.start - 2), raw.start)) && reading.figures.some((f) => f.end <= raw.start && unitKind(f.unit) === 'count');
    const bracketShare = !raw.change && unitKind(raw.unit) === 'percent' && (listedShare || /[(（]\s*$/.test(reading.text.slice(Math.max(0, raw.start - 2), raw.start))) && (context.countFamily !== null || reading.figures.some((f) => f.end <= raw.start && unitKind(f.unit) === 'count')) && !ownFamily
      ? { start: -1, end: -1, family: MARKET_SHARE }
      : undefined;
    // "The market shrank 3%", "the market to grow by about 2%": a research firm's total.
    const marketMove = !ownFamily && MARKET_ACTOR.test(clauseText(reading, clause).slice(0, raw.start - (reading.breaks[clause - 1] ?? 0))) && (raw.change || unitKind(raw.unit) === 'count') ? { start: -1, end: -1, family: context.countFamily ?? SHIPMENTS } : undefined;
    family =
      output ??
      (ownFamily && ownFamily.family !== MARKET_SHARE && shareOf && !REVENUE_SHARE.test(reading.text.slice(raw.end, raw.end + 40)) && !PRODUCTION_SHARE.test(reading.text.slice(raw.end, raw.end + 60)) ? shareOf : undefined) ??
      ownFamily ??
      (continued && family ? family : undefined) ??
      shareOf ??
      bracketShare ??
      marketMove ??
      commodityPrice ??
      theirShares ??
      quoted ??
      stockMove ??
      // A relative clause's measure carries only to the same kind of figure ("Apple, which commanded 24% of the market …, dropped to 15%").
      (family && (family.start < 0 || families.includes(family) || (previousRaw?.unit === raw.unit && !previousRaw.change && !raw.change)) ? family : undefined) ??
      families.filter((mention) => mention.end <= raw.start && raw.start - mention.end <= FAMILY_REACH).at(-1) ??
      // A measure stated once governs the sentence's later figures.
      families.filter((mention) => mention.end <= raw.start).at(-1) ??
      // A sentence that names no measure continues the paragraph's ("Analysts had expected $2.71bn").
      (reading.families.length === 0 && context.family && context.block === block ? { start: -1, end: -1, family: context.family } : undefined) ??
      // "Shipments by vendor, Q2 2025:" — "Huawei: 13.0 million units, up 10%": a list item takes its label's measure.
      // "Huawei: 13.0 million units, 19% share": an item's count is of its label's measure, whatever else the item names.
      (!reading.families.some(measurable) && context.labelFamily && (context.labelFamily.levelUnits.includes(unitKind(raw.unit)) || raw.change) ? { start: -1, end: -1, family: context.labelFamily } : undefined) ??
      // "Apple was second with 24%", "Motorola and Honor took 6% and 4% respectively": in a market report, a vendor's bare percentage is its share.
      (unitKind(raw.unit) === 'percent' && !raw.change && !families.some((mention) => mention.start < raw.start) && context.sharesOfMarket && (actor?.kind === 'name' || paired.has(raw)) ? { start: -1, end: -1, family: MARKET_SHARE } : undefined) ??
      // "HP Inc was second with 13.7 million units": a count continues the article's counts.
      (unitKind(raw.unit) === 'count' && raw.unit === 'units' && counting ? { start: -1, end: -1, family: counting } : undefined);
    // "华为以1,250万台的出货量…份额为18%；vivo以1,190万台位列第二": a count the carried measure cannot count is the sentence's last count.
    if (family && unitKind(raw.unit) === 'count' && raw.unit === 'units' && !raw.change && !family.family.levelUnits.includes('count') && counting && !ownFamily) family = { start: -1, end: -1, family: counting };
    if (family && unitKind(raw.unit) === 'count' && (family.family === SHIPMENTS || family.family === SALES)) counting = family.family;
    previousRaw = raw;
    let figure = raw;
    if (output && !raw.change && OUTPUT_LOSS.test(reading.text.slice(Math.max(0, raw.start - 40), raw.start))) figure = { ...raw, change: true, value: -Math.abs(raw.value) };
    // "its estimate of the copper output lost to flooding … to 45,000 tonnes, from 30,000 tonnes": amounts of output lost.
    if (!raw.change && (raw.unit === 'tonnes' || raw.unit === 'barrels') && LOST_OUTPUT.test(reading.text)) {
      figure = { ...raw, change: true, value: -Math.abs(raw.value) };
      family ??= { start: -1, end: -1, family: PRODUCTION };
      if (family.family !== PRODUCTION) family = { start: -1, end: -1, family: PRODUCTION };
    }
    // "revenue fell 11% … and iPhone sales 9%": a figure whose verb is left out, right after its measure's word, shares the last one's.
    const clauseLead = reading.text.slice(reading.breaks[clause - 1] ?? 0, raw.start);
    const bare = /^[\s,;]*(?:and|but|while|or)?\s*$/.test(clauseLead) || (family !== undefined && family.start >= 0 && family.end <= raw.start && raw.start - family.end <= 2);
    // "约占全国产量的9.8%": a share of a whole (占), never a change.
    if (!raw.change && lastChange && family && bare && !family.family.levelUnits.includes(unitKind(raw.unit)) && family.family.change && raw.unit === lastChange.unit && !(reading.chinese && clauseLead.includes('占'))) {
      figure = { ...raw, change: true, value: Math.sign(lastChange.value) < 0 ? -raw.value : raw.value };
    }
    if (figure.change) lastChange = figure;
    const previous = described.at(-1);
    // "$1.13bn (£600m)", "86.7bn Swiss francs ($74.6bn; £39.1bn)": the same amount in another currency.
    if (previous && unitKind(figure.unit) === 'money' && unitKind(previous.unit) === 'money' && CONVERSION.test(reading.text.slice(previous.end, figure.start))) {
      described.push({ ...figure, change: previous.change, value: Math.sign(previous.value) < 0 ? -Math.abs(figure.value) : figure.value, subject: previous.subject, measure: previous.measure, period: previous.period, market: previous.market });
      continue;
    }
    // "revenue of between $10.5 billion and $10.9 billion", "$4.1bn to $4.3bn": a range's two ends are one quantity's.
    if (previous && previous.unit === figure.unit && previous.change === figure.change && /^\s*(?:and|to|[-–])\s*$/.test(reading.text.slice(previous.end, figure.start)) && (/\bbetween\s+(?:about\s+)?$/.test(reading.text.slice(Math.max(0, previous.start - 12), previous.start)) || (/^\s*(?:to|[-–])\s*$/.test(reading.text.slice(previous.end, figure.start)) && !/\bfrom\s+(?:about\s+|around\s+)?$/.test(reading.text.slice(Math.max(0, previous.start - 14), previous.start))))) {
      described.push({ ...figure, subject: previous.subject, measure: previous.measure, period: previous.period, market: previous.market });
      continue;
    }
    // "up $4.87, or 7%", "fell 120 points, or 1.1%", "lost 2.3%, or 340 points": the same move in the other unit.
    const restated = previous?.change && !figure.change && /^,?\s+or\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$/.test(reading.text.slice(previous.end, figure.start));
    if (restated && previous && ((/^(?:money|index points)$/.test(unitKind(previous.unit)) && figure.unit === '%') || (previous.unit === '%' && /^(?:money|index points)$/.test(unitKind(figure.unit))))) {
      figure = { ...figure, change: true, value: Math.sign(previous.value) < 0 ? -Math.abs(figure.value) : Math.abs(figure.value) };
    }
    // "rose to 7.4% from 8.1% a year earlier", "up from 16% in 2017": the same quantity, compared.
    // "a steeper drop than the 4.3% Counterpoint reported": a change like the one before, measured otherwise.
    const like = described.findLast((other) => other.unit === figure.unit);
    const forName = reading.subjects.some((m) => m.start >= figure.end && FOR_SUBJECT.test(reading.text.slice(figure.end, m.start)));
    if (like && like.measure !== null && !figure.change && !forName && COMPARED.test(reading.text.slice(Math.max(like.end, figure.start - 30), figure.start))) {
      const compared = like.change ? { ...figure, change: true, value: Math.sign(like.value) < 0 ? -Math.abs(figure.value) : Math.abs(figure.value) } : figure;
      const { period, shifted } = periodFor(compared, clause, kindOf(like.measure, own), like.measure, reading, context);
      // Its own period where its clause gives one ("up from 16% in 2017"), else the one compared with, a year back where it says so.
      const dated = shifted || inClause(reading, reading.periods, clause).some((m) => m.start >= figure.end && (m.kind === 'span' || m.kind === 'day'));
      described.push({ ...compared, subject: like.subject, measure: like.measure, period: dated ? period : like.period, market: like.market, compared: true, shifted });
      continue;
    }
    // "above ECB guidelines of 2%", "a target of 5%": what should be, not what is.
    // "5% of Singapore's GDP", "20% of its equity": a proportion of something, no level of it.
    const after = reading.text.slice(figure.end, figure.end + 60);
    const ofSomething = figure.unit === '%' && !figure.change && /^\s+of\b/.test(after);
    const proportion = ofSomething && family?.family !== MARKET_SHARE && family?.family !== STAKE && !REVENUE_SHARE.test(after) && !(USED_BY.test(reading.text.slice(Math.max(0, figure.start - 30), figure.start)) && USERS_OF.test(after)) && !PRODUCTION_SHARE.test(after) && !(HOLDS.test(reading.text.slice(Math.max(0, figure.start - 50), figure.start)) && HELD.test(after));
    const target = proportion || TARGET.test(reading.text.slice(Math.max(0, figure.start - 40), figure.start));
    const index = actor?.kind === 'index' && (unitKind(figure.unit) === 'percent' || figure.change) && (!ownFamily || ownFamily.family === SHARE_PRICE || ownFamily.family === PRICE || ownFamily.family === MARKET_SHARE);
    let measure = target ? null : measureOf(index ? null : (family?.family ?? null), figure, reading, own, index);
    // "its losses widened to $5m", "净亏损5000万元": a loss is a profit below nothing.
    if (family?.family === LOSS && measure === 'profit' && figure.value > 0) figure = { ...figure, value: -figure.value };
    // "reduce costs by $500m": a saving of $500m.
    if (measure === 'cost savings' && figure.value < 0) figure = { ...figure, change: false, value: -figure.value };
    // "its shares are up 41% in 2026", "has lost 17% in 2026": a move over the year under way, to the report's day.
    if ((measure === 'stock change' || measure === 'price change') && [...own.matchAll(/\bin (\d{4})\b/g)].some((year) => Number(year[1]) === context.anchorYear) && /\b(?:has|have|is|are)\b/.test(own)) measure = `${measure} year to date`;
    // "a deal worth about £3.1bn": a deal's value, not a market value.
    if (measure === 'market value' && /\bworth\b|\bvalu(?:e|es|ed|ing)\b/.test(own) && DEAL_WORDS.test(reading.text) && !/market (?:value|capitali[sz]ation|cap)|valuable|stock market/.test(reading.text)) measure = 'deal value';
    // The market first, without a subject: a market total is named by it.
    const provisional = measure === null || /^(?:share price|stock|market value|index|price)/.test(measure) ? null : marketFor(figure, measure, null, clause, reading, context);
    const subject = continued?.subject && measure !== null ? continued.subject : subjectFor(figure, clause, family, measure, provisional, scene, paired.get(raw), described);
    // "Greater China sales fell 11% to $18.51 billion": sales in money are revenue (the README's vocabulary keeps
    // `sales` for units sold), and so is a change of sales a sentence or the article gives in money.
    if (measure === 'sales' && unitKind(figure.unit) === 'money') {
      measure = 'revenue';
      salesInMoney = true;
      // "sales fell 11% to $18.51 billion": the change before it was of the same money.
      for (const earlier of described) {
        if (earlier.measure !== 'sales change' || earlier.subject !== subject) continue;
        earlier.measure = 'revenue change';
        earlier.market = marketFor(earlier, earlier.measure, earlier.subject, clauseOf(reading, earlier.start), reading, context);
      }
    }
    if (measure === 'sales' && unitKind(figure.unit) === 'count') salesInMoney = false;
    // "raise the price of its chocolate bars by 7% this year": a company's own price change over its year, no market's move to date.
    if (measure === 'price change year to date' && subject !== null && !COMMODITY_SET.has(subject)) measure = 'price change';
    // "Sales at its other businesses fell 3%": a business's sales, unless counted in units, are its revenue.
    if (measure === 'sales change' && /\bbusiness(?:es)?$/.test(subject ?? '') && !reading.figures.some((f) => unitKind(f.unit) === 'count') && !BY_VOLUME.test(own)) measure = 'revenue change';
    if (measure === 'sales' && /\bbusiness(?:es)?$/.test(subject ?? '') && unitKind(figure.unit) === 'money') measure = 'revenue';
    // "sales by volume grew 57%", "volume sales fell 2.5%": units sold, whatever money the article gave before.
    if (measure === 'sales change' && salesInMoney && !reading.figures.some((f) => unitKind(f.unit) === 'count') && !BY_VOLUME.test(own)) measure = 'revenue change';
    // "The data-centre business … grew 44%": a business grows by its revenue.
    if (measure === null && figure.change && unitKind(figure.unit) === 'percent' && subject?.endsWith(' business')) measure = 'revenue change';
    // "… grew 44% to $2.6 billion": the amount a business's growth took its revenue to.
    if (measure === null && !figure.change && unitKind(figure.unit) === 'money' && subject?.endsWith(' business') && described.at(-1)?.subject === subject && described.at(-1)?.measure === 'revenue change') measure = 'revenue';
    // A company's own price ("price increases of about 5% on its plans") is for its period, not a day.
    const kind = measure?.startsWith('price') && subject !== null && !COMMODITY_SET.has(subject) && kindOf(measure, own) === 'day' ? 'flow' : kindOf(measure, own);
    const reckoned = periodFor(figure, clause, kind, measure, reading, context);
    // "Together the two companies would serve about 41%": a company that exists once a deal closes has no
    // period of its own but one its clause names.
    const { period, shifted } = subject === 'combined company' && !inClause(reading, reading.periods, clause).some((m) => m.value !== null) ? { period: null, shifted: false } : reckoned;
    // "The FTSE 100 closed down 0.3% … Ostrava Networks fell 7.4%", a move on the day before the report's: at the close.
    // A share's or an index's move, which a closing or next-day report gives without saying "at the close"; a price's only under a closing label.
    const settled =
      (context.closing && (context.closingLabel || measure !== 'price change')) ||
      context.closingList ||
      (measure !== 'price change' && period !== null && context.published !== null && /^\d{4}-\d{2}-\d{2}$/.test(period) && period < context.published);
    // "whose shares have risen 30% since the bid": a move over a stretch of time is no day's close.
    if (measure !== null && /^(?:stock|price|index) change$/.test(measure) && settled && !UNSETTLED.test(reading.text) && !OVER_TIME.test(own)) measure = `${measure} at close`;
    // Its clause up to the next comma: "fell 4% after the bell" is one stretch, though "after" opens a clause.
    const stretch = reading.text.slice(reading.breaks[clause - 1] ?? 0).split(/[,;，；]\s/u)[0] ?? own;
    described.push({ ...figure, subject, measure, period, market: marketFor(figure, measure, subject, clause, reading, context), shifted, own: `${own} ${stretch}` });
  }
  // "The S&P 500 lost 0.7% by the end of trading and the Nasdaq dropped 1.3%", "dragged the Nasdaq 1.1% lower, while its
  // shares lost 8.2% by the close": moves told side by side with a close are the same day's close, unless their own
  // clause says otherwise ("as much as", "after hours").
  if (described.some((figure) => figure.measure?.endsWith(' at close')) && !CLOSE_NOT_THE_DAYS.test(reading.text)) {
    for (const figure of described) if (figure.measure !== null && /^(?:stock|price|index) change$/.test(figure.measure) && !UNSETTLED.test(figure.own ?? '') && !OVER_TIME.test(figure.own ?? '')) figure.measure = `${figure.measure} at close`;
  }
  return { described, family: family?.family ?? null, salesInMoney };
}

/** The subject a sentence opens with: what an opening "Its" in the next one refers to. */
function openingSubject(reading: SentenceReading, context: ArticleContext, businesses: Business[], described: readonly Described[]): string | null {
  const business = businesses[0];
  // "The cloud business grew 44%. It …": the business is what the sentence is about only where it opens it;
  // after "Revenue at its cloud unit rose 18%", "It" is the company.
  if (business && business.start === reading.dateline) return business.name;
  // A dateline's city ("SANTIAGO (Tessaro Wire) -") opens no sentence.
  const dateline = reading.dateline;
  // "The company, which also runs mines on Halmahera, produced …": the company.
  if (reading.backReferences[0]?.start === dateline) return described[0]?.subject ?? context.antecedent;
  const candidates = [...reading.subjects.filter((m) => m.role !== 'source' && !m.product), ...reading.places, ...reading.commodities, ...reading.indexes];
  const first = candidates.filter((m) => m.start >= dateline).sort((a, b) => a.start - b.start)[0];
  const opens =
    first &&
    first.start - dateline < 40 &&
    !/\b(?:in|at|to|from|on|for|with|by|of)\s+(?:the\s+)?$/i.test(reading.text.slice(Math.max(0, first.start - 9), first.start)) &&
    !/^(?:-listed|-based|['’]s\s+\p{Lu})/u.test(reading.text.slice(first.end, first.end + 8));
  if (opens && first.value) return first.value;
  if (reading.backReferences[0]?.start === dateline) return described[0]?.subject ?? context.antecedent;
  return null;
}

/** A name before these is a facility's, not a company's. */
const FACILITY = /^\s+(?:plant|mine|smelter|refinery|factory|project|field|site|facility)\b/;
/** "the mine", "its smelter", "该矿": the facility the article named. */
const FACILITY_BACK = /\b(?:[Tt]he|[Ii]ts) (?:mine|smelter|refinery|plant)\b|该矿|该冶炼厂|该厂/;

/** What the article has established once this sentence is read. */
function advance(context: ArticleContext, reading: SentenceReading, described: Described[], family: MeasureFamily | null, block: number, businesses: Business[]): ArticleContext {
  const flows = described.filter((figure) => kindOf(figure.measure, '') === 'flow' && !figure.shifted && !figure.compared);
  const spans = reading.periods.filter((mention) => mention.kind === 'span' && mention.value !== null);
  const days = reading.periods.filter((mention) => mention.kind === 'day' && mention.value !== null);
  const dated = described.some((figure) => kindOf(figure.measure, '') === 'day');
  // The companies the sentence is about: not a facility ("the Salar Verde plant"), nor whoever forecast a price.
  const forecasting = described.length > 0 && described.every((figure) => figure.measure === 'price forecast');
  const companies = forecasting ? [] : reading.subjects.filter((mention) => mention.role !== 'source' && !mention.product && !FACILITY.test(reading.text.slice(mention.end, mention.end + 12)));
  const mentions = new Map(context.mentions);
  const sources = new Set(context.sources);
  for (const mention of reading.subjects) if (mention.role === 'source') sources.add(mention.value);
  // A company that said something ("operator Lintang said") is more the article's than a name in passing;
  // a research firm, once named as the source of figures, says what it counts, not its own news.
  for (const mention of companies) mentions.set(mention.value, (mentions.get(mention.value) ?? 0) + (mention.role === 'said' && !sources.has(mention.value) ? 2 : 1));
  // The article's company: the most named so far, the first of those named as often.
  let antecedent = context.antecedent;
  for (const mention of companies) {
    if (antecedent === null || (mentions.get(mention.value) ?? 0) > (mentions.get(antecedent) ?? 0)) antecedent = mention.value;
  }
  const counts = described.filter((figure) => figure.measure !== null && unitKind(figure.unit) === 'count' && /^(?:shipments|sales)/.test(figure.measure));
  const opening = openingSubject(reading, context, businesses, described);
  const next: ArticleContext = {
    ...context,
    // A flow's period: its figures', else (a sentence setting the scene) the first period it names.
    period: flows.findLast((figure) => figure.period)?.period ?? (described.length === 0 ? spans[0]?.value : flows.length > 0 ? spans.at(-1)?.value : undefined) ?? context.period,
    year: spans.findLast((mention) => mention.value !== null && /^\d{4}$/.test(mention.value))?.value ?? context.year,
    quarter: [...flows.map((figure) => figure.period), ...spans.map((mention) => mention.value)].findLast((period) => period !== null && period !== undefined && /^(?:fiscal )?Q[1-4] \d{4}$/.test(period)) ?? context.quarter,
    // A day counts where a price or a move is given for it, or where a sentence without figures names it.
    // A day carries from a sentence without figures ("Nickel fell on Wednesday") or from the lead;
    // a later sentence's day is its own figure's ("It had closed at $16,395 on Tuesday").
    day: (described.length === 0 || (dated && context.block <= 0) ? days.at(-1)?.value : undefined) ?? context.day,
    fiscal: context.fiscal || reading.periods.some((mention) => mention.fiscalQuarter),
    antecedent,
    mentions,
    sources,
    previous: opening,
    // A commodity or an index the sentence opened with ("It touched $10,530") is no company "the smelter" can be.
    previousCompany: opening !== null && !COMMODITY_SET.has(opening) && !INDEX_MARKET.has(opening) && (businesses.some((b) => b.name === opening) || reading.subjects.some((m) => m.value === opening) || reading.backReferences[0]?.start === reading.dateline) ? opening : null,
    index: reading.indexes.at(-1)?.value ?? context.index,
    commodity: reading.commodities.at(-1)?.value ?? context.commodity,
    place: ownPlaces(reading).at(-1)?.value ?? context.place,
    // "PC shipments", "shipments of personal computers": the product the article counts.
    product: reading.products.find((p) => /^\s*(?:shipments?|market|sales|registrations)\b|^(?:出货|市场|销量)/.test(reading.text.slice(p.end, p.end + 30)) || /\b(?:shipments|sales|market) (?:of|for) $/.test(reading.text.slice(Math.max(0, p.start - 20), p.start)))?.value ?? context.product,
    family: family ?? (block === context.block ? context.family : null),
    block,
    countFamily: counts.length > 0 ? (counts.at(-1)?.measure?.startsWith('sales') ? SALES : SHIPMENTS) : context.countFamily,
    facility: reading.subjects.filter((mention) => mention.role !== 'source' && FACILITY.test(reading.text.slice(mention.end, mention.end + 12))).at(-1)?.value ?? context.facility,
    shares: described.findLast((figure) => figure.subject !== null && /^(?:stock change|share price)/.test(figure.measure ?? ''))?.subject ?? null,
    stockReport: context.stockReport || described.some((figure) => /^stock change/.test(figure.measure ?? '')),
    sharesOfMarket: ((level) => (level ? level.measure === 'market share' : context.sharesOfMarket))(described.findLast((figure) => figure.unit === '%' && !figure.change && figure.measure !== null)),
  };
  const fiscalYear = reading.periods.find((mention) => mention.value?.startsWith('fiscal') && /\d{4}/.test(mention.value))?.value;
  if (fiscalYear) next.fiscalYear = Number(/\d{4}/.exec(fiscalYear)?.[0]);
  const flowMarket =
    flows.findLast((figure) => figure.market && figure.measure !== null && !OWN_TOTALS.test(figure.measure) && !DEAL_MEASURES.has(figure.measure))?.market ??
    // A sentence without figures names the article's market only where none is yet ("The decline was concentrated in Western
    // Europe" is colour in a report on Europe), and only a market reports cover as a whole: "after Lebanon's civil war" is background.
    (described.length === 0 && context.market === null ? reading.markets.find((m) => m.value !== null && WHOLE_MARKETS.has(m.value) && !ORIGIN.test(reading.text.slice(m.end, m.end + 12)))?.value : undefined);
  if (flowMarket) next.market = flowMarket;
  // Exchanges and listings, once named, stay the article's: a commodity's first exchange is the benchmark the article follows.
  for (const figure of described) {
    if (!figure.subject || !figure.market) continue;
    if (figure.measure?.startsWith('price') && COMMODITY_SET.has(figure.subject)) {
      if (!next.exchanges.has(figure.subject)) next.exchanges = new Map(next.exchanges).set(figure.subject, figure.market);
      next.exchange ??= figure.market;
    }
    // An index's country is where the shares a market report goes on to name trade ("The FTSE 100 closed down … Ostrava fell 7.4%").
    if (figure.measure?.startsWith('index change')) next.listing ??= figure.market;
    if (figure.measure?.startsWith('share price') || figure.measure?.startsWith('stock')) {
      next.listings = new Map(next.listings).set(figure.subject, figure.market);
      next.listing = figure.market;
    }
  }
  if (reading.exchanges.length > 0 && !next.exchange) {
    const commodity = reading.commodities[0]?.value;
    const first = reading.exchanges[0]?.value;
    next.exchange = first === 'London' && commodity && LONDON_METALS.test(commodity) ? 'London Metal Exchange' : first === 'ICE' ? null : (first ?? null);
  }
  // "Hong Kong shares rose … as talks in London": the listing named nearest the shares.
  const shares = /\bshares?\b|\bstocks?\b|股/i.exec(reading.text);
  if (shares && reading.listings.length > 0) next.listing = nearest(reading.listings, { start: shares.index, end: shares.index + shares[0].length })?.value ?? next.listing;
  return next;
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

function toFigure(described: Described, article: Pick<Article, 'slug' | 'file'>, sentence: Sentence, occurrence: number): Figure {
  const { text, value, unit, measure, period, market } = described;
  // A company or a country a Chinese report names in Chinese is compared by its English name (小米 is Xiaomi).
  const subject = described.subject === null ? null : englishName(described.subject);
  // The same text twice in one sentence is told apart by its occurrence, never by the order of the article.
  const identity = `${article.file}\n${sentence.id}\n${text}${occurrence > 1 ? `\n${occurrence}` : ''}`;
  const id = `${factKey({ subject, measure, period, market, unit })}-${shortHash(identity)}`;
  return { id, text, value, unit, subject, measure, period, market, sources: [sourceRef(article, sentence)] };
}

/**
 * "Pelham" of "Pelham Brands", which the lexicon knows as a place: a one-word place name that
 * begins exactly one company's name in the article is that company.
 */
function companiesForPlaces(names: readonly (readonly NameSpan[])[]): (readonly NameSpan[])[] {
  const companies = new Set(names.flatMap((spans) => spans.filter((span) => span.type === 'company' || span.type === 'organization').map((span) => span.name)));
  const begun = new Map<string, string | null>();
  for (const company of companies) {
    const words = company.split(' ');
    // Only a company named with a generic word ("Brands", "Systems"): "China" is not "China Passenger Car Association".
    const first = words[0] as string;
    if (words.length === 2 && GENERIC_COMPANY_WORDS.has((words[1] as string).toLowerCase()) && findNames(PLACES, first, false).length === 0) begun.set(first, begun.has(first) ? null : company);
  }
  return names.map((spans) => spans.map((span) => (span.type === 'place' && !span.gazetteer && begun.get(span.name) ? { ...span, name: begun.get(span.name) as string, type: 'company' } : span)));
}

/** The name a sentence consists of alone ("vivo", "小米"): a table row's or a list's label. */
function loneName(text: string, spans: readonly NameSpan[] | undefined): string | null {
  const trimmed = text.trim();
  const span = spans?.find((name) => name.type !== 'person' && text.slice(name.start, name.end).trim() === trimmed);
  if (span) return span.name;
  // A short word in Han script or a capitalised word: a row label no recogniser knew ("小米", "Honor").
  return /^(?:\p{Script=Han}{2,6}|\p{Lu}[\p{L}&.'’-]*(?: \p{Lu}[\p{L}&.'’-]*){0,2}|[a-z]+[A-Z]?[a-z]*)$/u.test(trimmed) && trimmed.length <= 24 ? trimmed : null;
}

/** A line that labels the list under it: short, ending with a colon, no figure of its own. */
const LABEL_LINE = /^[^.!?。！？]{3,90}[:：]$/u;

/** A sentence of prose, not a list's item: it ends as a sentence does and has eight words or more. */
const isProse = (text: string): boolean => /[.!?。！？]["”’]?$/u.test(text) && text.split(/\s+/).length >= 8;

/** A label or heading over a closing report's list: "Closing prices:", "LME base metals at the close", "Settlement prices", 收盘价. */
const CLOSING_LABEL = /^(?=.{0,70}$).*(?:\b(?:closing (?:prices|levels|moves|quotes|rates|snapshot)|(?:at|by|market|the) (?:the )?close\b|settlement (?:prices|levels)|end[- ]of[- ](?:day|session|trading))|收盘)/iu;
/** A heading or a list's label naming a close in any words: "US close", "How markets closed:", "Wall Street ends lower". */
const CLOSING_HEADING = /^(?=.{0,90}$).*(?:\b(?:closing|close|closes|closed|settlement|settles|settled|ends|ended|finishes|finished|end[- ]of[- ](?:day|session|trading))\b|收盘|收涨|收跌)/iu;

const METADATA_LINE = /^(?:来源|作者|编辑|记者|责编|出处|原标题)[:：]|^(?:Source|Reporting by|Writing by|Editing by|Additional reporting by)\b/u;

/** Every figure of an article's running text (headings skipped), in reading order. */
export function extractFigures(article: Pick<Article, 'slug' | 'file' | 'date' | 'sentences'>, options: FigureOptions): Figure[] {
  const anchor = parseAnchor(article.date);
  const figures: Figure[] = [];
  const names = options.names ? companiesForPlaces(options.names) : undefined;
  let context = emptyContext(anchor ? (article.date?.slice(0, 10) ?? null) : null);
  context.articleListing = listingOfArticle(article.sentences);
  // What follows the last sentence with a digit holds no figure and no figure depends on it.
  const last = article.sentences.findLastIndex((sentence) => !sentence.heading && /\d/.test(sentence.text));
  const read: { figure: Described; sentence: Sentence }[] = [];
  let previousLabel = false;
  let rowName: string | null = null;
  for (let i = 0; i <= last; i++) {
    const sentence = article.sentences[i] as Sentence;
    // "Closing prices:", a heading "Market close": the figures under it are the day's close.
    if ((CLOSING_LABEL.test(sentence.text) && (sentence.heading || !/\d/.test(sentence.text))) || (CLOSING_HEADING.test(sentence.text) && sentence.heading)) context = { ...context, closing: true, closingLabel: true };
    else if (CLOSING_HEADING.test(sentence.text) && LABEL_LINE.test(sentence.text)) context = { ...context, closingList: true };
    // A sentence of prose ends the list under a label.
    else if (context.closingList && isProse(sentence.text)) context = { ...context, closingList: false };
    // A line naming the source or the writer ("来源：财经快讯", "Reporting by …"): no one's figures, nothing to carry.
    if (METADATA_LINE.test(sentence.text)) continue;
    const readContext = { anchor, fiscal: context.fiscal, fiscalYear: context.fiscalYear, counting: context.countFamily !== null, listed: context.labelFamily !== null, columns: context.columns };
    // A heading or a list's label ("Top five vendors by shipments, Q2 2025", "Market share, first quarter:"): no
    // figures of its own, but the measure, period and market of the items under it.
    const label = sentence.heading || LABEL_LINE.test(sentence.text);
    if (label) {
      const reading = readSentence(sentence.text, options.subjects, undefined, readContext);
      // A table's header cells are labels in a row: one naming no measure ("厂商") keeps the one before's ("份额").
      const labelled = labelFamily(sentence.text, reading.chinese) ?? (previousLabel ? context.labelFamily : null);
      context = { ...advance(context, { ...reading, figures: [] }, [], null, sentence.block, []), labelFamily: labelled, columns: columnsOf(sentence.text) ?? (previousLabel ? context.columns : null) };
      previousLabel = true;
      // A cell holding only a name heads its table row ("vivo" | "16.9%" | "-0.8个百分点").
      rowName = loneName(sentence.text, names?.[i]) ?? rowName;
      if (sentence.heading) continue;
    } else previousLabel = false;
    if (!/\d/.test(sentence.text)) rowName = loneName(sentence.text, names?.[i]);
    const reading = readSentence(sentence.text, options.subjects, names ? (names[i] ?? []) : undefined, readContext);
    // A sentence naming a measure of its own is no longer a list item under a label.
    if (!label && reading.families.length > 0 && isProse(sentence.text)) context = { ...context, labelFamily: null, columns: null };
    const businesses = businessesOf(reading, context);
    const { described, family, salesInMoney } = describeFigures(reading, context, businesses, sentence.block);
    // A cell holding only a figure is its row's: "vivo" | "16.9%".
    if (rowName !== null && described.length === 1 && described[0]?.text.trim() === sentence.text.trim()) (described[0] as Described).subject = rowName;
    // A report that opens with a move at the close ("The FTSE 100 closed down 0.3%"), and no move during the session, reports the day's close.
    const opening = read.length === 0 && described[0]?.measure?.endsWith(' at close') === true && !UNSETTLED.test(sentence.text);
    for (const figure of described) read.push({ figure, sentence });
    context = { ...advance(context, reading, described, family, sentence.block, businesses), salesInMoney };
    if (opening) context = { ...context, closing: true };
  }
  // "Halvorsen reported a 23% rise in quarterly revenue" — "Revenue for the fiscal second quarter …":
  // a lead's flow without a period is for the period the report goes on to name first.
  const lead = read[0]?.sentence.block;
  const first = read.find(({ figure }) => figure.period !== null && isFlow(figure));
  const span = first?.figure.period ? VAGUE_PERIODS.find(([, precise]) => precise.test(first.figure.period as string))?.[0] : undefined;
  if (first && span) {
    for (const { figure, sentence } of read.slice(0, read.indexOf(first))) {
      if (sentence.block === lead && figure.period === null && figure.measure !== null && isFlow(figure) && span.test(sentence.text)) figure.period = first.figure.period;
    }
  }
  const seen = new Map<string, number>();
  for (const { figure, sentence } of read) {
    const key = `${sentence.id}\n${figure.text}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    figures.push(toFigure(figure, article, sentence, occurrence));
  }
  return figures;
}

const SHARES_WORD = /\bshares?\b|\bstocks?\b|\bclos(?:ed|ing)\b|\btrading\b|股/;
/**
 * "The stock closed at $235.80", "该股收盘报143.60美元", "valuing it at £8.9 billion": shares priced
 * or valued in a currency, which says where they trade when no exchange is named.
 */
const PRICED_SHARES: readonly [pattern: RegExp, listing: string][] = [
  [/\b(?:shares?|stock)\b[^.;]*?(?<![A-Z])\$\d|(?<![A-Z])\$\d[\d.,]*\s+(?:a|per)\s+share\b|(?:股价|该股|股票|美股)[^。；]*?\d[\d.,]*美元/, 'United States'],
  [/\b(?:shares?|stock)\b[^.;]*?(?:£\d|\d\s?(?:p|pence)\b)/, 'United Kingdom'],
];

/** The first listing an article names in a sentence about shares; else where the currency its shares are priced in says. */
function listingOfArticle(sentences: readonly Sentence[]): string | null {
  let priced: string | null = null;
  for (const sentence of sentences) {
    if (sentence.heading || !SHARES_WORD.test(sentence.text)) continue;
    const listing = findNames(LISTING_NAMES, sentence.text, HAN.test(sentence.text))[0];
    if (listing) return listing.value;
    priced ??= PRICED_SHARES.find(([pattern]) => pattern.test(sentence.text))?.[1] ?? null;
  }
  return priced;
}

/** A lead's word for the kind of period the report goes on to name: "quarterly revenue" — "the fiscal second quarter". */
const VAGUE_PERIODS: readonly [vague: RegExp, precise: RegExp][] = [
  [/\bquarterly\b|\bquarter\b|季度/i, /\bQ[1-4]\b/],
  [/\bhalf-year\b|\bhalf\b|\binterim\b|半年/i, /\bH[12]\b/],
  [/\bannual\b|\bfull-year\b|\byearly\b|全年|年度/i, /^(?:fiscal )?\d{4}$/],
];

const isFlow = (figure: Described) => kindOf(figure.measure, '') === 'flow' && !figure.shifted && !figure.compared;
