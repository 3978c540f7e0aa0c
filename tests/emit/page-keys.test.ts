/**
 * The key of each article page (`ARTICLE_PAGE_KEYS_FILE`), under which Astro's incremental build
 * restores the page from its last build: it must change when anything the page shows from the
 * pipeline changes (its record, a near-duplicate's title), and only then, or a rebuild either
 * shows a stale page or renders every page again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentPaths, loadConfig } from '../../src/config/load.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { ARTICLE_PAGE_KEYS_FILE } from '../../src/core/generated.ts';

const config = loadConfig(contentPaths(process.cwd()));
const samples = readdirSync('content/articles')
  .filter((f) => f.endsWith('.txt'))
  .map((file) => ({ file, bytes: new Uint8Array(readFileSync(join('content/articles', file))) }));
const copy = { file: 'reworded-techcrunch.txt', bytes: new Uint8Array(readFileSync('tests/fixtures/corpus/new/reworded-techcrunch.txt')) };

/** Page keys by article file. */
function pageKeys(files: { file: string; bytes: Uint8Array }[]): Map<string, string> {
  const output = runPipeline({ files, manifest: config.manifest, topics: config.topics, entities: config.entities, site: config.site });
  const file = output.files.find((f) => f.path === ARTICLE_PAGE_KEYS_FILE);
  const keys = JSON.parse(file?.contents ?? '{}') as Record<string, string>;
  return new Map(output.articles.map((a) => [a.file, keys[a.slug] ?? '']));
}

const edit = (entry: { file: string; bytes: Uint8Array }, change: (text: string) => string) => ({ file: entry.file, bytes: new TextEncoder().encode(change(new TextDecoder().decode(entry.bytes))) });

describe('article page keys', () => {
  const before = pageKeys([...samples, copy]);

  test('one per article, the same for the same input', () => {
    expect([...before.values()].filter((key) => /^[0-9a-f]{32}$/.test(key))).toHaveLength(samples.length + 1);
    expect(new Set(before.values()).size).toBe(samples.length + 1);
    expect(pageKeys([...samples, copy])).toEqual(before);
  });

  test("an article's new title changes its own key and its near-duplicate's, no other", () => {
    const retitled = pageKeys([...samples, edit(copy, (text) => text.replace(/^[^\n]+/, 'A new title for the reworded copy'))]);
    const changed = [...before.keys()].filter((file) => before.get(file) !== retitled.get(file));
    // 003 is the sample the copy rewords: its page names the copy as its near-duplicate, by title.
    expect(changed.sort()).toEqual(['003_cfd479d661bbd93e.txt', 'reworded-techcrunch.txt']);
  });

  test('a new article leaves the keys of pages it does not touch', () => {
    const unrelated = { file: 'riverside.txt', bytes: new Uint8Array(readFileSync('tests/fixtures/corpus/new/riverside-council-budget.txt')) };
    const after = pageKeys([...samples, copy, unrelated]);
    for (const [file, key] of before) expect(after.get(file), file).toBe(key);
  });
});
