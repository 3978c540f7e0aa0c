/**
 * Stage 3, analyse: per article (a map that never looks at other articles) find figures,
 * entities, quotes, dated events, the topics it belongs to and its sentences' terms.
 * Near-duplicates are the one reduce over the corpus, in `duplicates.ts`.
 */
import type { AnalysedArticle, Article, Topic } from '../types.ts';
import { findEntities, type Gazetteer } from './entities.ts';
import { extractEvents } from './dates.ts';
import { extractFigures } from './figures.ts';
import { extractQuotes } from './quotes.ts';
import { sentenceTerms } from './terms.ts';
import { matchTopics } from './topics.ts';

export interface AnalyseContext {
  base: string;
  gazetteer: Gazetteer;
  subjects: ReadonlyMap<string, string>;
  topics: Topic[];
  aliases: ReadonlyMap<string, string[]>;
}

export function analyseArticle(article: Article, context: AnalyseContext): AnalysedArticle {
  const topics = matchTopics(article, context.topics, context.aliases);
  return {
    ...article,
    figures: extractFigures(article, { base: context.base, subjects: context.subjects }),
    entities: findEntities(article, context.gazetteer),
    quotes: extractQuotes(article, context.gazetteer, context.base),
    events: extractEvents(article, context.base),
    topics,
    // Only key points read them, and only a topic's articles have any.
    terms: topics.length > 0 ? sentenceTerms(article) : [],
  };
}
