/**
 * What the pipeline wrote for the pages, as the templates read it: the shapes of its views and
 * records (made by `src/pipeline/emit/`), how many of each a page shows (`SHOWN`), and the small
 * decisions a row of a page makes from them, so that no template computes more than it prints.
 */
import type { Chart, Linked, Quote, SourceRef, TimelineEvent } from '../core/types.ts';
import type { EntityRecord } from '../pipeline/emit/data.ts';
import type { Cited, LatestUpdate, ShownFact, ShownUpdate, TopicView } from '../pipeline/emit/topic-view.ts';
import { detectLanguage } from '../core/language.ts';
import { plural, formatNumber } from './format.ts';

export { factLabel, SHOWN } from '../pipeline/emit/topic-view.ts';
/** Names a reader scans (the search page's outlets), in English alphabetical order on any machine. */
export { byName } from '../core/order.ts';
export type { Chart, Cited, EntityRecord, LatestUpdate, Quote, ShownFact, ShownUpdate, TimelineEvent, TopicView };

/** A source as a page has it: its article, the sentence quoted, and the link to that sentence. */
export type LinkedSource = Linked<SourceRef>;

/** A fact's status in words: "Sources differ", "Sources agree (2 stories)", "1 story (2 copies)", "Single source". */
export function factStatus(fact: Pick<ShownFact, 'status' | 'rounded' | 'stories' | 'articles'>): string {
  if (fact.status === 'differ') return 'Sources differ';
  if (fact.status === 'agree') return `Sources agree${fact.rounded ? ' after rounding' : ''} (${plural(fact.stories, 'story', 'stories')})`;
  return fact.articles > 1 ? `${plural(fact.stories, 'story', 'stories')} (${formatNumber(fact.articles)} copies)` : 'Single source';
}

/** How many of a fact's values its row leaves out (`SHOWN.values` are shown). */
export const valuesLeftOut = (fact: Pick<ShownFact, 'valueCount' | 'values'>): number => fact.valueCount - fact.values.length;

/** " and 3 more" when a line shows fewer than there are; empty otherwise. */
export const andMore = (shown: number, total: number): string => (total > shown ? ` and ${formatNumber(total - shown)} more` : '');

/**
 * The `lang` of an alias the gazetteer gives an entity ("阿里巴巴" for Alibaba), so Chinese is
 * read and announced as Chinese on an English page; none when it is the page's own language.
 */
export function aliasLanguage(alias: string, pageLanguage: string): string | undefined {
  const lang = detectLanguage(alias);
  return lang === pageLanguage.split('-')[0] ? undefined : lang;
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ makes spreadsheets run a formula: prefix it so it stays text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A chart's data as CSV (the data API's `charts/<topic>--<chart>.csv`): a row per label, each with the sentences it is from. */
export function chartCsv(chart: Linked<Chart>): string {
  const rows = [['label', ...chart.series.map((s) => s.label), 'sources'].map(csvCell).join(',')];
  chart.labels.forEach((label, i) => {
    const sources = (chart.pointSources[i] ?? []).map((s) => s.path).join(' ');
    rows.push([label, ...chart.series.map((s) => s.values[i] ?? ''), sources].map(csvCell).join(','));
  });
  return `${rows.join('\n')}\n`;
}

/** A chart's value with its unit ("15%", "1.2 billion units"), or a dash where a series has none. */
export const chartValue = (value: number | null, unit: string): string => (value === null ? '—' : `${value}${unit === '%' ? '%' : ` ${unit}`}`);

/** A chart's values in words, for the canvas's accessible name: "Apple: 15%, 17%; Huawei: …". */
export const chartSummary = (chart: Pick<Chart, 'labels' | 'series' | 'unit'>): string =>
  chart.labels.map((label, i) => `${label}: ${chart.series.map((s) => chartValue(s.values[i] ?? null, chart.unit)).join(', ')}`).join('; ');

/** What the chart's script draws, as JSON inside a script element: every `<` escaped, so no title can close the element. */
export const chartPayload = (chart: Pick<Chart, 'type' | 'unit' | 'labels' | 'series'>): string =>
  JSON.stringify({ type: chart.type, unit: chart.unit, labels: chart.labels, series: chart.series }).replace(/</g, '\\u003c');
