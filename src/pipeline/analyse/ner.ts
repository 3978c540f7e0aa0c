/**
 * Names in the text: the people, organisations, places and products an article names, whether or
 * not the gazetteer (`content/entities.json`) lists them. The gazetteer is read first and wins
 * (its names, aliases and types are the user's overrides); the rest is found by libraries made
 * for it:
 *
 * - English: wink-nlp's part-of-speech tagger (`wink-eng-lite-web-model`) marks proper nouns,
 *   and runs of them ("Royal Dutch Shell", "Bank of England") are the candidate names. Their type
 *   comes from cues around them (an honorific or a role before a person, "firm" before a company,
 *   "Inc" or "Ministry" in the name) and from compromise's lexicon of first names, places and
 *   organisations, read as data: compromise's own tagger found the same names at twenty-five
 *   times wink's cost (README, "Entities from the text").
 * - Chinese: @node-rs/jieba's tags: `nr`/`nrt` people, `ns` places, `nt` organisations, `nz`
 *   other proper nouns, and Latin-script words in Chinese text ("Canalys", "IDC").
 *
 * Within an article a short form is the long one it abbreviates: "Mr Doctorow" and "Doctorow" are
 * the "Cory Doctorow" named before, "Shell" the "Royal Dutch Shell", "Apple Inc." is "Apple".
 * Across the corpus the same happens once every article is analysed (`consolidateEntities` in
 * `entities.ts`), so this per-article result stays cacheable.
 *
 * Hand-written around the libraries, and why: the rules that join tagged words into names, type
 * them and strip titles are what no library here does cheaply, and each is a line a reader can check.
 */
import { createRequire } from 'node:module';
import type { Sentence } from '../../core/types.ts';
import { entitiesIn, type Gazetteer } from './entities.ts';
import { englishName, isChineseCompanyName, isRegionAdjective, longChineseCompanyNamesList } from './market-names.ts';

export type NameType = 'company' | 'person' | 'place' | 'product' | 'organization';

/** One name in one sentence: `text.slice(start, end)` is as written; `name` what it refers to. */
export interface NameSpan {
  start: number;
  end: number;
  /** The entity's name: the gazetteer's, or the fullest form the article uses. */
  name: string;
  type: NameType;
  /** Listed in the gazetteer: its slug. */
  gazetteer?: string;
}

const require = createRequire(import.meta.url);

interface Wink {
  readDoc(text: string): { tokens(): { out(kind?: unknown): string[] } };
  its: { pos: unknown; lemma: unknown };
}
interface Lexicon {
  words: Record<string, string | string[] | undefined>;
  orgWords: Record<string, unknown>;
  placeWords: Record<string, unknown>;
}
interface Tagger {
  tag(text: string, hmm?: boolean): { word: string; tag: string }[];
}

// Loaded on first use: a build whose articles all come from the cache never pays for them.
let wink: Wink | undefined;
let lexicon: Lexicon | undefined;
let jieba: Tagger | undefined;

function englishTagger(): Wink {
  if (!wink) {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => Wink;
    // Only the tagger: wink's sentence splitter and its entities (dates, money) are not used.
    wink = winkNLP(require('wink-eng-lite-web-model'), ['pos']);
  }
  return wink;
}

function englishLexicon(): Lexicon {
  if (!lexicon) {
    // The CommonJS build loads in a third of the time of the ES modules' hundreds of files.
    const nlp = require('compromise/two') as { model(): { one: { lexicon: Lexicon['words'] }; two: { orgWords: object; placeWords: object } } };
    const model = nlp.model();
    lexicon = { words: model.one.lexicon, orgWords: model.two.orgWords as Lexicon['orgWords'], placeWords: model.two.placeWords as Lexicon['placeWords'] };
  }
  return lexicon;
}

function chineseTagger(): Tagger {
  if (!jieba) {
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): Tagger } };
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

const tagsOf = (word: string): string[] => {
  const tags = englishLexicon().words[word.toLowerCase()];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
};
const hasTag = (word: string, ...wanted: string[]) => tagsOf(word).some((tag) => wanted.includes(tag));

// ── English ──────────────────────────────────────────────────────────────────────────────────

/** Titles before a name: they say it is a person, and are not part of the name. */
const TITLES = new Set(
  `mr mrs ms miss dr sir dame lord lady prof professor president vice prime minister chancellor secretary
  senator governor mayor chairman chairwoman chief executive king queen prince princess pope judge
  col captain coach manager striker midfielder defender goalkeeper boss shadow home foreign
  deputy st rev saint archbishop bishop`.split(/\s+/),
);
/** Words a name goes on after with "of": "Bank of England", "University of Oxford", "Prince of Wales". */
const OF_HEAD =
  /^(?:Bank|Banks|University|College|School|Institute|Institution|Department|Ministry|Office|Board|Bureau|Chamber|Council|Commission|Committee|Court|Federation|Confederation|Union|Association|Society|Organisation|Organization|Church|Republic|Kingdom|State|States|City|Isle|Port|House|Museum|Academy|Agency|Authority|League|Duke|Duchess|Prince|Princess|King|Queen|Earl|Lord|Secretary|Minister|Governor|Chancellor|Director|Head|Chief|Mayor|Bishop|Archbishop|Hospital|Fund|Trust|Exchange|Order|Party|Sultanate|Emirate|Province|Gulf|Straits?|Sea|Cape|Bay|Lake|Isles|Islands?)$/;
/** Words inside a name that join its parts: "Bank of England", "Procter & Gamble". */
const JOINERS = new Set(['of', '&', 'de', 'du', 'von', 'van', 'der', 'del', 'la']);
/** A company's legal suffix: the name is a company, and the short form without it the same one. */
export const CORPORATE_SUFFIX = /(?:,?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|Limited|plc|PLC|LLC|AG|SA|NV|GmbH|Group|Holdings))+$/;
const COMPANY_WORDS = new Set(['inc', 'corp', 'corporation', 'ltd', 'limited', 'plc', 'llc', 'group', 'holdings', 'co', 'company', 'airlines', 'airways', 'motors', 'industries', 'bank', 'telecom', 'systems', 'pharmaceuticals', 'entertainment', 'studios', 'records', 'games', 'networks', 'communications', 'electronics', 'technologies', 'software', 'petroleum', 'energy', 'mobile']);
/** The last word of a company's name that says only that it is a company: "Halvorsen Systems", "Pelham Brands". */
export const GENERIC_COMPANY_WORDS: ReadonlySet<string> = new Set([
  ...COMPANY_WORDS,
  ...`foods brands therapeutics bio biotech pharma pharmaceutical security systems semiconductor semiconductors resources mining metals minerals
  automotive airlines telecom telecommunications media power capital partners international labs laboratories stores home retail
  industries motors holdings group`.split(/\s+/),
]);
/** A word before a name that says what it is: "search engine firm Google", "media giant TimeWarner". */
const COMPANY_CUE = /\b(?:firm|company|companies|group|giant|maker|makers|rival|rivals|retailer|carrier|operator|airline|bank|insurer|chain|conglomerate|brand|publisher|developer|manufacturer|provider|supplier|producer|owner|broadcaster|network|start-up|startup)\s+$/i;
const PERSON_CUE = /\b(?:analyst|economist|spokesman|spokeswoman|spokesperson|executive|boss|founder|director|head|chairman|chairwoman|president|minister|secretary|leader|coach|manager|singer|actor|actress|star|player|striker|author|writer|designer|analysts|editor|professor|lawyer)\s+$/i;
/** Proper-noun words that are not names of anything a reader follows. */
const NOT_A_NAME = new Set(['Month', 'WeekDay', 'Date', 'Demonym', 'Pronoun', 'Determiner', 'Conjunction', 'Preposition', 'Holiday']);
const MONTH_OR_TIME = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|GMT|BST|EST|ET|PST|CET|UTC)\.?$/;
/** What the lexicon lacks of those: months and days (some are verbs in it), faiths, peoples, and the abbreviations of things and measures (PCs, EVs, GDP, Q1). */
const NOT_A_NAME_WORD =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|Islam|Muslims?|Christians?|Catholics?|Protestants?|Jews|Britons|Arabs?|\p{Lu}\p{Ll}+(?:ish|ese)|I|I'\w+|(?:PC|TV|EV|SUV|ETF|DVD|CD|LCD|OLED|CPU|GPU|IPO|App)s?|AI|CEO|CFO|COO|CTO|GDP|VAT|SMS|PMI|CPI|RPI|ESG|[QH][1-4]|FY\d{0,4})$/u;

interface Token {
  text: string;
  start: number;
  end: number;
  proper: boolean;
  /** Its part of speech, as the tagger read it. */
  tag: string;
  /** A name of its own, never joined to the name before it ("IE" of "Microsoft IE"). */
  alone?: boolean;
}

function tokensOf(text: string): Token[] {
  const doc = englishTagger().readDoc(text);
  const words = doc.tokens().out();
  const tags = doc.tokens().out(englishTagger().its.pos);
  const tokens: Token[] = [];
  let cursor = 0;
  words.forEach((word, i) => {
    const start = text.indexOf(word, cursor);
    // wink may normalise a token (a contraction); such a token is never part of a name, and the
    // next one is looked for from here, not from past the rest of the text.
    if (start < 0 || start - cursor > 16) return;
    cursor = start + word.length;
    tokens.push({ text: word, start, end: cursor, proper: tags[i] === 'PROPN' && /^[\p{Lu}\d]|^[a-z]+\p{Lu}/u.test(word), tag: tags[i] ?? '' });
  });
  // "IE", "KSE": letters in capitals are an abbreviated name, whatever the tagger read ("i.e."); one
  // the tagger did not read as a name is a name of its own ("Microsoft IE" is Microsoft and IE).
  for (const [i, token] of tokens.entries()) {
    const before = tokens[i - 1];
    if (token.proper || !/^\p{Lu}{2,6}$/u.test(token.text)) continue;
    token.proper = true;
    if (before?.proper && before.end + 1 === token.start) token.alone = true;
  }
  // "Sun Microsystems", "Allied Irish Banks": a capitalised word inside a sentence, right before a name, is
  // the name's first word, though the tagger read it as a common noun, an adjective or a verb.
  for (let i = tokens.length - 2; i > 0; i--) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1] as Token;
    if (token.proper || !next.proper || next.start !== token.end + 1 || !/^\p{Lu}\p{Ll}+$/u.test(token.text) || !/^(?:NOUN|ADJ|VERB)$/.test(token.tag)) continue;
    if (/[.!?:"“”]$/.test((tokens[i - 1] as Token).text) || NOT_A_NAME_WORD.test(token.text) || TITLES.has(token.text.toLowerCase()) || hasTag(token.text, ...NOT_A_NAME)) continue;
    token.proper = true;
  }
  // "Munich Re", "Swiss Re": a capitalised word right after a name is its last word, whatever the tagger read ("Re" as "are").
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const before = tokens[i - 1] as Token;
    if (token.proper || !before.proper || token.start !== before.end + 1 || !/^\p{Lu}\p{Ll}*$/u.test(token.text) || token.text === 'I') continue;
    if (NOT_A_NAME_WORD.test(token.text) || TITLES.has(token.text.toLowerCase()) || hasTag(token.text, ...NOT_A_NAME) || MONTH_OR_TIME.test(token.text)) continue;
    token.proper = true;
  }
  // "Next has said its profit …", "Next's shares fell": a common word opening a sentence, acting as only a
  // company acts, is the company's name.
  for (const [i, token] of tokens.entries()) {
    if (token.proper || !/^\p{Lu}\p{Ll}+$/u.test(token.text) || (i > 0 && !/[.!?"“”]$/.test((tokens[i - 1] as Token).text))) continue;
    const after = text.slice(token.end, token.end + 30);
    if (COMPANY_ACTS.test(after) || (SAYS_AFTER.test(after) && !/s$/.test(token.text) && !NOT_A_SPEAKER.has(token.text.toLowerCase()))) token.proper = true;
  }
  return tokens;
}

/**
 * Whether a common word opening a sentence acts as a name there ("Next said", "Shell's shares"); not
 * a plural or a collective that says things ("Critics said", "Police said").
 */
function actsAsName(word: string, after: string): boolean {
  if (!ACTS_AS_NAME.test(after)) return false;
  return !(/^\s+(?:(?:has|had)\s+)?(?:said|says|told|warned)\b/.test(after) && (/s$/.test(word) || NOT_A_SPEAKER.has(word.toLowerCase())));
}

/** What only a company has: "'s shares", "'s chief executive", "'s profits". */
const COMPANY_ACTS = /^['’]s\s+(?:shares|stock|chief executive|chief|boss|chairman|profits?|pre-tax|sales|revenues?|turnover|results|board|shareholders)\b|^\s+chief executive\b/;
/** "Next has said", "Next reported": a subject saying or reporting. */
const SAYS_AFTER = /^\s+(?:has\s+|had\s+)?(?:said|says|reported|announced|warned|posted)\b/;
/** Who says things, and is no one's name: "Police said", "Staff said". */
const NOT_A_SPEAKER = new Set(['police', 'staff', 'management', 'everyone', 'everybody', 'someone', 'somebody', 'nobody', 'people', 'it', 'he', 'she', 'they', 'we', 'this', 'that', 'which', 'who']);

interface Candidate {
  start: number;
  end: number;
  text: string;
  /** A title or role stood before it ("Mr", "chief executive"): a person. */
  titled: boolean;
  sentenceStart: boolean;
  type: NameType | null;
}

/** A dateline before a report's first words: "LONDON (Tessaro Wire) - ", "BEIJING - ". */
const DATELINE = /^(?:\p{Lu}[\p{Lu}\s.,/'’-]*?(?:,\s*\p{Lu}[\p{L}.]* \d{1,2})?(?:\s*\([^)]{1,60}\))?|\p{Lu}[\p{L}.]* \d{1,2}\s*\([^)]{1,60}\)|\([^)]{1,60}\))\s+[-–—]\s+/u;
/**
 * Words a sentence may open with before a name, capitalised only for the sentence: a measure's
 * word ("Shares of BYD"), a cue saying what the name is ("Rival Brightwater", "Retailer Kestle
 * Home"), or an adjective of the market ("Worldwide PC shipments"). They are not the name's.
 */
const OPENING_WORDS = new Set(
  `shares stocks sales output production profits profit revenue revenues prices exports imports customers subscribers shipments earnings
  rival rivals retailer carmaker automaker chipmaker miner lender insurer operator carrier airline brand manufacturer supplier producer
  developer publisher broadcaster analyst analysts economist regulator watchdog startup start-up conglomerate giant
  housebuilder homebuilder builder brewer drugmaker steelmaker shipbuilder refiner explorer jeweller grocer supermarket telecoms utility investor
  closing worldwide global overall total annual quarterly domestic international benchmark`.split(/\s+/),
);
/** An opening word that says the name after it is a company's. */
const COMPANY_OPENING = /^(?:housebuilder|homebuilder|builder|brewer|drugmaker|steelmaker|shipbuilder|refiner|explorer|jeweller|grocer|supermarket|telecoms|utility|rival|rivals|retailer|carmaker|automaker|chipmaker|miner|lender|insurer|operator|carrier|airline|brand|manufacturer|supplier|producer|developer|publisher|broadcaster|startup|start-up|conglomerate|giant)$/;

/** Runs of proper nouns in one sentence, titles stripped, joined over "of" and "&". */
function candidatesIn(text: string, tokens: readonly Token[], offset: number): Candidate[] {
  const found: Candidate[] = [];
  let i = 0;
  let firstWord = tokens.findIndex((token) => /\p{L}/u.test(token.text));
  // After a dateline, the report's first word is where its sentence starts; the dateline's city is a place.
  const dateline = firstWord >= 0 ? DATELINE.exec(text.slice((tokens[firstWord] as Token).start - offset)) : null;
  const datelineEnd = dateline && firstWord >= 0 ? (tokens[firstWord] as Token).start + dateline[0].length : -1;
  if (dateline) firstWord = tokens.findIndex((token) => token.start >= datelineEnd && /\p{L}/u.test(token.text));
  while (i < tokens.length) {
    if (!tokens[i]?.proper) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      const next = tokens[j + 1];
      if (next?.proper && !next.alone && (next.start === (tokens[j] as Token).end || /^\s+$/.test(text.slice((tokens[j] as Token).end - offset, next.start - offset)))) j++;
      else if (next && next.text === '-' && next.start === (tokens[j] as Token).end && tokens[j + 2]?.proper) j += 2;
      else {
        // "Bank of England", "Jeroen van der Veer": joiners between two proper nouns; "of" only after
        // a word that heads an institution's name ("Gerard Rijk of Inbev" is a person and his firm).
        let k = j + 1;
        while (tokens[k] && JOINERS.has((tokens[k] as Token).text) && ((tokens[k] as Token).text !== 'of' || OF_HEAD.test((tokens[j] as Token).text))) k++;
        // The tagger may miss the name's last word ("Veer" as a verb): a capital says it.
        if (k > j + 1 && (tokens[k]?.proper || /^\p{Lu}/u.test(tokens[k]?.text ?? ''))) j = k;
        else break;
      }
    }
    let from = i;
    let titled = false;
    while (from <= j && TITLES.has((tokens[from] as Token).text.toLowerCase().replace(/\.$/, ''))) {
      titled = true;
      from++;
    }
    // "April IMF", "Thursday Apple": a date word before a name is not part of it.
    while (from < j && MONTH_OR_TIME.test((tokens[from] as Token).text)) from++;
    // "April-June": a range's hyphen is not a name's start.
    while (from <= j && /^[-–]$/.test((tokens[from] as Token).text)) from++;
    // "a 40GB iPod", "3G phones": a unit written onto its number is no name's start.
    while (from <= j && from > 0 && (tokens[from - 1] as Token).end === (tokens[from] as Token).start && /\d$/.test((tokens[from - 1] as Token).text)) from++;
    let company = false;
    // "Shares of BYD fell", "Rival Brightwater Security fell": the sentence's opening word is not the name's.
    if (from === firstWord && from < j && OPENING_WORDS.has((tokens[from] as Token).text.toLowerCase())) {
      company = COMPANY_OPENING.test((tokens[from] as Token).text.toLowerCase());
      from++;
      while (from < j && JOINERS.has((tokens[from] as Token).text)) from++;
    }
    // A joiner cannot end a name ("Bank of" when "England" was a title).
    let to = j;
    while (to >= from && JOINERS.has((tokens[to] as Token).text)) to--;
    if (from <= to) {
      const start = (tokens[from] as Token).start;
      const end = (tokens[to] as Token).end;
      // "iPhone 16 Pro", "Mate 60 Pro": a product's model number and its edition are its name; "iPhone 15"
      // and "iPhone 16" are different products, whose figures never meet.
      const model = /^[a-z]+\p{Lu}/u.test(text.slice(start - offset, end - offset)) || /^ \d{1,3}[a-z]? (?:Pro|Max|Plus|Mini|Ultra|SE|Lite|Air|Fold|Flip)\b/u.test(text.slice(end - offset)) ? MODEL_AFTER.exec(text.slice(end - offset))?.[0] ?? '' : '';
      const until = end + model.length;
      const written = text.slice(start - offset, until - offset).replace(/^[-–]+/, '');
      // A single letter ("G" of "5G") is no name.
      if ((written.match(/\p{L}/gu) ?? []).length >= 2) {
        const inDateline = until <= datelineEnd && !/\(/.test(text.slice(start - offset - 2, start - offset)) && /^[\p{Lu}\s.'’-]+$/u.test(written);
        found.push({ start, end: until, text: written, titled, sentenceStart: from === firstWord, type: model ? 'product' : inDateline ? 'place' : company ? 'company' : null });
      }
      if (model) while (tokens[j + 1] && (tokens[j + 1] as Token).end <= until) j++;
    }
    i = j + 1;
  }
  return found;
}

/** A model number after a product's name, and its edition: " 16", " 16 Pro Max"; not a figure (" 16%", " 16 million"). */
const MODEL_AFTER = /^ \d{1,3}[a-z]?(?: (?:Pro|Max|Plus|Mini|Ultra|SE|Lite|Air|Fold|Flip))*(?![\d.,%]| ?(?:%|percent|per cent|million|billion|thousand|units|yuan|dollars|euros|pounds|per|a |an |times|years?|months?|days?|weeks?)\b)/u;

/** After a sentence's first word: it is a name that says, owns or employs ("Shell chief executive …"). */
const ACTS_AS_NAME = /^(?:['’]s\b|\s+(?:(?:has|had)\s+said|warned|posted|said|says|chief|boss|shares|reported|announced|told|spokesman|spokeswoman|executive|chairman)\b)/;

/**
 * Whether a capitalised word that starts a sentence, and is capitalised nowhere else in the
 * article, is a common word capitalised for the sentence ("Revenue rose…"): unless the lexicon
 * knows it as a name, it is.
 */
function commonWord(word: string, lowercase: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase();
  if (lowercase.has(lower)) return true;
  if (tagsOf(lower).some((tag) => /Name|Place|Country|City|Region|Organization|SportsTeam|ProperNoun|Person/.test(tag))) return false;
  // A word no English lexicon knows ("Meituan", "Nordlink") is a name, wherever it stands.
  return !englishLexiconMisses(lower);
}

let lexiconDoc: { isOOV(text: string): boolean } | undefined;
/** Whether wink's English lexicon lacks a word: not a common word of the language. */
function englishLexiconMisses(word: string): boolean {
  lexiconDoc ??= englishTagger().readDoc('') as unknown as { isOOV(text: string): boolean };
  return lexiconDoc.isOOV(word);
}

/** The type the words of a name say, or null when they do not. */
function typeFromWords(words: readonly string[]): NameType | null {
  const last = (words.at(-1) ?? '').toLowerCase().replace(/\.$/, '');
  const whole = words.join(' ');
  if (CORPORATE_SUFFIX.test(whole) || (words.length > 1 && COMPANY_WORDS.has(last))) return 'company';
  if (words.length > 1 && last in englishLexicon().orgWords) return 'organization';
  if (hasTag(whole, 'Organization', 'SportsTeam')) return 'organization';
  if (hasTag(whole, 'Country', 'City', 'Region', 'Place')) return 'place';
  if (words.length > 1 && last in englishLexicon().placeWords) return 'place';
  if (/^(?:US|USA|UK|UAE|U\.S\.?|U\.S\.A\.?|U\.K\.?)$/.test(whole)) return 'place';
  const first = words[0] ?? '';
  if (words.length > 1 && words.length <= 4 && (hasTag(first, 'MaleName', 'FemaleName', 'FirstName') || hasTag(words.at(-1) ?? '', 'LastName'))) return 'person';
  // "iPod", "iTunes", "PlayStation 2": a product's spelling.
  if (/^[a-z]+\p{Lu}/u.test(first) || /\s\d+$/.test(whole)) return 'product';
  if (/^[A-Z]{2,6}$/.test(whole)) return 'organization';
  return null;
}

/** What a name of unknown type is, from the words around it in one sentence. */
function typeFromContext(sentence: string, start: number, end: number): NameType | null {
  const before = sentence.slice(Math.max(0, start - 40), start);
  if (COMPANY_CUE.test(before)) return 'company';
  if (PERSON_CUE.test(before)) return 'person';
  if (/^\s*,\s*(?:the\s+)?(?:chief|head|founder|chairman|boss|president|director|spokes\w+|an?\s+\w+\s+(?:at|with|for|of))\b/i.test(sentence.slice(end, end + 40))) return 'person';
  return null;
}

interface SentenceNames {
  sentence: number;
  offset: number;
  text: string;
  candidates: Candidate[];
}

/**
 * A word that ends a company's name saying only what kind of business it is: a listed one
 * ("Systems", "Foods") or any plural common noun ("Parrow Bakeries", "Kessel Breweries"), which
 * names a trade, not a unit named after its parent ("Vodafone KK").
 */
function isGenericCompanyWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (GENERIC_COMPANY_WORDS.has(lower)) return true;
  if (!/^\p{Lu}\p{Ll}+s$/u.test(word)) return false;
  const doc = englishTagger().readDoc(lower);
  const lemma = doc.tokens().out(englishTagger().its.lemma)[0];
  return doc.tokens().out(englishTagger().its.pos)[0] === 'NOUN' && lemma !== undefined && lemma !== lower;
}

/** Where the short forms of the article's names lead: "Doctorow" → "Cory Doctorow". */
function resolveShortForms(names: Map<string, NameType | null>): Map<string, string> {
  const canonical = new Map<string, string>();
  const full = [...names.keys()].filter((name) => name.includes(' ')).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  for (const name of names.keys()) {
    const stripped = name.replace(CORPORATE_SUFFIX, '');
    if (stripped !== name && stripped !== '' && names.has(stripped)) {
      canonical.set(name, stripped);
      continue;
    }
    // "Halvorsen" of "Halvorsen Systems", "Lintang Nickel" of "Lintang Nickel Industries": a company's
    // name without the generic company word that ends its full name; not "Vodafone" of "Vodafone KK",
    // a unit named after its parent, nor a name whose legal suffix already reads as this one
    // ("Bluewave Group" is "Bluewave", not the other way round).
    const begun = full.filter(
      (other) =>
        other.startsWith(`${name} `) &&
        other.replace(CORPORATE_SUFFIX, '') !== name &&
        names.get(other) !== 'place' &&
        names.get(other) !== 'person' &&
        isGenericCompanyWord(other.split(' ').at(-1) ?? ''),
    );
    if (begun.length === 1 && names.get(name) !== 'person' && names.get(name) !== 'place') {
      canonical.set(name, begun[0] as string);
      continue;
    }
    if (name.includes(' ')) {
      // "van der Veer" of "Jeroen van der Veer": a person's name without its first name.
      const people = full.filter((other) => other !== name && other.endsWith(` ${name}`) && names.get(other) === 'person');
      if (people.length === 1) canonical.set(name, people[0] as string);
      continue;
    }
    // A one-word name that is the last word of a person's name, or any word of an organisation's.
    const longer = full.filter((other) => {
      const words = other.split(' ');
      const type = names.get(other);
      // An organisation's short form is its last word ("Shell" of "Royal Dutch Shell"); a first
      // word names a parent, not its unit ("Vodafone" is not "Vodafone KK").
      return type === 'person' ? words.at(-1) === name && names.get(name) !== 'place' : words.at(-1) === name && type !== 'place' && names.get(name) !== 'place';
    });
    if (longer.length === 1) canonical.set(name, longer[0] as string);
  }
  return canonical;
}

function englishNames(sentences: readonly Sentence[], gazetteer: Gazetteer): NameSpan[][] {
  const result: NameSpan[][] = sentences.map(() => []);
  const perSentence: SentenceNames[] = [];
  const lowercase = new Set<string>();
  // Tag a paragraph at a time: the tagger reads a word by its neighbours, across sentences too.
  let index = 0;
  while (index < sentences.length) {
    const first = sentences[index] as Sentence;
    let end = index + 1;
    while (end < sentences.length && (sentences[end] as Sentence).block === first.block) end++;
    if (first.heading) {
      index = end;
      continue;
    }
    const members = sentences.slice(index, end);
    let text = '';
    const offsets: number[] = [];
    for (const sentence of members) {
      if (text) text += ' ';
      offsets.push(text.length);
      text += sentence.text;
    }
    const tokens = tokensOf(text);
    for (const token of tokens) if (/^\p{Ll}+$/u.test(token.text)) lowercase.add(token.text);
    let from = 0;
    members.forEach((sentence, k) => {
      const offset = offsets[k] as number;
      while (from < tokens.length && (tokens[from] as Token).start < offset) from++;
      let to = from;
      while (to < tokens.length && (tokens[to] as Token).end <= offset + sentence.text.length) to++;
      const inSentence = tokens.slice(from, to);
      from = to;
      perSentence.push({ sentence: index + k, offset, text: sentence.text, candidates: candidatesIn(text, inSentence, 0).map((c) => ({ ...c, start: c.start - offset, end: c.end - offset })) });
    });
    index = end;
  }

  const midSentence = new Set(perSentence.flatMap(({ candidates }) => candidates.filter((c) => !c.sentenceStart).map((c) => c.text)));
  // Type each name from all its occurrences: its words, then the cues around any of them.
  const types = new Map<string, NameType | null>();
  for (const { text, candidates } of perSentence) {
    for (const candidate of candidates) {
      if (candidate.sentenceStart && !candidate.text.includes(' ') && !midSentence.has(candidate.text) && !actsAsName(candidate.text, text.slice(candidate.end, candidate.end + 20)) && commonWord(candidate.text, lowercase)) continue;
      const words = candidate.text.split(/\s+/);
      // An acronym is no common word for the lexicon to know ("US" is not "us").
      const acronym = /^[A-Z]{2,5}$/.test(candidate.text);
      if (words.length === 1 && (NOT_A_NAME_WORD.test(candidate.text) || (!acronym && hasTag(candidate.text, ...NOT_A_NAME)))) continue;
      // "HK$": a currency's letters.
      if (text.charAt(candidate.end) === '$') continue;
      if (words.every((word) => hasTag(word, ...NOT_A_NAME))) continue;
      // "North American sales", "Central and Eastern European": a region's adjective is the figure's market, no one's name.
      if (isRegionAdjective(candidate.text, text.slice(candidate.end, candidate.end + 40))) continue;
      // "April-July", "0710 GMT Carnival": a date or a time, not a name.
      if (candidate.text.split(/[\s-]+/).every((word) => MONTH_OR_TIME.test(word)) || /\b(?:GMT|BST|EST|PST|CET|UTC)\b/.test(candidate.text)) continue;
      // "retailer Hollister Lane": a cue saying it is a company outweighs a word that often ends a place's name.
      const cued = typeFromContext(text, candidate.start, candidate.end);
      const type = (candidate.titled ? 'person' : null) ?? candidate.type ?? (cued === 'company' ? cued : null) ?? typeFromWords(words) ?? cued;
      candidate.type = type;
      const known = types.get(candidate.text);
      if (known === undefined || (known === null && type !== null)) types.set(candidate.text, type);
    }
  }
  const shortForms = resolveShortForms(types);
  // "Internet Explorer (IE)", "the Karachi Stock Exchange (KSE)": the initials in brackets after a name are its short
  // form (not after part of it: "National Company for Cooperative Insurance (NCCI)" is no "Cooperative Insurance").
  for (const { text, candidates } of perSentence) {
    for (const candidate of candidates) {
      const letters = /^\s*\(([\p{Lu}][\p{Lu}\p{Ll}&]{1,7})\)/u.exec(text.slice(candidate.end))?.[1];
      const initials = candidate.text.split(/[\s-]+/).filter((word) => /^\p{Lu}/u.test(word)).map((word) => word.charAt(0)).join('');
      if (letters && letters.replace(/[^\p{Lu}]/gu, '') === initials && types.has(candidate.text) && !shortForms.has(letters)) shortForms.set(letters, shortForms.get(candidate.text) ?? candidate.text);
    }
  }

  for (const { sentence, text, candidates } of perSentence) {
    const spans = result[sentence] as NameSpan[];
    const listed = entitiesIn(text, gazetteer);
    for (const match of listed) spans.push({ start: match.start, end: match.end, name: match.entity.name, type: match.entity.type, gazetteer: match.entity.slug });
    for (const candidate of candidates) {
      if (!types.has(candidate.text)) continue;
      if (listed.some((match) => match.start < candidate.end && candidate.start < match.end)) continue;
      // A name the gazetteer lists under a longer or shorter form ("Alibaba Group Holding").
      const name = shortForms.get(candidate.text) ?? candidate.text;
      const listedAs = gazetteer.byAlias.get(name) ?? gazetteer.byAlias.get(name.replace(CORPORATE_SUFFIX, ''));
      if (listedAs) {
        spans.push({ start: candidate.start, end: candidate.end, name: listedAs.name, type: listedAs.type, gazetteer: listedAs.slug });
        continue;
      }
      const type = types.get(name) ?? types.get(candidate.text) ?? (name !== candidate.text && candidate.titled ? 'person' : null);
      spans.push({ start: candidate.start, end: candidate.end, name, type: type ?? 'organization' });
    }
    spans.sort((a, b) => a.start - b.start);
  }
  return result;
}

// ── Chinese ──────────────────────────────────────────────────────────────────────────────────

const CHINESE_TYPES: Record<string, NameType> = { nr: 'person', nrt: 'person', nrfg: 'person', ns: 'place', nt: 'organization', nz: 'organization' };
/** "本季度公司营收…": a time word before 公司 says when, it is no company's name. */
const CHINESE_TIME_WORD = /(?:季度|年度|财季|财年|月份|同期|当季|当期|本期|半年|全年|今年|去年|明年)$/u;
/** A word that ends an organisation's name: "阿里巴巴集团", "国际数据公司". */
const CHINESE_ORG_SUFFIX = /(?:公司|集团|银行|大学|研究院|研究所|协会|委员会|部|局|署|控股|科技|电子|通信|汽车)$/u;

function chineseNames(sentences: readonly Sentence[], gazetteer: Gazetteer): NameSpan[][] {
  const tagger = chineseTagger();
  const tagged = sentences.map((sentence) => (sentence.heading ? [] : tagger.tag(sentence.text, true)));
  const found = sentences.map((sentence, index) => chineseSentenceNames(sentence, tagged[index] ?? [], gazetteer));
  // "与瀚川/x 新能", "需向/x 康宁生物": a word the tagger glued to a company's name is not the name's;
  // the name is the one the article writes alone elsewhere.
  const alone = new Set(found.flatMap((spans) => spans.filter((span) => span.type === 'company' && !span.gazetteer).map((span) => span.name)));
  for (const [index, spans] of found.entries()) {
    for (const span of spans) {
      if (span.type !== 'company' || span.gazetteer) continue;
      const name = [...alone].find((other) => other.length >= 2 && other.length < span.name.length && span.name.length - other.length <= 2 && span.name.endsWith(other));
      if (name && sentences[index]?.text.slice(span.start, span.end) === span.name) Object.assign(span, { start: span.end - name.length, name });
    }
  }
  // A word the article uses as a company's name once ("苹果分别以…") is that company wherever it
  // stands as a word ("苹果出货量同比下降9%"), where the tagger took it for a fruit or a person.
  const companies = new Map<string, NameSpan>();
  for (const spans of found) for (const span of spans) if (span.type === 'company' && !span.gazetteer && /^\p{Script=Han}{2,6}$/u.test(span.name)) companies.set(span.name, span);
  if (companies.size === 0) return namedInEnglish(found, sentences);
  return namedInEnglish(found.map((spans, index) => {
    const text = sentences[index]?.text ?? '';
    // Where words start and end: a company's name is found only on word edges ("北风半导体", not "华为" in "中华为").
    const { starts, ends } = wordEdges(text, tagged[index] ?? []);
    const added: NameSpan[] = [];
    for (const [name, company] of companies) {
      for (let start = text.indexOf(name); start >= 0; start = text.indexOf(name, start + 1)) {
        const end = start + name.length;
        if (!starts.has(start) || !ends.has(end)) continue;
        const overlapping = spans.filter((span) => span.start < end && start < span.end);
        // "宁德/nr 时代": words the tagger named apart inside the company's name are the name.
        const inside = overlapping.every((span) => !span.gazetteer && span.type !== 'company' && start <= span.start && span.end <= end);
        if (overlapping.length === 0) added.push({ start, end, name: company.name, type: 'company' });
        else if (inside && overlapping.some((span) => span.start !== start || span.end !== end)) {
          for (const span of overlapping) spans.splice(spans.indexOf(span), 1);
          added.push({ start, end, name: company.name, type: 'company' });
        } else if (overlapping.length === 1 && overlapping[0]?.type === 'person' && inside) (overlapping[0] as NameSpan).type = 'company';
      }
    }
    return added.length === 0 ? spans : [...spans, ...added].sort((a, b) => a.start - b.start);
  }), sentences);
}

/** "林堂镍业（Lintang Nickel Industries）": a name's English form, in brackets right after it. */
const ENGLISH_IN_BRACKETS = /^\s*[（(]\s*(\p{Lu}[\p{L}\d&.,' -]{1,60}?)\s*[）)]/u;

/**
 * A Chinese report that gives a name's English form in brackets once ("林堂镍业（Lintang Nickel
 * Industries）") names the same company, mine or smelter as English reports: every mention of the
 * Chinese name in the article takes the English one, which no table could list.
 */
function namedInEnglish(found: NameSpan[][], sentences: readonly Sentence[]): NameSpan[][] {
  const english = new Map<string, string>();
  for (const [index, spans] of found.entries()) {
    const text = sentences[index]?.text ?? '';
    for (const span of spans) {
      const written = ENGLISH_IN_BRACKETS.exec(text.slice(span.end))?.[1];
      if (written && !span.gazetteer && /\p{Script=Han}/u.test(span.name)) english.set(span.name, written.trim());
    }
  }
  if (english.size === 0) return found;
  for (const spans of found) for (const span of spans) span.name = english.get(span.name) ?? span.name;
  return found;
}

/** The names of one Chinese sentence, from its words and their tags. */
function chineseSentenceNames(sentence: Sentence, words: readonly { word: string; tag: string }[], gazetteer: Gazetteer): NameSpan[] {
  {
    if (sentence.heading) return [];
    const listed = entitiesIn(sentence.text, gazetteer);
    const spans: NameSpan[] = listed.map((match) => ({ start: match.start, end: match.end, name: match.entity.name, type: match.entity.type, gazetteer: match.entity.slug }));
    // "紫金/n 矿业/n", "比亚迪/nr": a large company's long Chinese name is the company, however the tagger cut or typed it.
    const edges = wordEdges(sentence.text, words);
    for (const name of longChineseCompanyNamesList()) {
      for (let at = sentence.text.indexOf(name); at >= 0; at = sentence.text.indexOf(name, at + name.length)) {
        const end = at + name.length;
        if (edges.starts.has(at) && edges.ends.has(end) && !spans.some((span) => span.start < end && at < span.end)) spans.push({ start: at, end, name, type: 'company' });
      }
    }
    const known = spans.filter((span) => !span.gazetteer);
    let cursor = 0;
    let skip = 0;
    words.forEach(({ word: tagged, tag }, i) => {
      if (skip > 0) {
        skip--;
        return;
      }
      let word = tagged;
      const start = sentence.text.indexOf(word, cursor);
      if (start < 0) return;
      // A person's family and given names are tagged apart ("蔡/nr 崇信/nrt"): one name.
      const next = words[i + 1];
      if (tag === 'nr' && [...word].length === 1 && next && /^nr/.test(next.tag) && sentence.text.startsWith(next.word, start + word.length)) {
        word += next.word;
        skip = 1;
      }
      cursor = start + word.length;
      const end = cursor;
      if (listed.some((match) => match.start < end && start < match.end) || known.some((span) => span.start < end && start < span.end)) return;
      // "华岭电子", "康宁/nr 生物", "晋能/x 煤业集团": a brand the tagger does not know, then the trade it is in, is a company.
      const company = skip === 0 ? chineseCompanyAt(sentence.text, words, i, start) : null;
      if (company) {
        const listedAs = gazetteer.byAlias.get(company.name) ?? gazetteer.byAlias.get(company.name.replace(CHINESE_COMPANY_FORM, ''));
        spans.push(listedAs ? { start, end: company.end, name: listedAs.name, type: listedAs.type, gazetteer: listedAs.slug } : { start, end: company.end, name: company.name, type: 'company' });
        cursor = company.end;
        skip = company.words - 1;
        return;
      }
      // "克夫拉达翁达铜矿", "莫罗瓦利巴鲁冶炼厂": a run of names the tagger does not know, then a mine or a plant, is that facility.
      const facility = skip === 0 ? chineseFacilityAt(sentence.text, words, i, start) : null;
      if (facility) {
        spans.push({ start, end: facility.end, name: facility.name, type: 'organization' });
        cursor = facility.end;
        skip = facility.words - 1;
        return;
      }
      // "小米公司", "阿里巴巴集团": a word before 公司 or 集团 is a company's name.
      const after = words[i + 1 + skip];
      // Not a description before the name it describes ("美国芯片公司Kestrel", "美国/ns 芯片公司"): the name follows it.
      const described = /^(?:ns)$/.test(words[i - 1]?.tag ?? '') || /^(?:eng|nr|nrt|nt|nz)$/.test(words[i + 2 + skip]?.tag ?? '');
      if (after && !described && /^(?:公司|集团|控股|科技)$/u.test(after.word) && /^(?:n|nz|nr|nrt|nt|eng|j)$/.test(tag) && [...word].length >= 2 && !/^(?:该|本|母|子|分|大|小)$/u.test(word) && !CHINESE_TIME_WORD.test(word) && sentence.text.startsWith(after.word, end)) {
        const listedAs = gazetteer.byAlias.get(word);
        spans.push(listedAs ? { start, end: end + after.word.length, name: listedAs.name, type: listedAs.type, gazetteer: listedAs.slug } : { start, end: end + after.word.length, name: word + after.word, type: 'company' });
        cursor = end + after.word.length;
        skip += 1;
        return;
      }
      let type: NameType | undefined = CHINESE_TYPES[tag];
      // "锂电池龙头", "碳酸锂价格": a term the tagger calls a proper noun, used as a product or a sector, names no one.
      if (tag === 'nz' && CHINESE_TERM_AFTER.test(sentence.text.slice(end, end + 2))) type = undefined;
      // "百度港股", "北风半导体美股": the words whose shares trade are a company's name, whatever the tagger made of them.
      if (!type && /^(?:n|nz|x|j|vn)$/.test(tag) && /^\p{Script=Han}{2,6}$/u.test(word) && !/^(?:公司|集团|该股|个股|市场|其中)$/u.test(word) && STOCK_AFTER.test(sentence.text.slice(end, end + 4))) {
        let from = start;
        for (let k = i - 1; k >= 0; k--) {
          const before = words[k] as { word: string; tag: string };
          if (!/^(?:n|nz|nt|ns|nr|j|x)$/.test(before.tag) || !/^\p{Script=Han}+$/u.test(before.word) || !sentence.text.startsWith(before.word, from - before.word.length) || end - (from - before.word.length) > 8) break;
          // A word the tagger read as a place or a person ("北风/ns", "宁德/nr") is the name's first
          // word, not a name of its own: a person has no shares.
          const taken = spans.findIndex((span) => span.end > from - before.word.length);
          if (taken >= 0 && !(/^(?:place|person)$/.test(spans[taken]?.type ?? '') && !spans[taken]?.gazetteer && spans[taken]?.start === from - before.word.length && spans[taken]?.end === from)) break;
          if (taken >= 0) spans.splice(taken, 1);
          from -= before.word.length;
        }
        spans.push({ start: from, end, name: sentence.text.slice(from, end), type: 'company' });
        return;
      }
      if (tag === 'eng') {
        // A Latin word in Chinese text is a name ("Canalys", "iPhone", "vivo"), not a unit or an address.
        if (!(/^\p{Lu}|^[a-z]+\p{Lu}/u.test(word) || /^[A-Z]{2,}$/.test(word) || (/^[a-z]{3,}$/.test(word) && !/^(?:app|apps|www|com|http|https|wifi|pro|max|plus|mini|ultra)$/.test(word)))) return;
        // A Latin name of several words ("Tim Cook", "Vision Pro") is one name.
        let last = end;
        for (let k = i + 1 + skip; words[k] && /^\s+$/.test(words[k]?.word ?? '') && words[k + 1]?.tag === 'eng' && /^\p{Lu}/u.test(words[k + 1]?.word ?? ''); k += 2) {
          const following = sentence.text.indexOf(words[k + 1]?.word ?? '', last);
          if (following !== last + (words[k]?.word.length ?? 0)) break;
          last = following + (words[k + 1]?.word.length ?? 0);
          skip += 2;
        }
        cursor = last;
        const latin = sentence.text.slice(start, last);
        // "库克（Tim Cook）": the name as written in Latin script, of the name before it.
        const previous = spans.at(-1);
        const glossed = previous && /^[（(]$/u.test(sentence.text.slice(previous.end, start)) && /^[）)]/u.test(sentence.text.slice(last));
        const listedAs = gazetteer.byAlias.get(latin);
        if (listedAs) spans.push({ start, end: last, name: listedAs.name, type: listedAs.type, gazetteer: listedAs.slug });
        else if (glossed && previous) spans.push({ ...previous, start, end: last });
        else spans.push({ start, end: last, name: latin, type: 'organization' });
        return;
      }
      // "小米出货量": a company's Chinese name that is also a common word (小米 is millet), read as the
      // company where its sales, shipments or share price follow.
      if (!type && /^(?:n|nz|j)$/.test(tag) && isChineseCompanyName(word) && COMPANY_MEASURE_AFTER.test(sentence.text.slice(end, end + 12))) type = 'company';
      // "隆基绿能发布公告称", "远峰/x 绿能/x 发布公告": words the tagger could not cut, three characters or more, that announce results are a company.
      if (!type && tag === 'x' && /^\p{Script=Han}+$/u.test(word) && CHINESE_ANNOUNCES.test(sentence.text.slice(end, end + 12))) {
        let from = start;
        for (let k = i - 1; k >= 0; k--) {
          const before = words[k] as TaggedWord;
          if (before.tag !== 'x' || !/^\p{Script=Han}+$/u.test(before.word) || !sentence.text.startsWith(before.word, from - before.word.length) || end - from + before.word.length > 6 || spans.some((span) => span.end > from - before.word.length)) break;
          from -= before.word.length;
        }
        if (end - from >= 3 && end - from <= 6) {
          spans.push({ start: from, end, name: sentence.text.slice(from, end), type: 'company' });
          return;
        }
      }
      if (!type) return;
      if (type !== 'person' && CHINESE_ORG_SUFFIX.test(word)) type = 'organization';
      // "比亚迪5月销量": a person has no sales, shipments or share price; a company does.
      if (type === 'person' && COMPANY_MEASURE_AFTER.test(sentence.text.slice(end, end + 12))) type = 'company';
      if ([...word].length < 2) return;
      const listedAs = gazetteer.byAlias.get(word) ?? gazetteer.byAlias.get(word.replace(CHINESE_ORG_SUFFIX, ''));
      spans.push(listedAs ? { start, end, name: listedAs.name, type: listedAs.type, gazetteer: listedAs.slug } : { start, end, name: word, type });
    });
    // "华为以18%的份额位居第一", "小米和联想分别以12.2%和9.7%的份额": whoever holds a figure "以" (with)
    // it in a market report is a vendor, whatever the tagger made of the word (小米 is also millet).
    for (const span of vendorsIn(sentence.text, words)) {
      const overlapping = spans.find((other) => other.start < span.end && span.start < other.end);
      // "华为/nr 以19%": whoever holds a share is a vendor, not the person the tagger took it for.
      if (overlapping?.type === 'person' && overlapping.start === span.start && overlapping.end === span.end) overlapping.type = 'company';
      if (overlapping) continue;
      const listedAs = gazetteer.byAlias.get(span.name);
      spans.push(listedAs ? { ...span, name: listedAs.name, type: listedAs.type, gazetteer: listedAs.slug } : span);
    }
    // "院长苏惠兰说": a name between a title and what the person said, which the tagger may miss.
    for (const match of sentence.text.matchAll(TITLED_CHINESE_NAME)) {
      const start = (match.index ?? 0) + (match[1]?.length ?? 0);
      const end = start + (match[2]?.length ?? 0);
      if (!spans.some((span) => span.start < end && start < span.end)) spans.push({ start, end, name: match[2] as string, type: 'person' });
    }
    return spans.sort((a, b) => a.start - b.start);
  }
}

/** Tags of a word that can be a company's brand or a facility's name: unknown words, names, places, abbreviations. */
const CHINESE_BRAND_TAG = /^(?:x|nr|nrt|nrfg|nz|ns|j)$/;
/**
 * The trade a Chinese company's name states after its brand ("华岭电子", "康宁生物", "瀚川新能",
 * "晋能煤业"): how the Chinese press names listed companies, brand then industry.
 */
const CHINESE_INDUSTRY = /^(?:电子|医药|药业|制药|生物|科技|汽车|能源|新能|新能源|煤业|矿业|铜业|铝业|锂业|钴业|镍业|钢铁|化工|电气|电器|电力|通信|半导体|证券|银行|保险|地产|置业|重工|机械|食品|乳业|航空|物流|传媒|网络|软件|光电|材料|新材|新材料|动力|电池|锂电|锂能|绿能|光伏|智能|微电子|信息|水泥|建材|石化|燃气|航运|港口|环保|水务|旅游|影视|医疗|装备|精密|稀土|有色|钼业|黄金|味业|酒业|家电|股份|控股|集团)$/u;
/** What follows a company's trade in its full name: "晋能煤业集团", "华岭电子股份有限公司". */
const CHINESE_COMPANY_FORM = /(?:集团|股份|控股|有限公司|公司)+$/u;
/** After a brand and a trade, words that make them a sector, not a company: "中国汽车市场", "新能源板块". */
const CHINESE_SECTOR_AFTER = /^(?:市场|行业|板块|产业|工业|企业|领域|概念|龙头|类|销量|产量|出口|进口|需求)/u;
/** Facilities a Chinese report names by a name and what they are: a mine, a smelter, a plant. */
const CHINESE_FACILITY = /^(?:铜矿|金矿|银矿|铁矿|煤矿|镍矿|锂矿|矿山|矿|冶炼厂|炼厂|炼油厂|工厂|电站|电厂)$/u;

interface TaggedWord {
  word: string;
  tag: string;
}

/**
 * The company whose name starts at word `i`: a brand (one or two words the tagger does not know as
 * common ones, 2 to 4 characters) right before a trade, with its "集团" or "公司" if written. A
 * country before a trade ("中国银行") is a company only with such a suffix: "中国汽车" is an industry.
 */
function chineseCompanyAt(text: string, words: readonly TaggedWord[], i: number, start: number): { name: string; end: number; words: number } | null {
  let brandEnd = start;
  let k = i;
  for (; k < i + 2 && words[k] && CHINESE_BRAND_TAG.test((words[k] as TaggedWord).tag) && /^\p{Script=Han}+$/u.test((words[k] as TaggedWord).word) && text.startsWith((words[k] as TaggedWord).word, brandEnd); k++) {
    if (k > i && CHINESE_INDUSTRY.test((words[k] as TaggedWord).word)) break;
    brandEnd += (words[k] as TaggedWord).word.length;
  }
  const brand = text.slice(start, brandEnd);
  const trade = words[k];
  if (brand.length < 2 || brand.length > 4 || !trade || !CHINESE_INDUSTRY.test(trade.word) || !text.startsWith(trade.word, brandEnd)) return null;
  let end = brandEnd + trade.word.length;
  let used = k - i + 1;
  for (let m = k + 1; words[m] && /^(?:集团|股份|控股|公司|股份公司|有限公司|股份有限公司)$/u.test((words[m] as TaggedWord).word) && text.startsWith((words[m] as TaggedWord).word, end); m++) {
    end += (words[m] as TaggedWord).word.length;
    used++;
  }
  // "美国芯片公司Kestrel": a description before the name it describes.
  if (/^(?:eng|nr|nrt|nt|nz)$/.test(words[i + used]?.tag ?? '') && text.startsWith(words[i + used]?.word ?? '', end)) return null;
  const suffixed = end > brandEnd + trade.word.length || /^(?:集团|股份|控股)$/u.test(trade.word);
  if (!suffixed && CHINESE_SECTOR_AFTER.test(text.slice(end, end + 2))) return null;
  // A country or a region is a company's brand only in a name that says it is one.
  if (!suffixed && words.slice(i, k).some((w) => w.tag === 'ns' && (englishName(w.word) !== w.word || /^(?:中国|全国|国内|国际|全球|海外)$/u.test(w.word)))) return null;
  return { name: text.slice(start, end), end, words: used };
}

/** The facility whose name starts at word `i`: a run of unknown words or names, at least three characters, then a mine or a plant. */
function chineseFacilityAt(text: string, words: readonly TaggedWord[], i: number, start: number): { name: string; end: number; words: number } | null {
  let end = start;
  let k = i;
  for (; k < i + 4 && words[k] && CHINESE_BRAND_TAG.test((words[k] as TaggedWord).tag) && /^\p{Script=Han}+$/u.test((words[k] as TaggedWord).word) && text.startsWith((words[k] as TaggedWord).word, end); k++) end += (words[k] as TaggedWord).word.length;
  const kind = words[k];
  if (end - start < 3 || !kind || !CHINESE_FACILITY.test(kind.word) || !text.startsWith(kind.word, end)) return null;
  // A country's or a province's mines are not one facility ("智利铜矿").
  if (k === i + 1 && englishName(text.slice(start, end)) !== text.slice(start, end)) return null;
  return { name: text.slice(start, end + kind.word.length), end: end + kind.word.length, words: k - i + 1 };
}

/** After a term the tagger took for a proper noun, words that make it a product or a sector: "锂电池龙头", "碳酸锂价格". */
const CHINESE_TERM_AFTER = /^(?:龙头|巨头|厂商|企业|价格|价|板块|行业|概念|产业|市场|材料|产品|需求|供应)/u;

/** What a company does with its results after its name: "发布公告", "3月29日晚间公布". */
const CHINESE_ANNOUNCES = /^(?:\d{1,2}月\d{1,2}日)?(?:晚间|早间|盘后|日前|今日|周[一二三四五六日])?(?:发布|公告|公布|宣布|披露)/u;

/** Where the tagger's words start and end in a sentence. */
function wordEdges(text: string, words: readonly TaggedWord[]): { starts: Set<number>; ends: Set<number> } {
  const starts = new Set<number>();
  const ends = new Set<number>();
  let cursor = 0;
  for (const { word } of words) {
    const start = text.indexOf(word, cursor);
    if (start < 0) continue;
    cursor = start + word.length;
    starts.add(start);
    ends.add(cursor);
  }
  return { starts, ends };
}

/** A company's shares after its name: "百度港股", "百度股价". */
const STOCK_AFTER = /^(?:港股|美股|A股|股价|股票|市值)/u;

/** A company's measure after a name, with a period between or not: "5月销量", "一季度营收", "股价". */
const COMPANY_MEASURE_AFTER = /^(?:(?:\d{4}年)?(?:\d{1,2}月|[一二三四1-4]季度|第[一二三四]季度|上半年|全年)?(?:的)?(?:销量|出货量|营收|营业收入|净利润|股价|市值|市场份额|份额|交付量))/u;

/** Words that can be a vendor's name: nouns, names, verbs the tagger took a name for (联想), Latin words. */
const VENDOR_TAG = /^(?:n|nr|nrt|nz|nt|ns|v|vn|eng|x|j)$/;

/**
 * The vendors of a Chinese market report's "X以N%…" (X with N%) and "X和Y分别以…" (X and Y with …
 * respectively): the word before 以 when a number follows it, and every word listed before 分别以.
 */
function vendorsIn(text: string, words: readonly { word: string; tag: string }[]): NameSpan[] {
  const positions: number[] = [];
  let cursor = 0;
  for (const { word } of words) {
    const at = text.indexOf(word, cursor);
    positions.push(at);
    if (at >= 0) cursor = at + word.length;
  }
  const vendor = (k: number): NameSpan | null => {
    const { word, tag } = words[k] ?? { word: '', tag: '' };
    const start = positions[k] ?? -1;
    if (start < 0 || !VENDOR_TAG.test(tag) || !/^(?:\p{Script=Han}{2,6}|[A-Za-z][A-Za-z0-9]+)$/u.test(word) || /^(?:市场|份额|厂商|品牌|公司|其中|同比|出货量|销量)$/u.test(word)) return null;
    return { start, end: start + word.length, name: word, type: 'company' };
  };
  const found: NameSpan[] = [];
  words.forEach(({ word }, k) => {
    if (word === '以' && words[k + 1]?.tag === 'm') {
      const span = vendor(k - 1);
      if (span) found.push(span);
    }
    if (word === '分别' && words[k + 1]?.word === '以') {
      for (let m = k - 1; m >= 0; m -= 2) {
        const span = vendor(m);
        if (!span) break;
        found.push(span);
        if (!/^(?:、|和|与|及|,|，)$/u.test(words[m - 1]?.word ?? '')) break;
      }
    }
  });
  return found;
}

const TITLED_CHINESE_NAME =
  /(院长|主席|董事长|首席执行官|行政总裁|总裁|总经理|经理|发言人|记者|部长|局长|处长|主任|教授|研究员|总监|创始人|分析师|总理|总统|市长)(\p{Script=Han}{2,3}?)(?=博士|先生|女士|教授|说|表示|称|指出|认为|透露|强调)/gu;

/**
 * The names in each sentence of an article (headings have none: their capitals are a style, not
 * names), in order, none overlapping. `lang` picks the language's recogniser; a language with no
 * recogniser of its own gets the gazetteer's names alone.
 */
export function recogniseNames(article: { sentences: readonly Sentence[]; lang: string }, gazetteer: Gazetteer): NameSpan[][] {
  const language = article.lang.toLowerCase().split('-')[0];
  if (language === 'en') return englishNames(article.sentences, gazetteer);
  if (language === 'zh') return chineseNames(article.sentences, gazetteer);
  return article.sentences.map((sentence) =>
    sentence.heading ? [] : entitiesIn(sentence.text, gazetteer).map((match) => ({ start: match.start, end: match.end, name: match.entity.name, type: match.entity.type, gazetteer: match.entity.slug })),
  );
}
