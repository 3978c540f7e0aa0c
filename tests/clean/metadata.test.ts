import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { readMetadataLine, takeMetadata } from '../../src/pipeline/clean/metadata.ts';

describe('readMetadataLine', () => {
  it.each([
    ['date 2025-02-12', [{ kind: 'date', date: '2025-02-12', updated: false }]],
    ['Date: February 12, 2025', [{ kind: 'date', date: '2025-02-12', updated: false }]],
    ['Published: 12 Feb 2025', [{ kind: 'date', date: '2025-02-12', updated: false }]],
    ['Updated 3:15 PM ET, Thu February 13, 2025', [{ kind: 'date', date: '2025-02-13', updated: true }]],
    ['Thu 13 Feb 2025 10.30 GMT', [{ kind: 'date', date: '2025-02-13', updated: false }]],
    ['By Jane Doe', [{ kind: 'author', name: 'Jane Doe' }]],
    ['Reuters | By Jane Doe | 5 min read', [{ kind: 'other' }, { kind: 'author', name: 'Jane Doe' }, { kind: 'other' }]],
    ['发布时间：2025年2月12日 10:30', [{ kind: 'date', date: '2025-02-12', updated: false }]],
    ['作者：李明', [{ kind: 'author', name: '李明' }]],
    ['2026年1月14日 15:32 来源：财经快讯', [{ kind: 'date', date: '2026-01-14', updated: false }, { kind: 'other' }]],
    ['2026年1月14日 15:32 来源：财经快讯 作者：李明', [{ kind: 'date', date: '2026-01-14', updated: false }, { kind: 'other' }, { kind: 'author', name: '李明' }]],
  ])('%s', (line, parts) => {
    expect(readMetadataLine(line)).toEqual(parts);
  });

  it.each(['By 2026 the market will double', 'Apple in China', 'Reuters', 'Date: the association will publish its figures in April.'])(
    'reads no metadata from "%s"',
    (line) => {
      expect(readMetadataLine(line)).toBeNull();
    },
  );

  it('reads a date line whose date is no real day as metadata without a date', () => {
    expect(readMetadataLine('Date: 2025-02-30')).toEqual([{ kind: 'date', date: null, updated: false }]);
  });

  it("reads the article's own outlet alone on a line", () => {
    expect(readMetadataLine('Reuters', 'Reuters')).toEqual([{ kind: 'other' }]);
  });
});

describe('takeMetadata', () => {
  const paragraph = (value: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, value }] });

  it('takes the leading metadata lines, a publication date before an update date, and leaves the text', () => {
    const tree: Root = {
      type: 'root',
      children: [paragraph('Updated February 14, 2025'), paragraph('date 2025-02-12'), paragraph('By Jane Doe'), paragraph('The port opened.'), paragraph('By Sam Ortiz')],
    };
    expect(takeMetadata(tree)).toEqual({ date: '2025-02-12', author: 'Jane Doe', removed: ['Updated February 14, 2025', 'date 2025-02-12', 'By Jane Doe'] });
    expect(tree.children).toEqual([paragraph('The port opened.'), paragraph('By Sam Ortiz')]);
  });
});
