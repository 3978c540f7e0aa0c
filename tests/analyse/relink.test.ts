import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentPaths, loadConfig } from '../../src/config/load.ts';
import { compileGazetteer, subjectAliases } from '../../src/pipeline/analyse/entities.ts';
import { analyseArticle, relinkAnalysis } from '../../src/pipeline/analyse/index.ts';
import type { Slug } from '../../src/core/types.ts';
import { samples } from '../fixtures/analyse/samples.ts';

// The sample site's own configuration, so that every sample has figures, quotes and events.
const config = loadConfig(contentPaths(fileURLToPath(new URL('../../', import.meta.url))));
const gazetteer = compileGazetteer(config.entities);
const context = {
  gazetteer,
  subjects: subjectAliases(gazetteer),
  topics: config.topics,
  aliases: new Map(config.entities.map((e) => [e.name, e.aliases])),
};
const analysis = (article: (typeof samples)[number]) => {
  const { figures, entities, quotes, events, topics, terms } = analyseArticle(article, context);
  return { figures, entities, quotes, events, topics, terms };
};

describe('relinkAnalysis', () => {
  it.each(samples.map((article) => [article.file, article] as const))('gives %s the analysis it would get under another slug', (_, article) => {
    const renamed = { ...article, slug: `${article.slug}-b-same-title` as Slug };
    const relinked = relinkAnalysis(analysis(article), renamed.slug);
    expect(relinked).toEqual(analysis(renamed));
    expect(JSON.stringify(relinked)).not.toContain(`"article":"${article.slug}"`);
  });

  it('is tried on samples with figures, quotes and events, all of which carry source links', () => {
    const all = samples.map(analysis);
    expect(all.filter((a) => a.figures.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(all.filter((a) => a.quotes.length > 0).length).toBeGreaterThanOrEqual(1);
    expect(all.filter((a) => a.events.length > 0).length).toBeGreaterThanOrEqual(1);
  });

  it('leaves the analysis it was given as it was', () => {
    const [article] = samples;
    const before = analysis(article!);
    const copy = structuredClone(before);
    relinkAnalysis(before, 'another' as Slug);
    expect(before).toEqual(copy);
  });
});
