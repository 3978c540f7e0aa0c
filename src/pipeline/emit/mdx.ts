/**
 * Article → MDX, by serialising the article's tree with remark-stringify + remark-mdx: article
 * text is escaped as text (`{`, `<`, and a line starting `import`/`export`, which MDX would run
 * as code), never pasted into a template. Sentences become `<span id>` anchors, and figures
 * inside them become links to their fact on a topic page.
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Handle, State, Unsafe } from 'mdast-util-to-markdown';
import type { MdxJsxAttribute, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified, type Preset } from 'unified';
import { stringify as stringifyYaml } from 'yaml';
import type { SentenceNode } from '../clean/sentence-node.ts';
import type { Article } from '../../core/types.ts';

/** MDX treats a paragraph that starts with `import` or `export` as JavaScript: escape the letter. */
export const escapeEsm: Preset = {
  settings: {
    unsafe: [
      { character: 'i', atBreak: true, after: 'mport\\b' },
      { character: 'e', atBreak: true, after: 'xport\\b' },
      // Never let a GFM autolink literal start ("http://…", "www.…"): see `text` below.
      { character: ':', before: '[Hh][Tt][Tt][Pp][Ss]?', after: '\\/\\/' },
      { character: '.', before: '[Ww]{3}' },
    ],
  },
};

/**
 * A paragraph as an explicit `<p>` on the line it starts: MDX reads a line that starts with a
 * tag (our sentence spans) as a block of JSX and would drop the paragraph. The content is still
 * serialised as phrasing, so everything MDX could run stays escaped.
 */
const paragraph: Handle = (node, _parent, state, info) => {
  const exit = state.enter('paragraph');
  const phrasing = state.enter('phrasing');
  const value = state.containerPhrasing(node as Paragraph, { ...info, before: '\n', after: '\n' });
  phrasing();
  exit();
  return `<p>${value}</p>`;
};

/**
 * Characters that Astro's MDX compiler does not read the way remark escapes them, written as
 * character references, which are text to every parser: a backslash before a backtick may still
 * open a code span there, and a GFM autolink literal ("http://", "www.") runs over the escapes
 * after it. Escape pairs are consumed whole, so an escaped backslash stays a backslash.
 * An underscore is always escaped: remark leaves intraword ones ("a_b") bare, and Astro's MDX
 * compiler takes quadratic time over a run of them ("a_b_a_b_…": 256 KiB took 15 s).
 */
const references: Record<string, string> = { '`': '&#x60;', '\\`': '&#x60;', '\\:': '&#x3a;', '\\.': '&#x2e;', _: '\\_' };
const text: Handle = (node, _parent, state, info) =>
  safeText(state, (node as Text).value, info).replace(/\\[\s\S]|[`_]/g, (match) => references[match] ?? match);

/** The escaping patterns of one serialiser, by the character each may escape. */
const patternsByCharacter = new WeakMap<Unsafe[], Map<string, Unsafe[]>>();

/**
 * `state.safe`, given only the patterns whose character occurs in `value`. `safe` runs every
 * pattern (about sixty regular expressions) over each text, yet a pattern only ever escapes its
 * own character: one whose character is absent finds nothing inside the text, and what it finds
 * in the characters around it is never written. Same output; it was most of the pipeline's time
 * (16 of 55 s at 5,000 articles went to serialising MDX, two thirds of it in `safe`).
 */
function safeText(state: State, value: string, info: Parameters<Handle>[3]): string {
  const all = state.unsafe;
  let byCharacter = patternsByCharacter.get(all);
  if (!byCharacter) {
    byCharacter = new Map();
    for (const pattern of all) byCharacter.set(pattern.character, [...(byCharacter.get(pattern.character) ?? []), pattern]);
    patternsByCharacter.set(all, byCharacter);
  }
  const present: Unsafe[] = [];
  for (const [character, patterns] of byCharacter) if (value.includes(character)) present.push(...patterns);
  state.unsafe = present;
  try {
    return state.safe(value, info);
  } finally {
    state.unsafe = all;
  }
}

/** The id of a sentence, from its text's hash: nothing in it needs quoting in an attribute. */
const sentenceId = /^s-[0-9a-z]+(?:-\d+)?$/;

/**
 * A sentence as `<span id class="s">`, written here rather than by mdast-util-mdx-jsx so that a
 * sentence glued to the one before it (Chinese text, "a!b!") can break its line inside the tag:
 * Astro's MDX compiler takes quadratic time in the number of tags on one line (8,000 sentence
 * spans on a line took over a second; one a line, 60 ms), and a break inside a tag is no white
 * space on the page. The content is phrasing like any other, so it stays escaped.
 */
const sentence: Handle = Object.assign(
  (node: SentenceNode, _parent: unknown, state: Parameters<Handle>[2], info: Parameters<Handle>[3]) => {
    const { id, data } = node;
    if (!sentenceId.test(id)) throw new Error(`not a sentence id: ${JSON.stringify(id)}`);
    const exit = state.enter('phrasing');
    const value = state.containerPhrasing(node as never, { ...info, before: '>', after: '<' });
    exit();
    return `<span${data?.lineBreak ? '\n' : ' '}id="${id}" class="s">${value}</span>`;
  },
  { peek: () => '<' },
) as Handle;

// GFM, because the Markdown reader keeps tables, strikethrough and task lists, and without it
// the serialiser threw on them ("Cannot handle unknown node `table`"), failing the build.
const serialiser = unified()
  .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-', handlers: { paragraph, text, sentence } as never })
  .use(remarkGfm)
  .use(remarkMdx)
  .use(escapeEsm)
  .freeze();

/** A figure to mark inside a sentence: its text as written and where it links. */
export interface FigureMark {
  text: string;
  href: string;
  title: string;
}

function jsx(name: string, attributes: Record<string, string>, children: PhrasingContent[]): MdxJsxTextElement {
  return {
    type: 'mdxJsxTextElement',
    name,
    attributes: Object.entries(attributes).map(([key, value]): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name: key, value })),
    children: children as MdxJsxTextElement['children'],
  };
}

/** Wrap the first occurrence of each mark's text, inside text nodes only (never inside a link). */
function markFigures(children: PhrasingContent[], marks: FigureMark[]): PhrasingContent[] {
  let nodes = children;
  for (const mark of marks) {
    const next: PhrasingContent[] = [];
    let done = false;
    for (const node of nodes) {
      const at = !done && node.type === 'text' ? node.value.indexOf(mark.text) : -1;
      if (node.type !== 'text' || at < 0) {
        next.push(node);
        continue;
      }
      const before = node.value.slice(0, at);
      const after = node.value.slice(at + mark.text.length);
      if (before) next.push({ type: 'text', value: before });
      next.push(jsx('a', { class: 'figure', href: mark.href, title: mark.title }, [{ type: 'text', value: mark.text }]));
      if (after) next.push({ type: 'text', value: after });
      done = true;
    }
    nodes = next;
  }
  return nodes;
}

/**
 * Figures in sentences become links to their fact. In a paragraph, each sentence starts a new
 * line of the MDX (see `sentence`): the space between two sentences is written as a line break,
 * the same white space to HTML, and a sentence with no space before it breaks inside its tag
 * (except in a block quote, where Astro's MDX compiler misreads a tag broken across `> ` lines).
 */
function prepare<T extends Root | RootContent | PhrasingContent>(node: T, marks: Map<string, FigureMark[]>, inQuote = false): T {
  if (!('children' in node)) return node;
  const children = node.children as (RootContent | PhrasingContent)[];
  const lines = node.type === 'paragraph';
  return {
    ...node,
    children: children.map((child, index) => {
      const previous = children[index - 1];
      if (child.type === 'sentence') {
        const marked: SentenceNode = { ...child, children: markFigures(child.children, marks.get(child.id) ?? []) };
        if (lines && !inQuote && previous?.type === 'sentence') marked.data = { lineBreak: true };
        return marked;
      }
      if (lines && child.type === 'text' && child.value === ' ' && previous?.type === 'sentence' && children[index + 1]?.type === 'sentence') {
        return { type: 'text', value: '\n' };
      }
      return prepare(child, marks, inQuote || node.type === 'blockquote');
    }),
  };
}

/** Front matter: only these keys, so no key such as `layout:` can turn into an import. */
export interface ArticleFrontMatter {
  title: string;
  slug: string;
  file: string;
  date: string | null;
  source: string | null;
  url: string | null;
  lang: string;
}

export function articleToMdx(article: Article, marks: Map<string, FigureMark[]> = new Map()): string {
  // A copy of each node on the way: the article's own tree is never changed.
  const tree = prepare(article.tree, marks);
  const frontMatter: ArticleFrontMatter = {
    title: article.title,
    slug: article.slug,
    file: article.file,
    date: article.date,
    source: article.source,
    url: article.url,
    lang: article.lang,
  };
  return `---\n${stringifyYaml(frontMatter, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}---\n\n${serialiser.stringify(tree)}`;
}

/** A topic's introduction (the Markdown body of its topic file) as MDX, escaped like an article. */
export function introToMdx(intro: Root): string {
  return serialiser.stringify(structuredClone(intro));
}
