/**
 * The benchmark's results as a Markdown table the README can carry: one column per build (the
 * bare baseline, Briefings cold, Briefings warm after adding one article), one row per figure.
 * Pure: it formats numbers it is given.
 */
import type { BuildReport } from '../../src/io/build-report.ts';

export type { BuildReport };

export interface BuildColumn {
  label: string;
  articles: number;
  ms: number;
  cpuMs: number | null;
  peakTreeRss: number | null;
  report: BuildReport | null;
}

const PIPELINE_STAGES = ['fill', 'read', 'clean', 'analyse', 'brief', 'emit', 'write'];
/**
 * `fill`: the new articles' read, clean and analyse on every core, into the memo, before the
 * pipeline's own pass (which then finds them there). Pages and data are written to disk as emit
 * makes them; `write` is what is left: removing stale files.
 */
const STAGE_LABELS: Record<string, string> = { fill: 'read + clean + analyse new articles, in parallel', emit: 'emit + write', write: 'prune' };

const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
const gigabytes = (bytes: number | null) => (bytes === null ? '–' : `${(bytes / 1024 ** 3).toFixed(2)} GB`);

export function pipelineMs(report: BuildReport): number {
  const stages: Record<string, number> = report.stages;
  return PIPELINE_STAGES.reduce((sum, stage) => sum + (stages[stage] ?? 0), 0);
}

export function resultsTable(columns: BuildColumn[], baseline: BuildColumn | undefined): string {
  const rows: [string, ...string[]][] = [];
  const row = (name: string, cell: (column: BuildColumn) => string) => rows.push([name, ...columns.map(cell)]);
  row('articles', (c) => c.articles.toLocaleString('en-GB'));
  const stageCell = (report: BuildReport, stage: string) => {
    const ms = (report.stages as Record<string, number>)[stage];
    return stage === 'fill' && ms !== undefined ? `${seconds(ms)} (${report.workers} threads)` : seconds(ms);
  };
  for (const stage of PIPELINE_STAGES) row(`pipeline: ${STAGE_LABELS[stage] ?? stage}`, (c) => (c.report ? stageCell(c.report, stage) : '–'));
  row('**pipeline total**', (c) => (c.report ? `**${seconds(pipelineMs(c.report))}**` : '–'));
  row('articles from earlier builds (after the parallel pass)', (c) => (c.report ? `${c.report.reuse.articles.reused.toLocaleString('en-GB')} / ${(c.report.reuse.articles.reused + c.report.reuse.articles.made).toLocaleString('en-GB')}` : '–'));
  row('topic briefings reused', (c) => (c.report ? `${c.report.reuse.briefings.reused} / ${c.report.reuse.briefings.reused + c.report.reuse.briefings.made}` : '–'));
  row('Astro build (bare: all of it)', (c) => (c.report ? seconds(c.report.astro) : seconds(c.ms)));
  row('Pagefind', (c) => (c.report ? seconds(c.report.pagefind) : '–'));
  // Starting Node and Astro, loading the config, moving the output into place.
  row('start-up and the rest', (c) => (c.report ? seconds(c.ms - pipelineMs(c.report) - (c.report.astro ?? 0) - (c.report.pagefind ?? 0)) : '–'));
  row('**whole build (wall)**', (c) => `**${seconds(c.ms)}**`);
  if (baseline) row('**ratio to bare Astro**', (c) => `**${(c.ms / baseline.ms).toFixed(2)}×**`);
  row('CPU time (user + system)', (c) => seconds(c.cpuMs));
  if (baseline?.cpuMs) row('CPU ratio to bare Astro', (c) => (c.cpuMs === null ? '–' : `${(c.cpuMs / (baseline.cpuMs as number)).toFixed(2)}×`));
  row('peak memory (process tree)', (c) => gigabytes(c.peakTreeRss));
  const header = `| | ${columns.map((c) => c.label).join(' | ')} |`;
  const rule = `| --- | ${columns.map(() => '---:').join(' | ')} |`;
  return [header, rule, ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
}
