/** One social card per topic briefing: its title, description and how many stories it draws on. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { renderCard } from '../../../site/card.ts';
import { site, topicView, topics } from '../../../site/data.ts';
import { plural } from '../../../site/format.ts';
import { topicDescription } from '../../../site/seo.ts';

export const getStaticPaths = (() => topics().map((t) => ({ params: { slug: t.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const briefing = topicView(params.slug ?? '');
  const png = await renderCard({
    kicker: 'Topic briefing',
    title: briefing.title,
    description: topicDescription(briefing),
    site: site().title,
    footer: `${plural(briefing.articles.length, 'article')} · ${plural(briefing.coverage, 'distinct story', 'distinct stories')}`,
  });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
