/**
 * Blocks where Markdown allows only a line of text (`phrasingOnlyBlocks`), on the trees the HTML
 * reader makes of real page shapes: a list in a table cell (a navbox; a page laid out in a
 * table, which once stopped the build), paragraphs in a cell, a list inside a paragraph.
 */
import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { phrasingOnlyBlocks } from '../../src/pipeline/clean/blocks.ts';
import { readHtml } from '../../src/pipeline/read/html.ts';

const text = (value: string) => ({ type: 'text', value });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children });
const cell = (...children: unknown[]) => ({ type: 'tableCell', children });
const row = (...cells: unknown[]) => ({ type: 'tableRow', children: cells });
const table = (...rows: unknown[]) => ({ type: 'table', align: [null, null], children: rows });
const list = (...items: unknown[][]) => ({ type: 'list', ordered: false, spread: false, children: items.map((children) => ({ type: 'listItem', spread: false, children })) });

function normalised(children: unknown[]): unknown[] {
  const tree = { type: 'root', children } as Root;
  phrasingOnlyBlocks(tree);
  return tree.children;
}

describe('blocks where only a line of text may stand', () => {
  test('a table with a list in a cell is a layout: it becomes its cells’ content, row by row', () => {
    const navbox = table(row(cell(text('Topics')), cell(list([paragraph(text('Markets'))], [paragraph(text('Tech'))]))));
    expect(normalised([navbox])).toEqual([paragraph(text('Topics')), list([paragraph(text('Markets'))], [paragraph(text('Tech'))])]);
  });

  test('paragraphs in a cell are its one line, a space between them; a line break is a space', () => {
    const grid = table(row(cell(text('Year')), cell(text('Sales'))), row(cell(text('2024')), cell(paragraph(text('Up 11%')), paragraph(text('a record')), { type: 'break' }, text('again'))));
    expect(normalised([grid])).toEqual([table(row(cell(text('Year')), cell(text('Sales'))), row(cell(text('2024')), cell(text('Up 11%'), text(' '), text('a record'), text(' '), text(' '), text('again'))))]);
  });

  test('a paragraph holding a list is split around it, keeping the emphasis on each side', () => {
    const tree = [paragraph({ type: 'emphasis', children: [text('Before '), list([paragraph(text('item'))]), text(' after')] })];
    expect(normalised(tree)).toEqual([
      paragraph({ type: 'emphasis', children: [text('Before ')] }),
      list([paragraph(text('item'))]),
      paragraph({ type: 'emphasis', children: [text(' after')] }),
    ]);
  });

  test('text straight in a list item, and cells out of their table, become paragraphs', () => {
    expect(normalised([list([text('loose')]), cell(text('stray cell'))])).toEqual([list([paragraph(text('loose'))]), paragraph(text('stray cell'))]);
  });

  test('a page laid out in a table reads as its text, its lists still lists', () => {
    const { tree } = readHtml(
      `<html><head><title>Linux video</title></head><body><table><tr><td><p>The replies were roughly in the following groups, as this long opening sentence says before the list:</p><ul><li>"Right on! I had exactly the same experience!"</li><li>"You're clearly an idiot."</li></ul><p>So of course that day I got hundreds of emails about it, from every corner of the world.</p></td></tr></table></body></html>`,
    );
    phrasingOnlyBlocks(tree);
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'list', 'paragraph']);
  });
});
