/**
 * The architecture as rules over imports, checked on every file of `src/`:
 *
 * - `src/core/` — the records and what every layer shares — imports only itself, the
 *   configuration's zod schema (`src/config/schema.ts`, whose types the records use) and libraries.
 * - `src/pipeline/` is pure stages: it imports `src/core/`, itself, the configuration's zod schema
 *   (`src/config/schema.ts`: front matter and the manifest are validated by the same schema that
 *   documents them; it is plain zod, no disk) and libraries. No file system, no Astro, nothing of
 *   the layers that run it (`src/io/`, `src/incremental/`, `src/astro/`, `src/site/`); of Node's
 *   own modules only `crypto`, `buffer` and `module` (to load CommonJS libraries).
 * - Templates (`src/pages/`, `src/components/`, `src/layouts/`) import only `src/site/` — every URL,
 *   view, format and the search contract, types included — other components and layouts, the
 *   stylesheets, Astro (`astro`, `astro:*`) and libraries. Nothing of the pipeline, the records'
 *   modules, the configuration or Node: what a page needs that is not in `src/site/` goes there.
 * - `src/site/` reads what emit wrote; it never runs a build (`src/io/`, `src/incremental/`,
 *   `src/astro/`).
 *
 * And one rule over calls: no `localeCompare` without a locale in `src/`, which would sort by the
 * machine's locale (`tests/build/locale.test.ts` builds under two).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from './helpers/build.ts';

const src = join(projectRoot, 'src');

const sourceFiles = readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(ts|astro|mjs)$/.test(e.name))
  .map((e) => relative(projectRoot, join(e.parentPath, e.name)).split(sep).join('/'))
  .sort();

/**
 * Every module a file names: static imports and re-exports (type-only ones too, at the start of
 * a line, so a comment's "from" is not one), side-effect imports, dynamic imports and requires.
 * A relative specifier is resolved to its path from the project's root (`src/core/types.ts`).
 */
export function importsOf(file: string, text: string): string[] {
  const specifiers = [
    ...text.matchAll(/^[ \t]*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^[ \t]*import\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] as string);
  return specifiers.map((s) => (s.startsWith('.') ? relative(projectRoot, resolve(dirname(join(projectRoot, file)), s)).split(sep).join('/') : s));
}

const imports = new Map(sourceFiles.map((file) => [file, importsOf(file, readFileSync(join(projectRoot, file), 'utf8'))]));

const isLibrary = (specifier: string) => !specifier.startsWith('src/') && !specifier.startsWith('node:') && !/^astro(:|$)/.test(specifier) && !specifier.startsWith('.');
const under = (...folders: string[]) => (specifier: string) => folders.some((folder) => specifier.startsWith(`src/${folder}/`));

/** The imports of the files under `folder` that `allowed` refuses, as `file → import`. */
function refused(folder: string, allowed: (specifier: string) => boolean): string[] {
  return [...imports].filter(([file]) => file.startsWith(`src/${folder}/`)).flatMap(([file, list]) => list.filter((s) => !allowed(s)).map((s) => `${file} → ${s}`));
}

describe('the import rules', () => {
  test('the parser finds imports of every kind, and not words in comments', () => {
    const text = [
      "import type { A } from '../core/types.ts';",
      'import {\n  b,\n  c,\n} from "./b.ts";',
      "export { d } from 'd-lib';",
      "import './style.css';",
      " * a comment that says from 'nowhere';",
      "const e = require('e-lib');",
      "const f = await import('node:fs');",
    ].join('\n');
    expect(importsOf('src/site/x.ts', text)).toEqual(['src/core/types.ts', 'src/site/b.ts', 'd-lib', 'src/site/style.css', 'e-lib', 'node:fs']);
  });

  test('every layer is seen', () => {
    for (const folder of ['core', 'pipeline', 'site', 'pages', 'components', 'layouts']) expect(sourceFiles.some((f) => f.startsWith(`src/${folder}/`)), folder).toBe(true);
    expect(imports.get('src/pipeline/index.ts')).toContain('src/core/types.ts');
  });

  test('src/core imports only itself, the configuration schema and libraries', () => {
    expect(refused('core', (s) => under('core')(s) || s === 'src/config/schema.ts' || isLibrary(s))).toEqual([]);
  });

  test('src/pipeline imports only src/core, itself, the configuration schema and libraries', () => {
    const nodeModules = new Set(['node:crypto', 'node:buffer', 'node:module']);
    expect(refused('pipeline', (s) => under('core', 'pipeline')(s) || s === 'src/config/schema.ts' || nodeModules.has(s) || (isLibrary(s) && !s.startsWith('@astrojs/')))).toEqual([]);
  });

  test('templates import only src/site, components, layouts, styles, Astro and libraries', () => {
    const allowed = (s: string) => under('site', 'components', 'layouts', 'styles')(s) || /^astro(:|$)/.test(s) || isLibrary(s);
    expect([...refused('pages', allowed), ...refused('components', allowed), ...refused('layouts', allowed)]).toEqual([]);
  });

  test('src/site never runs a build', () => {
    expect(refused('site', (s) => !under('io', 'incremental', 'astro')(s))).toEqual([]);
  });
});

/**
 * A URL made by hand: a path or an address joined onto (`${base}articles/`, `${topic.path}rss.xml`,
 * `${t.path}#whats-new`) or a site path written out (`'/search/'`). A fragment of the page itself
 * (`#${s.id}`) is not one.
 */
const HAND_MADE_URL = /\$\{[^}]+\}(?:[a-z-]+\/|#[a-z]|rss\.xml|[a-z-]+\.(?:json|csv|png|js|svg))|['"`]\/(?:articles|topics|entities|data|search|og|pagefind|rss)\b/;

test('templates make no URL by hand: every address comes from src/site/urls.ts', () => {
  for (const made of ['`${base}articles/`', '`${briefing.path}rss.xml`', '`${t.path}#whats-new`', '`${base}data/topics/${slug}.json`', "'/search/'"]) expect(HAND_MADE_URL.test(made), made).toBe(true);
  for (const fine of ['`#${s.id}`', '`fact-${f.id}`', '`${title} · ${config.title}`', '`year:${date}`']) expect(HAND_MADE_URL.test(fine), fine).toBe(false);
  const templates = sourceFiles.filter((file) => /^src\/(pages|components|layouts)\//.test(file));
  const found = templates.flatMap((file) =>
    readFileSync(join(projectRoot, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (HAND_MADE_URL.test(line) && !/^\s*(\*|\/\/|\/\*)/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
  expect(found).toEqual([]);
});

/** A `localeCompare` call with one argument: the machine's locale decides. */
const LOCALE_COMPARE_WITHOUT_LOCALE = /\.localeCompare\(\s*[^,()]+(?:\([^()]*\))?[^,()]*\)/;

test('no localeCompare without a locale in src/', () => {
  expect(LOCALE_COMPARE_WITHOUT_LOCALE.test("a.slug.localeCompare(b.slug)")).toBe(true);
  expect(LOCALE_COMPARE_WITHOUT_LOCALE.test("(b.date ?? '').localeCompare(a.date ?? '')")).toBe(true);
  expect(LOCALE_COMPARE_WITHOUT_LOCALE.test("a.localeCompare(b, 'en')")).toBe(false);
  const found = sourceFiles.flatMap((file) =>
    readFileSync(join(projectRoot, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (LOCALE_COMPARE_WITHOUT_LOCALE.test(line) ? [`${file}:${i + 1}`] : [])),
  );
  expect(found).toEqual([]);
});
