/**
 * Every article page is compiled before the site is built, by the compiler and with the options
 * Astro builds it with (Sätteri's `mdxToJs`: GFM on, smart punctuation off, Astro's JSX, static
 * content optimised; see astro.config.mjs), so that one article whose page cannot compile is
 * reported and skipped instead of failing the whole build in Vite, after the pipeline.
 *
 * The check runs where an article is cleaned, per article: in the worker threads that fill the
 * cache, and its outcome is kept in the article's cache entry (keyed by a digest of the file),
 * so a rebuild compiles only new and changed articles. About a millisecond per 10 KiB of page
 * (README, "Saved web pages").
 *
 * The front matter is not compiled: it is written from an allow-list of fields, every value a
 * double-quoted YAML string (`articleToMdx`).
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { mdxToJs } from 'satteri';
import type { Article, Diagnostic, Sentence } from '../../core/types.ts';
import { articleToMdx } from './mdx.ts';

/** As astro.config.mjs compiles MDX: `mdx({ optimize: true })` on the Sätteri processor. */
const SITE_COMPILER = {
  features: { gfm: true, smartPunctuation: false },
  jsxImportSource: 'astro',
  elementAttributeNameCase: 'html',
  optimizeStatic: { component: 'Fragment', prop: 'set:html' },
} as const;

export interface PageProblem {
  message: string;
  /** The line of the generated page, when the compiler names it. */
  line?: number;
}

/** Why `mdx` does not compile, or undefined when it does. */
export function compileProblem(mdx: string): PageProblem | undefined {
  try {
    mdxToJs(mdx, SITE_COMPILER as never);
    return undefined;
  } catch (error) {
    const message = (error as Error).message.replace(/\s+/g, ' ').trim();
    const at = /^(\d+):\d+: /.exec(message);
    return at ? { message: message.slice(at[0].length), line: Number(at[1]) } : { message };
  }
}

/** An article's sentences, each block a paragraph: what is left of a page whose structure cannot be written. */
export function plainParagraphs(sentences: readonly Sentence[]): Root {
  const blocks = new Map<number, Sentence[]>();
  for (const sentence of sentences) blocks.set(sentence.block, [...(blocks.get(sentence.block) ?? []), sentence]);
  return {
    type: 'root',
    children: [...blocks.values()].map((inBlock): Paragraph => ({
      type: 'paragraph',
      children: inBlock.flatMap((s, i): PhrasingContent[] => [...(i > 0 ? [{ type: 'text' as const, value: ' ' }] : []), { type: 'sentence', id: s.id, children: [{ type: 'text', value: s.text }] }]),
    })),
  };
}

/** Why the article's page does not compile (or cannot be written), or undefined when it compiles. */
function pageProblem(article: Article): PageProblem | undefined {
  let mdx: string;
  try {
    mdx = articleToMdx(article);
  } catch (error) {
    return { message: `it could not be written as MDX (${(error as Error).message})` };
  }
  return compileProblem(mdx);
}

const describe = (problem: PageProblem) => `${problem.line === undefined ? '' : `line ${problem.line} of its page: `}${problem.message}`;

/**
 * The article with a page that compiles: as it is; else with its sentences as plain paragraphs
 * (its structure is lost, its text and sentence links are not), with a warning; else null, with
 * an error: the article is skipped.
 */
export function withCompilingPage<T extends Article>(article: T): { article: T | null; diagnostics: Diagnostic[] } {
  const problem = pageProblem(article);
  if (!problem) return { article, diagnostics: [] };
  const plain = { ...article, tree: plainParagraphs(article.sentences) };
  const plainProblem = pageProblem(plain);
  if (!plainProblem) {
    return { article: plain, diagnostics: [{ file: article.file, severity: 'warning', message: `shown as plain paragraphs: its page did not compile as MDX (${describe(problem)})` }] };
  }
  return { article: null, diagnostics: [{ file: article.file, severity: 'error', message: `skipped: its page does not compile as MDX (${describe(plainProblem)})` }] };
}
