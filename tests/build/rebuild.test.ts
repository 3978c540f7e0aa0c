/**
 * A rebuild is a newsroom's everyday build: the site was built, an article arrives, and it is
 * built again with everything kept from last time — the pipeline's memo, Astro's incremental
 * build (pages restored instead of rendered) and the compiled MDX (`compiled-mdx.ts`). What it
 * gives must be exactly what a build from nothing gives for the same content, file for file.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { COMPILED_MDX_DIR } from '../../src/astro/compiled-mdx.ts';
import { buildSite, projectRoot } from '../helpers/build.ts';
import { siteFiles } from '../helpers/site.ts';

const scratch = mkdtempSync(join(tmpdir(), 'rebuild-'));
const content = join(scratch, 'content');
const rebuilt = join(scratch, 'rebuilt');
const fresh = join(scratch, 'fresh');
/** Where `buildSite` keeps a site's generated folder, and Astro's cache beside it (astro.config.mjs). */
const generatedArticles = join(`${rebuilt}.generated`, 'articles');
const compiledMdx = join(`${rebuilt}.generated.astro-cache`, COMPILED_MDX_DIR);
const late = '004_9e7bfbbb68c72ab2.txt';

const digests = (dir: string) => Object.fromEntries(siteFiles(dir).map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]));
const files = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
const entryTimes = () => Object.fromEntries(readdirSync(compiledMdx).map((name) => [name, statSync(join(compiledMdx, name)).mtimeMs]));

let before: { pages: Record<string, string>; entries: Record<string, number> };
let after: { pages: Record<string, string>; entries: Record<string, number> };
let rebuildLog: string;

beforeAll(() => {
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  renameSync(join(content, 'articles', late), join(scratch, late));
  const first = buildSite(rebuilt, { content });
  if (first.status !== 0) throw new Error(`the first build failed:\n${first.output}`);
  before = { pages: files(generatedArticles), entries: entryTimes() };

  renameSync(join(scratch, late), join(content, 'articles', late));
  const second = buildSite(rebuilt, { content });
  if (second.status !== 0) throw new Error(`the rebuild failed:\n${second.output}`);
  rebuildLog = second.output;
  after = { pages: files(generatedArticles), entries: entryTimes() };

  const cold = buildSite(fresh, { content });
  if (cold.status !== 0) throw new Error(`the build from nothing failed:\n${cold.output}`);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('a rebuild after a new article gives the site a build from nothing gives, file for file', () => {
  const a = digests(rebuilt);
  const b = digests(fresh);
  expect(Object.keys(a)).toEqual(Object.keys(b));
  expect(Object.keys(a).filter((file) => a[file] !== b[file])).toEqual([]);
  expect(Object.keys(a).filter((file) => /^articles\/[^/]+\/index\.html$/.test(file))).toHaveLength(5);
  // It was a rebuild: the pipeline and Astro both reused the last build.
  expect(rebuildLog).toMatch(/5 articles built, 4 unchanged since the last build/);
  expect(rebuildLog).toMatch(/\(restored\)/);
});

test('the rebuild compiles only the MDX pages that changed, and keeps one compiled page per MDX page', () => {
  const unchanged = Object.keys(before.pages).filter((name) => after.pages[name] === before.pages[name]);
  const changed = Object.keys(after.pages).filter((name) => after.pages[name] !== before.pages[name]);
  expect(unchanged.length).toBeGreaterThan(0);
  expect(changed).toContain(Object.keys(after.pages).find((name) => after.pages[name]?.includes('file: "004_9e7bfbbb68c72ab2.txt"')));
  // Every MDX page (articles and topics) has its entry, and no entry outlives its page.
  const topics = readdirSync(join(`${rebuilt}.generated`, 'topics')).length;
  expect(Object.keys(after.entries)).toHaveLength(Object.keys(after.pages).length + topics);
  // Entries of unchanged pages were read, not written again; one entry per changed page is new.
  const kept = Object.keys(after.entries).filter((name) => before.entries[name] === after.entries[name]);
  const made = Object.keys(after.entries).filter((name) => before.entries[name] === undefined);
  expect(kept).toHaveLength(unchanged.length + topics);
  expect(made).toHaveLength(changed.length);
});
