/**
 * Stage 5, emit: the pipeline's records as files for Astro — one MDX page per article, one MDX
 * introduction per topic, and the JSON of the static data API. Pure: returns paths and contents;
 * the integration writes them into the generated folder.
 */
import { stringify as stringifyYaml } from 'yaml';
import { sha256 } from '../../incremental/keys.ts';
import { ARTICLE_PAGE_KEYS_FILE, LATEST_UPDATES_FILE, topicDataFile, topicListFile, topicViewFile } from '../../core/generated.ts';
import { factPath, LIST_PAGE_SIZE } from '../../core/urls.ts';
import type { AnalysedArticle, Diagnostic, Duplicate, Fact, Slug, Topic, TopicBriefing } from '../../core/types.ts';
import { articleRecord, articleSummary, entityRecords, topicSummary } from './data.ts';
import { linkBriefing } from './links.ts';
import { articleToMdx, introToMdx, type FigureMark } from './mdx.ts';
import { compileProblem } from './page-check.ts';
import { latestUpdates, listItems, SHOWN, topicView } from './topic-view.ts';

export interface OutputFile {
  /** Relative to the generated folder; built from slugs, which are `[a-z0-9-]` only. */
  path: string;
  contents: string;
}

/**
 * A file made only when needed: `key` digests everything its contents are made from, so a
 * writer that wrote it under the same key before, and finds it untouched, need not make it
 * (a rebuild after one new article makes 2 of 10,000 article pages and records).
 */
export interface KeyedOutputFile {
  path: string;
  key: string;
  make: () => string;
}

export type EmittedFile = OutputFile | KeyedOutputFile;

const json = (value: unknown) => `${JSON.stringify(value)}\n`;
const digest = (...parts: string[]): string => sha256(...parts).slice(0, 32);

interface FactPlace {
  briefing: TopicBriefing;
  fact: Fact;
  /** The fact's place in its briefing's facts: which page of the topic's figures lists it. */
  index: number;
}

/** Each figure's fact in the first briefing (by topic order) that has it: one pass over all facts. */
function factsByFigure(briefings: TopicBriefing[]): Map<string, FactPlace> {
  const found = new Map<string, FactPlace>();
  for (const briefing of briefings) {
    briefing.facts.forEach((fact, index) => {
      for (const value of fact.values) if (!found.has(value.id)) found.set(value.id, { briefing, fact, index });
    });
  }
  return found;
}

/** Each figure links to its fact's row on that topic's figures pages. */
function figureMarks(article: AnalysedArticle, factOf: ReadonlyMap<string, FactPlace>, base: string): Map<string, FigureMark[]> {
  const marks = new Map<string, FigureMark[]>();
  for (const figure of article.figures) {
    const place = factOf.get(figure.id);
    if (!place) continue;
    const { briefing, fact, index } = place;
    const sentenceId = figure.sources[0]?.sentence;
    if (!sentenceId) continue;
    const label = [figure.subject, figure.measure, figure.period, figure.market].filter(Boolean).join(', ');
    const list = marks.get(sentenceId) ?? [];
    list.push({ text: figure.text, href: factPath(base, briefing.slug, fact.id, index), title: `${label || 'figure'} — compare sources on ${briefing.title}` });
    marks.set(sentenceId, list);
  }
  return marks;
}

/**
 * An article's MDX page. Without figure links it is the page proven to compile when the article
 * was cleaned (`withCompilingPage`); with them it is compiled again, and should it fail (or the
 * serialiser throw), the page is written without its figure links, with a warning: one odd
 * article must not cost the build, nor leave links to a page that was never written.
 */
function articleMdx(article: AnalysedArticle, marks: Map<string, FigureMark[]>, write: () => string, diagnostics: Diagnostic[]): string {
  if (marks.size === 0) return write();
  let problem: string;
  try {
    const mdx = write();
    const compiled = compileProblem(mdx);
    if (!compiled) return mdx;
    problem = `${compiled.line === undefined ? '' : `line ${compiled.line}: `}${compiled.message}`;
  } catch (error) {
    problem = (error as Error).message;
  }
  diagnostics.push({ file: article.file, severity: 'warning', message: `shown without its figure links: its page with them did not compile as MDX (${problem})` });
  return articleToMdx(article);
}

export interface EmitInput {
  base: string;
  articles: AnalysedArticle[];
  duplicates: ReadonlyMap<Slug, Duplicate[]>;
  topics: Topic[];
  briefings: TopicBriefing[];
  diagnostics: Diagnostic[];
  /** Serialises an article page; the pipeline passes one that counts the pages it makes. Default `articleToMdx`. */
  toMdx?: (article: AnalysedArticle, marks: Map<string, FigureMark[]>) => string;
  /** Each entity's other names (slug → aliases), shown on its page so a search for one finds it. */
  entityAliases?: ReadonlyMap<string, readonly string[]>;
  /**
   * Keys of an article's page and record (see `KeyedOutputFile`); the pipeline passes them when
   * it has a cache. Without them, every file is made, and an article's page key
   * (`ARTICLE_PAGE_KEYS_FILE`) digests its record as made rather than the record's key.
   */
  keys?: {
    page(article: AnalysedArticle, marks: Map<string, FigureMark[]>): string | undefined;
    record(article: AnalysedArticle, duplicates: Duplicate[]): string | undefined;
    /** A topic's briefing key (`briefingKey`), for its data file, view and list pages. */
    briefing(topic: string): string | undefined;
  };
  /** Hears each article whose files were emitted. */
  onArticle?: (done: number, total: number) => void;
}

/**
 * Every output file, in a fixed order. With `emit`, each file is handed over as soon as it is
 * made and the returned list is empty: a corpus of 20,000 articles never holds all its pages
 * and data in memory at once.
 */
export function emitFiles(
  { base, articles, duplicates, topics, briefings, diagnostics, toMdx = articleToMdx, entityAliases = new Map(), keys, onArticle }: EmitInput,
  emit?: (file: EmittedFile) => void,
): OutputFile[] {
  const files: OutputFile[] = [];
  const push = emit ?? ((file: EmittedFile) => void files.push('make' in file ? { path: file.path, contents: file.make() } : file));
  /**
   * A file under its key when there is one, made right away otherwise; either way, the file's
   * version: its key, or a digest of what was made.
   */
  const pushKeyed = (path: string, key: string | undefined, make: () => string): string => {
    if (key !== undefined) {
      push({ path, key, make });
      return key;
    }
    const contents = make();
    push({ path, contents });
    return digest(contents);
  };
  const factOf = factsByFigure(briefings);
  const sorted = [...articles].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.slug.localeCompare(b.slug));
  const titleOf = new Map(articles.map((a) => [a.slug, a.title]));
  const pageKeys: Record<string, string> = {};
  sorted.forEach((article, i) => {
    const marks = figureMarks(article, factOf, base);
    pushKeyed(`articles/${article.slug}.mdx`, keys?.page(article, marks), () => articleMdx(article, marks, () => toMdx(article, marks), diagnostics));
    const ownDuplicates = duplicates.get(article.slug) ?? [];
    const record = pushKeyed(`data/articles/${article.slug}.json`, keys?.record(article, ownDuplicates), () => json(articleRecord(article, ownDuplicates, base)));
    // The page shows its record and the titles of its near-duplicates (src/site/data.ts adds the
    // topic titles and the site config, which every page shows).
    pageKeys[article.slug] = digest(record, JSON.stringify(ownDuplicates.map((d) => titleOf.get(d.slug) ?? null)));
    onArticle?.(i + 1, sorted.length);
  });
  push({ path: ARTICLE_PAGE_KEYS_FILE, contents: json(pageKeys) });
  for (const topic of topics) {
    const frontMatter = stringifyYaml({ title: topic.title, slug: topic.slug, description: topic.description }, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
    push({ path: `topics/${topic.slug}.mdx`, contents: `---\n${frontMatter}---\n\n${introToMdx(topic.intro)}` });
  }
  for (const briefing of briefings) {
    // Everything below is made from the briefing alone (and the base path, in its key).
    const key = keys?.briefing(briefing.slug);
    const part = (name: string) => key && digest(key, name);
    pushKeyed(topicDataFile(briefing.slug), key, () => json(linkBriefing(briefing, base)));
    pushKeyed(topicViewFile(briefing.slug), part('view'), () => json(topicView(briefing, base)));
    // Each page of the topic's lists on its own, so a list page reads 100 items, not the whole briefing.
    const lists = [['figures', briefing.facts.length], ['timeline', briefing.timeline.length], ['quotes', briefing.quotes.length], ['updates', briefing.updates.length]] as const;
    for (const [list, length] of lists) {
      for (let start = 0, page = 1; start < length; start += LIST_PAGE_SIZE, page++) {
        pushKeyed(topicListFile(briefing.slug, list, page), part(`${list}/${page}`), () => json(listItems(briefing, list, start, LIST_PAGE_SIZE, base)));
      }
    }
  }
  const entities = entityRecords(articles, base, entityAliases);
  for (const entity of entities) push({ path: `data/entities/${entity.slug}.json`, contents: json(entity) });
  push({ path: 'data/articles.json', contents: json(sorted.map((a) => articleSummary(a, base))) });
  push({ path: 'data/topics.json', contents: json(briefings.map((briefing) => topicSummary(briefing, base))) });
  push({ path: LATEST_UPDATES_FILE, contents: json(latestUpdates(briefings, SHOWN.updates, base)) });
  push({ path: 'data/entities.json', contents: json(entities.map(({ mentions, ...e }) => ({ ...e, articles: mentions.length }))) });
  push({ path: 'report.json', contents: json({ articles: articles.length, diagnostics }) });
  return files;
}
