/**
 * The memo: where a build keeps what it made for the next one, each result under the key of what
 * it was made from (`keys.ts`), as text (`codecs.ts`). A folder on disk in a build
 * (`src/io/store.ts`), a Map in tests.
 */

export interface MemoStore {
  /** The entry under `key`, or undefined when there is none. */
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** Mark an entry as used without reading it, so a store that prunes unused entries keeps it. */
  keep?(key: string): void;
}

/** What a run took from earlier builds, and what it made. */
export interface Reuse {
  /** Article files whose read, clean and analysis came from the memo, and those made. */
  articles: { reused: number; made: number };
  /** Topic briefings from the memo, and those made. */
  briefings: { reused: number; made: number };
  /** Files made from one article or one topic (pages, records, views) that the writer kept from the last build, and those made. */
  outputs: { kept: number; made: number };
  /** Entries that could not be read back: ignored, and made again. */
  unreadable: number;
}

export const noReuse = (): Reuse => ({ articles: { reused: 0, made: 0 }, briefings: { reused: 0, made: 0 }, outputs: { kept: 0, made: 0 }, unreadable: 0 });
