/**
 * robots.txt: everything may be crawled; the sitemap is named when the site URL is known (the
 * sitemap exists only then). Crawlers read robots.txt at a domain's root only: a site hosted
 * under a sub-path has this file at `<base>robots.txt`, to copy to the root if wanted.
 */
import type { APIRoute } from 'astro';
import { normaliseBase } from '../core/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const base = normaliseBase(import.meta.env.BASE_URL);
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL(`${base}sitemap-index.xml`, site.origin).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
