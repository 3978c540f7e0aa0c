/**
 * Loading what the user wrote in `content/`: the site config, the manifest, the gazetteer and the
 * topic files. This is an edge (it reads files); everything it returns is validated by the one
 * schema in `schema.ts`, and every problem is reported with file, field and line, never thrown
 * one at a time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { parseYamlData, splitFrontMatter } from '../pipeline/read/front-matter.ts';
import { readMarkdown } from '../pipeline/read/markdown.ts';
import { slugify } from '../pipeline/clean/index.ts';
import { contentDir } from './paths.ts';
import type { Diagnostic, Topic } from '../pipeline/types.ts';
import {
  formatIssues,
  gazetteerSchema,
  manifestSchema,
  siteConfigSchema,
  topicSchema,
  type ArticleMeta,
  type EntityConfig,
  type SiteConfig,
} from './schema.ts';
import type { z } from 'zod';

export { contentDir } from './paths.ts';

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
  diagnostics: Diagnostic[];
}

const toDiagnostics = (error: z.ZodError, file: string): Diagnostic[] =>
  formatIssues(error, file).map((issue) => ({ severity: 'error', ...issue, ...(issue.field ? { message: `\`${issue.field}\`: ${issue.message}` } : {}) }));

function readJson<T>(path: string, label: string, schema: z.ZodType<T>, fallback: T, diagnostics: Diagnostic[]): T {
  if (!existsSync(path)) return schema.parse(fallback);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    diagnostics.push({ file: label, severity: 'error', message: `not valid JSON: ${(error as Error).message}` });
    return schema.parse(fallback);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  diagnostics.push(...toDiagnostics(parsed.error, label));
  return schema.parse(fallback);
}

/**
 * A topic file: YAML front matter (checked to be YAML before anything reads it, so `---js` is
 * refused, never run) and an optional Markdown introduction.
 */
export function loadTopic(file: string, text: string): { topic?: Topic; diagnostics: Diagnostic[] } {
  let parsed: { data: Record<string, unknown>; content: string; bodyLine: number };
  try {
    const split = splitFrontMatter(text);
    parsed = split
      ? { data: parseYamlData(split.yaml, split.yamlLine), content: split.body, bodyLine: split.bodyLine }
      : { data: {}, content: text, bodyLine: 1 };
  } catch (error) {
    const line = (error as { line?: number }).line;
    return { diagnostics: [{ file, severity: 'error', message: (error as Error).message, ...(line ? { line } : {}) }] };
  }
  const result = topicSchema.safeParse(parsed.data);
  if (!result.success) return { diagnostics: toDiagnostics(result.error, file) };
  let intro: Root;
  try {
    intro = readMarkdown(parsed.content, parsed.bodyLine);
  } catch (error) {
    return { diagnostics: [{ file, severity: 'error', message: `introduction: ${(error as Error).message}` }] };
  }
  const slug = slugify(file.replace(/^.*\//, '').replace(/\.md$/, ''));
  return { topic: { ...result.data, slug, file, intro }, diagnostics: [] };
}

export function loadConfig(paths: ContentPaths): LoadedConfig {
  const diagnostics: Diagnostic[] = [];
  const site = readJson(paths.site, 'content/site.json', siteConfigSchema, {} as SiteConfig, diagnostics);
  const manifest = readJson(paths.manifest, 'content/articles/manifest.json', manifestSchema, {}, diagnostics);
  const entities = readJson(paths.entities, 'content/entities.json', gazetteerSchema, [], diagnostics);
  const topics: Topic[] = [];
  const files = existsSync(paths.topics) ? readdirSync(paths.topics).filter((f) => f.endsWith('.md')).sort() : [];
  for (const name of files) {
    const label = `content/topics/${name}`;
    const loaded = loadTopic(label, readFileSync(join(paths.topics, name), 'utf8'));
    diagnostics.push(...loaded.diagnostics);
    if (loaded.topic) topics.push(loaded.topic);
  }
  topics.sort((a, b) => a.order - b.order || (a.slug < b.slug ? -1 : 1));
  return { site, manifest, entities, topics, diagnostics };
}
