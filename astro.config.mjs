// @ts-check
import { resolve } from 'node:path';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import { satteri } from '@astrojs/markdown-satteri';
import { contentPaths, loadSiteConfig } from './src/config/load.ts';
import briefings from './src/astro/integration.ts';
import { externalLinks } from './src/astro/plugins/external-links.ts';
import { compiledMdx } from './src/astro/compiled-mdx.ts';
import { staticHtml } from './src/astro/plugins/static-html.ts';
import { searchShortcutScript } from './src/site/client/search-shortcut.ts';
import { themeScript } from './src/site/client/theme.ts';

/**
 * The site URL, from content/site.json (`url`) or `--site`, makes every shared URL absolute:
 * canonical links, og:image, feed links, and the sitemap. A site.json with a mistake gives no URL
 * here: the integration reports the mistake, with its line and the fix, and stops the build.
 */
const site = loadSiteConfig(contentPaths(process.cwd())).site.url;

/**
 * A sitemap lists absolute URLs, so it is written only when the site URL is known; the check runs
 * once the command line is merged into the config, so `--site` counts too (Starlight adds its
 * sitemap the same way).
 * @returns {import('astro').AstroIntegration}
 */
function sitemapWhenSiteKnown() {
  return {
    name: 'briefings-sitemap',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger }) => {
        if (config.site) updateConfig({ integrations: [sitemap()] });
        else logger.info('no site URL (content/site.json "url" or --site): no sitemap, canonical URLs or absolute card URLs; feed links are relative');
      },
    },
  };
}

/**
 * Astro keeps its content store in its cache folder; a build with its own generated folder (tests,
 * the benchmark) gets its own cache too, so builds side by side never read each other's entries.
 */
const cacheDir = process.env.BRIEFINGS_GENERATED ? `${resolve(process.env.BRIEFINGS_GENERATED)}.astro-cache` : undefined;

export default defineConfig({
  ...(cacheDir ? { cacheDir } : {}),
  ...(site ? { site } : {}),
  trailingSlash: 'always',
  // Pages are rendered four at a time: one at a time, page generation sat idle on file writes
  // for 38% of its time (profile at 2,000 articles: 9.8 of 25.8 s), and this disk is slow to
  // write. Measured at 2,000 articles: generation 13-18 s → 11 s, the same site file for file.
  build: { format: 'directory', concurrency: 4 },
  // Article text is shown as written: no curly quotes or dashes that the source did not have.
  // MDX inherits this processor: smart punctuation off, external links with rel="noopener noreferrer".
  // No syntax highlighting: cleaning makes an article's code block a paragraph of sentences, so
  // there is never code to colour, and Shiki's inline styles are refused by the site's CSP (Astro
  // warned so on every build, and loaded Shiki for nothing).
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [externalLinks, staticHtml], features: { smartPunctuation: false } }) },
  // `optimize` writes a page's static content as one HTML string instead of a JSX call per tag:
  // with `staticHtml` that is all of an article but its components (see static-html.ts).
  // `compiledMdx` keeps each compiled page from build to build (see compiled-mdx.ts).
  integrations: [briefings(), mdx({ optimize: true }), compiledMdx(), sitemapWhenSiteKnown()],
  devToolbar: { enabled: false },
  // A rebuild restores each article page from the last build while its `cacheKey` (everything
  // the page reads: `articlePageKey` in src/site/data.ts), its code and its MDX are unchanged;
  // the output is byte-identical to a full render (measured: 1,999 of 2,000 pages restored
  // after adding an article, page generation 26 s → 14 s, the same site file for file).
  experimental: { incrementalBuild: true },
  vite: {
    build: {
      rolldownOptions: {
        // Astro's content-assets plugin opens every MDX page's module with a "use astro:head-inject"
        // directive that Rolldown warns about, code frame and all: 5,000 warnings for 5,000
        // articles, burying anything worth reading. That one warning alone is silenced.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  /**
   * A Content-Security-Policy for static hosting (a <meta> tag on every page, since a CDN may set
   * no headers): scripts and styles only from the site itself, by hash for what Astro inlines and
   * for the two inline scripts of ours (the `/` shortcut and the theme switch); WebAssembly for Pagefind; no plugins, no foreign base URL,
   * forms only to the site. An article that slipped script past cleaning still could not run it.
   */
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [searchShortcutScript, themeScript].map((script) => /** @type {const} */ (`sha256-${createHash('sha256').update(script).digest('base64')}`)),
      },
    },
  },
});
