/**
 * The same content builds the same bytes whatever the machine's locale. Node takes its default
 * collation from `LANG`/`LC_ALL` (ICU carries the data even where the system has no such locale),
 * and under Lithuanian collation "y" sorts between "i" and "j": a `localeCompare` without a
 * locale gives another order there. The fixture's slugs, outlets and entity names differ at just
 * those letters (yen-slides / jobs-data / iron-ore, Yomiuri / Jiji, Yamato / Japan Post), and
 * its three articles share a date, so every order by name is seen.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build.ts';
import { siteFiles } from '../helpers/site.ts';

const content = join(projectRoot, 'tests', 'fixtures', 'locale', 'site');
const locales = { lithuanian: 'lt_LT.UTF-8', c: 'C' } as const;
const dirs = { lithuanian: join(projectRoot, '.test-sites', 'locale-lt'), c: join(projectRoot, '.test-sites', 'locale-c') };

function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of siteFiles(dir)) out[file] = createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');
  return out;
}

beforeAll(() => {
  for (const name of ['lithuanian', 'c'] as const) {
    rmSync(dirs[name], { recursive: true, force: true });
    const locale = locales[name];
    const run = buildSite(dirs[name], { content, env: { LANG: locale, LC_ALL: locale, LC_COLLATE: locale } });
    if (run.status !== 0) throw new Error(`build under ${locale} failed:\n${run.output}`);
  }
});

test('Node here sorts by the locale it is given, so the builds below differ in it', () => {
  const order = (locale: string) =>
    execNode(`console.log(JSON.stringify(['y', 'i', 'j'].sort((a, b) => a.localeCompare(b))))`, { LANG: locale, LC_ALL: locale });
  expect(order(locales.lithuanian)).toBe('["i","y","j"]');
  expect(order(locales.c)).toBe('["i","j","y"]');
});

test('a build under a Lithuanian locale is byte-identical to one under C', () => {
  const lithuanian = digests(dirs.lithuanian);
  const c = digests(dirs.c);
  expect(Object.keys(lithuanian)).toEqual(Object.keys(c));
  expect(Object.keys(c).filter((file) => c[file] !== lithuanian[file])).toEqual([]);
  // The orders the fixture exercises are in what was compared.
  for (const file of ['articles/index.html', 'data/articles.json', 'data/entities.json', 'data/topics/yen.json', 'topics/yen/index.html']) expect(c[file], file).toBeDefined();
});

function execNode(code: string, env: Record<string, string>): string {
  const run = spawnSync(process.execPath, ['-e', code], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return run.stdout.trim();
}
