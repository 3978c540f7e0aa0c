import { describe, expect, test } from 'vitest';
import { factLinks, latestEvents, leadingConflicts, leadingFacts, leadingQuotes, reportedValues, SHOWN, topicView } from '../../src/pipeline/emit/topic-view.ts';
import type { Fact, Figure, Quote, Slug, SourceRef, TimelineEvent, TopicBriefing } from '../../src/pipeline/types.ts';

const source = (article: string): SourceRef => ({ article: article as Slug, quote: `${article} said so.`, path: `/articles/${article}/#s-1` });
const figure = (article: string, value: number, text = `${value}%`): Figure =>
  ({ id: `${article}-${value}`, text, value, unit: '%', subject: 'Vivo', measure: 'market share', period: 'Q4 2024', market: 'China', sources: [source(article)] }) as Figure;
const fact = (id: string, status: Fact['status'], values: Figure[]): Fact => ({ id, subject: 'Vivo', measure: 'market share', period: null, market: null, unit: '%', status, values });

describe('what a topic page shows of each section', () => {
  test('facts: disagreements first, then the most widely reported, ties in the briefing’s order', () => {
    const facts = [fact('a', 'single', [figure('x', 1)]), fact('b', 'agree', [figure('x', 2), figure('y', 2)]), fact('c', 'differ', [figure('x', 3), figure('y', 4)]), fact('d', 'agree', [figure('x', 5), figure('y', 5), figure('z', 5)]), fact('e', 'single', [figure('y', 6)])];
    expect(leadingFacts(facts, 10).map((f) => f.id)).toEqual(['c', 'd', 'b', 'a', 'e']);
    expect(leadingFacts(facts, 2).map((f) => f.id)).toEqual(['c', 'd']);
  });

  test('conflicts with the most values first; quotes carried by the most sources first', () => {
    const conflicts = [fact('a', 'differ', [figure('x', 1), figure('y', 2)]), fact('b', 'differ', [figure('x', 1), figure('y', 2), figure('z', 3)])];
    expect(leadingConflicts(conflicts, 1).map((c) => c.id)).toEqual(['b']);
    const quotes: Quote[] = [{ text: 'one', speaker: null, sources: [source('x')] }, { text: 'two', speaker: null, sources: [source('x'), source('y')] }, { text: 'three', speaker: null, sources: [source('z')] }];
    expect(leadingQuotes(quotes, 2).map((q) => q.text)).toEqual(['two', 'one']);
  });

  test('the timeline shows its latest events, still oldest first', () => {
    const events = ['2023', '2024-01', '2024-06-01', '2025'].map((date) => ({ date, text: date }) as TimelineEvent);
    expect(latestEvents(events, 2).map((e) => e.date)).toEqual(['2024-06-01', '2025']);
    expect(latestEvents(events, 10)).toHaveLength(4);
  });

  test('values that say the same are one value with all their sources, in order', () => {
    const values = reportedValues([figure('x', 17, '17%'), figure('y', 18), figure('z', 17, '17 per cent')]);
    expect(values.map((v) => [v.text, v.first.article, v.sources.map((s) => s.article)])).toEqual([
      ['17%', 'x', ['x', 'z']],
      ['18%', 'y', ['y']],
    ]);
  });

  test('each fact links to the page of the topic’s figures that lists it', () => {
    const facts = Array.from({ length: 250 }, (_, i) => fact(`f${i}`, 'single', [figure('x', i)]));
    const links = factLinks({ slug: 'market-share', facts }, '/briefs/');
    expect(links.get('f0')).toBe('/briefs/topics/market-share/figures/#fact-f0');
    expect(links.get('f99')).toBe('/briefs/topics/market-share/figures/#fact-f99');
    expect(links.get('f100')).toBe('/briefs/topics/market-share/figures/2/#fact-f100');
    expect(links.get('f249')).toBe('/briefs/topics/market-share/figures/3/#fact-f249');
  });

  test('the view a topic page reads holds the leading part of each list and their lengths, never the lists', () => {
    const facts = Array.from({ length: 120 }, (_, i) => fact(`f${i}`, i === 110 ? 'differ' : 'single', [figure('x', i)]));
    const timeline = Array.from({ length: 60 }, (_, i) => ({ date: `20${String(i).padStart(2, '0')}`, text: `e${i}` }) as TimelineEvent);
    const briefing = { slug: 't', title: 'T', description: '', path: '/topics/t/', articles: [], coverage: 0, points: [], facts, figures: facts.flatMap((f) => f.values), conflicts: [facts[110]], timeline, quotes: [], charts: [], sources: [] } as unknown as TopicBriefing;
    const view = topicView(briefing, '/');
    expect(['facts', 'figures', 'conflicts', 'timeline', 'quotes'].filter((key) => key in view)).toEqual([]);
    expect(view.counts).toEqual({ facts: 120, comparable: 120, figures: 120, conflicts: 1, timeline: 60, quotes: 0 });
    expect(view.leading.facts).toHaveLength(SHOWN.facts);
    expect(view.leading.facts[0]?.id).toBe('f110');
    expect(view.leading.conflicts.map((c) => c.path)).toEqual(['/topics/t/figures/2/#fact-f110']);
    expect(view.leading.events.map((e) => e.text)).toEqual(timeline.slice(-SHOWN.events).map((e) => e.text));
  });
});
