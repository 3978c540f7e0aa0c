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
 *    continues it (`Apple “talked to…,” Joseph Tsai stated. “In the end they chose…”`).
 *
 * The attribution's subject resolves through the gazetteer ("Tsai" → "Joe Tsai"); a pronoun or a
 * role ("he", "the executive") to the person last named before the quotation in its paragraph
 * or the one before; a full name the gazetteer lacks is kept as written. Anything else: `null`.
 * Short quoted phrases (scare quotes such as “super cycle”) and quoted titles are not quotes.
 *
 * `text` is exactly what stands between the marks, a trailing comma included ("…like Apple,"):
 * the product promises verbatim text, and readers expect the comma of a split sentence.
 */
import { sourceRef } from '../paths.ts';
import type { Article, Quote, Sentence } from '../types.ts';
import { entitiesIn, type EntityMatch, type Gazetteer } from './entities.ts';

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
const TAIL_VERB_FIRST = new RegExp(String.raw`${LEAD}${SPEECH_VERB}\s+([^,;:.!?“”"()\[\]]+)`, 'u');
/** After a quotation, subject first: `,” Alibaba chairperson Joseph Tsai stated during…` */
const TAIL_SUBJECT_FIRST = new RegExp(String.raw`${LEAD}(${SUBJECT})\s+${SPEECH_VERB}(?!\p{L})`, 'u');
/** Before a quotation: `Tsai told CNBC: “` · `Cook said that “` (a few words may follow the verb). */
const HEAD_SUBJECT_FIRST = new RegExp(
  String.raw`(?:^|[,;:.!?”"]\s*)(${SUBJECT})\s+${SPEECH_VERB}(?:\s+[^\s,;:.!?“”"]+){0,4}?[\s,:]*$`,
  'u',
);
/** Before a quotation: `According to Tsai, “` */
const HEAD_ACCORDING_TO = /(?:^|[\s,;:])[Aa]ccording\s+to\s+([^,;:.!?“”"()[\]]{1,80}?)[\s,:]*$/u;

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

/** The last person named in `text`, as its canonical name. */
function lastPerson(text: string, gazetteer: Gazetteer): string | null {
  const people = entitiesIn(text, gazetteer).filter((match) => match.entity.type === 'person');
  return people.at(-1)?.entity.name ?? null;
}

/**
 * Who an attribution's subject is. `nearest` picks among several names the one closest to the
 * verb; `antecedent` is the person a pronoun or role refers to.
 */
function resolveSubject(
  subject: string,
  nearest: 'first' | 'last',
  gazetteer: Gazetteer,
  antecedent: () => string | null,
): string | null {
  const trimmed = subject.trim();
  const pick = (matches: EntityMatch[]) => (nearest === 'first' ? matches[0] : matches.at(-1))?.entity.name;
  const named = entitiesIn(trimmed, gazetteer);
  const person = pick(named.filter((match) => match.entity.type === 'person'));
  if (person) return person;
  if (ANAPHOR.test(trimmed)) return antecedent();
  const organisation = pick(named.filter((match) => match.entity.type === 'company' || match.entity.type === 'organization'));
  if (organisation) return organisation;
  return FULL_NAME.test(trimmed) ? trimmed : null;
}

/** An attribution in the words around a quotation: its subject, or `undefined` when there is none. */
function attribution(tail: string, head: string): { subject: string; nearest: 'first' | 'last' } | undefined {
  const verbFirst = TAIL_VERB_FIRST.exec(tail);
  if (verbFirst?.[1]) return { subject: verbFirst[1], nearest: 'first' };
  const subjectFirst = TAIL_SUBJECT_FIRST.exec(tail);
  if (subjectFirst?.[1] && wordsIn(subjectFirst[1]).length <= 8) return { subject: subjectFirst[1], nearest: 'last' };
  const according = HEAD_ACCORDING_TO.exec(head);
  if (according?.[1]) return { subject: according[1], nearest: 'first' };
  const headSubject = HEAD_SUBJECT_FIRST.exec(head);
  if (headSubject?.[1] && wordsIn(headSubject[1]).length <= 8) return { subject: headSubject[1], nearest: 'last' };
  return undefined;
}

/** Quotations in an article, in reading order, each with its speaker and the sentences it spans. */
export function extractQuotes(article: Pick<Article, 'slug' | 'sentences'>, gazetteer: Gazetteer, base: string): Quote[] {
  const quotes: Quote[] = [];
  const blocks = blocksOf(article.sentences);
  blocks.forEach((block, blockIndex) => {
    const marks = quotations(block.text);
    // The previous quotation of this paragraph that was kept: one without an attribution continues it.
    let previous: { closeSentence: number; speaker: string | null } | undefined;
    marks.forEach(({ open, close }, index) => {
      const inner = block.text.slice(open + 1, close);
      const words = wordsIn(inner);
      if (words.length < MIN_QUOTE_WORDS || isTitle(inner, words)) return;
      const first = spanAt(block, open);
      const last = spanAt(block, close);
      const firstIndex = block.sentences.indexOf(first);
      const tailEnd = Math.min(last.end, marks[index + 1]?.open ?? Infinity);
      const headStart = Math.max(first.start, (marks[index - 1]?.close ?? -1) + 1);
      const found = attribution(block.text.slice(close + 1, tailEnd), block.text.slice(headStart, open));
      const antecedent = () =>
        lastPerson(block.text.slice(0, open), gazetteer) ??
        (blockIndex > 0 ? lastPerson((blocks[blockIndex - 1] as Block).text, gazetteer) : null);
      let speaker: string | null = null;
      if (found) speaker = resolveSubject(found.subject, found.nearest, gazetteer, antecedent);
      else if (previous && previous.closeSentence >= firstIndex - 1) speaker = previous.speaker;
      previous = { closeSentence: block.sentences.indexOf(last), speaker };
      const quote = block.text.slice(first.start, last.end);
      quotes.push({ text: inner, speaker, sources: [sourceRef(base, article, { id: first.sentence.id, text: quote })] });
    });
  });
  return quotes;
}
