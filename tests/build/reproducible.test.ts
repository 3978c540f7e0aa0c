/**
 * Same input, same output: two builds of the sample content, into different folders, give the
 * same files byte for byte — pages, data, cards, feeds, sitemap and the Pagefind index. Built
 * with a site URL and a base path, so that every file a hosted site has is compared.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build.ts';
import { siteFiles } from '../helpers/site.ts';

const args = ['--base', '/briefs/', '--site', 'https://example.com'];
const first = join(projectRoot, '.test-sites', 'reproducible-1');
const second = join(projectRoot, '.test-sites', 'reproducible-2');

/** Every file of a built site with the sha256 of its bytes. */
function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of siteFiles(dir)) out[file] = createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');
  return out;
}

beforeAll(() => {
  for (const dir of [first, second]) {
    rmSync(dir, { recursive: true, force: true });
    const run = buildSite(dir, { args });
    if (run.status !== 0) throw new Error(`build into ${dir} failed:\n${run.output}`);
  }
});

test('two builds of the same content are byte-identical, file for file', () => {
  const a = digests(first);
  const b = digests(second);
  expect(Object.keys(b)).toEqual(Object.keys(a));
  const differing = Object.keys(a).filter((file) => a[file] !== b[file]);
  expect(differing).toEqual([]);
  // The comparison covers what a hosted site serves, the search index included.
  for (const file of ['index.html', 'rss.xml', 'sitemap-0.xml', 'og/topics/market-share.png', 'pagefind/pagefind-entry.json', 'data/articles.json']) {
    expect(a[file], file).toBeDefined();
  }
  expect(Object.keys(a).filter((f) => f.startsWith('pagefind/')).length).toBeGreaterThan(10);
});
