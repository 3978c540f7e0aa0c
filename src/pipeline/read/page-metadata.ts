/**
 * What a saved page says about itself, beyond what Readability reads: its metadata in every form
 * publishers write it, wherever it sits in the page (a `<meta>` in `<body>` counts, as browsers
 * and Readability count it). Readability reads the title, byline, outlet and date from the
 * first JSON-LD article, Open Graph, Dublin Core and parsely tags; this reads, as fallbacks,
 * every JSON-LD object (`@graph` included, references by `@id` resolved), `citation_*` tags of
 * scholarly pages, microdata (`itemprop`), `<time>` elements, and the page's address and
 * language. Pure: reads the document, changes nothing.
 */

/** schema.org types of an article, as Readability lists them. */
const ARTICLE_TYPE =
  /^(?:Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference)$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const types = (node: Json): string[] => [node['@type']].flat().filter((t): t is string => typeof t === 'string');

/** Every object of the page's JSON-LD, in page order: top-level, in lists and in `@graph`. */
function jsonLdObjects(scripts: readonly string[]): Json[] {
  const found: Json[] = [];
  const add = (value: unknown, depth: number) => {
    if (depth > 3) return;
    if (Array.isArray(value)) for (const item of value) add(item, depth + 1);
    else if (isObject(value)) {
      found.push(value);
      if (Array.isArray(value['@graph'])) add(value['@graph'], depth + 1);
    }
  };
  for (const script of scripts) {
    try {
      add(JSON.parse(script.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')), 0);
    } catch {
      // A broken JSON-LD block is the page's problem, not a reason to lose its text.
    }
  }
  return found;
}

/** A name from a JSON-LD value: a string, an object's `name`, or an `@id` resolved in the page. */
function nameOf(value: unknown, byId: ReadonlyMap<string, Json>): string | undefined {
  if (Array.isArray(value)) {
    const names = value.map((item) => nameOf(item, byId)).filter((n): n is string => n !== undefined);
    return names.length > 0 ? names.join(', ') : undefined;
  }
  if (typeof value === 'string') return text(value);
  if (!isObject(value)) return undefined;
  const named = text(value.name);
  if (named) return named;
  const id = text(value['@id']);
  const target = id ? byId.get(id) : undefined;
  return target && target !== value ? text(target.name) : undefined;
}

export interface PageMetadata {
  title?: string;
  /** As written by the page; `isoDate` makes it a calendar date. */
  date?: string;
  author?: string;
  source?: string;
  url?: string;
  lang?: string;
}

/** What `collectElement` finds in a page. */
export interface PageParts {
  /** `<meta>` values by lowercased `name`, `property`, `itemprop` or `http-equiv`; the first wins. */
  meta: Map<string, string>;
  jsonLd: string[];
  /** `<link rel=canonical>` and `<base href>`, as written. */
  canonical?: string;
  base?: string;
  /** `datetime` of `<time pubdate>` and `<time itemprop=datePublished>`, in page order. */
  publishedTimes: string[];
  lang?: string;
}

/** An empty `PageParts` for `collectElement`, with the page's language. */
export function newPageParts(document: Document): PageParts {
  const parts: PageParts = { meta: new Map(), jsonLd: [], publishedTimes: [] };
  const lang = text(document.documentElement?.getAttribute('lang'));
  if (lang) parts.lang = lang;
  return parts;
}

/**
 * What `element` says about the page, wherever it sits; called on every element in page order
 * (the reader's one walk over the page, `tag` its lowercased name).
 */
export function collectElement(parts: PageParts, element: Element, tag: string): void {
  switch (tag) {
    case 'meta': {
      const content = text(element.getAttribute('content'));
      if (!content) return;
      for (const attribute of ['name', 'property', 'itemprop', 'http-equiv']) {
        // `property` may hold several names ("og:title twitter:title").
        for (const key of (element.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/)) {
          if (key && !parts.meta.has(key)) parts.meta.set(key, content);
        }
      }
      return;
    }
    case 'script':
      if ((element.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') parts.jsonLd.push(element.textContent ?? '');
      return;
    case 'link': {
      const href = text(element.getAttribute('href'));
      if (href && parts.canonical === undefined && /(?:^|\s)canonical(?:\s|$)/i.test(element.getAttribute('rel') ?? '')) parts.canonical = href;
      return;
    }
    case 'base': {
      const href = text(element.getAttribute('href'));
      if (href && parts.base === undefined) parts.base = href;
      return;
    }
    case 'time': {
      const when = text(element.getAttribute('datetime'));
      if (when && (element.hasAttribute('pubdate') || /(?:^|\s)datePublished(?:\s|$)/.test(element.getAttribute('itemprop') ?? ''))) parts.publishedTimes.push(when);
    }
  }
}

const first = (meta: ReadonlyMap<string, string>, keys: readonly string[]): string | undefined => {
  for (const key of keys) {
    const value = meta.get(key);
    if (value) return value;
  }
  return undefined;
};

/** Date tags in the order they are trusted: article tags, scholarly citations, Dublin Core, then the generic ones. */
const DATE_TAGS = [
  'article:published_time', 'parsely-pub-date', 'citation_publication_date', 'citation_date', 'citation_online_date',
  'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'datepublished', 'pubdate',
  'publishdate', 'publish-date', 'publish_date', 'date', 'sailthru.date', 'article.published', 'og:published_time',
];
const SOURCE_TAGS = ['og:site_name', 'citation_journal_title', 'citation_publisher', 'dc.publisher', 'dcterms.publisher', 'publisher', 'application-name'];
const TITLE_TAGS = ['og:title', 'twitter:title', 'parsely-title', 'citation_title', 'dc.title', 'title'];
const AUTHOR_TAGS = ['author', 'parsely-author', 'citation_author', 'dc.creator', 'dcterms.creator'];
const URL_TAGS = ['og:url', 'twitter:url', 'citation_public_url', 'citation_abstract_html_url'];

/** An absolute http(s) address, or undefined. */
export function absoluteUrl(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A language tag as the schema takes it: `en_US` (Open Graph's form) is `en-US`. */
export function languageTag(value: string | undefined): string | undefined {
  const tag = value?.trim().replace(/_/g, '-').split(/[,;\s]/)[0];
  return tag && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]+)*$/.test(tag) ? tag : undefined;
}

/** The page's own metadata, from everything `collectElement` found. */
export function pageMetadata(parts: PageParts): PageMetadata {
  const { meta } = parts;
  const objects = jsonLdObjects(parts.jsonLd);
  const byId = new Map<string, Json>();
  for (const object of objects) {
    const id = text(object['@id']);
    if (id && !byId.has(id)) byId.set(id, object);
  }
  const article = objects.find((o) => types(o).some((t) => ARTICLE_TYPE.test(t)));
  const website = objects.find((o) => types(o).includes('WebSite'));
  const found: PageMetadata = {};
  const title = text(article?.headline) ?? text(article?.name) ?? first(meta, TITLE_TAGS);
  if (title) found.title = title;
  const date = text(article?.datePublished) ?? first(meta, DATE_TAGS) ?? parts.publishedTimes[0] ?? text(article?.dateCreated);
  if (date) found.date = date;
  const author = nameOf(article?.author, byId) ?? first(meta, AUTHOR_TAGS);
  if (author && !/^https?:\/\//i.test(author)) found.author = author;
  const source = nameOf(article?.publisher, byId) ?? first(meta, SOURCE_TAGS) ?? nameOf(website, byId);
  if (source) found.source = source;
  const url = absoluteUrl(parts.canonical, parts.base) ?? absoluteUrl(first(meta, URL_TAGS)) ?? absoluteUrl(text(article?.url));
  if (url) found.url = url;
  const lang = languageTag(parts.lang) ?? languageTag(meta.get('content-language')) ?? languageTag(meta.get('og:locale')) ?? languageTag(text(article?.inLanguage));
  if (lang) found.lang = lang;
  return found;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function calendarDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/**
 * A date as the page wrote it, as `YYYY-MM-DD`: the day written, in the page's own time zone
 * (never converted, so every machine reads the same day). Takes ISO 8601 and its compact form,
 * `YYYY/MM/DD`, and English month names ("March 5, 2019", "Tue, 05 Mar 2019 10:00:00 GMT").
 */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/.exec(value) ?? /^\s*(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(value);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  const names = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
  const dayFirst = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${names},?\\s+(\\d{4})\\b`, 'i').exec(value);
  if (dayFirst) return calendarDate(Number(dayFirst[3]), month(dayFirst[2] as string), Number(dayFirst[1]));
  const monthFirst = new RegExp(`\\b${names}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(value);
  if (monthFirst) return calendarDate(Number(monthFirst[3]), month(monthFirst[1] as string), Number(monthFirst[2]));
  return undefined;
}
