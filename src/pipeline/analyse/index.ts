/**
 * Stage 3, analyse: per article (a map that never looks at other articles) find figures,
 * entities, quotes, dated events, the topics it belongs to and its sentences' terms.
 * Near-duplicates are the one reduce over the corpus, in `duplicates.ts`.
 */
import { sourceRef } from '../../core/urls.ts';
import type { AnalysedArticle, Article, SentenceId, Slug, SourceRef, Topic } from '../../core/types.ts';
import { findEntities, type Gazetteer } from './entities.ts';
import { extractEvents } from './dates.ts';
import { extractFigures } from './figures.ts';
import { extractQuotes } from './quotes.ts';
import { sentenceTerms } from './terms.ts';
import { recogniseNames } from './ner.ts';
import { matchTopics } from './topics.ts';

export interface AnalyseContext {
  base: string;
  gazetteer: Gazetteer;
  subjects: ReadonlyMap<string, string>;
  topics: Topic[];
  aliases: ReadonlyMap<string, string[]>;
  /** The gazetteer's places, each by all its names: what a topic's market guard weighs. */
  places?: readonly (readonly string[])[];
}

/** One empty list, so the topics compiled for the first article serve the others. */
const NO_PLACES: readonly (readonly string[])[] = [];

export function analyseArticle(article: Article, context: AnalyseContext): AnalysedArticle {
  const topics = matchTopics(article, context.topics, context.aliases, { places: context.places ?? NO_PLACES });
  const names = recogniseNames(article, context.gazetteer);
  return {
    ...article,
    figures: extractFigures(article, { base: context.base, subjects: context.subjects, names }),
    entities: findEntities(article, context.gazetteer, names),
    quotes: extractQuotes(article, context.gazetteer, context.base, names),
    events: extractEvents(article, context.base),
    topics,
    // Only key points read them, and only a topic's articles have any.
    terms: topics.length > 0 ? sentenceTerms(article) : [],
  };
}

/** What `analyseArticle` finds, without the article itself. */
export type Analysis = Pick<AnalysedArticle, 'figures' | 'entities' | 'quotes' | 'events' | 'topics' | 'terms'>;

/**
 * The analysis an article gets under `slug`, from its analysis under another slug: only the
 * source links carry the slug (a figure's id hashes the article's file instead), so re-linking
 * them gives what `analyseArticle` would, without analysing again. An article's slug changes
 * when another article shares its title, and a worker of the parallel pass, which sees only its
 * own articles, gives such articles other slugs than the whole corpus does: up to a quarter of
 * them at 20,000 benchmark articles, whose titles come from a few patterns.
 */
export function relinkAnalysis<T extends Analysis>(analysis: T, slug: Slug, base: string): T {
  // The sentence id is the path's fragment; `quote` is the sentence, or the quotation quoted.
  const relink = (source: SourceRef): SourceRef =>
    sourceRef(base, { slug }, { id: source.path.slice(source.path.lastIndexOf('#') + 1) as SentenceId, text: source.quote });
  return {
    ...analysis,
    figures: analysis.figures.map((figure) => ({ ...figure, sources: figure.sources.map(relink) })),
    quotes: analysis.quotes.map((quote) => ({ ...quote, sources: quote.sources.map(relink) })),
    events: analysis.events.map((event) => ({ ...event, sources: event.sources.map(relink) })),
  };
}
