/**
 * Fixture tests for read → clean, in the unified style: each folder of tests/fixtures/clean/ holds
 * an article (`input.txt`, `input.md` or `input.html`) and `expected.json`: its metadata, the
 * lines cleaning removed, its warnings, and its blocks in order with their sentences.
 *
 *   UPDATE_FIXTURES=1 npm test -- tests/clean/fixtures.test.ts
 *
 * rewrites every expected.json from the current output (and writes a new case's); read each diff
 * before committing. Without it, a case with no expected.json fails.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { describe, expect, test } from 'vitest';
import { cleanArticle } from '../../src/pipeline/clean/index.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';
import type { Article } from '../../src/core/types.ts';

const root = join(import.meta.dirname, '../fixtures/clean');
const update = process.env.UPDATE_FIXTURES === '1';

/** Each block that holds sentences, named by its place ("list > paragraph"), with its sentences. */
function blocks(article: Article): { block: string; sentences: string[] }[] {
  const out: { block: string; sentences: string[] }[] = [];
  const visit = (node: Nodes, path: string[]) => {
    const name = node.type === 'heading' ? `heading ${node.depth}` : node.type;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const index = out.length;
      out.push({ block: [...path, name].join(' > '), sentences: article.sentences.filter((s) => s.block === index).map((s) => s.text) });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes, node.type === 'root' ? path : [...path, name]);
  };
  visit(article.tree, []);
  return out;
}

function describeArticle(file: string, bytes: Uint8Array) {
  const read = readArticle(file, bytes);
  if (!read.doc) return { refused: read.diagnostics };
  const article = cleanArticle(read.doc);
  return {
    format: article.format,
    title: article.title,
    titleFrom: article.titleFrom,
    slug: article.slug,
    date: article.date,
    author: article.author,
    source: article.source,
    url: article.url,
    lang: article.lang,
    removed: article.removed,
    warnings: article.warnings,
    blocks: blocks(article),
  };
}

const cases = readdirSync(root).sort();

describe('read → clean fixtures', () => {
  for (const name of cases) {
    test(name, () => {
      const input = readdirSync(join(root, name)).find((f) => f.startsWith('input.'));
      if (!input) throw new Error(`${name}: no input file`);
      const actual = describeArticle(input, new Uint8Array(readFileSync(join(root, name, input))));
      const expectedFile = join(root, name, 'expected.json');
      if (update) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      // A case without its answer fails: a test that writes what it checks could never fail.
      if (!existsSync(expectedFile)) throw new Error(`${name}: no expected.json; write it with UPDATE_FIXTURES=1 and read it before committing`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});

/** What the samples must come out as, said outright (expected.json holds the same, in full). */
describe('the five samples', () => {
  const sample = (n: string) => describeArticle('input.txt', new Uint8Array(readFileSync(join(root, `sample-${n}`, 'input.txt'))));
  const blocksOf = (result: ReturnType<typeof describeArticle>) => ('blocks' in result ? (result.blocks ?? []) : []);
  const sentences = (result: ReturnType<typeof describeArticle>) => blocksOf(result).flatMap((b) => b.sentences);

  test('000: alt text and comment-form lines are removed; headings are found', () => {
    const result = sample('000');
    expect(result).toMatchObject({
      title: 'Apple Partners with Alibaba for AI Integration in China Amid Growing Competition',
      titleFrom: 'first-line',
      removed: ['apple alibaba', 'Leave a Comment', 'Your email address will not be published. Required fields are marked *', 'Scroll to Top'],
    });
    expect(blocksOf(result).filter((b) => b.block === 'heading 2').map((b) => b.sentences[0])).toEqual([
      'A Strategic AI Collaboration',
      'Market Impact and Apple’s China Struggles',
      'Alibaba’s AI Growth',
    ]);
    expect(sentences(result)).toContain('The company’s Greater China sales for its fiscal first quarter ending Dec. 28 fell by 11% to $18.51 billion.');
    expect(sentences(result)).toContain('iPhone sales have declined sharply amid intense competition from domestic rivals, particularly Huawei.');
  });

  test('001: emoji bullets and "Label – explanation" lines become lists; the kicker is dropped', () => {
    const result = sample('001');
    expect(result).toMatchObject({ removed: ['Back to blog', 'Leave a comment', 'Apple in China'] });
    const items = blocksOf(result).filter((b) => b.block === 'list > listItem > paragraph').map((b) => b.sentences.join(' '));
    expect(items).toEqual([
      'Regulatory Compliance – Apple needs a government-approved AI provider to operate in China.',
      'Competitive Edge – Huawei’s AI-powered Mate 60 series is dominating sales; Apple needs to catch up.',
      'Alibaba’s AI Infrastructure – Alibaba’s Tongyi Qianwen, a powerful AI model, can rival offerings from Google and OpenAI.',
      'Smart Siri Upgrades – A more advanced version of Siri with improved language processing.',
      'AI-Powered Photo Editing – Similar to Google’s Magic Eraser, allowing users to edit photos with AI assistance.',
      'Enhanced Search & Recommendations – AI-driven search suggestions, translations, and summaries.',
    ]);
    expect(sentences(result)).toContain('But why did Apple choose Alibaba over other AI providers like Baidu or ByteDance?');
  });

  test('002 and 004: the title is inferred from the first sentence', () => {
    expect(sample('002')).toMatchObject({ title: 'Alibaba will collaborate with Apple to support AI-powered services on iPhones in China', titleFrom: 'first-sentence' });
    expect(sample('004')).toMatchObject({ title: 'Apple is making a significant move to bring its Apple Intelligence features to Chinese users', titleFrom: 'first-sentence' });
  });

  test('003: the trailing [techcrunch](…) link becomes the source and URL', () => {
    expect(sample('003')).toMatchObject({
      title: 'Alibaba confirms Apple deal bringing AI features to iPhones in China',
      date: '2025-02-14',
      source: 'techcrunch',
      url: 'https://techcrunch.com/2025/02/13/alibaba-confirms-apple-deal-bringing-ai-features-to-iphones-in-china/',
      removed: ['techcrunch'],
      warnings: [],
    });
  });
});

describe('headings in plain text', () => {
  test('a short Chinese sentence ending in 。 is a sentence, not a heading', () => {
    const text = '小米财报\n\nOPPO、小米和苹果分别以16%、15%和14%的份额位列第三至第五。\n\n华为重回第一。\n\nMarket overview\n\n出货量下降4%。\n';
    const { doc } = readArticle('short.txt', new TextEncoder().encode(text));
    const sentences = cleanArticle(doc as NonNullable<typeof doc>, {}).sentences;
    expect(sentences.map((s) => [s.text, s.heading])).toEqual([
      ['OPPO、小米和苹果分别以16%、15%和14%的份额位列第三至第五。', false],
      ['华为重回第一。', false],
      ['Market overview', true],
      ['出货量下降4%。', false],
    ]);
  });
});
