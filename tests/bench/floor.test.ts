import { describe, expect, test } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { librariesTable, measureLibraries } from '../../scripts/bench/floor.ts';

describe('the fixed libraries’ floor', () => {
  test('times each library over the files of its kind, and every article’s MDX page', () => {
    const corpus = generateCorpus(60, 3);
    const times = measureLibraries(corpus, 1);
    expect(times.map((t) => t.files)).toEqual([
      corpus.filter((a) => a.file.endsWith('.md')).length,
      corpus.filter((a) => a.file.endsWith('.html')).length,
      corpus.length,
    ]);
    // The generator mixes the formats, so each library has work.
    for (const t of times) {
      expect(t.files, t.library).toBeGreaterThan(0);
      expect(t.ms, t.library).toBeGreaterThan(0);
    }
  });

  test('prints one row per library and their sum, and the sum shared by the cores', () => {
    const table = librariesTable(
      [
        { library: 'a', files: 1_200, ms: 4_000 },
        { library: 'b', files: 1_000, ms: 2_000 },
        { library: 'c', files: 5_000, ms: 6_000 },
      ],
      2,
    ).split('\n');
    expect(table).toEqual([
      '| library | files | time, one thread |',
      '| --- | ---: | ---: |',
      '| a | 1,200 | 4.00 s |',
      '| b | 1,000 | 2.00 s |',
      '| c | 5,000 | 6.00 s |',
      '| **all three** (on 2 cores, at best: 6.00 s) | | **12.00 s** |',
    ]);
  });
});
