/**
 * Reading generated MDX back the way its consumers do, to prove that nothing from an article can
 * run: the front matter through Astro's own parser (js-yaml), the body through two MDX parsers
 * (remark-mdx, and Sätteri, the compiler Astro 7 uses), and the body compiled to JavaScript by
 * Sätteri and by @mdx-js/mdx, whose programs may only import the JSX runtime, export the
 * component, and call JSX factories.
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { compile } from '@mdx-js/mdx';
import { Parser } from 'acorn';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { mdxToJs, mdxToMdast } from 'satteri';
import { unified } from 'unified';
import type { Article } from '../../src/core/types.ts';

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);
/** Astro's MDX options (`@astrojs/mdx` defaults, smart punctuation off as in astro.config.mjs). */
const features = { gfm: true, smartPunctuation: false };

/** Elements the emitter writes; anything else in the MDX came from an article. */
export const EMITTED_ELEMENTS = new Set(['p', 'span', 'a']);

export interface MdxReading {
  frontmatter: Record<string, unknown>;
  /** Node types that run code or reference it: ESM, expressions, and JSX other than ours. */
  dangerous: string[];
  /** `span` sentence anchors in order: id and visible text. */
  spans: { id: string; text: string }[];
  /** All visible text, white space collapsed. */
  text: string;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Visible text as the sentence splitter counts it: a hard line break is a line break. */
function visible(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('value' in node && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  return 'children' in node ? node.children.map((child) => visible(child as Nodes)).join('') : '';
}

function read(tree: Root, frontmatter: Record<string, unknown>): MdxReading {
  const dangerous: string[] = [];
  const spans: MdxReading['spans'] = [];
  const stack: Nodes[] = [tree];
  const ordered: Nodes[] = [];
  for (let node = stack.pop(); node; node = stack.pop()) {
    ordered.push(node);
    if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      dangerous.push(`${node.type}: ${node.value}`);
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      if (!EMITTED_ELEMENTS.has(node.name ?? '')) dangerous.push(`<${node.name ?? ''}>`);
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') dangerous.push(`<${node.name} {expression}>`);
        else if (/^on/i.test(attribute.name) || (attribute.name === 'href' && !/^(https?:|mailto:|\/|#)/i.test(attribute.value))) {
          dangerous.push(`<${node.name} ${attribute.name}="${attribute.value}">`);
        }
      }
      const id = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
      if (node.name === 'span' && typeof id === 'string') spans.push({ id, text: visible(node) });
    }
    if (node.type === 'html') dangerous.push(`html: ${node.value}`);
    if ((node.type === 'link' || node.type === 'definition') && !/^(https?:|mailto:)/i.test(node.url)) dangerous.push(`link: ${node.url}`);
    if (node.type === 'image' || node.type === 'imageReference') dangerous.push(node.type);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return { frontmatter, dangerous, spans, text: collapse(visible(tree)) };
}

/** Front matter and body of generated MDX, as Astro's content loader splits them. */
export function splitMdx(mdx: string): { frontmatter: Record<string, unknown>; body: string } {
  const { frontmatter, content } = parseFrontmatter(mdx, { frontmatter: 'remove' });
  return { frontmatter: frontmatter as Record<string, unknown>, body: content };
}

/** The MDX read by remark-mdx and by Sätteri. */
export function readMdx(mdx: string): { remark: MdxReading; satteri: MdxReading } {
  const { frontmatter, body } = splitMdx(mdx);
  return {
    remark: read(remark.parse(body), frontmatter),
    satteri: read(mdxToMdast(body, { features } as never) as Root, frontmatter),
  };
}

const runtimes = new Set(['react/jsx-runtime', 'astro/jsx-runtime']);
const factories = new Set(['_jsx', '_jsxs', '_createMdxContent', '_missingMdxReference']);

/**
 * What a compiled MDX program does beyond rendering: imports other than the JSX runtime, exports
 * other than the component, and calls other than JSX factories. Empty means nothing runs.
 */
export function programEffects(js: string): string[] {
  const effects: string[] = [];
  const program = Parser.parse(js, { ecmaVersion: 'latest', sourceType: 'module' });
  const stack: unknown[] = [program];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const n = node as { type?: string; [key: string]: unknown };
    if (n.type === 'ImportDeclaration' && !runtimes.has(String((n.source as { value: unknown }).value))) effects.push(`import ${String((n.source as { value: unknown }).value)}`);
    if (n.type === 'ExportNamedDeclaration' || n.type === 'ExportAllDeclaration') effects.push('export');
    if (n.type === 'CallExpression') {
      const callee = n.callee as { type: string; name?: string; object?: { name?: string }; property?: { name?: string } };
      const name = callee.type === 'Identifier' ? callee.name : `${callee.object?.name}.${callee.property?.name}`;
      if (!factories.has(name ?? '') && name !== 'Object.assign') effects.push(`call ${name}`);
    }
    if (n.type === 'NewExpression' || n.type === 'ImportExpression' || n.type === 'TaggedTemplateExpression') effects.push(n.type);
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'start' && key !== 'end') stack.push(value);
  }
  return effects;
}

/** Compile the MDX body with Sätteri (as Astro does) and with @mdx-js/mdx; their programs' effects. */
export async function compiledEffects(mdx: string): Promise<{ satteri: string[]; mdxjs: string[] }> {
  const { body } = splitMdx(mdx);
  const satteri = mdxToJs(body, { features, jsxImportSource: 'astro', elementAttributeNameCase: 'html' } as never).code;
  const mdxjs = String(await compile(body));
  return { satteri: programEffects(satteri), mdxjs: programEffects(mdxjs) };
}

/** The article's visible text, white space collapsed, as the MDX should show it. */
export function articleText(article: Article): string {
  return collapse(visible(article.tree));
}
