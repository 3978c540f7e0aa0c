/**
 * The site's social card: the home page's, and the one every page without a card of its own
 * shares (articles, entities, lists). One image, because a card per article would add minutes
 * to a build of thousands of articles (docs/performance.md) for a picture of its title.
 */
import type { APIRoute } from 'astro';
import { renderCard } from '../../site/card.ts';
import { articles, site, topics } from '../../site/data.ts';
import { plural } from '../../site/format.ts';

export const GET: APIRoute = async () => {
  const config = site();
  const png = await renderCard({
    kicker: 'Topic briefings',
    title: config.title,
    description: config.description,
    site: config.title,
    footer: `${plural(topics().length, 'topic')} · ${plural(articles().length, 'article')} · every line cited`,
  });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
