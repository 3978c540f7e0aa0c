/** The site's feed: its newest articles. */
import type { APIRoute } from 'astro';
import { articles, site, topics } from '../site/data.ts';
import { feedXml } from '../site/feed.ts';
import { normaliseBase } from '../core/urls.ts';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const config = site();
  const base = normaliseBase(import.meta.env.BASE_URL);
  const xml = await feedXml({
    title: config.title,
    description: config.description,
    language: config.language,
    home: base,
    self: `${base}rss.xml`,
    site: siteUrl,
    articles: articles(),
    topicTitles: new Map(topics().map((t) => [t.slug, t.title])),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
