/**
 * The proof that an article's page compiles before the site is built (`page-check.ts`): with the
 * site's compiler, a page that does not compile is named with its line; an article whose page
 * does not compile is shown as plain paragraphs, or skipped (tests/build/hostile.test.ts builds
 * the pages that once failed, with the others).
 */
import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { cleanArticle } from '../../src/pipeline/clean/index.ts';
import { articleToMdx } from '../../src/pipeline/emit/mdx.ts';
import { compileProblem, withCompilingPage } from '../../src/pipeline/emit/page-check.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';
import type { Article, SentenceId } from '../../src/core/types.ts';

const article = (text: string): Article => cleanArticle(readArticle('story.txt', new TextEncoder().encode(text)).doc!);

/**
 * A tree as the HTML reader gave it before paragraphs held only a line (`blocks.ts`): a page laid
 * out in a table, whose list ended up inside a sentence span, written across lines.
 */
function listInSentence(base: Article): Article {
  const sentence = base.sentences[0]!;
  const item = (value: string) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] });
  const list = { type: 'list', ordered: false, spread: false, children: [item('Right on!'), item('You are clearly wrong.')] };
  const tree = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'sentence', id: sentence.id, children: [{ type: 'text', value: sentence.text }, list] }] }, { type: 'paragraph', children: [{ type: 'sentence', id: base.sentences[1]!.id, children: [{ type: 'text', value: base.sentences[1]!.text }] }] }] } as unknown as Root;
  return { ...base, tree };
}

describe('an article page is compiled before the site is built', () => {
  test('a page that compiles has no problem', () => {
    expect(compileProblem(articleToMdx(article('Apple sales fell 11% in China.\n\nAlibaba rose.\n')))).toBeUndefined();
  });

  test('a page that does not compile is named with the line of the page', () => {
    expect(compileProblem('---\ntitle: "x"\n---\n\n<p><span id="s-1" class="s">open\n\n- item</span></p>\n')).toEqual({
      line: 5,
      message: expect.stringMatching(/closing tag for `<span>`/),
    });
  });

  test('a list inside a sentence, as a page laid out in a table once gave, is shown as plain paragraphs with a warning', () => {
    const broken = listInSentence(article('The replies were roughly in the following groups.\n\nSo of course that day I got hundreds of emails.\n'));
    expect(compileProblem(articleToMdx(broken))).toBeDefined();
    const { article: shown, diagnostics } = withCompilingPage(broken);
    expect(diagnostics).toEqual([{ file: 'story.txt', severity: 'warning', message: expect.stringMatching(/^shown as plain paragraphs: its page did not compile as MDX \(line \d+ of its page: /) }]);
    expect(shown?.tree.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
    expect(compileProblem(articleToMdx(shown!))).toBeUndefined();
  });

  test('an article whose page cannot be written even as plain paragraphs is skipped, with an error naming it', () => {
    const base = article('Apple sales fell 11% in China.\n');
    const unwritable = { ...base, sentences: base.sentences.map((s) => ({ ...s, id: 'not an id' as SentenceId })), tree: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'sentence', id: 'not an id', children: [{ type: 'text', value: 'x' }] }] }] } as unknown as Root };
    expect(withCompilingPage(unwritable)).toEqual({
      article: null,
      diagnostics: [{ file: 'story.txt', severity: 'error', message: expect.stringMatching(/^skipped: its page does not compile as MDX \(it could not be written as MDX/) }],
    });
  });
});
