/**
 * Topic briefings, memoised: a briefing is kept under the key of its topic's articles (each one's
 * key, final slug and story: `briefingKey`), so a rebuild reuses the briefing of every topic none
 * of whose articles changed, joined or left, and makes only the others.
 */
import type { AnalysedArticle } from '../core/types.ts';
import { steps, type Steps } from '../pipeline/index.ts';
import { decodeBriefing, encodeBriefing } from './codecs.ts';
import { briefingKey } from './keys.ts';
import type { MemoStore, Reuse } from './memo.ts';

export interface MemoisedBriefings extends Pick<Steps, 'briefing'> {
  /** Each topic's briefing key, once the step has made or found it. */
  keyOf: ReadonlyMap<string, string>;
}

/** `articleKey` gives an article's key as its briefings see it: the key of its file, and of what the corpus changed in it. */
export function memoisedBriefings(store: MemoStore, version: string, articleKey: (article: AnalysedArticle) => string, reuse: Reuse): MemoisedBriefings {
  const keyOf = new Map<string, string>();
  const briefing: Steps['briefing'] = (topic, articles, options) => {
    const members = articles
      .filter((article) => article.topics.some((match) => match.topic === topic.slug))
      .map((article) => [articleKey(article), article.slug, options.representatives.get(article.slug) ?? article.slug] as const);
    const key = briefingKey(version, topic.slug, members);
    keyOf.set(topic.slug, key);
    const stored = store.get(key);
    const kept = stored === undefined ? undefined : decodeBriefing(stored, topic.slug);
    if (stored !== undefined && !kept) reuse.unreadable++;
    if (kept) {
      reuse.briefings.reused++;
      return kept;
    }
    reuse.briefings.made++;
    const made = steps.briefing(topic, articles, options);
    store.set(key, encodeBriefing(made));
    return made;
  };
  return { briefing, keyOf };
}
