import type { Paragraph } from 'mdast';
import { describe, expect, test } from 'vitest';
import { isHardWrapped, readText } from '../../src/pipeline/read/text.ts';

const paragraphs = (text: string) => readText(text).tree.children.map((p) => ((p as Paragraph).children[0] as { value: string }).value);

const wrapped = `Alibaba to power AI on iPhones in China

HONG KONG (Wire) - Alibaba Group will provide the artificial
intelligence behind new features on iPhones sold in mainland China,
Chairman Joe Tsai said on Thursday, ending months of speculation
about Apple's local partner.

Shares of the Hong Kong-listed company rose as much as 9.2% to HK$124.3,
their highest level since January 2022. Apple, whose sales fell 11%, has
not commented on the partnership with the Hong Kong-
listed company.
What analysts say
- Vivo led the market with 17% of shipments in the fourth quarter of
the year.
- Huawei was second.
`;

describe('readText', () => {
  test('each line is a paragraph, and a headline-like first line is the title', () => {
    const doc = readText('Apple picks Alibaba\n\nFirst line. Still first.\nSecond line.\n\n\nThird.\n');
    expect(doc.titleLine).toBe('Apple picks Alibaba');
    expect(paragraphs('Apple picks Alibaba\n\nFirst line. Still first.\nSecond line.\n\n\nThird.\n')).toEqual(['First line. Still first.', 'Second line.', 'Third.']);
  });

  test('a first line that ends a sentence, or the only line, is not a title', () => {
    expect(readText('Apple picked Alibaba.\n\nMore.').titleLine).toBeUndefined();
    expect(readText('Apple picks Alibaba').titleLine).toBeUndefined();
    expect(paragraphs('Apple picks Alibaba')).toEqual(['Apple picks Alibaba']);
  });

  test('Markdown characters stay literal', () => {
    expect(paragraphs('T\n\n# not a heading *not bold* <b>{x}</b>')).toEqual(['# not a heading *not bold* <b>{x}</b>']);
  });

  test('paragraph positions name the file’s lines', () => {
    const [first] = readText('Title\n\n  Indented text.\n', 3).tree.children;
    expect(first?.position).toEqual({ start: { line: 5, column: 3 }, end: { line: 5, column: 17 } });
  });
});

describe('hard-wrapped text', () => {
  test('is recognised, and its lines are joined into paragraphs', () => {
    expect(isHardWrapped(wrapped.split('\n'))).toBe(true);
    const doc = readText(wrapped);
    expect(doc.titleLine).toBe('Alibaba to power AI on iPhones in China');
    expect(paragraphs(wrapped)).toEqual([
      "HONG KONG (Wire) - Alibaba Group will provide the artificial intelligence behind new features on iPhones sold in mainland China, Chairman Joe Tsai said on Thursday, ending months of speculation about Apple's local partner.",
      // Straight on after a hyphen; a short line ends its block (a heading without a blank line).
      'Shares of the Hong Kong-listed company rose as much as 9.2% to HK$124.3, their highest level since January 2022. Apple, whose sales fell 11%, has not commented on the partnership with the Hong Kong-listed company.',
      'What analysts say',
      // A bullet starts its own block, and its wrapped continuation joins it.
      '- Vivo led the market with 17% of shipments in the fourth quarter of the year.',
      '- Huawei was second.',
    ]);
    expect(doc.tree.children[0]?.position).toEqual({ start: { line: 3, column: 1 }, end: { line: 6, column: 29 } });
  });

  test('one sentence per line is not wrapped text, even with lines of similar length', () => {
    const lines = [
      'Increased domestic competition has also eaten into Apple’s China market share.',
      'Tariffs and trade tensions are likely to further impact sales in the key market.',
      'The company has notably been cozying up to Donald Trump during the President’s second term.',
      'TechCrunch has reached out to Apple for additional comment on the Alibaba deal.',
      'Vivo took the lead in the fourth quarter of last year, with 17% of the market.',
    ];
    expect(isHardWrapped(lines)).toBe(false);
    expect(paragraphs(lines.join('\n'))).toEqual(lines);
  });

  test('lines wider than 100 columns were not wrapped by a program', () => {
    expect(isHardWrapped(['word '.repeat(25), 'word '.repeat(25), 'word '.repeat(25), 'word '.repeat(25)])).toBe(false);
  });
});
