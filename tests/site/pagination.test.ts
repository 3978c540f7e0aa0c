import { describe, expect, it } from 'vitest';
import { laterPages, pageCount, pageLinks, pageOf } from '../../src/site/pagination.ts';

describe('pagination', () => {
  const items = Array.from({ length: 250 }, (_, i) => i);

  it('cuts a list into pages of 100, the last one shorter', () => {
    expect(pageCount(250)).toBe(3);
    expect(pageOf(items, 1)).toMatchObject({ number: 1, count: 3 });
    expect(pageOf(items, 1).items).toEqual(items.slice(0, 100));
    expect(pageOf(items, 3).items).toEqual(items.slice(200));
    expect(laterPages(250)).toEqual([2, 3]);
  });

  it('gives an empty list one empty page, and no later pages', () => {
    expect(pageOf([], 1)).toEqual({ items: [], number: 1, count: 1 });
    expect(laterPages(0)).toEqual([]);
    expect(laterPages(100)).toEqual([]);
    expect(laterPages(101)).toEqual([2]);
  });

  it('links the first, the last and two either side, with gaps marked', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 3)).toEqual([1, 2, 3]);
    expect(pageLinks(1, 200)).toEqual([1, 2, 3, null, 200]);
    expect(pageLinks(50, 200)).toEqual([1, null, 48, 49, 50, 51, 52, null, 200]);
    expect(pageLinks(4, 200)).toEqual([1, 2, 3, 4, 5, 6, null, 200]);
    expect(pageLinks(200, 200)).toEqual([1, null, 198, 199, 200]);
  });
});
