/**
 * Site paths, in one place so that every link the pipeline writes (into data files and pages)
 * honours the base path the site is built for (`/` or `/briefs/`).
 */
import type { Article, Sentence, SourceRef } from './types.ts';

/** `base` always ends with `/`. */
export function normaliseBase(base = '/'): string {
  const trimmed = base.trim() || '/';
  return `${trimmed.startsWith('/') ? '' : '/'}${trimmed}${trimmed.endsWith('/') ? '' : '/'}`.replace(/\/{2,}/g, '/');
}

export const articlePath = (base: string, slug: string) => `${base}articles/${slug}/`;
export const topicPath = (base: string, slug: string) => `${base}topics/${slug}/`;
export const entityPath = (base: string, slug: string) => `${base}entities/${slug}/`;
export const sentencePath = (base: string, slug: string, id: string) => `${articlePath(base, slug)}#${id}`;
export const factPath = (base: string, topic: string, factId: string) => `${topicPath(base, topic)}#fact-${factId}`;

/** The data API's `{ article, quote, path }` for one sentence of one article. */
export function sourceRef(base: string, article: Pick<Article, 'slug'>, sentence: Pick<Sentence, 'id' | 'text'>): SourceRef {
  return { article: article.slug, quote: sentence.text, path: sentencePath(base, article.slug, sentence.id) };
}
