/**
 * Stage 5, emit: the pipeline's records as files for Astro — one MDX page per article, one MDX
 * introduction per topic, the JSON of the static data API, and the views the site's pages read.
 * Pure: it hands out paths and contents (or how to make them); its caller writes them.
 */
import { stringify as stringifyYaml } from 'yaml';
import {
  ARTICLES_DATA_FILE,
  articleDataFile,
  articlePageFile,
  ENTITIES_DATA_FILE,
  entityDataFile,
  LATEST_UPDATES_FILE,
  REPORT_FILE,
  TOPICS_DATA_FILE,
  topicDataFile,
  topicListFile,
  topicPageFile,
  topicViewFile,
} from '../../core/generated.ts';
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
 * A file handed out before it is made (`make`), saying what its contents are made from besides
 * the pipeline's code, configuration and base path: one article (by its file) and what else of
 * the corpus the file shows (`with`), or one topic's briefing. A rebuild that has the file from a
 * build with the same inputs need not make it (`src/incremental/`).
 */
export interface LazyFile {
  path: string;
  from: { article: string; with: unknown } | { topic: string };
  make: () => string;
}

export type EmittedFile = OutputFile | LazyFile;

const json = (value: unknown) => `${JSON.stringify(value)}\n`;

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
function articleMdx(article: AnalysedArticle, marks: Map<string, FigureMark[]>, diagnostics: Diagnostic[]): string {
  if (marks.size === 0) return articleToMdx(article, marks);
  let problem: string;
  try {
    const mdx = articleToMdx(article, marks);
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
  /** Each entity's other names (slug → aliases), shown on its page so a search for one finds it. */
  entityAliases?: ReadonlyMap<string, readonly string[]>;
  /** Hears each article whose files were emitted. */
  onArticle?: (done: number, total: number) => void;
}

/**
 * Every output file, in a fixed order. With `emit`, each file is handed over as it comes, lazy
 * ones unmade, and the returned list is empty: a corpus of 20,000 articles never holds all its
 * pages and data in memory at once.
 */
export function emitFiles({ base, articles, duplicates, topics, briefings, diagnostics, entityAliases = new Map(), onArticle }: EmitInput, emit?: (file: EmittedFile) => void): OutputFile[] {
  const files: OutputFile[] = [];
  const push = emit ?? ((file: EmittedFile) => void files.push('make' in file ? { path: file.path, contents: file.make() } : file));
  const factOf = factsByFigure(briefings);
  const sorted = [...articles].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.slug.localeCompare(b.slug));
  sorted.forEach((article, i) => {
    const marks = figureMarks(article, factOf, base);
    push({ path: articlePageFile(article.slug), from: { article: article.file, with: [...marks] }, make: () => articleMdx(article, marks, diagnostics) });
    const own = duplicates.get(article.slug) ?? [];
    push({ path: articleDataFile(article.slug), from: { article: article.file, with: own }, make: () => json(articleRecord(article, own, base)) });
    onArticle?.(i + 1, sorted.length);
  });
  for (const topic of topics) {
    const frontMatter = stringifyYaml({ title: topic.title, slug: topic.slug, description: topic.description }, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
    push({ path: topicPageFile(topic.slug), contents: `---\n${frontMatter}---\n\n${introToMdx(topic.intro)}` });
  }
  for (const briefing of briefings) {
    // Made from the briefing alone (and the base path).
    const from = { topic: briefing.slug };
    push({ path: topicDataFile(briefing.slug), from, make: () => json(linkBriefing(briefing, base)) });
    push({ path: topicViewFile(briefing.slug), from, make: () => json(topicView(briefing, base)) });
    // Each page of the topic's lists on its own, so a list page reads 100 items, not the whole briefing.
    const lists = [['figures', briefing.facts.length], ['timeline', briefing.timeline.length], ['quotes', briefing.quotes.length], ['updates', briefing.updates.length]] as const;
    for (const [list, length] of lists) {
      for (let start = 0, page = 1; start < length; start += LIST_PAGE_SIZE, page++) {
        push({ path: topicListFile(briefing.slug, list, page), from, make: () => json(listItems(briefing, list, start, LIST_PAGE_SIZE, base)) });
      }
    }
  }
  const entities = entityRecords(articles, base, entityAliases);
  for (const entity of entities) push({ path: entityDataFile(entity.slug), contents: json(entity) });
  push({ path: ARTICLES_DATA_FILE, contents: json(sorted.map((a) => articleSummary(a, base))) });
  push({ path: TOPICS_DATA_FILE, contents: json(briefings.map((briefing) => topicSummary(briefing, base))) });
  push({ path: LATEST_UPDATES_FILE, contents: json(latestUpdates(briefings, SHOWN.updates, base)) });
  push({ path: ENTITIES_DATA_FILE, contents: json(entities.map(({ mentions, ...e }) => ({ ...e, articles: mentions.length }))) });
  push({ path: REPORT_FILE, contents: json({ articles: articles.length, diagnostics }) });
  return files;
}
