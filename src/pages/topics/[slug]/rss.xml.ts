/**
 * A topic's feed: the newest articles in the briefing, for following one story, each saying what
 * it added to the briefing (new facts, revised figures, new speakers) before its opening sentence.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { site, topicView, topics } from '../../../site/data.ts';
import { feedXml } from '../../../site/feed.ts';
import { topicDescription } from '../../../site/seo.ts';
import { updateText } from '../../../site/updates.ts';

export const getStaticPaths = (() => topics().map((t) => ({ params: { slug: t.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: siteUrl }) => {
  const config = site();
  const briefing = topicView(params.slug ?? '');
  const xml = await feedXml({
    title: `${briefing.title} · ${config.title}`,
    description: topicDescription(briefing),
    language: config.language,
    home: briefing.path,
    self: `${briefing.path}rss.xml`,
    site: siteUrl,
    articles: briefing.articles,
    topicTitles: new Map(topics().map((t) => [t.slug, t.title])),
    added: new Map(briefing.updates.map((u) => [u.article as string, updateText(u)])),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
