/**
 * Stage 2, clean: a RawDoc becomes an Article a reader would want to see, with its sentences
 * marked. Each step is a small function over the tree, applied in order; the metadata the file
 * lacks comes from the manifest, and a missing title is inferred from the first sentence.
 */
import { toString } from 'mdast-util-to-string';
import type { ArticleMeta } from '../../config/schema.ts';
import type { Article, RawDoc, Slug } from '../../core/types.ts';
import { removeBoilerplate } from './boilerplate.ts';
import { takeMetadata } from './metadata.ts';
import { sanitiseTree } from './sanitise.ts';
import { segmentSentences } from './sentences.ts';
import { structureText } from './structure.ts';

/** Most scripts of the world in one test; enough to tell the segmenter and Pagefind the language. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 2000);
  const count = (pattern: RegExp) => (sample.match(pattern) ?? []).length;
  const letters = Math.max(1, count(/\p{L}/gu));
  if (count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) / letters > 0.1) return 'ja';
  if (count(/\p{Script=Hangul}/gu) / letters > 0.3) return 'ko';
  if (count(/\p{Script=Han}/gu) / letters > 0.3) return 'zh';
  if (count(/\p{Script=Arabic}/gu) / letters > 0.3) return 'ar';
  if (count(/\p{Script=Hebrew}/gu) / letters > 0.3) return 'he';
  if (count(/\p{Script=Cyrillic}/gu) / letters > 0.3) return 'ru';
  return 'en';
}

/** A headline from a first sentence: cut at a clause break when it runs long. */
export function titleFromSentence(sentence: string): string {
  const text = sentence.replace(/\s+/g, ' ').trim();
  if (text.length <= 110) return text.replace(/[.。]$/u, '');
  const comma = text.indexOf(', ', 40);
  if (comma > 0 && comma <= 110) return text.slice(0, comma);
  const cut = text.lastIndexOf(' ', 100);
  return `${text.slice(0, cut > 40 ? cut : 100)}…`;
}

/** Words a cut slug must not end on: "…-iphones-in" reads as a title cut short. */
const DANGLING = new Set(['a', 'an', 'and', 'amid', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'its', 'of', 'on', 'or', 'the', 'to', 'with']);

/**
 * ASCII slug from a title; an empty result (a title in another script) falls back to the file.
 * Up to `max` characters keeps a headline whole (long web headlines run to 90); a longer one is
 * cut between words, before any little word left dangling at the end, and only a single word
 * longer than `max` is cut inside.
 */
export function slugify(text: string, max = 100): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const words = slug.slice(0, max + 1).split('-').slice(0, -1);
  while (words.length > 1 && DANGLING.has(words.at(-1)!)) words.pop();
  return words.length > 0 ? words.join('-') : slug.slice(0, max);
}

/**
 * The title's slug when it keeps at least half of the title's letters and digits; otherwise ''
 * (the file name is used): "阿里巴巴与苹果合作在中国推出AI功能" would be "ai".
 */
function titleSlug(title: string): string {
  const letters = title.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  const kept = slugify(title, Number.POSITIVE_INFINITY).match(/[a-z0-9]/g)?.length ?? 0;
  return kept * 2 >= letters ? slugify(title) : '';
}

function hostname(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

export function cleanArticle(raw: RawDoc, manifest: ArticleMeta = {}): Article {
  const tree = sanitiseTree(structuredClone(raw.tree));
  const { removed, sourceLink } = removeBoilerplate(tree, { altText: raw.format === 'text' });
  const metadata = takeMetadata(tree, manifest.source ?? raw.meta.source ?? sourceLink?.source ?? null);
  removed.push(...metadata.removed);
  // Only plain text needs its structure guessed: Markdown and HTML say what is a heading or a
  // list, and guessing there turned real short paragraphs into headings.
  if (raw.format === 'text') removed.push(...structureText(tree));
  const meta = { ...raw.meta, ...manifest };
  const lang = meta.lang ?? detectLanguage(toString(tree));
  const sentences = segmentSentences(tree, lang);

  let title = meta.title;
  let titleFrom: Article['titleFrom'] = manifest.title ? 'manifest' : 'file';
  if (!title && raw.titleLine) {
    title = raw.titleLine;
    titleFrom = 'first-line';
  }
  const first = sentences.find((s) => !s.heading);
  if (!title && first) {
    title = titleFromSentence(first.text);
    titleFrom = 'first-sentence';
  }
  if (!title) {
    title = raw.file.replace(/\.[^.]+$/, '');
    titleFrom = 'file-name';
  }

  const url = meta.url ?? sourceLink?.url ?? null;
  const source = meta.source ?? sourceLink?.source ?? hostname(url ?? undefined) ?? null;
  const stem = raw.file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  return {
    slug: (titleSlug(title) || slugify(stem) || `article-${raw.hash.slice(0, 8)}`) as Slug,
    file: raw.file,
    hash: raw.hash,
    format: raw.format,
    title,
    titleFrom,
    // A date line under the title counts only when neither the file nor the manifest gives one.
    date: meta.date ?? metadata.date,
    source,
    // Likewise a by-line under the title.
    author: meta.author ?? metadata.author,
    url,
    lang,
    tree,
    sentences,
    removed,
    warnings: raw.warnings,
  };
}

/**
 * Unique slugs across the corpus. On a clash, the article whose file sorts first keeps the plain
 * slug and the others get a suffix from their own file name, which no other article can change.
 * So a new file with a clashing title never changes an existing article's slug (and links to
 * it), unless the new file's name sorts before the existing one's: then the new article takes the
 * plain slug and the existing one moves to its suffixed slug. Name new files to sort after.
 */
export function assignSlugs<T extends Article>(articles: T[]): T[] {
  const byFile = [...articles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const taken = new Set<string>();
  for (const article of byFile) {
    let slug: string = article.slug;
    if (taken.has(slug)) {
      const stem = slugify(article.file.replace(/\.[^.]+$/, ''), 24) || article.hash.slice(0, 6);
      slug = `${slug}-${stem}`;
      for (let n = 2; taken.has(slug); n++) slug = `${article.slug}-${stem}-${n}`;
    }
    taken.add(slug);
    article.slug = slug as Slug;
  }
  return articles;
}
