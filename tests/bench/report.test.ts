import { describe, expect, it } from 'vitest';
import { pipelineMs, resultsTable, type BuildColumn, type BuildReport } from '../../scripts/bench/report.ts';

const report: BuildReport = {
  articles: 5000,
  skipped: 0,
  topics: 3,
  reuse: { articles: { reused: 0, made: 5000 }, briefings: { reused: 0, made: 3 }, outputs: { kept: 0, made: 10_000 }, unreadable: 0 },
  stages: { read: 1500, clean: 900, analyse: 1200, brief: 800, emit: 400, write: 200 },
  workers: 0,
  astro: 90_000,
  pagefind: 12_000,
  maxRss: 1e9,
};
const bare: BuildColumn = { label: 'bare', articles: 5000, ms: 100_000, cpuMs: 120_000, peakTreeRss: 1024 ** 3, report: null };
const cold: BuildColumn = { label: 'cold', articles: 5000, ms: 110_000, cpuMs: 150_000, peakTreeRss: 2 * 1024 ** 3, report };

describe('resultsTable', () => {
  it('sums the pipeline stages, writing included', () => {
    expect(pipelineMs(report)).toBe(5000);
  });

  it('prints one column per build, with ratios to the bare build measured in the same run', () => {
    expect(resultsTable([bare, cold], bare)).toBe(
      [
        '| | bare | cold |',
        '| --- | ---: | ---: |',
        '| articles | 5,000 | 5,000 |',
        '| pipeline: read + clean + analyse new articles, in parallel | – | – |',
        '| pipeline: read | – | 1.50 s |',
        '| pipeline: clean | – | 0.90 s |',
        '| pipeline: analyse | – | 1.20 s |',
        '| pipeline: brief | – | 0.80 s |',
        '| pipeline: emit + write | – | 0.40 s |',
        '| pipeline: prune | – | 0.20 s |',
        '| **pipeline total** | – | **5.00 s** |',
        '| articles from earlier builds (after the parallel pass) | – | 0 / 5,000 |',
        '| topic briefings reused | – | 0 / 3 |',
        '| Astro build (bare: all of it) | 100.0 s | 90.0 s |',
        '| Pagefind | – | 12.0 s |',
        '| start-up and the rest | – | 3.00 s |',
        '| **whole build (wall)** | **100.0 s** | **110.0 s** |',
        '| **ratio to bare Astro** | **1.00×** | **1.10×** |',
        '| CPU time (user + system) | 120.0 s | 150.0 s |',
        '| CPU ratio to bare Astro | 1.00× | 1.25× |',
        '| peak memory (process tree) | 1.00 GB | 2.00 GB |',
      ].join('\n'),
    );
  });

  it('counts the parallel pass over new articles in the pipeline, with its threads', () => {
    const filled: BuildReport = { ...report, workers: 2, stages: { ...report.stages, fill: 2500 } };
    expect(pipelineMs(filled)).toBe(7500);
    expect(resultsTable([{ ...cold, report: filled }], undefined)).toContain('| pipeline: read + clean + analyse new articles, in parallel | 2.50 s (2 threads) |');
  });

  it('leaves out the ratios when no bare build ran', () => {
    expect(resultsTable([cold], undefined)).not.toContain('ratio');
  });
});
