/**
 * Content collections over the pipeline's generated MDX (`.briefings/` or `BRIEFINGS_GENERATED`, git-ignored). The schema
 * mirrors the front matter that `src/pipeline/emit/mdx.ts` writes, and nothing else. Article pages
 * are stored with their HTML rendered (`articleLoader`), so none is a Vite module; topic
 * introductions are MDX modules like any a user writes.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { generatedDir } from './config/paths.ts';
import { articleLoader } from './astro/article-loader.ts';

const generated = generatedDir(process.cwd());

const articles = defineCollection({
  loader: articleLoader({ dir: `${generated}/articles` }),
  schema: z.object({
    title: z.string(),
    slug: z.string(),
    file: z.string(),
    date: z.string().nullable(),
    source: z.string().nullable(),
    url: z.string().nullable(),
    lang: z.string(),
  }),
});

const topics = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${generated}/topics`, generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: z.object({ title: z.string(), slug: z.string(), description: z.string() }),
});

export const collections = { articles, topics };
