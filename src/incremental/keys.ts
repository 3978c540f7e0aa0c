/**
 * Keys: digests of everything a result is made from, under which a build keeps it for the next.
 * Equal keys promise equal results, so a result found under its key is the one the pipeline would
 * make (Astro's content layer skips unchanged entries by digest the same way).
 */
import { createHash } from 'node:crypto';
import type { ArticleMeta, EntityConfig } from '../config/schema.ts';
import type { Topic } from '../core/types.ts';

/** Bumped when the shape of what is kept changes; part of every key. */
const FORMAT = 8;

/** A digest of the parts, each ended by a NUL so that no two lists of parts run together. */
export const sha256 = (...parts: (string | Uint8Array)[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

const key = (...parts: (string | Uint8Array)[]) => sha256(...parts).slice(0, 32);

/**
 * The version every key carries: the pipeline's code (a digest of its sources and locked
 * dependencies, computed by the caller) and the configuration every analysis and briefing reads:
 * topics and gazetteer. Not the base path: no record carries a link until emit.
 */
export function memoVersion(input: { code: string; topics: Topic[]; entities: EntityConfig[] }): string {
  return sha256(String(FORMAT), input.code, JSON.stringify(input.topics), JSON.stringify(input.entities)).slice(0, 16);
}

/**
 * An article file's key: the version, its name, its manifest entry and its bytes — everything
 * reading, cleaning and analysing it depend on (an article depends on no other).
 */
export const articleKey = (version: string, file: string, bytes: Uint8Array, manifest: ArticleMeta | undefined): string => key(version, file, JSON.stringify(manifest ?? null), bytes);

/** Where an article's tree is kept: beside its entry, read only when its page is made again. */
export const treeKey = (articleKey: string): string => `${articleKey}-tree`;

/**
 * A topic briefing's key: the topic and, for each of its articles in corpus order, the article's
 * key, final slug and story (the representative of its near-duplicates) — everything
 * `buildBriefing` reads but the topic's configuration, which the version holds. A rebuild reuses
 * the briefing of a topic none of whose articles changed, joined or left.
 */
export const briefingKey = (version: string, topic: string, members: readonly (readonly [articleKey: string, slug: string, story: string])[]): string =>
  `briefing-${key(version, topic, JSON.stringify(members))}`;

/**
 * The key of an output file made from one article or one topic: its path, the version and the
 * base path its links carry, the key of what it is made from (an article's or a briefing's), and
 * what else it shows (`with`).
 */
export const outputKey = (version: string, base: string, path: string, from: string, shows: unknown): string => key('output', version, base, path, from, JSON.stringify(shows ?? null));

/** The key of an article page for Astro's incremental build: its record's key and the titles of its near-duplicates. */
export const articlePageKey = (recordKey: string, duplicateTitles: readonly (string | null)[]): string => key('page', recordKey, JSON.stringify(duplicateTitles));
