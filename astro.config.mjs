// @ts-check
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import briefings from './src/integration/index.ts';

/** The site URL, when configured in content/site.json, gives canonical URLs and feeds. */
const contentDir = process.env.BRIEFINGS_CONTENT ?? 'content';
const siteFile = resolve(contentDir, 'site.json');
const site = existsSync(siteFile) ? JSON.parse(readFileSync(siteFile, 'utf8')).url : undefined;

export default defineConfig({
  ...(site ? { site } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [briefings(), mdx()],
  devToolbar: { enabled: false },
});
