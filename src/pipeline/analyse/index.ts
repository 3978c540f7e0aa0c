/**
 * Stage 3, analyse: per article (a map that never looks at other articles) find figures,
 * entities, quotes, dated events, the topics it belongs to and its sentences' terms.
 * Near-duplicates are the one reduce over the corpus, in `duplicates.ts`.
 */
import type { AnalysedArticle, Article, Slug, SourceRef, Topic } from '../../core/types.ts';
import { findEntities, type Gazetteer } from './entities.ts';
import { extractEvents } from './dates.ts';
import { extractFigures } from './figures.ts';
import { extractQuotes } from './quotes.ts';
import { sentenceTerms } from './terms.ts';
import { recogniseNames } from './ner.ts';
import { matchTopics } from './topics.ts';

export interface AnalyseContext {
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
    figures: extractFigures(article, { subjects: context.subjects, names }),
    entities: findEntities(article, context.gazetteer, names),
    quotes: extractQuotes(article, context.gazetteer, names),
    events: extractEvents(article),
    topics,
    // Only key points read them, and only a topic's articles have any.
    terms: topics.length > 0 ? sentenceTerms(article) : [],
  };
}

/** What `analyseArticle` finds, without the article itself. */
export type Analysis = Pick<AnalysedArticle, 'figures' | 'entities' | 'quotes' | 'events' | 'topics' | 'terms'>;

/**
 * The analysis an article gets under `slug`, from its analysis under another slug: only the
 * sources name the article (a figure's id hashes the article's file instead), so re-naming them
 * gives what `analyseArticle` would, without analysing again. An article is analysed under the
 * slug its title gives, before slugs are made unique over the corpus; one whose title another
 * article shares gets another slug then.
 */
export function relinkAnalysis<T extends Analysis>(analysis: T, slug: Slug): T {
  const relink = (source: SourceRef): SourceRef => ({ ...source, article: slug });
  return {
    ...analysis,
    figures: analysis.figures.map((figure) => ({ ...figure, sources: figure.sources.map(relink) })),
    quotes: analysis.quotes.map((quote) => ({ ...quote, sources: quote.sources.map(relink) })),
    events: analysis.events.map((event) => ({ ...event, sources: event.sources.map(relink) })),
  };
}
