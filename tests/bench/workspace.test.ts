import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { clearCaches, prepareWorkspace, writeArticles } from '../../scripts/bench/workspace.ts';

const projectRoot = join(import.meta.dirname, '..', '..');
const root = mkdtempSync(join(tmpdir(), 'briefings-bench-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('prepareWorkspace', () => {
  const [first, second, third, fourth] = generateCorpus(4, 5);
  const ws = prepareWorkspace(projectRoot, join(root, '.bench'), [first!, second!, third!]);

  it('writes the corpus as a content folder, with the project’s configuration', () => {
    expect(readdirSync(join(ws.content, 'articles')).sort()).toEqual([first!.file, second!.file, third!.file, 'manifest.json'].sort());
    expect(readFileSync(join(ws.content, 'site.json'), 'utf8')).toBe(readFileSync(join(projectRoot, 'content', 'site.json'), 'utf8'));
    expect(readdirSync(join(ws.content, 'topics')).sort()).toEqual(readdirSync(join(projectRoot, 'content', 'topics')).sort());
  });

  it('copies what the build needs, not the tests, the content or the outputs, and links each package', () => {
    for (const name of ['src', 'scripts', 'astro.config.mjs', 'package.json']) expect(existsSync(join(ws.project, name)), name).toBe(true);
    for (const name of ['tests', 'content', 'dist', '.git', 'bench']) expect(existsSync(join(ws.project, name)), name).toBe(false);
    expect(lstatSync(join(ws.project, 'node_modules', 'astro')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(ws.project, 'node_modules')).isSymbolicLink()).toBe(false);
  });

  it('gives the bare baseline the same articles as MDX', () => {
    expect(readdirSync(join(ws.bare, 'articles')).sort()).toEqual([first!, second!, third!].map((a) => a.file.replace(/\.\w+$/, '.mdx')).sort());
    expect(existsSync(join(ws.bare, 'astro.config.mjs'))).toBe(true);
  });

  it('adds an article to both sides, with the whole manifest', () => {
    writeArticles(ws, [fourth!], [first!, second!, third!, fourth!]);
    expect(existsSync(join(ws.content, 'articles', fourth!.file))).toBe(true);
    expect(existsSync(join(ws.bare, 'articles', fourth!.file.replace(/\.\w+$/, '.mdx')))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(ws.content, 'articles', 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(manifest).sort()).toEqual([first!, second!, third!, fourth!].filter((a) => a.format === 'text').map((a) => a.file).sort());
  });

  it('clears the caches that make a build warm', () => {
    for (const dir of ['.briefings/cache', '.astro', 'node_modules/.astro']) mkdirSync(join(ws.project, dir), { recursive: true });
    clearCaches(ws.project);
    for (const dir of ['.briefings', '.astro', 'node_modules/.astro']) expect(existsSync(join(ws.project, dir)), dir).toBe(false);
    expect(existsSync(join(ws.project, 'node_modules', 'astro'))).toBe(true);
  });
});
