import { describe, expect, test } from 'vitest';
import { updateCounts, updateText } from '../../src/site/updates.ts';
import type { Linked, Slug } from '../../src/core/types.ts';
import type { ShownUpdate } from '../../src/pipeline/emit/topic-view.ts';

const value = (text: string) => ({ text, article: 'a' as Slug, quote: `It was ${text}.`, path: '/articles/a/#s-1' });
const fact = (label: string) => ({ fact: label.toLowerCase(), label, factPath: `/topics/t/figures/#fact-${label.toLowerCase()}` });

describe('an update in words', () => {
  test('a feed item says what the article added, every value as written, and how many more there are', () => {
    const update: Pick<Linked<ShownUpdate>, 'added' | 'revised' | 'speakers' | 'counts'> = {
      added: [{ ...fact('Vivo · market share · China · Q4 2024'), value: value('17%') }, { ...fact('Apple · China'), value: value('11% year-over-year drop') }],
      revised: [{ ...fact('Alibaba · share price · Hong Kong'), from: value('HK$124.3'), to: value('HK$121') }],
      speakers: [{ name: 'Tim Cook', article: 'a' as Slug, quote: '“We are proud.”', path: '/articles/a/#s-2' }],
      counts: { added: 7, revised: 1, speakers: 1 },
    };
    expect(updateText(update)).toBe('New: Vivo · market share · China · Q4 2024: 17%; Apple · China: 11% year-over-year drop and 5 more. Revised: Alibaba · share price · Hong Kong: HK$124.3 → HK$121. First quoted: Tim Cook.');
    expect(updateText({ added: [], revised: [], speakers: update.speakers, counts: { added: 0, revised: 0, speakers: 3 } })).toBe('First quoted: Tim Cook and 2 more.');
  });

  test('the home page counts what it added', () => {
    expect(updateCounts({ added: 1, revised: 0, speakers: 0 })).toBe('1 new fact');
    expect(updateCounts({ added: 1200, revised: 2, speakers: 1 })).toBe('1,200 new facts, 2 revised figures, 1 new speaker');
    expect(updateCounts({ added: 0, revised: 1, speakers: 2 })).toBe('1 revised figure, 2 new speakers');
  });
});
