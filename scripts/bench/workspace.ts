/**
 * The benchmark's scratch folder (`.bench/`, git-ignored), laid out so that a run never touches
 * the working tree's own `.briefings/`, `dist/` or Astro caches — the benchmark can run while
 * `npm run dev` does:
 *
 *   .bench/content/      the synthetic corpus, as a user's `content/` (articles, manifest, config)
 *   .bench/project/      a copy of the project's sources (src/, scripts/, astro.config.mjs…),
 *                        built there with the real build script; its node_modules/ links to
 *                        each of the project's packages, but Astro's caches in it are its own
 *   .bench/site/         its output
 *   .bench/bare/         the bare baseline (`bench/bare/`) with the same articles as MDX
 *   .bench/bare-site/    its output
 */
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestOf, renderArticle, renderMdx, type BenchArticle } from './corpus.ts';

export interface Workspace {
  root: string;
  content: string;
  project: string;
  site: string;
  bare: string;
  bareSite: string;
}

/** Top-level entries of the project that are not part of the build: never copied. */
const NOT_BUILD = new Set(['node_modules', 'content', 'tests', 'bench', 'scratch', '.git', '.bench', '.briefings', '.astro', '.test-sites', '.ci']);
const isOutput = (name: string) => /^dist(?:\.next|\.previous)?$/.test(name);

export function workspacePaths(root: string): Workspace {
  return {
    root,
    content: join(root, 'content'),
    project: join(root, 'project'),
    site: join(root, 'site'),
    bare: join(root, 'bare'),
    bareSite: join(root, 'bare-site'),
  };
}

/** A fresh workspace for `articles`: every earlier corpus, copy, cache and output removed. */
export function prepareWorkspace(projectRoot: string, root: string, articles: readonly BenchArticle[]): Workspace {
  const ws = workspacePaths(root);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(ws.content, 'articles'), { recursive: true });
  for (const name of ['site.json', 'entities.json', 'topics']) cpSync(join(projectRoot, 'content', name), join(ws.content, name), { recursive: true });
  cpSync(join(projectRoot, 'bench', 'bare'), ws.bare, { recursive: true });
  mkdirSync(join(ws.bare, 'articles'), { recursive: true });
  writeArticles(ws, articles);

  for (const name of readdirSync(projectRoot)) {
    if (NOT_BUILD.has(name) || isOutput(name) || name.endsWith('.log')) continue;
    cpSync(join(projectRoot, name), join(ws.project, name), { recursive: true });
  }
  // Packages are linked one by one (not the folder), so node_modules/.astro and .vite stay here.
  mkdirSync(join(ws.project, 'node_modules'));
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (!name.startsWith('.')) symlinkSync(join(projectRoot, 'node_modules', name), join(ws.project, 'node_modules', name));
  }
  return ws;
}

/**
 * Write articles into the corpus — as files with their manifest entries (`all`: the whole
 * corpus) for Briefings, and as MDX for the bare baseline.
 */
export function writeArticles(ws: Workspace, articles: readonly BenchArticle[], all: readonly BenchArticle[] = articles): void {
  for (const article of articles) {
    writeFileSync(join(ws.content, 'articles', article.file), renderArticle(article));
    writeFileSync(join(ws.bare, 'articles', article.file.replace(/\.\w+$/, '.mdx')), renderMdx(article));
  }
  writeFileSync(join(ws.content, 'articles', 'manifest.json'), `${JSON.stringify(manifestOf(all), null, 1)}\n`);
}

/** Caches that make a build warm: generated folder, Astro's content store and Vite caches. */
export function clearCaches(project: string): void {
  for (const dir of ['.briefings', '.astro', join('node_modules', '.astro'), join('node_modules', '.vite')]) {
    rmSync(join(project, dir), { recursive: true, force: true });
  }
}
