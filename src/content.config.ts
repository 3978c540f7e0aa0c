/**
 * Content collections over the pipeline's generated MDX (`.briefings/`, git-ignored). The schema
 * mirrors the front matter that `src/pipeline/emit/mdx.ts` writes, and nothing else.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const articles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './.briefings/articles', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
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
  loader: glob({ pattern: '*.mdx', base: './.briefings/topics', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: z.object({ title: z.string(), slug: z.string(), description: z.string() }),
});

export const collections = { articles, topics };
