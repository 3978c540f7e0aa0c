/**
 * RSS 2.0 feeds (through @astrojs/rss): the site's newest articles, and each topic's. A feed is
 * the same on every build: no build date, items ordered by `feedOrder`.
 */
import { getRssString } from '@astrojs/rss';
import { article } from './data.ts';
import { articleDescription, FEED_ITEMS, feedDate, feedOrder } from './seo.ts';

export interface FeedInput {
  title: string;
  description: string;
  language: string;
  /** The page the feed belongs to (home or topic), and the feed's own address: site paths under the base. */
  home: string;
  self: string;
  site: URL | undefined;
  articles: { slug: string; title: string; date: string | null; path: string }[];
  /** Topic slug → title, for each item's categories. */
  topicTitles: Map<string, string>;
  /** Article slug → what it added to the feed's topic (`updateText`), said before its opening sentence. */
  added?: ReadonlyMap<string, string>;
}

/**
 * RSS wants absolute links, and @astrojs/rss makes every link absolute against `site`. Without a
 * site URL, the links are made against this reserved origin (RFC 2606) and it is then taken out of
 * the link and guid elements, leaving paths under the base that a feed reader resolves against
 * the feed's own address.
 */
const NO_ORIGIN = 'https://site-url-not-configured.invalid';
const RELATIVE_LINKS = new RegExp(`(<link>|<guid isPermaLink="true">)${NO_ORIGIN.replace(/[.]/g, '\\.')}`, 'g');

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function feedXml(input: FeedInput): Promise<string> {
  const origin = input.site?.origin ?? NO_ORIGIN;
  const items = feedOrder(input.articles)
    .slice(0, FEED_ITEMS)
    .map((a) => {
      const record = article(a.slug);
      const opening = articleDescription(record.sentences, record.title);
      const added = input.added?.get(a.slug);
      return {
        title: a.title,
        link: a.path,
        pubDate: feedDate(a.date),
        description: added ? `${added}\n\n${opening}` : opening,
        categories: record.topics.map((slug) => input.topicTitles.get(slug) ?? slug),
      };
    });
  const self = input.site ? `<atom:link href="${escapeXml(new URL(input.self, origin).href)}" rel="self" type="application/rss+xml"/>` : '';
  const xml = await getRssString({
    title: input.title,
    description: input.description,
    site: new URL(input.home, origin).href,
    items,
    xmlns: input.site ? { atom: 'http://www.w3.org/2005/Atom' } : undefined,
    customData: `<language>${escapeXml(input.language)}</language>${self}`,
  });
  return input.site ? xml : xml.replace(RELATIVE_LINKS, '$1');
}
