/**
 * What's new in a story: what each article of a topic added to its briefing — the facts it was
 * the first to report, the figures it revised, the speakers it was the first to quote. Made from
 * the briefing and the articles' own dates, never from the history of builds, so the same
 * articles give the same updates whenever and wherever they are built.
 *
 * - Articles are counted in date order. Nothing says which of one day's articles came first, so
 *   a day's articles are counted in a stable order: story by story (a near-duplicate's story is
 *   the article it copies), the original before its copies, then by slug. The first article to
 *   report a fact in that order added it.
 * - An article revises a fact when it gives a value that no article of the latest earlier day to
 *   report the fact gave, compared as facts compare them (`agreeRounded`: "11%" after "11.1%" is
 *   the same value, rounded, not a revision); `from` is that day's value (the first, should its
 *   articles disagree). Articles of one day never revise each other: their different values are
 *   a disagreement, which the briefing shows as one.
 * - Undated articles are counted after every dated one, in the same order, as one more day: they
 *   add what no article counted before reports, and revise nothing.
 * - An article's value of a fact is the first it gives, in the order of its sentences.
 * - Only facts count: a figure without a subject or a measure is in no fact (`facts.ts`), so it
 *   is never new, whoever gives it.
 * - A near-duplicate copy is counted after the article it copies, so what it repeats is not new:
 *   a copy of an earlier article adds nothing new, and has no update. A rewrite adds what it
 *   says beyond its original (a speaker, a fact of its own).
 * - An article that added nothing has no update. Updates are listed newest first, undated last;
 *   on one day, and among undated articles, by slug (the order feeds list articles in).
 */
import type { ArticleValue, Figure, SourceRef, TopicArticle, TopicBriefing, TopicUpdate } from '../../core/types.ts';
import { agreeRounded, writtenStep } from './facts.ts';

/** Code-unit order, the same on every machine and locale. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Dated before undated; dated by date, oldest or newest first. */
function compareDates(a: string | null, b: string | null, newestFirst: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return newestFirst ? compareText(b, a) : compareText(a, b);
}

/** The order articles are counted in (see above). */
function countingOrder(a: TopicArticle, b: TopicArticle): number {
  return (
    compareDates(a.date, b.date, false) ||
    compareText(a.duplicateOf ?? a.slug, b.duplicateOf ?? b.slug) ||
    Number(a.duplicateOf !== null) - Number(b.duplicateOf !== null) ||
    compareText(a.slug, b.slug)
  );
}

/** The order updates are listed in, in a topic and across topics: newest first, undated last, then by slug. */
export const updateOrder = (a: Pick<TopicUpdate, 'date' | 'article'>, b: Pick<TopicUpdate, 'date' | 'article'>): number => compareDates(a.date, b.date, true) || compareText(a.article, b.article);

interface Report {
  fact: string;
  value: ArticleValue;
  /** Where its figure is among the briefing's figures: its article's order of sentences. */
  rank: number;
}

function articleValue(figure: Figure): ArticleValue {
  const source = figure.sources[0] as NonNullable<Figure['sources'][0]>;
  return { value: figure.value, text: figure.text, article: source.article, sentence: source.sentence, quote: source.quote };
}

/**
 * Each article's facts with the first value it gives of each, in the order it gives them (the
 * briefing lists each article's figures in the order of its sentences: `buildBriefing`).
 */
export function articleFacts(briefing: Pick<TopicBriefing, 'facts' | 'figures'>): Map<string, Map<string, ArticleValue>> {
  const rank = new Map<string, number>();
  briefing.figures.forEach((figure, index) => {
    if (!rank.has(figure.id)) rank.set(figure.id, index);
  });
  const byArticle = new Map<string, Map<string, Report>>();
  for (const fact of briefing.facts) {
    for (const figure of fact.values) {
      if (!figure.sources[0]) continue;
      const report = { fact: fact.id, value: articleValue(figure), rank: rank.get(figure.id) ?? Number.POSITIVE_INFINITY };
      let own = byArticle.get(report.value.article);
      if (!own) byArticle.set(report.value.article, (own = new Map()));
      const found = own.get(fact.id);
      if (!found || report.rank < found.rank) own.set(fact.id, report);
    }
  }
  const inOrder = (own: Map<string, Report>) => new Map([...own.values()].sort((a, b) => a.rank - b.rank || compareText(a.fact, b.fact)).map((r) => [r.fact, r.value]));
  return new Map([...byArticle].map(([article, own]) => [article, inOrder(own)]));
}

/** "Joe  Tsai" and "joe tsai" are one speaker. */
export const speakerKey = (name: string): string => name.replace(/\s+/g, ' ').trim().toLowerCase();

/** Each article's speakers, each once with its first quotation's source, in the order of the briefing's quotes. */
export function articleSpeakers(quotes: TopicBriefing['quotes']): Map<string, Map<string, { name: string; source: SourceRef }>> {
  const byArticle = new Map<string, Map<string, { name: string; source: SourceRef }>>();
  for (const quote of quotes) {
    if (!quote.speaker) continue;
    for (const source of quote.sources) {
      let own = byArticle.get(source.article);
      if (!own) byArticle.set(source.article, (own = new Map()));
      const key = speakerKey(quote.speaker);
      if (!own.has(key)) own.set(key, { name: quote.speaker, source });
    }
  }
  return byArticle;
}

/** The value as facts compare it: its number and the step it is written to. */
const compared = (value: ArticleValue) => ({ value: value.value, step: writtenStep(value) });

/** Whether one of `values` says the same as `value`, once rounded to the coarser of the two. */
const sameValue = (values: readonly ArticleValue[] | undefined, value: ArticleValue): boolean => values?.some((v) => agreeRounded(compared(v), compared(value))) ?? false;

/** What each article of the briefing added to it, newest first; ids are the briefing's facts. */
export function topicUpdates(briefing: Pick<TopicBriefing, 'articles' | 'facts' | 'figures' | 'quotes'>): TopicUpdate[] {
  const reports = articleFacts(briefing);
  const speakers = articleSpeakers(briefing.quotes);
  /** Each fact's values on the latest day before this one that reported it, and on this day. */
  const earlier = new Map<string, ArticleValue[]>();
  const today = new Map<string, ArticleValue[]>();
  let day: string | null | undefined;
  const quoted = new Set<string>();
  const updates: TopicUpdate[] = [];
  for (const article of [...briefing.articles].sort(countingOrder)) {
    if (article.date !== day) {
      for (const [fact, values] of today) earlier.set(fact, values);
      today.clear();
      day = article.date;
    }
    const undated = article.date === null;
    const update: TopicUpdate = { article: article.slug, date: article.date, undated, added: [], revised: [], speakers: [] };
    for (const [fact, value] of reports.get(article.slug) ?? []) {
      const before = earlier.get(fact);
      const same = today.get(fact);
      if (!before && !same) update.added.push(fact);
      else if (before && !undated && !sameValue(before, value) && !sameValue(same, value)) update.revised.push({ fact, from: before[0] as ArticleValue, to: value });
      if (!same) today.set(fact, [value]);
      else if (!sameValue(same, value)) same.push(value);
    }
    for (const [key, { name }] of speakers.get(article.slug) ?? []) {
      if (quoted.has(key)) continue;
      quoted.add(key);
      update.speakers.push(name);
    }
    if (update.added.length + update.revised.length + update.speakers.length > 0) updates.push(update);
  }
  return updates.sort(updateOrder);
}
