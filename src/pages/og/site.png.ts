/**
 * The site's social card: the home page's, and the one every page without a card of its own
 * shares (articles, entities, lists). One image, because a card per article would cost the
 * build about 85 ms each on a two-core machine (seven minutes at 5,000 articles) for a picture
 * of its title.
 */
import type { APIRoute } from 'astro';
import { renderCard } from '../../site/card.ts';
import { articles, site, topics } from '../../site/data.ts';

export const GET: APIRoute = async () => {
  const config = site();
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const png = await renderCard({
    kicker: 'Topic briefings',
    title: config.title,
    description: config.description,
    site: config.title,
    footer: `${count(topics().length, 'topic', 'topics')} · ${count(articles().length, 'article', 'articles')} · every line cited`,
  });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
