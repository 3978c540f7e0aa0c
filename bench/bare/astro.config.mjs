// @ts-check
/**
 * The benchmark's baseline: a bare Astro site with the same article pages as plain MDX and no
 * pipeline — what Astro alone costs for the corpus. `npm run bench` copies this folder into
 * `.bench/bare/`, writes the articles into its `articles/` folder and builds it there, with the
 * project's node_modules (found by walking up from `.bench/`).
 */
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  trailingSlash: 'always',
  // Astro settings of the project's own build that are not about the pipeline, so that the ratio
  // measures what the pipeline adds: pages rendered four at a time (astro.config.mjs says why;
  // measured here at 2,000 articles, page generation 9-11 s → 7 s).
  build: { format: 'directory', concurrency: 4 },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
