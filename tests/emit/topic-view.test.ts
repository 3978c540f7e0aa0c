import { describe, expect, test } from 'vitest';
import { FEED_ITEMS } from '../../src/site/seo.ts';
import { topicUpdates } from '../../src/pipeline/brief/updates.ts';
import {
  cited,
  factLinks,
  latestEvents,
  latestUpdates,
  leadingConflicts,
  leadingFacts,
  leadingQuotes,
  listItems,
  reportedValues,
  shownFact,
  SHOWN,
  topicView,
  updateLines,
  VIEW_UPDATES,
} from '../../src/pipeline/emit/topic-view.ts';
import type { Fact, FactValue, Figure, Quote, SentenceId, Slug, SourceRef, TimelineEvent, TopicBriefing } from '../../src/core/types.ts';
import { linkSources } from '../../src/pipeline/emit/links.ts';
import { figure as storyFigure } from '../fixtures/figures/figures.ts';
import { briefingOf, chinaShare, quote as storyQuote, sharePrice, storyBriefing, topicArticle } from '../fixtures/updates/story.ts';

const source = (article: string): SourceRef => ({ article: article as Slug, sentence: 's-1' as SentenceId, quote: `${article} said so.` });
/** A value of a fact; each article its own story unless `stories` says otherwise. */
const figure = (article: string, value: number, text = `${value}%`, stories = 1, rounded = false): FactValue => ({
  id: `${article}-${value}`,
  text,
  value,
  unit: '%',
  subject: 'Vivo',
  measure: 'market share',
  period: 'Q4 2024',
  market: 'China',
  sources: [source(article)],
  stories,
  rounded,
});
const fact = (id: string, status: Fact['status'], values: FactValue[]): Fact => ({
  id,
  subject: 'Vivo',
  measure: 'market share',
  period: null,
  market: null,
  unit: '%',
  status,
  stories: new Set(values.map((v) => v.sources[0]?.article)).size,
  rounded: false,
  values,
});

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

  test('facts of one status: those more independent stories report first, then those with more values', () => {
    const copies = fact('copies', 'single', [figure('x', 1), figure('y', 1)]);
    const stories = { ...fact('stories', 'agree', [figure('x', 2), figure('z', 2)]), stories: 2 };
    const many = { ...fact('many', 'agree', [figure('x', 3), figure('y', 3), figure('z', 3)]), stories: 2 };
    expect(leadingFacts([copies, { ...copies, id: 'one-story', stories: 1 }, stories, many], 4).map((f) => f.id)).toEqual(['many', 'stories', 'copies', 'one-story']);
  });

  test('values keep their independent stories and rounded mark, those more stories report first', () => {
    const values = reportedValues([figure('x', 11, '11%', 1, true), figure('y', 11.1, '11.1%', 2), figure('z', 11.1, '11.1 per cent', 2)]);
    expect(values.map((v) => [v.text, v.stories, v.rounded, v.sources.map((s) => s.article)])).toEqual([
      ['11.1%', 2, false, ['y', 'z']],
      ['11%', 1, true, ['x']],
    ]);
    expect(shownFact(fact('f', 'agree', [figure('x', 11), figure('x', 11), figure('y', 11)])).articles).toBe(2);
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
    const timeline = Array.from({ length: 60 }, (_, i) => ({ date: `20${String(i).padStart(2, '0')}`, text: `e${i}`, sources: [] }) as unknown as TimelineEvent);
    const briefing = { slug: 't', title: 'T', description: '', articles: [], coverage: 0, points: [], facts, figures: facts.flatMap((f) => f.values), conflicts: [facts[110]], timeline, quotes: [], charts: [], sources: [], updates: [] } as unknown as TopicBriefing;
    const view = topicView(briefing, '/');
    expect(['facts', 'figures', 'conflicts', 'timeline', 'quotes'].filter((key) => key in view)).toEqual([]);
    expect(view.counts).toEqual({ facts: 120, figures: 120, conflicts: 1, timeline: 60, quotes: 0, updates: 0 });
    expect(view.leading.facts).toHaveLength(SHOWN.facts);
    expect(view.leading.facts[0]?.id).toBe('f110');
    expect(view.leading.conflicts.map((c) => c.path)).toEqual(['/topics/t/figures/2/#fact-f110']);
    expect(view.leading.events.map((e) => e.text)).toEqual(timeline.slice(-SHOWN.events).map((e) => e.text));
  });

  test('a fact as a page shows it: its most reported values, each with its first citations, and how many of each there are', () => {
    // 9 distinct values; "9%" from 12 sources, "1%" from 2, the rest from one each.
    const values = [...Array.from({ length: 12 }, (_, i) => figure(`a${i}`, 9)), figure('b0', 1), figure('b1', 1), ...[2, 3, 4, 5, 6, 7, 8].map((v) => figure(`c${v}`, v))];
    const shown = shownFact(fact('f', 'differ', values));
    expect(shown.valueCount).toBe(9);
    expect(shown.values.map((v) => [v.text, v.sourceCount, v.sources.length])).toEqual([
      ['9%', 12, SHOWN.citations],
      ['1%', 2, 2],
      ['2%', 1, 1],
      ['3%', 1, 1],
      ['4%', 1, 1],
      ['5%', 1, 1],
    ]);
    expect(shown.values[0]?.sources.map((s) => s.article)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(shown.values[0]?.first.article).toBe('a0');
    expect('figures' in shown).toBe(false);
  });

  test('key points, events and quotes keep their first citations and how many they have', () => {
    const sources = Array.from({ length: 1000 }, (_, i) => source(`a${i}`));
    const point = cited({ text: 'A point.', score: 1, sources });
    expect(point).toEqual({ text: 'A point.', score: 1, sources: sources.slice(0, SHOWN.citations), sourceCount: 1000 });
    expect(cited({ text: 'one', speaker: null, sources: [source('x')] })).toEqual({ text: 'one', speaker: null, sources: [source('x')], sourceCount: 1 });
  });

  test('what a topic page and a list page read does not grow with how many sources report a line', () => {
    const briefingWith = (reports: number) => {
      const facts = [fact('f', 'agree', Array.from({ length: reports }, (_, i) => figure(`a${i}`, 17, '17%', reports)))];
      const sources = Array.from({ length: reports }, (_, i) => source(`a${i}`));
      return {
        slug: 't', title: 'T', description: '', path: '/topics/t/', articles: [], coverage: 0, charts: [], sources: [],
        points: [{ text: 'A point.', score: 1, sources }],
        facts, figures: facts.flatMap((f) => f.values), conflicts: [],
        timeline: [{ date: '2025', approximate: false, precision: 'year', when: '2025', text: 'An event.', sources }],
        quotes: [{ text: 'A quote.', speaker: null, sources }],
        updates: [{ article: 'a0', date: '2025-01-01', undated: false, added: ['f'], revised: [], speakers: [] }],
      } as unknown as TopicBriefing;
    };
    const size = (briefing: TopicBriefing) => [
      JSON.stringify(topicView(briefing, '/')).length,
      ...(['figures', 'timeline', 'quotes', 'updates'] as const).map((list) => JSON.stringify(listItems(briefing, list, 0, 100, '/')).length),
    ];
    // From 100 reports to 10,000, only the counts grow, by two digits each: in the view, the
    // sources of the point, the value, the event and the quote, how many figures there are, and
    // the fact's stories, its value's stories and its articles (on the list page too); the line
    // of the article that reported the fact first stays as it was.
    const [small, large] = [size(briefingWith(100)), size(briefingWith(10_000))];
    expect(large.map((n, i) => n - (small[i] as number))).toEqual([2 * 8, 2 * 4, 2, 2, 0]);
  });

  test('a list page holds its items of the briefing, in order, as the page shows them', () => {
    const facts = Array.from({ length: 250 }, (_, i) => fact(`f${i}`, 'single', [figure('x', i)]));
    const quotes: Quote[] = Array.from({ length: 30 }, (_, i) => ({ text: `q${i}`, speaker: null, sources: [source('x')] }));
    const briefing = { facts, quotes, timeline: [] } as unknown as TopicBriefing;
    expect(listItems(briefing, 'figures', 200, 100, '/')).toEqual(linkSources(facts.slice(200).map(shownFact), '/'));
    expect(listItems(briefing, 'quotes', 0, 10, '/').map((q) => 'text' in q && q.text)).toEqual(quotes.slice(0, 10).map((q) => q.text));
    expect(listItems(briefing, 'timeline', 0, 100, '/')).toEqual([]);
  });
});


describe('what’s new, as pages show it', () => {
  const PRICE = 'alibaba-share-price-hong-kong-hkd';

  test('an update line: each fact named and linked to its row, each value and speaker to its sentence', () => {
    const briefing = storyBriefing();
    // As the page reads it: each source a link under the base.
    const show = updateLines(briefing, '/briefs/');
    const [apVivo, scmpClose] = linkSources(briefing.updates.map(show), '/briefs/');
    expect(apVivo).toEqual({
      article: 'ap-vivo',
      title: 'Title of ap-vivo',
      source: null,
      path: '/briefs/articles/ap-vivo/',
      date: '2025-01-12',
      undated: false,
      added: [
        {
          fact: 'vivo-market-share-china-q4-2024-pct',
          label: 'Vivo · market share · China · Q4 2024',
          factPath: '/briefs/topics/t/figures/#fact-vivo-market-share-china-q4-2024-pct',
          value: { text: '17%', article: 'ap-vivo', quote: 'Vivo reported 17% (sentence 2).', path: '/briefs/articles/ap-vivo/#s-2' },
        },
      ],
      revised: [
        {
          fact: PRICE,
          label: 'Alibaba · share price · Hong Kong',
          factPath: `/briefs/topics/t/figures/#fact-${PRICE}`,
          from: { text: 'HK$124.30', article: 'bloomberg-shares', quote: 'Alibaba reported HK$124.30 (sentence 1).', path: '/briefs/articles/bloomberg-shares/#s-1' },
          to: { text: 'HK$121.0', article: 'ap-vivo', quote: 'Alibaba reported HK$121.0 (sentence 1).', path: '/briefs/articles/ap-vivo/#s-1' },
        },
      ],
      speakers: [],
      counts: { added: 1, revised: 1, speakers: 0 },
    });
    expect(scmpClose?.speakers).toEqual([{ name: 'Tim Cook', article: 'scmp-close', quote: '“We are proud” (scmp-close).', path: '/briefs/articles/scmp-close/#s-q-scmp-close' }]);
  });

  test('a line shows a few facts, revisions and speakers and counts the rest, however many the article brought', () => {
    const subjects = Array.from({ length: 40 }, (_, i) => `Brand ${String(i).padStart(2, '0')}`);
    const articles = [topicArticle('a', '2025-01-10'), topicArticle('b', '2025-01-11')];
    const figures = [
      ...subjects.map((subject, i) => storyFigure('b', `${i}`, '2%', 2, chinaShare(subject))),
      ...subjects.map((subject, i) => storyFigure('a', `${i}`, '1%', 1, chinaShare(subject))),
      storyFigure('b', 'x', '3%', 3, chinaShare('Newcomer')),
    ];
    const quotes = subjects.map((subject) => storyQuote('b', `${subject} chief`, `Words of ${subject}`));
    const briefing = storyBriefing('t', briefingOf(articles, figures, quotes));
    const [line] = briefing.updates.map(updateLines(briefing, '/'));
    expect(line?.counts).toEqual({ added: 1, revised: 40, speakers: 40 });
    expect([line?.added.length, line?.revised.length, line?.speakers.length]).toEqual([1, SHOWN.updateItems, SHOWN.updateItems]);
    expect(line?.revised.map((r) => `${r.from.text} → ${r.to.text}`)).toEqual(Array(SHOWN.updateItems).fill('1% → 2%'));
  });

  test('a line names the facts an article added in the order it gives them, a figure without a subject or measure in none', () => {
    const donation = { subject: null, measure: 'donation', period: null, market: null, unit: 'USD' };
    const figures = [storyFigure('a', '1', '$1 million', 1e6, donation), storyFigure('a', '2', '16%', 16, chinaShare('Huawei')), storyFigure('a', '3', '15%', 15, chinaShare('Apple'))];
    const briefing = storyBriefing('t', briefingOf([topicArticle('a', '2025-01-10')], figures));
    expect(briefing.updates[0]?.added).toEqual(['huawei-market-share-china-q4-2024-pct', 'apple-market-share-china-q4-2024-pct']);
    expect(briefing.updates.map(updateLines(briefing, '/'))[0]?.added.map((a) => [a.label, a.value.text])).toEqual([
      ['Huawei · market share · China · Q4 2024', '16%'],
      ['Apple · market share · China · Q4 2024', '15%'],
    ]);
  });

  test('a topic’s view holds its latest updates, enough for its feed; its list pages hold them all, in order', () => {
    expect(VIEW_UPDATES).toBeGreaterThanOrEqual(FEED_ITEMS);
    const articles = Array.from({ length: 130 }, (_, i) => topicArticle(`a${String(i).padStart(3, '0')}`, `2025-01-01`));
    const figures = articles.map((a, i) => storyFigure(a.slug, '1', `${i}%`, i, chinaShare(`Brand ${i}`)));
    const briefing = storyBriefing('t', briefingOf(articles, figures));
    expect(briefing.updates).toHaveLength(130);
    const view = topicView(briefing, '/');
    expect(view.counts.updates).toBe(130);
    expect(view.updates.map((u) => u.article)).toEqual(briefing.updates.slice(0, VIEW_UPDATES).map((u) => u.article));
    const pages = [listItems(briefing, 'updates', 0, 100, '/'), listItems(briefing, 'updates', 100, 100, '/')];
    expect(pages.map((page) => page.length)).toEqual([100, 30]);
    expect(pages.flat().map((u) => 'article' in u && u.article)).toEqual(briefing.updates.map((u) => u.article));
  });

  test('the latest updates across topics: one line per article, newest first, naming each topic it added to', () => {
    const one = storyBriefing('one');
    // A second topic: the same 12 January article, and an article of 13 January.
    const articles = [topicArticle('ap-vivo', '2025-01-12'), topicArticle('later', '2025-01-13')];
    const two = storyBriefing('two', briefingOf(articles, [storyFigure('ap-vivo', '1', 'HK$121', 121, sharePrice), storyFigure('later', '1', '9%', 9, chinaShare('Honor'))], [storyQuote('later', 'Someone', 'Hello')]));
    const latest = latestUpdates([one, two], 3, '/');
    expect(latest.map((u) => [u.article, u.date, u.topics.map((t) => [t.slug, t.path, t.counts])])).toEqual([
      ['later', '2025-01-13', [['two', '/topics/two/', { added: 1, revised: 0, speakers: 1 }]]],
      [
        'ap-vivo',
        '2025-01-12',
        [
          ['one', '/topics/one/', { added: 1, revised: 1, speakers: 0 }],
          ['two', '/topics/two/', { added: 1, revised: 0, speakers: 0 }],
        ],
      ],
      ['scmp-close', '2025-01-12', [['one', '/topics/one/', { added: 0, revised: 0, speakers: 1 }]]],
    ]);
    expect(latest[0]).toMatchObject({ title: 'Title of later', path: '/articles/later/', undated: false });
    expect(latestUpdates([one, two], 10, '/').map((u) => u.article)).toEqual(['later', 'ap-vivo', 'scmp-close', 'reuters-shares', 'undated-feature']);
    expect(latestUpdates([], 5, '/')).toEqual([]);
  });

  test('the updates a page shows are the briefing’s own: every fact id resolves', () => {
    const briefing = storyBriefing();
    expect(briefing.updates).toEqual(topicUpdates(briefing));
    const ids = new Set(briefing.facts.map((f) => f.id));
    for (const line of briefing.updates.map(updateLines(briefing, '/'))) {
      for (const item of [...line.added, ...line.revised]) expect(ids.has(item.fact), item.fact).toBe(true);
    }
  });
});
