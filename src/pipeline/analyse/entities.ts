/**
 * Entities: the people, companies, places and products an article names. Names are found in the
 * text (`ner.ts`); the user's gazetteer (`content/entities.json`) overrides what the text says:
 * its aliases merge names ("Apple Inc." and "Apple", "苹果" and "Apple"), its types win, and a
 * name it lists is always an entity. `consolidateEntities` then makes one entity of the forms a
 * name takes across the corpus ("Royal Dutch Shell" and "Shell").
 *
 * The gazetteer's names and aliases compile into one regular expression, so each sentence is
 * scanned once.
 */
import type { EntityConfig } from '../../config/schema.ts';
import { slugify } from '../clean/index.ts';
import { shortHash } from '../clean/sentences.ts';
import type { AnalysedArticle, Article, EntityMention, Figure, SentenceId, Slug } from '../../core/types.ts';
import { factKey } from './figures.ts';
import { CORPORATE_SUFFIX, type NameSpan } from './ner.ts';

export interface GazetteerEntity {
  /** URL-safe id: `slugify(name)`, or a hash of the name when it has no Latin letters. */
  slug: string;
  name: string;
  type: EntityConfig['type'];
  aliases: readonly string[];
}

export interface Gazetteer {
  entities: readonly GazetteerEntity[];
  /** Every name and alias, as written, to the entity it names. */
  byAlias: ReadonlyMap<string, GazetteerEntity>;
  /** Every name and alias, longest first. */
  aliases: readonly string[];
  /** One global matcher: the aliases as literal alternatives, longest first. */
  matcher: RegExp;
}

/** One occurrence of an entity in a text: `text.slice(start, end) === alias`. */
export interface EntityMatch {
  entity: GazetteerEntity;
  alias: string;
  start: number;
  end: number;
}

/**
 * Scripts written without spaces: a name in them may sit between any two characters
 * ("阿里巴巴集团"), so only letters and digits of spaced scripts make a word boundary.
 */
const UNSPACED = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}`;
const WORD_CHAR = new RegExp(String.raw`^[[\p{L}\p{M}\p{N}_]--[${UNSPACED}]]$`, 'v');

/** The character (code point) that ends before `index`, or starts at it. */
function charBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text.charAt(index - 1);
}
const charAt = (text: string, index: number) => String.fromCodePoint(text.codePointAt(index) ?? 32);
function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  // Most characters next to a name are ASCII: decide those without the Unicode class.
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return WORD_CHAR.test(char);
}

/**
 * Whether `alias`, found at `start`, is a whole word there. A boundary is required only on a side
 * where the alias itself has a word character, so "U.S." matches before any punctuation, and a
 * CJK alias matches inside a run of CJK text.
 */
function isWholeWord(text: string, start: number, alias: string): boolean {
  const end = start + alias.length;
  if (isWordChar(charAt(alias, 0)) && start > 0 && isWordChar(charBefore(text, start))) return false;
  return !(isWordChar(charBefore(alias, alias.length)) && end < text.length && isWordChar(charAt(text, end)));
}

/** Escapes the syntax characters: the only identity escapes a `u`-flag pattern allows. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Precompile the gazetteer. When two entities share an alias, the one listed first keeps it.
 * Aliases are tried longest first, so "Apple Intelligence" is one mention of the product and not
 * also one of the company. The matcher is a plain alternation of literals, which the regex engine
 * scans fast; word boundaries are checked on each hit instead (lookarounds around every
 * alternative made it ten times slower).
 */
export function compileGazetteer(entities: readonly EntityConfig[]): Gazetteer {
  const compiled: GazetteerEntity[] = [];
  const byAlias = new Map<string, GazetteerEntity>();
  for (const config of entities) {
    const entity: GazetteerEntity = {
      slug: entitySlug(config.name),
      name: config.name,
      type: config.type,
      aliases: config.aliases,
    };
    compiled.push(entity);
    for (const alias of [config.name, ...config.aliases]) if (!byAlias.has(alias)) byAlias.set(alias, entity);
  }
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  // An empty gazetteer gets a matcher that never matches.
  const source = aliases.length > 0 ? aliases.map(escapeRegExp).join('|') : '(?!)';
  return { entities: compiled, byAlias, aliases, matcher: new RegExp(source, 'gu') };
}

/** Every gazetteer name in `text`, left to right, none overlapping. */
export function entitiesIn(text: string, gazetteer: Gazetteer): EntityMatch[] {
  const matches: EntityMatch[] = [];
  const matcher = gazetteer.matcher;
  matcher.lastIndex = 0;
  for (let hit = matcher.exec(text); hit; hit = matcher.exec(text)) {
    const start = hit.index;
    // The longest alias was not a whole word here ("Cook" in "Cookies"): a shorter one may be.
    const alias = isWholeWord(text, start, hit[0])
      ? hit[0]
      : gazetteer.aliases.find((other) => other.length < hit[0].length && text.startsWith(other, start) && isWholeWord(text, start, other));
    const entity = alias === undefined ? undefined : gazetteer.byAlias.get(alias);
    if (alias === undefined || !entity) {
      matcher.lastIndex = start + 1;
      continue;
    }
    matches.push({ entity, alias, start, end: start + alias.length });
    matcher.lastIndex = start + alias.length;
  }
  return matches;
}

/** An entity's URL-safe id: the slug of its name, or a hash of it when it has no Latin letters. */
export const entitySlug = (name: string): string => slugify(name) || `entity-${shortHash(name)}`;

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
/** The most mentioned first (a mention being a sentence that names it), then by name. */
const byMentions = (a: EntityMention, b: EntityMention) => b.sentences.length - a.sentences.length || byName(a, b);

/**
 * Each entity the article names, once, with the sentences that name it in reading order; the
 * most mentioned first (a mention being a sentence that names it), then by name. `names` are the
 * names found in each sentence (`recogniseNames`); without them, the gazetteer's alone.
 */
export function findEntities(article: Pick<Article, 'sentences'>, gazetteer: Gazetteer, names?: readonly (readonly NameSpan[])[]): EntityMention[] {
  const found = new Map<string, EntityMention>();
  const forms = new Map<string, Set<string>>();
  article.sentences.forEach((sentence, i) => {
    const spans: { name: string; type: string; slug: string; form: string }[] = names
      ? (names[i] ?? []).map((span) => ({ name: span.name, type: span.type, slug: span.gazetteer ?? entitySlug(span.name), form: sentence.text.slice(span.start, span.end) }))
      : entitiesIn(sentence.text, gazetteer).map(({ entity, alias }) => ({ name: entity.name, type: entity.type, slug: entity.slug, form: alias }));
    for (const { name, type, slug, form } of spans) {
      const mention = found.get(slug);
      if (!mention) found.set(slug, { entity: slug, name, type, sentences: [sentence.id] });
      else if (mention.sentences.at(-1) !== sentence.id) mention.sentences.push(sentence.id);
      if (names && form !== name) forms.set(slug, (forms.get(slug) ?? new Set()).add(form));
    }
  });
  for (const [slug, written] of forms) (found.get(slug) as EntityMention).forms = [...written].sort();
  return [...found.values()].sort(byMentions);
}

// ── Across the corpus ────────────────────────────────────────────────────────────────────────

interface NameStats {
  types: Map<string, number>;
  articles: number;
}

/** A company's name's last word that says only its trade: "Electronics", "Communications", "Motors". */
const TRADE_WORD = /^(?:Electronics|Communications|Telecom|Telecommunications|Motors|Airlines|Airways|Pharmaceuticals|Games|Entertainment|Industries|Systems|Technologies|Software|Semiconductor|Semiconductors|Petroleum)$/;

/**
 * Where each name found in the text leads across the corpus: a name spelled like a gazetteer
 * entity's ("APPLE") to it; a company's name with its legal suffix ("Apple Inc.") to the name
 * without; a one-word name to the one longer name that ends with it, for a person ("Blair" →
 * "Tony Blair"), or holds it, for an organisation ("Shell" → "Royal Dutch Shell"), or to the
 * longer name most articles use when it is used in at least twice as many as the next — and
 * only when some article writes that longer name so (its `forms`), so that "Delta" never becomes
 * "Camp Delta" for sharing a word with it.
 */
function canonicalNames(stats: ReadonlyMap<string, NameStats>, gazetteer: Gazetteer, written: ReadonlySet<string>): Map<string, string> {
  const listedBySlug = new Map(gazetteer.entities.map((entity) => [entity.slug, entity.name]));
  const types = new Map([...stats].map(([name, entry]) => [name, [...entry.types].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0]]));
  const typeOf = (name: string) => types.get(name);
  // The longer names each word is part of: a one-word name looks only at those.
  const longerByWord = new Map<string, string[]>();
  for (const name of stats.keys()) {
    if (!name.includes(' ')) continue;
    for (const word of new Set(name.split(' '))) {
      const names = longerByWord.get(word);
      if (names) names.push(name);
      else longerByWord.set(word, [name]);
    }
  }
  const canonical = new Map<string, string>();
  for (const name of [...stats.keys()].sort()) {
    const listed = listedBySlug.get(entitySlug(name));
    if (listed !== undefined) {
      canonical.set(name, listed);
      continue;
    }
    const stripped = name.replace(CORPORATE_SUFFIX, '');
    if (stripped !== name && stripped !== '' && (stats.has(stripped) || gazetteer.byAlias.has(stripped))) {
      canonical.set(name, gazetteer.byAlias.get(stripped)?.name ?? stripped);
      continue;
    }
    if (name.includes(' ') || /^\p{Script=Han}/u.test(name)) continue;
    const type = typeOf(name);
    const fits = (longerByWord.get(name) ?? [])
      .filter((other) => {
        const words = other.split(' ');
        const otherType = typeOf(other);
        // Only where an article writes the longer name so: "Delta" is not "Camp Delta" unless one does.
        if (!written.has(`${other}\n${name}`)) return false;
        if (otherType === 'person') return words.at(-1) === name && (type === 'person' || type === 'organization');
        // An organisation's short form is its last word ("Shell" of "Royal Dutch Shell"), never a
        // first one, which names a parent ("Vodafone" is not "Vodafone KK").
        return otherType !== 'place' && type !== 'person' && type !== 'place' && words.at(-1) === name;
      })
      .map((other) => [other, stats.get(other)?.articles ?? 0] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const [best, next] = fits;
    if (best && (!next || best[1] >= 2 * next[1])) {
      canonical.set(name, best[0]);
      continue;
    }
    // "Samsung" of "Samsung Electronics", in another article: a company's name and the one longer name
    // that adds only a word saying what trade the company is in, where no other name begins with it
    // (not "GE Capital" nor "Barclays Capital", a parent's unit).
    const begun = (longerByWord.get(name) ?? []).filter((other) => other.startsWith(`${name} `));
    const [company] = begun;
    if (begun.length === 1 && company && TRADE_WORD.test(company.slice(name.length + 1)) && type !== 'person' && type !== 'place' && typeOf(company) !== 'place' && typeOf(company) !== 'person') {
      canonical.set(name, company);
    }
  }
  // One step is enough for most names; follow chains ("Shell" → "Shell Oil" → …) to their end.
  for (const [name, target] of canonical) {
    let end = target;
    for (let hops = 0; canonical.has(end) && canonical.get(end) !== end && hops < 5; hops++) end = canonical.get(end) as string;
    canonical.set(name, end);
  }
  return canonical;
}

/** A figure under its subject's corpus-wide name; its id keeps the hash of where it was read. */
function renameSubject(figure: Figure, subject: string): Figure {
  const hash = figure.id.slice(figure.id.lastIndexOf('-') + 1);
  const renamed = { ...figure, subject };
  return { ...renamed, id: `${factKey(renamed)}-${hash}` };
}

/** An entity found only in the text gets a page when one article in this many names it (and two at least). */
export const ARTICLES_PER_PAGED_NAME = 500;

export interface Consolidation {
  /** Per article whose analysis the step changed, a digest of what it changed (for cache keys). */
  changed: Map<Slug, string>;
}

/**
 * One entity per thing named across the corpus, in place: the names found in the text are
 * merged as `canonicalNames` says, in each article's entities, figure subjects and quote
 * speakers. An entity found only in the text is kept when at least two articles name it, or one
 * in `ARTICLES_PER_PAGED_NAME` of the corpus when that is more (a name found once is more often
 * a misreading than a story's player, and each kept entity is a page: on the BBC's 2,225 articles
 * 4,863 names are in two or more, 1,376 in five or more); a gazetteer entity is always kept. A
 * name left out still serves as a figure's subject and a quote's speaker. Runs after the per-article analysis, which stays cacheable:
 * what it changes depends on the whole corpus.
 */
export function consolidateEntities(articles: AnalysedArticle[], gazetteer: Gazetteer): Consolidation {
  const listedSlugs = new Set(gazetteer.entities.map((entity) => entity.slug));
  const stats = new Map<string, NameStats>();
  const written = new Set<string>();
  for (const article of articles) {
    for (const mention of article.entities) {
      for (const form of mention.forms ?? []) written.add(`${mention.name}\n${form}`);
      if (listedSlugs.has(mention.entity)) continue;
      let entry = stats.get(mention.name);
      if (!entry) stats.set(mention.name, (entry = { types: new Map(), articles: 0 }));
      entry.articles++;
      entry.types.set(mention.type, (entry.types.get(mention.type) ?? 0) + mention.sentences.length);
    }
  }
  const canonical = canonicalNames(stats, gazetteer, written);
  const nameOf = (name: string) => canonical.get(name) ?? name;
  // Articles and types per entity once merged.
  const merged = new Map<string, { articles: number; types: Map<string, number> }>();
  for (const [name, entry] of stats) {
    const target = nameOf(name);
    let total = merged.get(target);
    if (!total) merged.set(target, (total = { articles: 0, types: new Map() }));
    total.articles += entry.articles;
    for (const [type, count] of entry.types) total.types.set(type, (total.types.get(type) ?? 0) + count);
  }
  const mergedType = (name: string, fallback: string) =>
    gazetteer.byAlias.get(name)?.type ?? [...(merged.get(name)?.types ?? [])].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? fallback;
  const minArticles = Math.max(2, Math.ceil(articles.length / ARTICLES_PER_PAGED_NAME));
  const kept = (name: string) => gazetteer.byAlias.has(name) || (merged.get(name)?.articles ?? 0) >= minArticles;

  const changed = new Map<Slug, string>();
  for (const article of articles) {
    const order = new Map(article.sentences.map((sentence, i) => [sentence.id as string, i]));
    const entities = new Map<string, EntityMention>();
    for (const mention of article.entities) {
      const listed = listedSlugs.has(mention.entity);
      const name = listed ? mention.name : nameOf(mention.name);
      if (!listed && !kept(name)) continue;
      const listedAs = gazetteer.byAlias.get(name);
      const slug = listed ? mention.entity : (listedAs?.slug ?? entitySlug(name));
      const type = listed ? mention.type : mergedType(name, mention.type);
      const found = entities.get(slug);
      const forms = [...(mention.forms ?? []), ...(mention.name !== (listedAs?.name ?? name) ? [mention.name] : [])];
      if (!found) entities.set(slug, { entity: slug, name: listedAs?.name ?? name, type, sentences: [...mention.sentences], ...(forms.length > 0 ? { forms: [...new Set(forms)].sort() } : {}) });
      else {
        const sentences = new Set([...found.sentences, ...mention.sentences]);
        found.sentences = [...sentences].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)) as SentenceId[];
        const all = [...new Set([...(found.forms ?? []), ...forms])].sort();
        if (all.length > 0) found.forms = all;
      }
    }
    const next = [...entities.values()].sort(byMentions);
    const figures = article.figures.map((figure) => (figure.subject !== null && nameOf(figure.subject) !== figure.subject ? renameSubject(figure, nameOf(figure.subject)) : figure));
    const quotes = article.quotes.map((quote) => (quote.speaker !== null && nameOf(quote.speaker) !== quote.speaker ? { ...quote, speaker: nameOf(quote.speaker) } : quote));
    const before = JSON.stringify([article.entities, article.figures.map((f) => f.id), article.quotes.map((q) => q.speaker)]);
    const after = JSON.stringify([next, figures.map((f) => f.id), quotes.map((q) => q.speaker)]);
    if (before !== after) {
      changed.set(article.slug, shortHash(after));
      article.entities = next;
      article.figures = figures;
      article.quotes = quotes;
    }
  }
  return { changed };
}

/**
 * Alias → canonical name for companies and organisations (the name maps to itself): what a
 * figure's subject may be, so "Alibaba Group" and "Alibaba" are one subject.
 */
export function subjectAliases(gazetteer: Gazetteer): Map<string, string> {
  const subjects = new Map<string, string>();
  for (const [alias, entity] of gazetteer.byAlias) {
    if (entity.type === 'company' || entity.type === 'organization') subjects.set(alias, entity.name);
  }
  return subjects;
}
