/**
 * The whole pipeline over the sample corpus plus articles it has never seen: another outlet's
 * saved web page, a Chinese article, a reworded copy of a sample, an unrelated local story, an
 * article on another country's market, and a tracker that reports a different value for a fact.
 * Each lands where a reader would put it, and every line of every briefing is verbatim.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { contentPaths, loadConfig } from '../../src/config/load.ts';
import { runPipeline, type PipelineOutput } from '../../src/pipeline/index.ts';
import type { AnalysedArticle, SourceRef } from '../../src/core/types.ts';

const config = loadConfig(contentPaths(process.cwd()));
const samples = readdirSync('content/articles')
  .filter((f) => /^00\d_.*\.txt$/.test(f))
  .map((file) => ({ file, bytes: readFileSync(join('content/articles', file)) }));
const newDir = 'tests/fixtures/corpus/new';
const fixture = (file: string) => ({ file: `new/${file}`, bytes: readFileSync(join(newDir, file)) });

function run(files: { file: string; bytes: Uint8Array }[]): PipelineOutput {
  return runPipeline({ files, manifest: config.manifest, topics: config.topics, entities: config.entities, site: config.site });
}

let all: PipelineOutput;
let byFile: Map<string, AnalysedArticle>;
beforeAll(() => {
  all = run([...samples, ...readdirSync(newDir).map(fixture)]);
  byFile = new Map(all.articles.map((a) => [a.file, a]));
});

const topicsOf = (file: string) => byFile.get(file)?.topics.map((t) => t.topic).sort();

describe('new articles land where a reader would put them', () => {
  test('every file builds, with no error', () => {
    expect(all.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(all.articles).toHaveLength(11);
  });

  test('an unrelated local-news story is in no topic', () => {
    expect(topicsOf('new/riverside-council-budget.txt')).toEqual([]);
  });

  test("another outlet's saved web page joins the Apple and Alibaba topics, with its own metadata", () => {
    const wire = byFile.get('new/wire-apple-alibaba.html')!;
    expect(wire).toMatchObject({ title: 'Apple picks Alibaba as AI partner for China iPhones', source: 'Global Wire', date: '2025-02-13', url: 'https://globalwire.example/tech/apple-alibaba-ai-china' });
    expect(topicsOf(wire.file)).toEqual(['alibaba-ai', 'apple-in-china']);
    const text = wire.sentences.map((s) => s.text).join(' ');
    for (const noise of ['Home', 'cookies', 'Share on X', 'Most read', 'All rights reserved', 'tracker']) expect(text).not.toContain(noise);
  });

  test('a Chinese article is read as Chinese and joins Alibaba AI through the gazetteer aliases', () => {
    const zh = byFile.get('new/zh-alibaba-ai.md')!;
    expect(zh.lang).toBe('zh');
    expect(zh.sentences.map((s) => s.text)).toContain('消息公布后，阿里巴巴在香港上市的股票一度上涨。');
    expect(topicsOf(zh.file)).toContain('alibaba-ai');
    expect(zh.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Alibaba', 'Joe Tsai', 'Qwen']));
  });

  test('a reworded copy of a sample is flagged as its near-duplicate, both ways, and counted once', () => {
    const copy = byFile.get('new/reworded-techcrunch.txt')!;
    const original = byFile.get('003_cfd479d661bbd93e.txt')!;
    expect(all.duplicates.get(copy.slug)?.map((d) => d.slug)).toContain(original.slug);
    expect(all.duplicates.get(original.slug)?.map((d) => d.slug)).toContain(copy.slug);
    const briefing = all.briefings.find((b) => b.slug === 'apple-in-china')!;
    const entries = briefing.articles.filter((a) => a.slug === copy.slug || a.slug === original.slug);
    expect(entries.filter((a) => a.duplicateOf === null)).toHaveLength(1);
  });

  test('an article on India is not in Apple in China', () => {
    expect(topicsOf('new/india-smartphones.txt')).not.toContain('apple-in-china');
  });
});

describe('every line of every briefing is verbatim from the sentence it links to', () => {
  test('points, figures, quotes and events', () => {
    const sentences = new Map(all.articles.map((a) => [a.slug as string, new Map(a.sentences.map((s) => [s.id as string, s]))]));
    const blocks = new Map(all.articles.map((a) => [a.slug as string, a.sentences]));
    const check = (source: SourceRef) => {
      const where = `${source.article}#${source.sentence}`;
      const sentence = sentences.get(source.article)?.get(source.sentence);
      expect(sentence, where).toBeDefined();
      // A quotation may span sentences of one paragraph: its source starts at the linked one.
      const block = blocks.get(source.article)!.filter((s) => s.block === sentence!.block).map((s) => s.text).join(' ');
      expect(block, where).toContain(source.quote);
      expect(source.quote.startsWith(sentence!.text), where).toBe(true);
    };
    let count = 0;
    for (const b of all.briefings) {
      for (const item of [...b.points, ...b.figures, ...b.quotes, ...b.timeline]) {
        for (const source of item.sources) {
          check(source);
          count++;
        }
      }
      for (const f of b.figures) expect(f.sources[0]!.quote).toContain(f.text);
    }
    expect(count).toBeGreaterThan(100);
  });
});

describe('figures: another market changes no China chart; a different value is a conflict', () => {
  const chinaChart = (output: PipelineOutput) => output.briefings.find((b) => b.slug === 'market-share')!.charts.find((c) => c.id === 'china-vendors-q4-2024');

  test('adding an article about India leaves the China chart as it was', () => {
    const without = run(samples);
    const withIndia = run([...samples, fixture('india-smartphones.txt')]);
    expect(chinaChart(withIndia)).toEqual(chinaChart(without));
    expect(chinaChart(without)).toMatchObject({ labels: ['Vivo', 'Huawei', 'Apple'], series: [{ values: [17, 16, 15] }] });
  });

  test('a source reporting another value for a fact flags the conflict, with both values cited', () => {
    const output = run([...samples, fixture('counterpoint-note.md')]);
    const briefing = output.briefings.find((b) => b.slug === 'market-share')!;
    const conflict = briefing.conflicts.find((c) => c.subject === 'Vivo' && c.period === 'Q4 2024' && c.market === 'China');
    expect(conflict).toBeDefined();
    expect(conflict!.values.map((v) => v.value).sort()).toEqual([17, 18]);
    expect(briefing.facts.find((f) => f.id === conflict!.id)?.status).toBe('differ');
    // Huawei and Apple agree across the two sources.
    expect(briefing.facts.find((f) => f.subject === 'Huawei' && f.period === 'Q4 2024' && f.measure === 'market share')?.status).toBe('agree');
  });

  test('fact ids do not change when articles are added', () => {
    const ids = (output: PipelineOutput) => output.briefings.find((b) => b.slug === 'market-share')!.facts.map((f) => f.id).filter((id) => id.startsWith('vivo-market-share'));
    expect(ids(run([...samples, fixture('riverside-council-budget.txt')]))).toEqual(ids(run(samples)));
  });
});
