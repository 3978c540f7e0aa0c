/**
 * Quotes: what someone said, verbatim between quotation marks, with the speaker the text names.
 *
 * A quotation may run over several sentences of one paragraph, so each block's sentences are
 * joined (by the single space that separates them on the page) and quotation marks are paired
 * over the whole block. The speaker comes only from the words around the quotation:
 *
 * 1. after it, in the sentence that closes it: `,” Tsai said` · `,” said Will Wong, an analyst`
 *    · `,” the executive told CNBC` · `, according to Omdia`;
 * 2. before it, in the sentence that opens it: `Tsai told CNBC: “…”` · `According to Tsai, “…”`;
 * 3. a quotation with neither that directly follows an attributed one in the same paragraph
 *    continues it (`Apple “talked to…,” Joseph Tsai stated. “In the end they chose…”`);
 * 4. in Chinese, `X表示/称/说/指出：“…”` before it, or `”，X表示` after it.
 *
 * The attribution's subject is the name found in it (`ner.ts`, with the gazetteer's names and
 * aliases: "Tsai" → "Joe Tsai"), a person first, else an organisation ("said Google"), whoever
 * they are; a pronoun or a role ("he", "the executive") is the person last named before the
 * quotation in its paragraph or the one before, "the company" the organisation; a full name
 * nothing found is kept as written. A date, a number or a place is never a speaker: `null`.
 * Short quoted phrases (scare quotes such as “super cycle”) and quoted titles are not quotes.
 *
 * One remark is one quote: a quotation that continues the one before it (3, or "“…,” Tsai said.
 * “…,” he added.") joins it, its pieces joined by " … " where the attribution stood between them.
 * Each piece is exactly what stands between its marks, a trailing comma included ("…like
 * Apple,"): the product promises verbatim text, and readers expect the comma of a split sentence.
 */
import { sourceRef } from '../../core/types.ts';
import type { Article, Quote, Sentence } from '../../core/types.ts';
import { entitiesIn, type EntityMatch, type Gazetteer } from './entities.ts';
import type { NameSpan } from './ner.ts';

/** A quoted phrase of up to this many words is a scare quote or a term, not something said. */
const MIN_QUOTE_WORDS = 5;

const UNSPACED = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
const SPACED_WORD = String.raw`[[\p{L}\p{N}]--[${UNSPACED}]]+`;
/** A word: a CJK character, or a run of letters and digits with inner apostrophes or hyphens. */
const WORD = new RegExp(String.raw`[${UNSPACED}]|${SPACED_WORD}(?:['’\-]${SPACED_WORD})*`, 'gv');

const SPEECH_VERB = String.raw`(?:said|says|added|adds|stated|states|noted|notes|told|tells|explained|explains|wrote|writes|remarked|commented|argued|argues|warned|warns|insisted|claimed|claims|announced|acknowledged|recalled|replied|observed|emphasi[sz]ed|stressed|declared|predicted|continued|reported|according\s+to)`;
/** A clause's subject: a few words without punctuation or quotation marks. */
const SUBJECT = String.raw`[^,;:.!?“”"()\[\]]{1,80}?`;
const LEAD = String.raw`^[\s,;:–—-]*`;
/** After a quotation, verb first: `,” said Will Wong, an analyst with IDC.` */
const TAIL_VERB_FIRST = new RegExp(String.raw`${LEAD}${SPEECH_VERB}\s+([^,;:.!?“”"()\[\]]+)`, 'du');
/** After a quotation, subject first: `,” Alibaba chairperson Joseph Tsai stated during…` */
const TAIL_SUBJECT_FIRST = new RegExp(String.raw`${LEAD}(${SUBJECT})\s+${SPEECH_VERB}(?!\p{L})`, 'du');
/** Before a quotation: `Tsai told CNBC: “` · `Cook said that “` (a few words may follow the verb). */
const HEAD_SUBJECT_FIRST = new RegExp(
  String.raw`(?:^|[,;:.!?”"]\s*)(${SUBJECT})\s+${SPEECH_VERB}(?:\s+[^\s,;:.!?“”"]+){0,4}?[\s,:]*$`,
  'du',
);
/** After a quotation, a subject with an appositive: `,” Maria Lopez, chief executive of Harbour Foods, said.` */
const TAIL_APPOSITIVE = new RegExp(String.raw`${LEAD}(${SUBJECT}),\s+[^,;:.!?“”"()\[\]]{1,80},\s+${SPEECH_VERB}(?!\p{L})`, 'du');
/** Before a quotation, the same: `Tom Berg, an analyst at Kettle Research, said: “` */
const HEAD_APPOSITIVE = new RegExp(
  String.raw`(?:^|[,;:.!?”"]\s*)(${SUBJECT}),\s+[^,;:.!?“”"()\[\]]{1,80},\s+${SPEECH_VERB}(?:\s+[^\s,;:.!?“”"]+){0,4}?[\s,:]*$`,
  'du',
);
/** Before a quotation: `According to Tsai, “` */
const HEAD_ACCORDING_TO = /(?:^|[\s,;:])[Aa]ccording\s+to\s+([^,;:.!?“”"()[\]]{1,80}?)[\s,:]*$/du;
const CHINESE_VERB = '(?:表示|称|说|指出|认为|透露|强调|坦言|介绍|回应)';
/** Chinese, before a quotation: `蔡崇信表示：“` · `库克在采访中说，“`. */
const HEAD_CHINESE = new RegExp(String.raw`([^，。；：“”！？,.;:]{1,24}?)${CHINESE_VERB}[，,：:]?\s*$`, 'du');
/** Chinese, after a quotation: `”，蔡崇信表示` · `”库克说。` */
const TAIL_CHINESE = new RegExp(String.raw`^[，,。]?\s*([^，。；：“”！？,.;:]{1,24}?)${CHINESE_VERB}`, 'du');
/** Never a speaker: words of a date or a number. */
const NOT_A_SPEAKER = /\d|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday|On|In|At|Last|This|Next)\b/;
/** The organisation "the company" stands for. */
const ORGANISATION_ANAPHOR = /^[Tt]he\s+(?:company|firm|group|bank|ministry|government|department|agency|club|party|maker|retailer|carrier)$/;

const ROLE = String.raw`(?:executive|chief executive|CEO|CFO|chairman|chairwoman|chairperson|chair|founder|co-founder|president|analyst|spokesperson|spokesman|spokeswoman|official|minister|director|professor|researcher|economist|investor|manager|boss|head)`;
/** A pronoun or a definite role ("the executive", "the Alibaba chairman"): a person named before. */
const ANAPHOR = new RegExp(String.raw`^(?:[Hh]e|[Ss]he|[Tt]he\s+(?:[\p{Lu}][\p{L}\p{N}&.’'-]*\s+)*${ROLE})$`, 'u');
/** A person's full name as written: two to four capitalised words. */
const FULL_NAME = /^\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){1,3}$/u;

interface SentenceSpan {
  sentence: Sentence;
  start: number;
  end: number;
}

interface Block {
  text: string;
  sentences: SentenceSpan[];
}

/** A pair of quotation marks in a block's text: `open` and `close` index the marks. */
interface Quotation {
  open: number;
  close: number;
}

/**
 * The text of each non-heading block, its sentences joined by single spaces, with offsets. The
 * cleaner keeps whatever separated two sentences in the source, which is one space in running
 * text; a quotation spanning a gap that was not (sentences glued as "share.But", or a no-break
 * space) would cite its sentences with a plain space between them.
 */
function blocksOf(sentences: readonly Sentence[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let currentIndex = -1;
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    if (!current || sentence.block !== currentIndex) {
      current = { text: '', sentences: [] };
      currentIndex = sentence.block;
      blocks.push(current);
    }
    if (current.text) current.text += ' ';
    current.sentences.push({ sentence, start: current.text.length, end: current.text.length + sentence.text.length });
    current.text += sentence.text;
  }
  return blocks;
}

/**
 * Pair quotation marks: `“` opens and `”` closes; a straight `"` opens when none is open and
 * closes a straight one. An opening mark that meets another opening mark was never closed in
 * this paragraph, so the newer one replaces it.
 */
function quotations(text: string): Quotation[] {
  const found: Quotation[] = [];
  let open = -1;
  let straight = false;
  for (const match of text.matchAll(/[“”"]/g)) {
    const mark = match[0];
    if (mark === '“') {
      open = match.index;
      straight = false;
    } else if (mark === '”') {
      if (open >= 0 && !straight) found.push({ open, close: match.index });
      open = -1;
    } else if (open >= 0 && straight) {
      found.push({ open, close: match.index });
      open = -1;
    } else if (open < 0) {
      open = match.index;
      straight = true;
    }
  }
  return found;
}

function wordsIn(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** A quoted title ("How Apple Lost China") is capitalised throughout and ends without punctuation. */
function isTitle(inner: string, words: readonly string[]): boolean {
  if (/[.,;:!?…]\s*$/u.test(inner)) return false;
  const long = words.filter((word) => word.length > 3);
  return long.length > 0 && long.filter((word) => /^\p{Lu}/u.test(word)).length / long.length >= 0.8;
}

const spanAt = (block: Block, offset: number) =>
  block.sentences.find((span) => offset < span.end) ?? (block.sentences.at(-1) as SentenceSpan);

/** A name in a block's text: a name span moved from its sentence's offsets to the block's. */
interface BlockName {
  start: number;
  end: number;
  name: string;
  type: string;
}

/** The names of a block: from `recogniseNames` where given, else the gazetteer's. */
function blockNames(block: Block, gazetteer: Gazetteer, names: readonly (readonly NameSpan[])[] | undefined, indexOf: ReadonlyMap<Sentence, number>): BlockName[] {
  return block.sentences.flatMap(({ sentence, start }) => {
    const spans: readonly { start: number; end: number; name: string; type: string }[] = names
      ? (names[indexOf.get(sentence) ?? -1] ?? [])
      : entitiesIn(sentence.text, gazetteer).map((match: EntityMatch) => ({ start: match.start, end: match.end, name: match.entity.name, type: match.entity.type }));
    return spans.map((span) => ({ start: span.start + start, end: span.end + start, name: span.name, type: span.type }));
  });
}

const isOrganisation = (type: string) => type === 'company' || type === 'organization';

/** The last name of one of `types` before `offset` in the block. */
function lastNamed(names: readonly BlockName[], offset: number, test: (type: string) => boolean): string | null {
  return names.filter((name) => name.end <= offset && test(name.type)).at(-1)?.name ?? null;
}

interface Attribution {
  subject: string;
  /** Where the subject stands in the block's text. */
  start: number;
  end: number;
  nearest: 'first' | 'last';
}

/**
 * Who an attribution's subject is: the person named in it (the one closest to the verb), else
 * the organisation; a pronoun or a role is `antecedent`'s person, "the company" its
 * organisation; a full name nothing found is kept as written.
 */
function resolveSubject(found: Attribution, names: readonly BlockName[], antecedent: (test: (type: string) => boolean) => string | null): string | null {
  const trimmed = found.subject.trim();
  const inside = names.filter((name) => name.start >= found.start && name.end <= found.end);
  const pick = (test: (type: string) => boolean) => {
    const matching = inside.filter((name) => test(name.type));
    return (found.nearest === 'first' ? matching[0] : matching.at(-1))?.name;
  };
  const person = pick((type) => type === 'person');
  if (person) return person;
  if (ANAPHOR.test(trimmed) || /^(?:他|她)$/u.test(trimmed)) return antecedent((type) => type === 'person');
  const organisation = pick(isOrganisation);
  if (organisation) return organisation;
  if (ORGANISATION_ANAPHOR.test(trimmed)) return antecedent(isOrganisation);
  return FULL_NAME.test(trimmed) && !NOT_A_SPEAKER.test(trimmed) ? trimmed : null;
}

/** The subject group of a match, with its offsets in the block (`base` is where the searched text starts). */
function subjectOf(match: RegExpExecArray | null, base: number, nearest: Attribution['nearest'], maxWords = Infinity): Attribution | undefined {
  const subject = match?.[1];
  const indices = match?.indices?.[1];
  if (!subject || !indices || wordsIn(subject).length > maxWords) return undefined;
  return { subject, start: base + indices[0], end: base + indices[1], nearest };
}

/** An attribution in the words around a quotation, or `undefined` when there is none. */
function attribution(block: string, tailStart: number, tailEnd: number, headStart: number, headEnd: number): Attribution | undefined {
  const tail = block.slice(tailStart, tailEnd);
  const head = block.slice(headStart, headEnd);
  return (
    subjectOf(TAIL_VERB_FIRST.exec(tail), tailStart, 'first') ??
    subjectOf(TAIL_SUBJECT_FIRST.exec(tail), tailStart, 'last', 8) ??
    subjectOf(TAIL_APPOSITIVE.exec(tail), tailStart, 'last', 8) ??
    subjectOf(TAIL_CHINESE.exec(tail), tailStart, 'last') ??
    subjectOf(HEAD_ACCORDING_TO.exec(head), headStart, 'first') ??
    subjectOf(HEAD_SUBJECT_FIRST.exec(head), headStart, 'last', 8) ??
    subjectOf(HEAD_APPOSITIVE.exec(head), headStart, 'last', 8) ??
    subjectOf(HEAD_CHINESE.exec(head), headStart, 'last')
  );
}

/**
 * Quotations in an article, in reading order, each with its speaker and the sentences it spans.
 * `names` are the names found in each sentence (`recogniseNames`), by the sentence's index;
 * without them, the gazetteer's names alone can be speakers.
 */
export function extractQuotes(article: Pick<Article, 'slug' | 'sentences'>, gazetteer: Gazetteer, names?: readonly (readonly NameSpan[])[]): Quote[] {
  const quotes: Quote[] = [];
  const blocks = blocksOf(article.sentences);
  const indexOf = new Map(article.sentences.map((sentence, i) => [sentence, i]));
  const namesOf = blocks.map((block) => blockNames(block, gazetteer, names, indexOf));
  blocks.forEach((block, blockIndex) => {
    const marks = quotations(block.text);
    const named = namesOf[blockIndex] as BlockName[];
    // The previous quotation of this paragraph that was kept: one that continues it joins it.
    let previous: { quote: Quote; firstStart: number; closeSentence: number; speaker: string | null } | undefined;
    marks.forEach(({ open, close }, index) => {
      const inner = block.text.slice(open + 1, close);
      const words = wordsIn(inner);
      if (words.length < MIN_QUOTE_WORDS || isTitle(inner, words)) return;
      const first = spanAt(block, open);
      const last = spanAt(block, close);
      const firstIndex = block.sentences.indexOf(first);
      const tailEnd = Math.min(last.end, marks[index + 1]?.open ?? Infinity);
      const headStart = Math.max(first.start, (marks[index - 1]?.close ?? -1) + 1);
      const found = attribution(block.text, close + 1, tailEnd, headStart, open);
      const antecedent = (test: (type: string) => boolean) =>
        lastNamed(named, open, test) ?? (blockIndex > 0 ? lastNamed(namesOf[blockIndex - 1] as BlockName[], Infinity, test) : null);
      const continues = previous !== undefined && previous.closeSentence >= firstIndex - 1;
      let speaker: string | null = null;
      if (found) speaker = resolveSubject(found, named, antecedent);
      else if (continues) speaker = previous?.speaker ?? null;
      const closeSentence = block.sentences.indexOf(last);
      if (previous && continues && (!found || (speaker !== null && speaker === previous.speaker))) {
        // The same remark, resumed after its attribution: one quote over all its sentences.
        previous.quote.text += ` … ${inner}`;
        const from = previous.firstStart;
        const source = previous.quote.sources[0] as Quote['sources'][number];
        previous.quote.sources = [{ ...source, quote: block.text.slice(from, last.end) }];
        previous.closeSentence = closeSentence;
        return;
      }
      const quote: Quote = { text: inner, speaker, sources: [sourceRef(article, { id: first.sentence.id, text: block.text.slice(first.start, last.end) })] };
      quotes.push(quote);
      previous = { quote, firstStart: first.start, closeSentence, speaker };
    });
  });
  return quotes;
}
