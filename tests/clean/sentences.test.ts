import type { PhrasingContent, Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { inlineSlicer, inlineText, segmentSentences, sentenceRanges, shortHash, sliceInline } from '../../src/pipeline/clean/sentences.ts';

const split = (text: string, lang = 'en') => sentenceRanges(text, lang).map(([start, end]) => text.slice(start, end));

describe('sentenceRanges', () => {
  test.each([
    ['plain sentences', 'Apple fell. Huawei rose! Why?', ['Apple fell.', 'Huawei rose!', 'Why?']],
    ['a date abbreviation before a number', 'Sales for the quarter ending Dec. 28 fell by 11%. Then more.', ['Sales for the quarter ending Dec. 28 fell by 11%.', 'Then more.']],
    ['titles and countries', 'Mr. Cook said the U.S. and Europe are strong. Dr. Su agreed.', ['Mr. Cook said the U.S. and Europe are strong.', 'Dr. Su agreed.']],
    ['a single initial and "No."', 'It was No. 1 in the U.K. market. J. Smith said so.', ['It was No. 1 in the U.K. market.', 'J. Smith said so.']],
    ['e.g., i.e. and vs.', 'Rivals, e.g. Vivo, grew 17% vs. 15%, i.e. faster. Apple did not.', ['Rivals, e.g. Vivo, grew 17% vs. 15%, i.e. faster.', 'Apple did not.']],
    ['sentences glued without a space', 'to regain its market share.But why did Apple choose Alibaba?', ['to regain its market share.', 'But why did Apple choose Alibaba?']],
    ['a lowercase brand after a full stop', 'its foothold in China. iPhone sales have declined. eBay too.', ['its foothold in China.', 'iPhone sales have declined.', 'eBay too.']],
    ['a lowercase brand after an abbreviation is no boundary', 'Made in the U.S. iPhones sell well.', ['Made in the U.S. iPhones sell well.']],
    ['a quotation closing a sentence', 'He said “It works.” Then he left.', ['He said “It works.”', 'Then he left.']],
    ['white space around sentences is not part of them', '  One.  Two?  ', ['One.', 'Two?']],
    ['no text', '', []],
    ['a number with a decimal point', 'Shares rose 9.2% to HK$124.3 on Thursday.', ['Shares rose 9.2% to HK$124.3 on Thursday.']],
  ])('%s', (_name, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  test('Chinese splits at 。！？ with no space between sentences', () => {
    expect(split('阿里巴巴上涨。苹果呢？是的！', 'zh')).toEqual(['阿里巴巴上涨。', '苹果呢？', '是的！']);
    expect(sentenceRanges('阿里巴巴上涨。苹果呢？是的！', 'zh')).toEqual([[0, 7], [7, 11], [11, 14]]);
  });
});

describe('sliceInline', () => {
  const nodes: PhrasingContent[] = [
    { type: 'text', value: 'Apple ' },
    { type: 'emphasis', children: [{ type: 'text', value: 'fell' }, { type: 'strong', children: [{ type: 'text', value: ' hard' }] }] },
    { type: 'text', value: '. ' },
    { type: 'link', url: 'https://example.com', children: [{ type: 'text', value: 'Read' }] },
    { type: 'break' },
    { type: 'inlineCode', value: 'x' },
  ];

  test('inlineText counts a line break as one character', () => {
    expect(inlineText(nodes)).toBe('Apple fell hard. Read\nx');
  });

  test('cuts inside nested nodes and clones what it keeps', () => {
    expect(sliceInline(nodes, 3, 13)).toEqual([
      { type: 'text', value: 'le ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'fell' }, { type: 'strong', children: [{ type: 'text', value: ' ha' }] }] },
    ]);
    expect(sliceInline(nodes, 17, 23)).toEqual([
      { type: 'link', url: 'https://example.com', children: [{ type: 'text', value: 'Read' }] },
      { type: 'break' },
      { type: 'inlineCode', value: 'x' },
    ]);
    expect((nodes[1] as { children: PhrasingContent[] }).children).toHaveLength(2);
  });

  test('an empty or outside range gives nothing', () => {
    expect(sliceInline(nodes, 4, 4)).toEqual([]);
    expect(sliceInline(nodes, 30, 40)).toEqual([]);
  });

  test('a slicer gives the same slices as sliceInline for ranges asked in order', () => {
    const slice = inlineSlicer(nodes);
    const cuts = [0, 2, 6, 8, 10, 11, 15, 16, 17, 21, 22, 23];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [start, end] = [cuts[i] ?? 0, cuts[i + 1] ?? 0];
      expect(slice(start, end)).toEqual(sliceInline(nodes, start, end));
    }
  });
});

describe('segmentSentences', () => {
  const tree = (): Root => ({
    type: 'root',
    children: [
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Title here' }] },
      { type: 'paragraph', children: [{ type: 'text', value: 'Same.  ' }, { type: 'emphasis', children: [{ type: 'text', value: 'Same.' }] }, { type: 'text', value: '\tOther.' }] },
      { type: 'list', children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Item.' }] }] }] },
    ],
  });

  test('wraps each sentence in a sentence node with an id from its text; a repeat gets a suffix', () => {
    const root = tree();
    expect(segmentSentences(root)).toEqual([
      { id: `s-${shortHash('Title here')}`, text: 'Title here', block: 0, heading: true },
      { id: 's-01er9db', text: 'Same.', block: 1, heading: false },
      { id: 's-01er9db-2', text: 'Same.', block: 1, heading: false },
      { id: `s-${shortHash('Other.')}`, text: 'Other.', block: 1, heading: false },
      { id: `s-${shortHash('Item.')}`, text: 'Item.', block: 2, heading: false },
    ]);
    // White space between sentences is one plain space; formatting stays inside its sentence.
    expect(root.children[1]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'sentence', id: 's-01er9db', children: [{ type: 'text', value: 'Same.' }] },
        { type: 'text', value: ' ' },
        { type: 'sentence', id: 's-01er9db-2', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'Same.' }] }] },
        { type: 'text', value: ' ' },
        { type: 'sentence', id: `s-${shortHash('Other.')}`, children: [{ type: 'text', value: 'Other.' }] },
      ],
    });
  });

  test('ids depend only on the text: the same article gives the same ids', () => {
    expect(segmentSentences(tree())).toEqual(segmentSentences(tree()));
    expect(shortHash('Same.')).toBe('01er9db');
  });

  test('two sentences glued without a space get one on the page, and keep their own text', () => {
    const root: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'market share.But why?' }] }] };
    expect(segmentSentences(root).map((s) => s.text)).toEqual(['market share.', 'But why?']);
    expect((root.children[0] as { children: PhrasingContent[] }).children[1]).toEqual({ type: 'text', value: ' ' });
  });

  // How its time grows with the paragraph is measured by `npm run bench` (scripts/bench/hostile.ts).
  test('a paragraph of 20,000 bold sentences is 20,000 sentences', () => {
    const children: PhrasingContent[] = [];
    for (let i = 0; i < 20_000; i++) children.push({ type: 'strong', children: [{ type: 'text', value: `Word ${i}.` }] }, { type: 'text', value: ' ' });
    expect(segmentSentences({ type: 'root', children: [{ type: 'paragraph', children }] })).toHaveLength(20_000);
  });
});
