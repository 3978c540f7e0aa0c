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
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
