import { readFileSync } from 'node:fs';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { gazetteerSchema } from '../../src/config/schema.ts';
import { compileGazetteer } from '../../src/pipeline/analyse/entities.ts';
import { recogniseNames } from '../../src/pipeline/analyse/ner.ts';
import { extractQuotes } from '../../src/pipeline/analyse/quotes.ts';
import type { Article, Quote, Sentence, SentenceId, Slug } from '../../src/core/types.ts';
import { loadArticle, sample, sampleGazetteer, samples } from '../fixtures/analyse/samples.ts';

const fixtures = new URL('../fixtures/analyse/', import.meta.url);
const gazetteer = compileGazetteer(gazetteerSchema.parse(JSON.parse(readFileSync(new URL('gazetteer.json', fixtures), 'utf8'))));

/** Quotes as `speaker: text`, the form the expectations read best in. */
const said = (quotes: Quote[]) => quotes.map((q) => `${q.speaker}: ${q.text}`);

/** An article from paragraphs of sentences; ids are `s-<block>-<n>`. */
function article(...blocks: string[][]): Pick<Article, 'slug' | 'sentences'> {
  const sentences: Sentence[] = blocks.flatMap((texts, block) =>
    texts.map((text, n) => ({ id: `s-${block}-${n}` as SentenceId, text, block, heading: false })),
  );
  return { slug: 'fixture' as Slug, sentences };
}

describe('extractQuotes on the patterns fixture', () => {
  const fixture = loadArticle(fixtures, 'quotes.md');
  const quotes = extractQuotes(fixture, gazetteer);

  it('finds each quotation with its speaker, and skips scare quotes, titles, headings and unclosed marks', () => {
    expect(said(quotes)).toEqual([
      'Tim Cook: We are very pleased with our results in Greater China.',
      'Lian Jye Su: the deal is a recognition of real capability in the market.',
      'Jane Doe: Nobody expected the deal to close so quickly,',
      'null: The market will recover by the end of the year,',
      'Lian Jye Su: We see strong demand for local AI models across China,',
      'Tim Cook: Our partnership with Alibaba is going very well,',
      'Apple: We do not comment on rumours or speculation,',
      // One remark around its attribution is one quote.
      'Joe Tsai: We talked to many companies in China, … and in the end they chose to work with us.',
    ]);
  });

  it('cites the whole sentence and links to it', () => {
    const sentence = fixture.sentences.find((s) => s.text.startsWith('Tim Cook told')) as Sentence;
    expect(quotes[0]?.sources).toEqual([
      {
        article: fixture.slug,
        sentence: sentence.id,
        quote: 'Tim Cook told analysts: “We are very pleased with our results in Greater China.”',
      },
    ]);
  });
});

describe('extractQuotes, one rule at a time', () => {
  it('spans sentences of one paragraph and cites them all, linking to the first', () => {
    const quotes = extractQuotes(
      article(['Joe Tsai spoke in Dubai.', '“They talked to many firms.', 'In the end they chose us,” Tsai said.']),
      gazetteer,
    );
    expect(quotes).toEqual([
      {
        text: 'They talked to many firms. In the end they chose us,',
        speaker: 'Joe Tsai',
        sources: [
          {
            article: 'fixture',
            sentence: 's-0-1',
            quote: '“They talked to many firms. In the end they chose us,” Tsai said.',
          },
        ],
      },
    ]);
  });

  it('resolves a pronoun to the person named last before the quotation, in its paragraph or the one before', () => {
    const quotes = extractQuotes(
      article(
        ['Tim Cook and Joe Tsai met in Dubai.'],
        ['“We have a great deal of respect for each other,” he said.'],
        ['Nobody is named here.'],
        ['“Nobody can tell who is talking in this one,” she said.'],
      ),
      gazetteer,
    );
    expect(said(quotes)).toEqual([
      'Joe Tsai: We have a great deal of respect for each other,',
      'null: Nobody can tell who is talking in this one,',
    ]);
  });

  it('joins an attributed quotation and the one that directly follows it, and only that one', () => {
    const quotes = extractQuotes(
      article(
        [
          '“We chose the best partner in the market,” Cook said.',
          '“It was an easy decision for the whole team.”',
          'Meanwhile the shares moved.',
          '“Nobody said who spoke these words at all.”',
        ],
      ),
      gazetteer,
    );
    expect(said(quotes)).toEqual([
      'Tim Cook: We chose the best partner in the market, … It was an easy decision for the whole team.',
      'null: Nobody said who spoke these words at all.',
    ]);
  });

  it('never takes a speaker from a subject it cannot name', () => {
    const quotes = extractQuotes(article(['“The outlook for the year is very uncertain,” analysts said.']), gazetteer);
    expect(said(quotes)).toEqual(['null: The outlook for the year is very uncertain,']);
  });
});

describe('extractQuotes on the samples', () => {
  const quotesOf = (prefix: string) => extractQuotes(sample(prefix), sampleGazetteer);

  it('000: Joe Tsai’s four sentences, Lian Jye Su through “he said”, Will Wong after the quotation', () => {
    const quotes = quotesOf('000');
    expect(said(quotes)).toEqual([
      'Joe Tsai: They talked to a number of companies in China. In the end, they chose to do business with us. They want to use our AI to power their phones. We feel extremely honored to do business with a great company like Apple,',
      'Lian Jye Su: The partnership is mainly a recognition of Alibaba’s AI capability,',
      'Will Wong: It won’t be an easy fight as local competitors have been aggressively marketing their own AI features,',
    ]);
    const first = sample('000').sentences.find((s) => s.text === '“They talked to a number of companies in China.');
    expect(quotes[0]?.sources[0]).toEqual({
      article: sample('000').slug,
      sentence: first?.id,
      quote:
        '“They talked to a number of companies in China. In the end, they chose to do business with us. They want to use our AI to power their phones. We feel extremely honored to do business with a great company like Apple,” Tsai said.',
    });
  });

  it('001 has no quotations: “Made in China” is a scare quote', () => {
    expect(quotesOf('001')).toEqual([]);
  });

  it('002: Joe Tsai’s shorter quotation', () => {
    expect(said(quotesOf('002'))).toEqual([
      'Joe Tsai: They talked to a number of companies in China. In the end, they chose to do business with us,',
    ]);
  });

  it('003: Joseph Tsai split by his attribution, and “the executive” is Tim Cook', () => {
    expect(said(quotesOf('003'))).toEqual([
      'Joe Tsai: talked to a number of companies in China, … In the end they chose to do business with us. They want to use our AI to power their phones. We feel extremely honored to do business with a great company like Apple.',
      'Tim Cook: During the December quarter, we saw that in markets where we had rolled out Apple Intelligence, that the year-over-year performance on the iPhone 16 family was stronger than those markets where we had not rolled out Apple intelligence,',
    ]);
  });

  it('004 has no quotations', () => {
    expect(quotesOf('004')).toEqual([]);
  });

  it('cites text that reads verbatim in a paragraph of the cleaned article', () => {
    for (const sampleArticle of samples) {
      const paragraphs: string[] = [];
      visit(sampleArticle.tree, 'paragraph', (node) => {
        paragraphs.push(toString(node));
      });
      for (const quote of extractQuotes(sampleArticle, sampleGazetteer)) {
        const source = quote.sources[0];
        expect(paragraphs.some((text) => text.includes(source?.quote ?? '\u0000'))).toBe(true);
        // A remark resumed after its attribution is joined by " … ": each piece is verbatim.
        for (const piece of quote.text.split(' … ')) expect(source?.quote).toContain(piece);
      }
    }
  });
});

describe('extractQuotes with the names found in the text', () => {
  const listed = compileGazetteer(gazetteerSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/ner/gazetteer.json', import.meta.url), 'utf8'))));
  const quotesIn = (lang: string, ...blocks: string[][]) => {
    const doc = { ...article(...blocks), lang };
    return said(extractQuotes(doc, listed, recogniseNames(doc, listed)));
  };

  it('takes any named speaker, a pronoun for the last person named, and never a date as a speaker', () => {
    expect(
      quotesIn(
        'en',
        ['“We will not raise prices this year at all,” said Maria Lopez, chief executive of Harbour Foods.'],
        ['On Monday the board met. “The merger is off the table for now,” he said.'],
        ['“Demand for our phones is stronger than we expected,” Kettle Mobile said.'],
        ['On Monday, “prices will rise again next quarter,” the report said.'],
      ),
    ).toEqual([
      'Maria Lopez: We will not raise prices this year at all,',
      'Maria Lopez: The merger is off the table for now,',
      'Kettle Mobile: Demand for our phones is stronger than we expected,',
      'null: prices will rise again next quarter,',
    ]);
  });

  it('reads "X, chief executive of Y, said" and "according to X" before and after a quotation', () => {
    expect(
      quotesIn(
        'en',
        ['“We will not raise prices this year at all,” Maria Lopez, chief executive of Harbour Foods, said.'],
        ['Tom Berg, an analyst at Kettle Research, said: “The merger is off the table for now.”'],
        ['“Prices will keep rising through the summer,” according to Kettle Research.'],
      ),
    ).toEqual(['Maria Lopez: We will not raise prices this year at all,', 'Tom Berg: The merger is off the table for now.', 'Kettle Research: Prices will keep rising through the summer,']);
  });

  it('joins one remark split around its attribution into one quote, its pieces verbatim', () => {
    const doc = { ...article(['“We talked to a number of companies,” Anna Berg said. “In the end they chose to do business with us.”']), lang: 'en' };
    const quotes = extractQuotes(doc, listed, recogniseNames(doc, listed));
    expect(said(quotes)).toEqual(['Anna Berg: We talked to a number of companies, … In the end they chose to do business with us.']);
    expect(quotes[0]?.sources[0]?.quote).toBe('“We talked to a number of companies,” Anna Berg said. “In the end they chose to do business with us.”');
  });

  it('attributes Chinese quotations by X表示, X称 and X说', () => {
    expect(
      quotesIn('zh', ['阿里巴巴集团董事长蔡崇信表示：“他们和中国的很多公司谈过，最后选择了我们。”'], ['“我们对中国市场充满信心。”苹果公司首席执行官库克说。']),
    ).toEqual(['蔡崇信: 他们和中国的很多公司谈过，最后选择了我们。', '库克: 我们对中国市场充满信心。']);
  });
});
