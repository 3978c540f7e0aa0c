/**
 * Entities: the people, companies, places and products an article names, found with the user's
 * gazetteer (`content/entities.json`) and nothing else. A statistical NER would find names the
 * gazetteer lacks, but at 5,000 articles it is slow and its misses and false hits would be
 * invisible to the user; a gazetteer is fast, explainable and fixed by editing data.
 *
 * All names and aliases compile into one regular expression, so each sentence is scanned once.
 */
import type { EntityConfig } from '../../config/schema.ts';
import { slugify } from '../clean/index.ts';
import { shortHash } from '../clean/sentences.ts';
import type { Article, EntityMention, SentenceId } from '../types.ts';

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
      slug: slugify(config.name) || `entity-${shortHash(config.name)}`,
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

/**
 * Each entity the article names, once, with the sentences that name it in reading order; the
 * most mentioned first (a mention being a sentence that names it), then by name.
 */
export function findEntities(article: Pick<Article, 'sentences'>, gazetteer: Gazetteer): EntityMention[] {
  const found = new Map<GazetteerEntity, SentenceId[]>();
  for (const sentence of article.sentences) {
    for (const { entity } of entitiesIn(sentence.text, gazetteer)) {
      const sentences = found.get(entity);
      if (!sentences) found.set(entity, [sentence.id]);
      else if (sentences.at(-1) !== sentence.id) sentences.push(sentence.id);
    }
  }
  return [...found]
    .map(([entity, sentences]) => ({ entity: entity.slug, name: entity.name, type: entity.type, sentences }))
    .sort((a, b) => b.sentences.length - a.sentences.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
