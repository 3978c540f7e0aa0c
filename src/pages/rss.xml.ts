/** The site's feed: its newest articles. */
import type { APIRoute } from 'astro';
import { articles, site, topics } from '../site/data.ts';
import { feedXml } from '../site/feed.ts';
import { feedPath, homePath } from '../site/urls.ts';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const config = site();
  const xml = await feedXml({
    title: config.title,
    description: config.description,
    language: config.language,
    home: homePath,
    self: feedPath,
    site: siteUrl,
    articles: articles(),
    topicTitles: new Map(topics().map((t) => [t.slug, t.title])),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
