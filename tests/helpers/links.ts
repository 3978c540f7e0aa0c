/**
 * A link checker over a built site, the way a CDN would serve it under its base path: every
 * internal link in every page, feed, sitemap and data file must land on a file of the site, and
 * a `#fragment` on an element with that id. Returns every broken link at once.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { siteFiles } from './site.ts';

export interface LinkReport {
  /** How many links were followed. */
  checked: number;
  /** One line per broken link: where it is, what it says, why it is broken. */
  broken: string[];
}

/** Attributes that hold a URL the browser (or a crawler) will request. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  form: ['action'],
};
/** Meta tags whose `content` is a URL of the site. */
const URL_META = new Set(['og:url', 'og:image', 'twitter:image']);

interface PageLinks {
  ids: Set<string>;
  links: string[];
}

function readPage(file: string): PageLinks {
  const ids = new Set<string>();
  const links: string[] = [];
  visit(fromHtml(readFileSync(file, 'utf8')), 'element', (el: Element) => {
    const id = el.properties.id;
    if (typeof id === 'string') ids.add(id);
    for (const attribute of URL_ATTRIBUTES[el.tagName] ?? []) {
      const value = el.properties[attribute];
      if (typeof value === 'string') links.push(value);
    }
    const meta = String(el.properties.property ?? el.properties.name ?? '');
    if (el.tagName === 'meta' && URL_META.has(meta) && typeof el.properties.content === 'string') links.push(el.properties.content);
    // The search page names its Pagefind bundle in a data attribute, and loads `pagefind.js` from it.
    if (typeof el.properties.dataBundle === 'string') links.push(`${el.properties.dataBundle}pagefind.js`);
    if (el.tagName === 'script' && el.properties.type === 'application/ld+json') links.push(...jsonLdUrls(el));
  });
  return { ids, links };
}

/** Every `url` and `image` in a JSON-LD block (the search action's template is not a link). */
function jsonLdUrls(script: Element): string[] {
  const text = script.children.map((c) => ('value' in c ? c.value : '')).join('');
  const urls: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'url' || key === 'image' || key === 'mainEntityOfPage') && typeof value === 'string') urls.push(value);
        else walk(value);
      }
    }
  };
  walk(JSON.parse(text));
  return urls;
}

/** Links in feeds and sitemaps: `<link>`, `<guid>`, `<loc>`, and `href` attributes (atom:link). */
const XML_LINKS = /<(?:link|guid|loc)(?: [^>]*)?>([^<]+)<\/|\shref="([^"]+)"/g;
/** `path` fields of the data API, and sentence paths in chart CSVs. */
const DATA_PATHS = /"path":"([^"]+)"/g;

export interface CheckOptions {
  /** The base path the site was built for: `/` or `/briefs/`. */
  base: string;
  /** The site URL it was built with (`https://example.com`), whose links are checked as internal. */
  site?: string;
}

/** Follow every internal link of the site in `dir`. */
export function checkLinks(dir: string, { base, site }: CheckOptions): LinkReport {
  const origin = new URL(site ?? 'http://site.invalid').origin;
  const files = siteFiles(dir);
  const pages = new Map<string, PageLinks>();
  const pageAt = (file: string) => {
    let page = pages.get(file);
    if (!page) pages.set(file, (page = readPage(join(dir, file))));
    return page;
  };
  const broken: string[] = [];
  let checked = 0;

  /** The file a site path is served from, as `serve()` resolves it; undefined when none. */
  const fileFor = (pathname: string): string | undefined => {
    if (!pathname.startsWith(base)) return undefined;
    const inside = decodeURIComponent(pathname.slice(base.length));
    const candidates = inside === '' || inside.endsWith('/') ? [`${inside}index.html`] : [inside, `${inside}/index.html`];
    return candidates.find((c) => existsSync(join(dir, c)) && statSync(join(dir, c)).isFile());
  };

  const follow = (from: string, link: string) => {
    const fromUrl = new URL(`${base}${from.replace(/(^|\/)index\.html$/, '$1')}`, origin);
    if (/^(mailto|tel):/i.test(link)) return;
    let url: URL;
    try {
      url = new URL(link, fromUrl);
    } catch {
      broken.push(`${from}: ${link} → not a URL`);
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      broken.push(`${from}: ${link} → ${url.protocol} link`);
      return;
    }
    if (url.origin !== origin) return; // another host: not ours to check offline
    checked++;
    const target = fileFor(url.pathname);
    if (!target) {
      broken.push(`${from}: ${link} → no file for ${url.pathname}${url.pathname.startsWith(base) ? '' : ` (outside the base ${base})`}`);
      return;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && target.endsWith('.html') && !pageAt(target).ids.has(fragment)) broken.push(`${from}: ${link} → ${target} has no element #${fragment}`);
  };

  for (const file of files) {
    if (file.startsWith('pagefind/') || file.startsWith('_astro/')) continue;
    if (file.endsWith('.html')) for (const link of pageAt(file).links) follow(file, link);
    else if (file.endsWith('.xml')) for (const m of readFileSync(join(dir, file), 'utf8').matchAll(XML_LINKS)) follow(file, decodeXml((m[1] ?? m[2])!.trim()));
    else if (file.endsWith('.json') || file.endsWith('.csv')) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const m of text.matchAll(DATA_PATHS)) follow(file, JSON.parse(`"${m[1]}"`) as string);
      if (file.endsWith('.csv')) for (const m of text.matchAll(/(?:^|[\s,"])(\/[^\s,"]*#s-[\w-]+)/gm)) follow(file, m[1]!);
    } else if (file === 'robots.txt') for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/^Sitemap: (\S+)/gm)) follow(file, m[1]!);
  }
  return { checked, broken };
}

const decodeXml = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
