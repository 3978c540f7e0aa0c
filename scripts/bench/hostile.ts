/**
 * How the time of adversarial inputs grows with their size: each input at size n and 2n through
 * the stages it once made quadratic, best of three runs each. Linear work doubles (ratio ≈ 2);
 * quadratic work quadruples (≈ 4). Unit tests check what these inputs come out as; their speed is
 * measured here, since a timed assertion fails on a busy machine rather than on slow code.
 */
import { mdxToMdast } from 'satteri';
import type { PhrasingContent } from 'mdast';
import { cleanArticle } from '../../src/pipeline/clean/index.ts';
import { segmentSentences } from '../../src/pipeline/clean/sentences.ts';
import { articleToMdx } from '../../src/pipeline/emit/mdx.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';

interface HostileCase {
  name: string;
  /** Size n: units of the repeated pattern. */
  size: number;
  run: (size: number) => void;
}

/** A text file through read → clean → MDX, and the MDX through Astro's MDX compiler. */
function throughPipeline(name: string, text: (size: number) => string) {
  return (size: number) => {
    const read = readArticle(name, new TextEncoder().encode(text(size)));
    if (!read.doc) throw new Error(`${name} at ${size} was refused: ${read.diagnostics[0]?.message}`);
    const mdx = articleToMdx(cleanArticle(read.doc));
    mdxToMdast(mdx.slice(mdx.indexOf('---\n\n') + 5), { features: { gfm: true } } as never);
  };
}

export const hostileCases: HostileCase[] = [
  {
    name: 'bold sentences in one paragraph, split into sentences',
    size: 20_000,
    run: (size) => {
      const children: PhrasingContent[] = [];
      for (let i = 0; i < size; i++) children.push({ type: 'strong', children: [{ type: 'text', value: `Word ${i}.` }] }, { type: 'text', value: ' ' });
      segmentSentences({ type: 'root', children: [{ type: 'paragraph', children }] });
    },
  },
  { name: 'glued sentences ("A!A!…")', size: 12_000, run: throughPipeline('glued.txt', (n) => `Bangs\n\n${'A!'.repeat(n)}\n`) },
  { name: 'opening brackets ("[[[…")', size: 50_000, run: throughPipeline('brackets.txt', (n) => `${'['.repeat(n)}\n`) },
  { name: 'emphasis runs ("*a**a*…")', size: 10_000, run: throughPipeline('stars.txt', (n) => `Stars\n\n${'*a*'.repeat(n)}\n`) },
  { name: 'one long line of words', size: 20_000, run: throughPipeline('long-line.txt', (n) => `${'word '.repeat(n).trim()}\n`) },
  { name: 'intraword underscores ("a_b_a_b_…")', size: 8_192, run: throughPipeline('underscores.txt', (n) => `Snake case\n\n${'a_b_'.repeat(n)}\n`) },
];

function best(run: () => void, times = 3): number {
  let least = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    least = Math.min(least, performance.now() - start);
  }
  return least;
}

export interface HostileResult {
  name: string;
  size: number;
  ms: number;
  doubledMs: number;
  ratio: number;
}

export function measureHostile(cases: readonly HostileCase[] = hostileCases): HostileResult[] {
  return cases.map(({ name, size, run }) => {
    const ms = best(() => run(size));
    const doubledMs = best(() => run(size * 2));
    return { name, size, ms, doubledMs, ratio: doubledMs / ms };
  });
}

export function hostileTable(results: readonly HostileResult[]): string {
  const fmt = (ms: number) => `${ms < 100 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-GB')} ms`;
  return [
    '| input | n | time at n | time at 2n | ratio (linear ≈ 2, quadratic ≈ 4) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.name} | ${r.size.toLocaleString('en-GB')} | ${fmt(r.ms)} | ${fmt(r.doubledMs)} | ${r.ratio.toFixed(2)} |`),
  ].join('\n');
}
