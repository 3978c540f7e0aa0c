import { describe, expect, test } from 'vitest';
import { hostileCases, hostileTable, measureHostile } from '../../scripts/bench/hostile.ts';

describe('the adversarial-input benchmark', () => {
  test('runs each input three times at n and three times at 2n, and reports the ratio', () => {
    const sizes: number[] = [];
    const [result] = measureHostile([{ name: 'fake', size: 5, run: (size) => void sizes.push(size) }]);
    expect(sizes).toEqual([5, 5, 5, 10, 10, 10]);
    expect(result).toMatchObject({ name: 'fake', size: 5 });
    expect(result!.ratio).toBe(result!.doubledMs / result!.ms);
  });

  test('prints one row per input', () => {
    const table = hostileTable([{ name: 'glued', size: 12_000, ms: 200, doubledMs: 400, ratio: 2 }]).split('\n');
    expect(table).toHaveLength(3);
    expect(table[2]).toBe('| glued | 12,000 | 200 ms | 400 ms | 2.00 |');
  });

  test('every input goes through at both sizes without being refused', () => {
    for (const { name, size, run } of hostileCases) expect(() => run(size * 2), name).not.toThrow();
  });
});
