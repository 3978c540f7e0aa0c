/**
 * Loading what the user wrote in `content/`: the site config, the manifest, the gazetteer and the
 * topic files. This is an edge (it reads files); everything it returns is validated by the one
 * schema in `schema.ts`, and every problem is reported with file, field and line, never thrown
 * one at a time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Root } from 'mdast';
import type { z } from 'zod';
import { parseYamlData, splitFrontMatter } from '../pipeline/read/front-matter.ts';
import { readMarkdown } from '../pipeline/read/markdown.ts';
import { slugify } from '../pipeline/clean/index.ts';
import type { Diagnostic, Topic } from '../core/types.ts';
import { configProblems, jsonSyntaxProblem, SourcePositions, type ConfigProblem } from './issues.ts';
import { contentDir } from './paths.ts';
import { gazetteerSchema, manifestSchema, siteConfigSchema, topicSchema, type ArticleMeta, type EntityConfig, type SiteConfig } from './schema.ts';

export { contentDir } from './paths.ts';
export type { ConfigProblem } from './issues.ts';

export interface ContentPaths {
  root: string;
  articles: string;
  topics: string;
  manifest: string;
  entities: string;
  site: string;
}

export function contentPaths(root: string): ContentPaths {
  const content = contentDir(root);
  return {
    root,
    articles: join(content, 'articles'),
    topics: join(content, 'topics'),
    manifest: join(content, 'articles', 'manifest.json'),
    entities: join(content, 'entities.json'),
    site: join(content, 'site.json'),
  };
}

export interface LoadedConfig {
  site: SiteConfig;
  manifest: Record<string, ArticleMeta>;
  entities: EntityConfig[];
  topics: Topic[];
  /** Problems with the manifest: reported, and the articles build without its metadata. */
  diagnostics: Diagnostic[];
  /**
   * Mistakes in the configuration (`site.json`, `entities.json`, a topic): a build stops on any
   * (`astro dev` shows them over every page), since a site without them is not the site asked for.
   */
  errors: ConfigProblem[];
}

/** A file as the user knows it: relative to the project when it is inside it. */
export function fileLabel(root: string, path: string): string {
  const inside = relative(root, path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside.split('\\').join('/');
}

/** A JSON file checked against its schema; the schema's defaults (`fallback`) when it is missing or wrong. */
function readJson<T>(path: string, file: string, schema: z.ZodType<T>, fallback: unknown): { value: T; problems: ConfigProblem[] } {
  const byDefault = () => schema.parse(fallback);
  if (!existsSync(path)) return { value: byDefault(), problems: [] };
  const text = readFileSync(path, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { value: byDefault(), problems: [jsonSyntaxProblem(text, file)] };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { value: parsed.data, problems: [] };
  return { value: byDefault(), problems: configProblems(parsed.error, { schema, data, file, source: new SourcePositions(text), syntax: 'json' }) };
}

/** `content/site.json`, on its own: `astro.config.mjs` reads the site URL from it. */
export function loadSiteConfig(paths: ContentPaths): { site: SiteConfig; errors: ConfigProblem[] } {
  const { value, problems } = readJson(paths.site, fileLabel(paths.root, paths.site), siteConfigSchema, {});
  return { site: value, errors: problems };
}

/**
 * A topic file: YAML front matter (checked to be YAML before anything reads it, so `---js` is
 * refused, never run) and an optional Markdown introduction.
 */
export function loadTopic(file: string, text: string): { topic?: Topic; problems: ConfigProblem[] } {
  let parsed: { data: Record<string, unknown>; content: string; bodyLine: number; yaml: string; yamlLine: number };
  try {
    const split = splitFrontMatter(text);
    parsed = split
      ? { data: parseYamlData(split.yaml, split.yamlLine), content: split.body, bodyLine: split.bodyLine, yaml: split.yaml, yamlLine: split.yamlLine }
      : { data: {}, content: text, bodyLine: 1, yaml: '', yamlLine: 1 };
  } catch (error) {
    const line = (error as { line?: number }).line;
    return { problems: [{ file, ...(line ? { line } : {}), message: (error as Error).message }] };
  }
  const result = topicSchema.safeParse(parsed.data);
  if (!result.success) {
    const source = new SourcePositions(parsed.yaml, parsed.yamlLine);
    return { problems: configProblems(result.error, { schema: topicSchema, data: parsed.data, file, source, syntax: 'yaml' }) };
  }
  let intro: Root;
  try {
    intro = readMarkdown(parsed.content, parsed.bodyLine);
  } catch (error) {
    return { problems: [{ file, message: `introduction: ${(error as Error).message}` }] };
  }
  const slug = slugify(file.replace(/^.*\//, '').replace(/\.md$/, ''));
  return { topic: { ...result.data, slug, file, intro }, problems: [] };
}

export function loadConfig(paths: ContentPaths): LoadedConfig {
  const label = (path: string) => fileLabel(paths.root, path);
  const { site, errors } = loadSiteConfig(paths);
  const entities = readJson(paths.entities, label(paths.entities), gazetteerSchema, []);
  errors.push(...entities.problems);
  const manifest = readJson(paths.manifest, label(paths.manifest), manifestSchema, {});
  // Reported like an article's problems, by its path under the articles folder.
  const diagnostics = manifest.problems.map((p): Diagnostic => ({ severity: 'error', ...p, file: 'manifest.json' }));
  const topics: Topic[] = [];
  const files = existsSync(paths.topics) ? readdirSync(paths.topics).filter((f) => f.endsWith('.md')).sort() : [];
  for (const name of files) {
    const path = join(paths.topics, name);
    const loaded = loadTopic(label(path), readFileSync(path, 'utf8'));
    errors.push(...loaded.problems);
    if (loaded.topic) topics.push(loaded.topic);
  }
  topics.sort((a, b) => a.order - b.order || (a.slug < b.slug ? -1 : 1));
  return { site, manifest: manifest.value, entities: entities.value, topics, diagnostics, errors };
}
