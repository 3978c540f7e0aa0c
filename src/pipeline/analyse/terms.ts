/**
 * Each running-text sentence of an article as the key points see it (`brief/points.ts`): its
 * stemmed content words, and whether it may be a point or corroborate one. All of it depends on
 * the article alone, so it is made in analysis and kept in the cache with the rest of it: a
 * rebuild at 5,000 articles spent 2 s splitting, stemming and testing sentences that had not
 * changed, every time, for every topic's key points.
 *
 * A candidate point is a running-text sentence of 8–60 words (CJK: characters) that is a
 * statement: not a question, not a call to action ("Let us know…"), not mostly a quotation (a
 * quote belongs with the quotes), not the lead-in to a list (ending in a colon). A point is read
 * alone, so it may not open by leaning on the sentence before ("However, he…", "This
 * decision…", "It also…"). One that opens with a definite description ("The handset…", "The
 * company's…") most often means something named before it: it may be a point, but one that names
 * its subject is preferred (`refersBack`).
 */
import type { Article, Sentence, SentenceTerms } from '../../core/types.ts';
import { quotedShares, STOP_WORDS, stemOf, words } from './text.ts';

const QUESTION = /\?[\s"'”’)\]]*$/u;
const CALL_TO_ACTION =
  /^(?:let(?:'|’)?s\b|let us\b|tell us\b|share your\b|subscribe\b|sign up\b|click\b|follow us\b|read more\b|join us\b|don(?:'|’)t miss\b)|\b(?:in the comments|let us know|sign up for|subscribe to)\b/iu;
const LIST_LEAD = /:\s*$/u;
/** Openings that lean on the sentence before ("However, he…", "This partnership…", "It also…"). */
const LEANS_BACK = /^(?:however|but|and|yet|also|still|instead|moreover|furthermore|this|that|these|those|it|its|he|she|they|his|her|their)\b/iu;
/** "The handset…", "The company's…": "The" and a word in lower case, not "The number of…". */
const DEFINITE = /^[Tt]he\s+\p{Ll}[\p{L}\p{N}-]*(?:['’]s)?(?!\s+of\b)(?=[\s,])/u;

export function sentenceTerms(article: Pick<Article, 'sentences'>): SentenceTerms[] {
  const blocks = new Map<number, Sentence[]>();
  for (const sentence of article.sentences) {
    if (sentence.heading) continue;
    const block = blocks.get(sentence.block);
    if (block) block.push(sentence);
    else blocks.set(sentence.block, [sentence]);
  }
  const quoted = new Map<Sentence, number>();
  for (const block of blocks.values()) {
    const shares = quotedShares(block.map((s) => s.text));
    block.forEach((s, i) => quoted.set(s, shares[i] ?? 0));
  }
  const terms: SentenceTerms[] = [];
  article.sentences.forEach((sentence, index) => {
    if (sentence.heading) return;
    const { text } = sentence;
    const folded = words(text);
    const statement = !QUESTION.test(text) && !CALL_TO_ACTION.test(text);
    const standsAlone = !LIST_LEAD.test(text) && !LEANS_BACK.test(text);
    terms.push({
      sentence: index,
      stems: folded
        .filter((word) => !STOP_WORDS.has(word))
        .map(stemOf)
        .join(' '),
      statement,
      candidate: statement && standsAlone && folded.length >= 8 && folded.length <= 60 && (quoted.get(sentence) ?? 0) <= 0.5,
      refersBack: DEFINITE.test(text),
    });
  });
  return terms;
}
