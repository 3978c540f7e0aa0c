/**
 * A synthetic newsroom archive for the benchmark: `count` articles from a fixed seed, so runs
 * are comparable. What the real corpus has, in proportions a newsroom would see:
 *
 * - lengths of 200–1,500 words; formats `.txt` (metadata in the manifest), `.md` (front matter)
 *   and `.html` (a saved page with its `<head>`);
 * - outlets, dates, and a few files with no date or outlet at all;
 * - figures the pipeline reads: market shares by vendor, period and market (each outlet reports
 *   a fact's value, sometimes a different one), sales in $ and HK$, changes;
 * - quotes with speakers from the gazetteer and others, dated events;
 * - a theme per article, so each default topic gets thousands of articles and about a fifth
 *   match none;
 * - near-duplicates: about one article in 25 is a reworded copy of an earlier one.
 *
 * Sentences are built from word lists, so no two articles share long runs of words by chance
 * (which would make everything a near-duplicate) and the vocabulary grows with the corpus.
 */

export type BenchFormat = 'text' | 'markdown' | 'html';

export interface BenchArticle {
  /** File name under `content/articles/`. */
  file: string;
  format: BenchFormat;
  title: string;
  /** ISO date, or null for the few files that carry none. */
  date: string | null;
  outlet: string | null;
  url: string;
  /** Paragraphs of plain text; a paragraph starting with `## ` is a heading. */
  paragraphs: string[];
  theme: Theme;
  /** The file this one rewords, for near-duplicates. */
  rewordOf: string | null;
}

export type Theme = 'apple-in-china' | 'alibaba-ai' | 'market-share' | 'none';

/** mulberry32: a small, fast, well-mixed 32-bit generator; the same seed gives the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const list = (words: string) => words.trim().split(/\s*\|\s*|\s{2,}|\n\s*/).filter(Boolean);

const VENDORS = list('Apple | Huawei | Vivo | Xiaomi | Oppo | Honor | Samsung | Transsion | Realme | OnePlus | Motorola | Google | Nothing | ZTE | Lenovo | Sony');
const MARKETS = list('China | India | Indonesia | Europe | the United States | Japan | Brazil | Vietnam | Thailand | Mexico | Nigeria | Germany | France | Turkey | Egypt | Pakistan | the Philippines | Malaysia | Kenya | Chile');
const FIRMS = list('Canalys | IDC | Counterpoint | Omdia | Counterpoint Research | International Data Corporation');
const OUTLETS = list('Reuters | Bloomberg | CNBC | TechCrunch | The Verge | South China Morning Post | Nikkei Asia | Financial Times | Caixin | The Information | Rest of World | Tech in Asia');
const SPEAKERS: [string, string][] = [
  ['Tim Cook', 'Apple’s chief executive'],
  ['Joe Tsai', 'Alibaba’s chairman'],
  ['Lian Jye Su', 'chief analyst at Omdia'],
  ['Will Wong', 'an analyst with IDC'],
];
/** Single words mostly: a compound is a word pair every article using it shares. */
const NOUNS = list(`
  budget | chipset | modem | display | battery | camera | charger | firmware | patent | licence | tariff | subsidy
  rebate | warranty | contract | lawsuit | audit | review | filing | forecast | quota | margin | discount | voucher
  campaign | launch | keynote | teaser | livestream | showroom | kiosk | warehouse | factory | foundry | wafer
  supplier | distributor | retailer | carrier | reseller | dealer | franchise | partnership | venture | alliance
  acquisition | merger | buyback | dividend | bond | loan | valuation | listing | roadshow | prospectus | guidance
  outlook | backlog | inventory | shipment | order | delivery | recall | repair | upgrade | update | patch | rollout
  pilot | trial | prototype | blueprint | roadmap | strategy | rebrand | redesign | overhaul | reshuffle | layoff
  hiring | bonus | payroll | headcount | pension | strike | union | walkout | petition | protest | boycott | probe
  inquiry | hearing | ruling | verdict | appeal | settlement | fine | penalty | sanction | embargo | quota | permit
  standard | protocol | benchmark | chatbot | assistant | translator | keyboard | stylus | headset | smartwatch
  tablet | laptop | router | speaker | earbud | charger | accessory | bundle | subscription | membership | plan
  storefront | marketplace | platform | ecosystem | developer | startup | incubator | lab | campus | headquarters
  data | privacy | encryption | password | login | account | wallet | payment | refund | invoice | receipt | ledger`);
const ADJECTIVES = list(`
  aggressive | cautious | modest | sharp | steady | uneven | surprising | expected | overdue | delayed
  domestic | regional | national | overseas | premium | midrange | budget | new | revised | upgraded
  local | global | careful | bold | limited | broad | early | late | quarterly | annual | costly | cheap
  fragile | resilient | crowded | saturated | emerging | mature | fragmented | consolidated | volatile | quiet
  ambitious | contested | disputed | tentative | preliminary | final | informal | formal | secret | public
  second | third | fourth | rival | partner | former | joint | flexible | rigid | lengthy | brief | thin | wide
  hybrid | digital | physical | wireless | compact | slim | rugged | flagship | basic | refurbished`);
const VERBS = list(`
  expanded | trimmed | revised | delayed | accelerated | paused | tested | launched | promoted | questioned
  reviewed | approved | postponed | extended | restructured | simplified | doubled | halved | renewed | relaunched
  scrapped | shelved | unveiled | previewed | defended | criticised | overhauled | streamlined | localised | priced
  bundled | discounted | rebranded | audited | cleared | blocked | challenged | upgraded | downgraded | financed
  licensed | outsourced | insourced | merged | split | capped | raised | lowered | matched | undercut`);
const SURNAMES = list('Chen | Wang | Li | Zhang | Liu | Huang | Zhao | Wu | Zhou | Xu | Sun | Ma | Zhu | Hu | Guo | He | Lin | Luo | Gao | Tan | Patel | Singh | Kumar | Sato | Suzuki | Kim | Park | Nguyen | Santos | Silva | Smith | Brown | Garcia | Müller | Rossi | Novak | Cohen | Haddad | Okafor | Mensah');
const GIVEN = list('Wei | Jing | Hao | Lei | Yan | Mei | Tao | Ling | Jun | Xin | Anil | Priya | Kenji | Yuki | Min-jun | Ana | Lucas | Sarah | David | Elena | Marco | Ines | Omar | Leila | Kwame | Ama | Tomás | Julia | Peter | Grace');
const ROLES = list('an analyst | a consultant | an executive | a manager | an investor | a researcher | an engineer | a shopkeeper | an economist | a lawyer | a buyer | a marketer | a banker | a trader | a professor | a designer | a regulator | a lobbyist | a founder | a director | a strategist | a broker | an accountant | a journalist | a programmer | a technician | a supplier | a distributor | a retailer | a planner');
const PLACES = list('Shenzhen | Hangzhou | Beijing | Shanghai | Guangzhou | Chengdu | Wuhan | Hong Kong | Singapore | Bangalore | Jakarta | Tokyo');
const TIMEFRAMES = list(`soon | later | eventually | quickly | slowly | gradually | abruptly | quietly | publicly | again
  overnight | yesterday | today | recently | finally | partly | largely | briefly | twice | unexpectedly | reluctantly
  jointly | separately | formally | informally | temporarily | permanently | locally | nationwide | worldwide`);
const MONTHS = list('January | February | March | April | May | June | July | August | September | October | November | December');
/** Themes for articles in no topic: none of the topics' terms appear in these. */
const OTHER_SUBJECTS = list(`
  the city council | the regional transit agency | the football club | the university hospital | the port authority
  the national weather service | the electric-car maker | the airline | the opera house | the water utility
  the housing association | the film festival | the wine cooperative | the ferry operator | the public library`);
const OTHER_NOUNS = list(`
  budget | timetable | stadium | ticket | wage | fleet | flood | tram | season | parking | menu | bridge | harvest
  route | rota | roof | pitch | ward | pier | reservoir | archive | rehearsal | vintage | ferry | curriculum | canteen`);

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const chance = (rand: () => number, p: number) => rand() < p;
const between = (rand: () => number, low: number, high: number) => low + Math.floor(rand() * (high - low + 1));
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const PERIODS = ['2022', '2023', '2024', '2025'].flatMap((year) => ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => `${q} ${year}`));
const YEARS = ['2023', '2024', '2025'];

function periodPhrase(rand: () => number, period: string): string {
  const [quarter, year] = period.split(' ');
  const ordinal = ['first', 'second', 'third', 'fourth'][Number(quarter?.slice(1)) - 1];
  return chance(rand, 0.5) ? `in ${period}` : `in the ${ordinal} quarter of ${year}`;
}

/**
 * One fact's value as an outlet reports it: every outlet starts from the same value for the
 * vendor, market and period, and about one report in six differs by a point (a conflict).
 */
function shareOf(vendor: string, market: string, period: string, rand: () => number): number {
  let h = 2166136261;
  for (const c of `${vendor}|${market}|${period}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  const base = 4 + ((h >>> 0) % 20);
  return chance(rand, 1 / 6) ? base + (chance(rand, 0.5) ? 1 : -1) : base;
}

/** A person the gazetteer does not know: most people quoted in news are not famous. */
const person = (rand: () => number) => `${pick(rand, GIVEN)} ${pick(rand, SURNAMES)}`;
const thing = (rand: () => number) => `${pick(rand, ADJECTIVES)} ${pick(rand, NOUNS)}`;

const plural = (noun: string) => (/(?:s|x|ch|sh)$/.test(noun) ? `${noun}es` : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`);

/**
 * A detail of the kind news is full of — a count, a span of time, the people involved — whose
 * numbers and names make most of an article's word pairs its own.
 */
function detail(rand: () => number): string {
  const patterns = [
    () => ` after ${between(rand, 2, 900)} ${plural(pick(rand, NOUNS))}`,
    () => ` for ${between(rand, 2, 60)} ${pick(rand, ['days', 'weeks', 'months'])}`,
    () => ` with ${person(rand)} and ${person(rand)}`,
    () => '',
  ];
  return pick(rand, patterns)();
}

/**
 * Running text around the facts. Patterns hold few fixed content words: the word pairs two
 * unrelated articles share must stay rare, as in real news, or every article would look like a
 * rewrite of every other.
 */
function filler(rand: () => number): string {
  const patterns = [
    () => `The ${thing(rand)} was ${pick(rand, VERBS)} in ${pick(rand, PLACES)}${detail(rand)}.`,
    () => `Its ${pick(rand, NOUNS)} and ${thing(rand)} now matter more than the ${thing(rand)}${detail(rand)}.`,
    () => `The ${pick(rand, NOUNS)} had been ${pick(rand, VERBS)} before the ${thing(rand)} in ${pick(rand, PLACES)}${detail(rand)}.`,
    () => `In ${pick(rand, PLACES)}, a ${thing(rand)} was ${pick(rand, VERBS)}, while the ${thing(rand)} was ${pick(rand, VERBS)}.`,
    () => `A ${thing(rand)} ${pick(rand, ['may', 'could', 'will', 'should', 'might'])} ${pick(rand, ['follow', 'come', 'wait', 'help', 'hurt'])}, and the ${pick(rand, NOUNS)} could be ${pick(rand, VERBS)} ${pick(rand, TIMEFRAMES)}.`,
    () => `The ${pick(rand, NOUNS)} became a ${pick(rand, ADJECTIVES)} test for the ${thing(rand)}.`,
    () => `${person(rand)}, ${pick(rand, ROLES)}, ${pick(rand, VERBS)} the ${thing(rand)} in ${pick(rand, PLACES)}${detail(rand)}.`,
    () => `Few expected the ${thing(rand)} to be ${pick(rand, VERBS)} so soon after the ${thing(rand)}.`,
    () => `${capitalise(pick(rand, ADJECTIVES))} ${pick(rand, NOUNS)} plans were ${pick(rand, VERBS)} ${pick(rand, TIMEFRAMES)}${detail(rand)}.`,
  ];
  return pick(rand, patterns)();
}

function otherFiller(rand: () => number, subject: string): string {
  const patterns = [
    () => `${capitalise(subject)} ${pick(rand, VERBS)} its ${pick(rand, ADJECTIVES)} ${pick(rand, OTHER_NOUNS)} ${pick(rand, TIMEFRAMES)}${detail(rand)}.`,
    () => `Residents of ${pick(rand, PLACES)} asked ${subject} to explain the ${pick(rand, ADJECTIVES)} ${pick(rand, OTHER_NOUNS)}${detail(rand)}.`,
    () => `The ${pick(rand, OTHER_NOUNS)} was ${pick(rand, VERBS)} after a ${pick(rand, ADJECTIVES)} review of the ${pick(rand, OTHER_NOUNS)}.`,
    () => `${person(rand)} said the ${pick(rand, OTHER_NOUNS)} and the ${pick(rand, ADJECTIVES)} ${pick(rand, OTHER_NOUNS)} would be ${pick(rand, VERBS)} together.`,
    () => `Costs for the ${pick(rand, OTHER_NOUNS)} rose ${between(rand, 2, 19)}% to $${between(rand, 2, 90)} million, ${subject} said.`,
    () => `The ${pick(rand, ADJECTIVES)} ${pick(rand, OTHER_NOUNS)} in ${pick(rand, PLACES)} was ${pick(rand, VERBS)} ${pick(rand, TIMEFRAMES)}.`,
  ];
  return pick(rand, patterns)();
}

function quote(rand: () => number): string {
  const [speaker, role] = chance(rand, 0.2) ? pick(rand, SPEAKERS) : [person(rand), pick(rand, ROLES)];
  const opener = pick(rand, ['We think the', 'Nobody expected the', 'Customers want the', 'Frankly, the', 'Our view is that the', 'I doubt the', 'Everyone knows the', 'Investors hope the', 'Suppliers fear the', 'Honestly, the', 'My guess is the', 'Critics say the']);
  const said = `${opener} ${thing(rand)} will be ${pick(rand, VERBS)} ${pick(rand, TIMEFRAMES)}`;
  return chance(rand, 0.5) ? `“${said},” said ${speaker}, ${role}.` : `${speaker}, ${role}, said: “${said}.”`;
}

function dated(rand: () => number, company: string): string {
  const month = pick(rand, MONTHS);
  const year = pick(rand, YEARS);
  return chance(rand, 0.5)
    ? `On ${month} ${between(rand, 1, 28)}, ${year}, ${company} ${pick(rand, VERBS)} its ${pick(rand, NOUNS)} in ${pick(rand, PLACES)}.`
    : `In ${month} ${year}, ${company} ${pick(rand, VERBS)} the ${pick(rand, ADJECTIVES)} ${pick(rand, NOUNS)}.`;
}

/** Sentences that put an article in a theme's topic, with the figures and names it reports. */
const AUDIENCES = list('developers | retailers | banks | carmakers | schools | hospitals | insurers | airlines | farmers | logistics firms');
const SAYS = list('data showed | estimates | figures show | reported | said | found');

/**
 * Sentences that put an article in a theme's topic, with the figures and names it reports.
 * Like the filler, each keeps its fixed words to short runs between random slots.
 */
const THEMED: Record<Exclude<Theme, 'none'>, ((rand: () => number) => string)[]> = {
  'apple-in-china': [
    (r) => `Apple’s ${pick(r, ['iPhone', 'Mac', 'iPad', 'services', 'wearables'])} ${pick(r, ['sales', 'revenue'])} in China fell ${between(r, 2, 24)}% to $${between(r, 10, 25)}.${between(r, 1, 99)} billion ${periodPhrase(r, pick(r, PERIODS))}, as Huawei ${pick(r, VERBS)} its ${pick(r, NOUNS)}.`,
    (r) => `In ${pick(r, PLACES)}, Apple ${pick(r, VERBS)} a ${thing(r)} for Chinese ${pick(r, AUDIENCES)}.`,
    (r) => `${pick(r, ['Regulators', 'Officials', 'Lawmakers', 'Auditors', 'Censors'])} in Beijing ${pick(r, VERBS)} the ${thing(r)} that Apple ${pick(r, VERBS)}.`,
    (r) => `Apple ${pick(r, ['cut', 'trimmed', 'lowered', 'slashed'])} ${pick(r, ['iPhone', 'Mac', 'iPad', 'Watch'])} prices by as much as ${between(r, 3, 15)}% as ${pick(r, VENDORS)} ${pick(r, VERBS)} its ${pick(r, NOUNS)}.`,
    (r) => dated(r, 'Apple'),
  ],
  'alibaba-ai': [
    (r) => `Alibaba ${pick(r, VERBS)} its Qwen ${pick(r, NOUNS)} in ${pick(r, PLACES)}.`,
    (r) => `Shares of Alibaba rose ${between(r, 1, 9)}.${between(r, 1, 9)}% to HK$${between(r, 80, 160)}.${between(r, 1, 9)} in Hong Kong trading.`,
    (r) => `${person(r)} said Alibaba’s AI ${pick(r, NOUNS)} was ${pick(r, VERBS)} ${pick(r, TIMEFRAMES)}.`,
    (r) => `Alibaba ${pick(r, VERBS)} an AI ${thing(r)} for ${pick(r, AUDIENCES)}.`,
    (r) => dated(r, 'Alibaba'),
  ],
  'market-share': [
    (r) => {
      const vendor = pick(r, VENDORS);
      const market = pick(r, MARKETS);
      const period = pick(r, PERIODS);
      return `${vendor} held ${shareOf(vendor, market, period, r)}% of the smartphone market in ${market} ${periodPhrase(r, period)}, according to ${pick(r, FIRMS)}.`;
    },
    (r) => {
      const vendor = pick(r, VENDORS);
      const period = pick(r, PERIODS);
      return `${vendor} took ${shareOf(vendor, 'China', period, r)}% market share in China ${periodPhrase(r, period)}, ${pick(r, FIRMS)} ${pick(r, SAYS)}.`;
    },
    (r) => {
      const vendor = pick(r, VENDORS);
      const period = pick(r, PERIODS);
      return `${capitalise(periodPhrase(r, period))}, ${vendor} ${pick(r, VERBS)} its ${pick(r, NOUNS)} and reached a market share of ${shareOf(vendor, 'China', period, r)}% in China.`;
    },
    (r) => `${pick(r, FIRMS)} said shipments in ${pick(r, MARKETS)} grew ${between(r, 1, 12)}% to ${between(r, 20, 90)} million units ${periodPhrase(r, pick(r, PERIODS))}.`,
    (r) => `${pick(r, FIRMS)} ${pick(r, VERBS)} its shipments ${pick(r, NOUNS)} after ${pick(r, VENDORS)} ${pick(r, VERBS)} a ${thing(r)}.`,
    (r) => `${person(r)} ${pick(r, VERBS)} the ${thing(r)} as ${pick(r, VENDORS)} chased market share in ${pick(r, PLACES)}.`,
    (r) => `${pick(r, VENDORS)} ${pick(r, VERBS)} a ${thing(r)}, hoping for more shipments ${pick(r, TIMEFRAMES)}.`,
  ],
};

const HEADINGS = list('What changed | Why it matters | The numbers | What comes next | Background | The competition');

function titleFor(rand: () => number, theme: Theme, subject: string): string {
  switch (theme) {
    case 'apple-in-china':
      return `Apple ${pick(rand, VERBS)} its ${pick(rand, NOUNS)} in China as Huawei gains`;
    case 'alibaba-ai':
      return `Alibaba ${pick(rand, VERBS)} ${pick(rand, ADJECTIVES)} AI ${pick(rand, NOUNS)}`;
    case 'market-share':
      return `${pick(rand, VENDORS)} market share ${chance(rand, 0.5) ? 'climbs' : 'slips'} in ${pick(rand, MARKETS)}, ${pick(rand, FIRMS)} says`;
    default:
      return `${capitalise(subject)} ${pick(rand, VERBS)} its ${pick(rand, OTHER_NOUNS)}`;
  }
}

function body(rand: () => number, theme: Theme, subject: string, words: number): string[] {
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    if (paragraphs.length > 2 && chance(rand, 0.12)) paragraphs.push(`## ${pick(rand, HEADINGS)}`);
    const sentences: string[] = [];
    for (let n = between(rand, 2, 5); n > 0; n--) {
      const roll = rand();
      let sentence: string;
      if (theme === 'none') sentence = roll < 0.1 ? quote(rand).replace(/\b(?:Apple|Alibaba)’s /g, 'the company’s ') : roll < 0.4 ? otherFiller(rand, subject) : filler(rand);
      else if (roll < 0.2) sentence = pick(rand, THEMED[theme])(rand);
      else if (roll < 0.3) sentence = quote(rand);
      else if (roll < 0.33) sentence = pick(rand, THEMED[pick(rand, ['apple-in-china', 'alibaba-ai', 'market-share'] as const)])(rand);
      else sentence = filler(rand);
      sentences.push(sentence);
      count += sentence.split(' ').length;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
}

/** A reworded copy: some words swapped, a paragraph dropped, its own title, outlet and date. */
function reword(rand: () => number, original: BenchArticle): string[] {
  const swaps: Record<string, string> = { said: 'stated', expected: 'anticipated', revised: 'reworked', modest: 'small', sharp: 'steep', reported: 'noted', according: 'attributed', rose: 'climbed', fell: 'dropped' };
  const paragraphs = original.paragraphs.filter((_, i) => i === 0 || !chance(rand, 0.15));
  return paragraphs.map((p) => p.replace(/\b[a-z]+\b/g, (word) => (swaps[word] && chance(rand, 0.7) ? (swaps[word] as string) : word)));
}

function isoDate(rand: () => number): string {
  return `${pick(rand, ['2024', '2025'])}-${String(between(rand, 1, 12)).padStart(2, '0')}-${String(between(rand, 1, 28)).padStart(2, '0')}`;
}

export function generateCorpus(count: number, seed = 20250214): BenchArticle[] {
  const rand = random(seed);
  const articles: BenchArticle[] = [];
  const width = Math.max(5, String(count).length);
  for (let i = 0; i < count; i++) {
    const format: BenchFormat = pick(rand, ['text', 'text', 'markdown', 'html'] as const);
    const file = `${String(i).padStart(width, '0')}.${format === 'text' ? 'txt' : format === 'markdown' ? 'md' : 'html'}`;
    const outlet = chance(rand, 0.02) ? null : pick(rand, OUTLETS);
    const date = chance(rand, 0.02) ? null : isoDate(rand);
    const url = `https://news.example/${file.replace(/\.\w+$/, '')}`;
    if (i >= 20 && chance(rand, 0.04)) {
      const original = articles[Math.floor(rand() * articles.length)] as BenchArticle;
      articles.push({
        file, format, date, outlet, url,
        title: `${original.title}: what we know`,
        paragraphs: reword(rand, original),
        theme: original.theme,
        rewordOf: original.file,
      });
      continue;
    }
    const roll = rand();
    const theme: Theme = roll < 0.3 ? 'apple-in-china' : roll < 0.5 ? 'alibaba-ai' : roll < 0.78 ? 'market-share' : 'none';
    const subject = pick(rand, OTHER_SUBJECTS);
    // Word counts skew short, as news does: most 300–700, a few long reads up to 1,500.
    const words = Math.round(200 + 1300 * rand() ** 2);
    articles.push({ file, format, date, outlet, url, title: titleFor(rand, theme, subject), paragraphs: body(rand, theme, subject, words), theme, rewordOf: null });
  }
  return articles;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const yamlString = (text: string) => JSON.stringify(text);

/** The article file as a newsroom would save it. `.txt` carries no metadata: that is in the manifest. */
export function renderArticle(article: BenchArticle): string {
  const { format, title, paragraphs } = article;
  if (format === 'text') return `${title}\n\n${paragraphs.map((p) => p.replace(/^## /, '')).join('\n\n')}\n`;
  if (format === 'markdown') {
    const front = [`title: ${yamlString(title)}`];
    if (article.date) front.push(`date: ${article.date}`);
    if (article.outlet) front.push(`source: ${yamlString(article.outlet)}`);
    front.push(`url: ${article.url}`);
    return `---\n${front.join('\n')}\n---\n\n${paragraphs.join('\n\n')}\n`;
  }
  const head = [`<meta charset="utf-8">`, `<title>${escapeHtml(title)}</title>`, `<link rel="canonical" href="${article.url}">`];
  if (article.date) head.push(`<meta property="article:published_time" content="${article.date}">`);
  if (article.outlet) head.push(`<meta property="og:site_name" content="${escapeHtml(article.outlet)}">`);
  const blocks = paragraphs.map((p) => (p.startsWith('## ') ? `<h2>${escapeHtml(p.slice(3))}</h2>` : `<p>${escapeHtml(p)}</p>`));
  return `<!doctype html>\n<html lang="en">\n<head>\n${head.join('\n')}\n</head>\n<body>\n<nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>\n<article>\n<h1>${escapeHtml(title)}</h1>\n${blocks.join('\n')}\n</article>\n<footer>Copyright ${escapeHtml(article.outlet ?? 'the publisher')}</footer>\n</html>\n`;
}

/** Metadata that `.txt` files lack, keyed by file name, as `content/articles/manifest.json` holds it. */
export function manifestOf(articles: readonly BenchArticle[]): Record<string, { source?: string; date?: string; url: string }> {
  const manifest: Record<string, { source?: string; date?: string; url: string }> = {};
  for (const article of articles) {
    if (article.format !== 'text') continue;
    manifest[article.file] = { ...(article.outlet ? { source: article.outlet } : {}), ...(article.date ? { date: article.date } : {}), url: article.url };
  }
  return manifest;
}

/**
 * The same article page as plain MDX, for the bare Astro baseline: title and date in front
 * matter, the text as Markdown. The generated text has no `{`, `<` or `}`: nothing in it runs.
 */
export function renderMdx(article: BenchArticle): string {
  const front = [`title: ${yamlString(article.title)}`, `date: ${yamlString(article.date ?? '')}`, `source: ${yamlString(article.outlet ?? '')}`];
  return `---\n${front.join('\n')}\n---\n\n${article.paragraphs.join('\n\n')}\n`;
}
