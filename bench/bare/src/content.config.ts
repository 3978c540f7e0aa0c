import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const articles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './articles' }),
  schema: z.object({ title: z.string(), date: z.string(), source: z.string() }),
});

export const collections = { articles };
