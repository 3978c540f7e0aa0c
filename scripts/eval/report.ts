/**
 * The evaluation's scores as rows of a Markdown table (the README carries the same table), with
 * the targets beside them, and the misses of each task for `--verbose`. Pure: it formats
 * the scores it is given.
 */
import { ALL_ARTICLES } from './prediction.ts';
import { f1, precision, recall, share, type EvalScores, type PrecisionRecall, type Ratio } from './score.ts';

export interface Row {
  task: string;
  precision: number | null;
  recall: number | null;
  /** F1, or the share of a single-number task. */
  score: number | null;
  /** What was counted: `212/310`. */
  count: string;
  target: string;
  /** Whether the target is met; null when the row has none. */
  met: boolean | null;
}

const harmonic = (p: number | null, r: number | null) => (p === null || r === null ? null : p + r === 0 ? 0 : (2 * p * r) / (p + r));
const counted = (c: PrecisionRecall) => `${c.truePositives} right, ${c.falsePositives} wrong, ${c.falseNegatives} missed`;
const ratio = (r: Ratio) => `${r.right}/${r.total}`;

function prRow(task: string, c: PrecisionRecall, target = '', met: (c: PrecisionRecall) => boolean | null = () => null): Row {
  return { task, precision: precision(c), recall: recall(c), score: f1(c), count: counted(c), target, met: met(c) };
}

function shareRow(task: string, r: Ratio, target = '', met: boolean | null = null): Row {
  return { task, precision: null, recall: null, score: share(r), count: ratio(r), target, met };
}

export function rows(scores: EvalScores): Row[] {
  const { topics, duplicates, stories, figures, facts, quotes } = scores;
  const subjectAndMeasure = share(figures.subjectAndMeasure);
  return [
    prRow('Topics: article–topic pairs', topics, 'F1 ≥ 0.95', (c) => (f1(c) ?? 0) >= 0.95),
    prRow('Near-duplicate pairs', duplicates, 'P ≥ 0.95, every copy found', (c) => (precision(c) ?? 1) >= 0.95 && c.falseNegatives === 0),
    prRow('Same-story pairs', stories),
    { task: 'Figures found', precision: share(figures.precision), recall: share(figures.found), score: null, count: `${ratio(figures.found)} found, ${figures.unexpected.length} unexpected`, target: '', met: null },
    shareRow('Figures: subject and measure right', figures.subjectAndMeasure, '≥ 0.90', subjectAndMeasure !== null && subjectAndMeasure >= 0.9),
    shareRow('… subject right', figures.subject),
    shareRow('… measure right', figures.measure),
    shareRow('… period right', figures.period),
    shareRow('… market right', figures.market),
    shareRow('… value and unit right', figures.value),
    shareRow('Facts: gold facts in one row', facts.grouped),
    { task: 'Facts: agreements shown as agree', precision: share(facts.agreeRight), recall: share(facts.agreeShown), score: null, count: `${ratio(facts.agreeShown)} shown, ${ratio(facts.agreeRight)} "agree" right`, target: '', met: null },
    { task: 'Facts: disagreements shown as conflicts', precision: share(facts.conflictsRight), recall: share(facts.conflictsShown), score: null, count: `${ratio(facts.conflictsShown)} shown, ${ratio(facts.conflictsRight)} conflicts right`, target: '', met: null },
    shareRow('Facts: rows holding one quantity', facts.oneQuantity),
    { task: 'Facts: "agree" resting on copies only', precision: null, recall: null, score: null, count: String(facts.agreeOnCopies.length), target: 'none', met: facts.agreeOnCopies.length === 0 },
    facts.stories ? shareRow('Facts: independent stories counted right', facts.stories) : { task: 'Facts: independent stories counted right', precision: null, recall: null, score: null, count: 'no `stories` field', target: '', met: null },
    {
      task: 'Quote speakers (file + quote → speaker)',
      precision: share(quotes.precision),
      recall: share(quotes.recall),
      score: harmonic(share(quotes.precision), share(quotes.recall)),
      count: `${ratio(quotes.recall)} found, ${ratio(quotes.precision)} speakers right`,
      target: '',
      met: null,
    },
    { task: 'Quotes: remarks split into several quotes', precision: null, recall: null, score: null, count: ratio(quotes.split), target: '', met: null },
  ];
}

const number = (value: number | null) => (value === null ? '–' : value.toFixed(2));

export function table(rowsToShow: readonly Row[]): string {
  const lines = ['| task | precision | recall | F1 / share | counted | target |', '| --- | ---: | ---: | ---: | --- | --- |'];
  for (const row of rowsToShow) {
    const target = row.target === '' ? '' : `${row.target} ${row.met ? '✓' : '✗'}`;
    lines.push(`| ${row.task} | ${number(row.precision)} | ${number(row.recall)} | ${number(row.score)} | ${row.count} | ${target} |`);
  }
  return lines.join('\n');
}

/** Every miss, task by task, for `--verbose`. */
export function misses(scores: EvalScores): string {
  const section = (title: string, items: readonly string[]) => (items.length === 0 ? [] : [`\n${title} (${items.length}):`, ...items.map((item) => `  ${item}`)]);
  const { topics, duplicates, stories, figures, facts, quotes } = scores;
  const perTopic = Object.entries(topics.byTopic).map(([topic, c]) => `${topic}: precision ${number(precision(c))}, recall ${number(recall(c))} (${counted(c)})`);
  return [
    ...section('Topics, one by one', perTopic),
    ...section('Topics filed wrongly', topics.extra),
    ...section('Topics missed', topics.missing),
    ...section('Near-duplicate pairs flagged wrongly', duplicates.extra),
    ...section('Near-duplicate pairs missed', duplicates.missing),
    ...section('Same-story pairs wrongly', stories.extra),
    ...section('Same-story pairs missed', stories.missing),
    ...section('Figures', figures.misses.map((m) => `${m.id} ${m.text} (${m.file}): ${m.problems.join('; ')}`)),
    ...section('Figures the gold file does not have', figures.unexpected.map((u) => `${u.file}: ${u.text} in “${u.sentence}”`)),
    ...section('Facts', facts.misses),
    ...section('"Agree" resting on copies', facts.agreeOnCopies.map((a) => `${a.fact} (${a.files.join(', ')}), in ${a.topics.map((t) => (t === ALL_ARTICLES ? 'the briefing of every article' : t)).join(', ')}`)),
    ...section('Quotes', quotes.misses),
  ].join('\n');
}
