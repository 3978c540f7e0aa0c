/**
 * What a page tells the places it is shared to: absolute URLs, descriptions, schema.org JSON-LD
 * and feed items. Pure functions over the generated records (no Astro, no fs), so the layout,
 * the feeds and the tests agree on one definition.
 */

/** A schema.org node: plain JSON. */
export type JsonLd = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * JSON for a `<script type="application/ld+json">` element. The HTML parser ends a script at the
 * first `</script`, whatever the JSON says, so every `<` is written as `\u003c` (and `>`, `&` for
 * good measure); U+2028 and U+2029 are escaped because older JavaScript parsers read them as line
 * ends. The result is the same JSON value.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A site path (already carrying the base, `/briefs/articles/x/`) as a URL to share: absolute
 * when the site URL is known, else the path itself. Only the origin of `site` counts, because
 * the path already holds the base.
 */
export function shareUrl(path: string, site: URL | undefined): string {
  return site ? new URL(path, site.origin).href : path;
}

/** Longest description written into meta tags and feeds; search engines show about 160 characters. */
export const DESCRIPTION_LIMIT = 200;

/**
 * A page description from an article's own sentences: the first sentence long enough to say
 * something (a dateline or a byline is not), cut at a word boundary when too long. Falls back
 * to the title. Verbatim text, never a summary.
 */
export function articleDescription(sentences: { text: string }[], title: string): string {
  const text = sentences.find((s) => s.text.length > 60)?.text ?? title;
  return clip(text, DESCRIPTION_LIMIT);
}

/** `text` cut to at most `limit` characters at the last space, with an ellipsis when cut. */
export function clip(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Social card images are 1200×630 PNG, the size Open Graph and Twitter large cards expect. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface SiteRef {
  name: string;
  /** Absolute home URL when the site URL is known, else the base path. */
  url: string;
}

export const siteRef = (name: string, base: string, site: URL | undefined): SiteRef => ({ name, url: shareUrl(base, site) });

const website = (site: SiteRef): JsonLd => ({ '@type': 'WebSite', name: site.name, url: site.url });

/** The home page: the site itself, with the search page as its search action. */
export function websiteJsonLd(site: SiteRef & { description: string; language: string; searchUrl: string }): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    description: site.description,
    url: site.url,
    inLanguage: site.language,
    potentialAction: {
      '@type': 'SearchAction',
      target: `${site.searchUrl}?q={search_term_string}`,
      'query-input': 'required name=search_term_string',
    },
  };
}

/** An article page: a NewsArticle based on the original story, published by its outlet. */
export function articleJsonLd(input: {
  site: SiteRef;
  headline: string;
  description: string;
  url: string;
  image: string;
  language: string;
  date: string | null;
  source: string | null;
  original: string | null;
}): JsonLd {
  const node: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.headline,
    description: input.description,
    url: input.url,
    mainEntityOfPage: input.url,
    image: input.image,
    inLanguage: input.language,
  };
  if (input.date) node.datePublished = input.date;
  if (input.source) node.publisher = { '@type': 'Organization', name: input.source };
  if (input.original) node.isBasedOn = input.original;
  node.isPartOf = website(input.site);
  return node;
}

/**
 * A topic's social card, shared by its page and every page of its lists: the card the pipeline
 * draws for it (`src/pages/og/topics/[slug].png.ts`) and words a screen reader reads for it.
 */
export const topicCard = (topic: { slug: string; title: string }) => ({ card: `og/topics/${topic.slug}.png`, cardAlt: `${topic.title}: topic briefing.` });

/** A topic's description, or one said from its counts when the topic file gives none. */
export function topicDescription(topic: { title: string; description: string; articles: unknown[] }): string {
  if (topic.description) return clip(topic.description, DESCRIPTION_LIMIT);
  const n = topic.articles.length;
  return `${topic.title}: key points, figures, timeline and quotes from ${n} article${n === 1 ? '' : 's'}, every line cited.`;
}

/** A topic briefing: a collection of the articles it cites, about the topic. */
export function topicJsonLd(input: {
  site: SiteRef;
  name: string;
  description: string;
  url: string;
  image: string;
  language: string;
  articles: { headline: string; url: string; date: string | null }[];
}): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: input.name,
    description: input.description,
    url: input.url,
    image: input.image,
    inLanguage: input.language,
    about: { '@type': 'Thing', name: input.name, description: input.description },
    hasPart: input.articles.map((a) => ({
      '@type': 'NewsArticle',
      headline: a.headline,
      url: a.url,
      ...(a.date ? { datePublished: a.date } : {}),
    })),
    isPartOf: website(input.site),
  };
}

const ENTITY_TYPES: Record<string, string> = { company: 'Organization', organization: 'Organization', person: 'Person', place: 'Place', product: 'Product' };

/** An entity page: the articles that mention one company, person, place or product. */
export function entityJsonLd(input: { site: SiteRef; name: string; type: string; description: string; url: string; language: string; articles: { headline: string; url: string }[] }): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: input.name,
    description: input.description,
    url: input.url,
    inLanguage: input.language,
    about: { '@type': ENTITY_TYPES[input.type] ?? 'Thing', name: input.name },
    hasPart: input.articles.map((a) => ({ '@type': 'NewsArticle', headline: a.headline, url: a.url })),
    isPartOf: website(input.site),
  };
}

/** Any other page: a web page of the site; `url` is left out for a page with no address of its own (404). */
export function webPageJsonLd(input: { site: SiteRef; name: string; description: string; url: string | undefined; language: string }): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    name: input.name,
    description: input.description,
    ...(input.url ? { url: input.url } : {}),
    inLanguage: input.language,
    isPartOf: website(input.site),
  };
}

/** How many items a feed carries: the newest ones, as feed readers poll the whole file. */
export const FEED_ITEMS = 50;

/**
 * Feed order, the same on every build: newest date first, then articles without a date, each
 * group by slug. No build time enters a feed.
 */
export function feedOrder<T extends { slug: string; date: string | null }>(articles: T[]): T[] {
  return [...articles].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? 1 : -1;
    }
    return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
  });
}

/** An article date (`YYYY-MM-DD`) as the instant a feed gives it: midnight UTC of that day. */
export const feedDate = (date: string | null): Date | undefined => (date ? new Date(`${date.slice(0, 10)}T00:00:00Z`) : undefined);
