/**
 * Pages read the pipeline's generated data here. Reads are memoised by modification time, so a
 * build reads each file once and `astro dev` sees every rebuild of `.briefings/`.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDir } from '../config/paths.ts';
import type { SiteConfig } from '../config/schema.ts';
import type { ArticleSummary, EntityRecord, articleRecord, topicSummary } from '../pipeline/emit/data.ts';
import type { TopicBriefing } from '../pipeline/types.ts';

const GENERATED = generatedDir(process.cwd());
const cache = new Map<string, { mtime: number; value: unknown }>();

function read<T>(path: string): T {
  const full = join(GENERATED, path);
  const mtime = statSync(full).mtimeMs;
  const hit = cache.get(full);
  if (hit && hit.mtime === mtime) return hit.value as T;
  const value = JSON.parse(readFileSync(full, 'utf8')) as T;
  cache.set(full, { mtime, value });
  return value;
}

/** The raw JSON text, for the data API endpoints (served byte for byte). */
export const dataFile = (path: string): string => readFileSync(join(GENERATED, 'data', path), 'utf8');

export type ArticleRecord = ReturnType<typeof articleRecord>;
export type TopicSummary = ReturnType<typeof topicSummary>;
export type EntitySummary = Omit<EntityRecord, 'mentions'> & { articles: number };

export const site = () => read<SiteConfig>('site.json');
export const articles = () => read<ArticleSummary[]>('data/articles.json');
export const article = (slug: string) => read<ArticleRecord>(`data/articles/${slug}.json`);
export const topics = () => read<TopicSummary[]>('data/topics.json');
export const topic = (slug: string) => read<TopicBriefing>(`data/topics/${slug}.json`);
export const entities = () => read<EntitySummary[]>('data/entities.json');
export const entity = (slug: string) => read<EntityRecord>(`data/entities/${slug}.json`);

/** "2025-02-14" → "14 February 2025"; fixed locale and time zone so every build prints the same. */
export function formatDate(date: string | null): string {
  if (!date) return 'date unknown';
  const quarter = /^(\d{4})-Q([1-4])$/.exec(date);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const parts = date.split('-');
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (parts.length >= 2) options.month = 'long';
  if (parts.length >= 3) options.day = 'numeric';
  return new Intl.DateTimeFormat('en-GB', options).format(new Date(`${date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date}T00:00:00Z`));
}

/** A `datetime` attribute value: HTML has no form for a quarter, so it gets the year. */
export const datetimeAttribute = (date: string): string => date.replace(/-Q[1-4]$/, '');
