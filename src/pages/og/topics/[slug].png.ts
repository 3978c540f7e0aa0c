/** One social card per topic briefing: its title, description and how many stories it draws on. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { renderCard } from '../../../site/card.ts';
import { site, topicView, topics } from '../../../site/data.ts';
import { topicDescription } from '../../../site/seo.ts';

export const getStaticPaths = (() => topics().map((t) => ({ params: { slug: t.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const briefing = topicView(params.slug ?? '');
  const articles = briefing.articles.length;
  const png = await renderCard({
    kicker: 'Topic briefing',
    title: briefing.title,
    description: topicDescription(briefing),
    site: site().title,
    footer: `${articles} article${articles === 1 ? '' : 's'} · ${briefing.coverage} distinct stor${briefing.coverage === 1 ? 'y' : 'ies'}`,
  });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
