/**
 * Stage 1, read: one article file's bytes → a RawDoc (mdast + the metadata the file carries), or
 * a diagnostic saying why the file cannot be an article. Pure: the caller does the disk I/O.
 */
import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { articleFrontMatterFields, articleMetaSchema, type ArticleMeta } from '../../config/schema.ts';
import type { ArticleFormat, Diagnostic, RawDoc } from '../../core/types.ts';
import { decodeArticle } from './decode.ts';
import { FrontMatterError, parseYamlData, splitFrontMatter } from './front-matter.ts';
import { HtmlDepthError, readHtml, readHtmlFragment } from './html.ts';
import { MarkdownLimitError, readMarkdown } from './markdown.ts';
import { readText } from './text.ts';

/** Larger files are refused: no news article is this long, and parsing one costs the whole build. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

const formats: Record<string, ArticleFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

export function formatOf(file: string): ArticleFormat | undefined {
  const dot = file.lastIndexOf('.');
  return dot < 0 ? undefined : formats[file.slice(dot).toLowerCase()];
}

export type ReadResult = { doc: RawDoc; diagnostics: Diagnostic[] } | { doc: null; diagnostics: Diagnostic[] };

const refuse = (file: string, message: string, line?: number): ReadResult => ({
  doc: null,
  diagnostics: [{ file, severity: 'error', message, ...(line === undefined ? {} : { line }) }],
});

function lineOfKey(yaml: string, key: string, firstLine: number): number | undefined {
  const index = yaml.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? undefined : firstLine + index;
}

/** zod's message for a union ("Invalid input") names no rule: use the first alternative's. */
function issueMessage(issue: { message: string; code?: string; errors?: { message: string }[][] } | undefined): string {
  if (!issue) return 'invalid';
  return issue.code === 'invalid_union' ? (issue.errors?.[0]?.[0]?.message ?? issue.message) : issue.message;
}

/**
 * Keep each valid known field; report each invalid one by name and line, and carry on. Unknown
 * keys (`layout`, `slug`, …) are dropped here, so they can never reach the generated MDX. A list
 * of one value (`lang: [en]`, as Hugo exports write it) is read as that value.
 */
function validateMeta(
  file: string,
  data: Record<string, unknown>,
  where: { label: string; yaml?: string; yamlLine?: number },
): { meta: ArticleMeta; warnings: Diagnostic[] } {
  const meta: Record<string, unknown> = {};
  const warnings: Diagnostic[] = [];
  for (const [key, schema] of Object.entries(articleFrontMatterFields)) {
    const raw = data[key];
    const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
    if (value === undefined || value === null || value === '') continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) meta[key] = parsed.data;
    else {
      const line = where.yaml === undefined ? undefined : lineOfKey(where.yaml, key, where.yamlLine ?? 1);
      warnings.push({
        file,
        field: key,
        severity: 'warning',
        message: `${where.label} \`${key}\`: ${issueMessage(parsed.error.issues[0] as never)}; ignored`,
        ...(line === undefined ? {} : { line }),
      });
    }
  }
  return { meta: articleMetaSchema.parse(meta), warnings };
}

/**
 * Limits on what later stages do per character, set far above any article (a 2 MiB file of
 * prose has about 20,000 sentences and a few dozen web addresses) and far below what makes one
 * file cost the build minutes: every sentence becomes a tag in the MDX, and backticks and web
 * addresses written as text become character references, which Astro's MDX compiler handles in
 * quadratic memory within a run of text (64 KiB of '`a' ran it out of memory).
 */
export const MAX_SENTENCE_MARKS = 30_000;
export const MAX_REFERENCES = 2_000;

const limits = [
  { pattern: /[.!?。！？]+/g, max: MAX_SENTENCE_MARKS, what: 'sentence endings (. ! ?)' },
  { pattern: /`|https?:\/\/|www\./gi, max: MAX_REFERENCES, what: 'backticks and web addresses written as text' },
];

/** The line where `text` goes over one of the limits, with what went over; undefined if none. */
function overLimit(text: string): { line: number; message: string } | undefined {
  for (const { pattern, max, what } of limits) {
    let count = 0;
    for (const match of text.matchAll(pattern)) {
      if (++count <= max) continue;
      const line = text.slice(0, match.index).split('\n').length;
      return { line, message: `more than ${max.toLocaleString('en')} ${what} by this line: no article has that many, and building them would take minutes` };
    }
  }
  return undefined;
}

/**
 * A Markdown article's opening `# Heading` is its title, as an HTML page's <h1> is: it becomes
 * the title when the front matter has none, and leaves the body when it is the title, so the
 * page does not show it twice. Returns the title found, if any.
 */
function takeTitleHeading(tree: Root, title: string | undefined): string | undefined {
  const first = tree.children[0];
  if (first?.type !== 'heading' || first.depth !== 1) return undefined;
  const text = toString(first).replace(/\s+/g, ' ').trim();
  if (text === '' || (title !== undefined && text !== title.replace(/\s+/g, ' ').trim())) return undefined;
  tree.children.shift();
  return text;
}

/**
 * Trees deeper than this overflow the stack of the recursive tree utilities downstream (cleaning,
 * mdast-util-to-string, MDX serialisation): a Markdown list nested 500 deep by indentation did.
 * Real articles are under 10 deep; 24 nested quotes or list markers on one line are about 50.
 */
export const MAX_TREE_DEPTH = 64;

/** The first node deeper than MAX_TREE_DEPTH, found without recursion; undefined if none. */
function tooDeep(tree: Root): { line?: number } | undefined {
  const stack: [Root | Root['children'][number], number][] = [[tree, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > MAX_TREE_DEPTH) return { line: node.position?.start.line };
    if ('children' in node) for (const child of node.children) stack.push([child as Root['children'][number], depth + 1]);
  }
  return undefined;
}

/** Replace each block of raw HTML in a Markdown tree by its readable content (see readHtmlFragment). */
function readHtmlBlocks(tree: Root): void {
  const stack: Root['children'][number][] = [...tree.children];
  tree.children = tree.children.flatMap((node) => (node.type === 'html' ? readHtmlFragment(node.value) : [node]));
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type !== 'blockquote' && node.type !== 'listItem' && node.type !== 'list') continue;
    if (node.type !== 'list') node.children = node.children.flatMap((child) => (child.type === 'html' ? (readHtmlFragment(child.value) as typeof node.children) : [child]));
    stack.push(...node.children);
  }
}

/**
 * A `.md` file's front matter is read by gray-matter, with every engine that could run code
 * replaced by one that refuses (setting an engine to `false` does not stop gray-matter's `eval`),
 * and only after `splitFrontMatter` has checked that the fence is YAML. Its YAML engine is ours:
 * data only, aliases bounded, errors with the file's line. `.txt` files never reach gray-matter.
 */
const refuseCode = () => {
  throw new FrontMatterError('front matter in JavaScript is not allowed, since it would run code: write it in YAML', 1);
};
function markdownFrontMatter(text: string, yamlLine: number): Record<string, unknown> {
  // gray-matter hands over the YAML with the newline after the opening fence: drop it so lines count from yamlLine.
  const yaml = (source: string) => parseYamlData(source.replace(/^\r?\n/, ''), yamlLine);
  const engines = { yaml, javascript: refuseCode, js: refuseCode, coffee: refuseCode, coffeescript: refuseCode };
  return matter(text, { engines } as Parameters<typeof matter>[1]).data as Record<string, unknown>;
}

/** Text a reader would see: a file of only markup (`***`, raw HTML, images) is not an article. */
function hasText(node: Root | Root['children'][number]): boolean {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value.trim() !== '';
  return 'children' in node && node.children.some((child) => hasText(child as Root['children'][number]));
}

export function readArticle(file: string, bytes: Uint8Array): ReadResult {
  const format = formatOf(file);
  if (!format) return refuse(file, 'unknown file type: articles are .txt, .md or .html files');
  if (bytes.byteLength > MAX_ARTICLE_BYTES) {
    return refuse(file, `file is ${(bytes.byteLength / 1048576).toFixed(1)} MiB, over the ${MAX_ARTICLE_BYTES / 1048576} MiB limit for one article`);
  }
  const decoded = decodeArticle(bytes);
  if (!decoded.ok) return refuse(file, decoded.reason);
  const warnings: Diagnostic[] = decoded.warning ? [{ file, severity: 'warning', message: decoded.warning }] : [];
  const text = decoded.text;
  if (text.trim() === '') return refuse(file, 'file is empty');
  // A saved page is measured by the text read from it, not its markup: a page's menus alone may
  // hold thousands of web addresses that never reach the article.
  const over = format === 'html' ? undefined : overLimit(text);
  if (over) return refuse(file, over.message, over.line);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);

  try {
    let doc: RawDoc;
    if (format === 'html') {
      const { tree, meta } = readHtml(text);
      const overRead = overLimit(toString(tree));
      if (overRead) return refuse(file, overRead.message.replace(/ by this line/, ''));
      const checked = validateMeta(file, meta, { label: 'page metadata' });
      doc = { file, format, hash, tree, meta: checked.meta, warnings: [...warnings, ...checked.warnings] };
    } else {
      // Markdown, or a text file that opens with front matter: a blog export, which is Markdown.
      const frontMatter = splitFrontMatter(text);
      if (format === 'markdown' || frontMatter) {
        const data = !frontMatter ? {} : format === 'markdown' ? markdownFrontMatter(text, frontMatter.yamlLine) : parseYamlData(frontMatter.yaml, frontMatter.yamlLine);
        const checked = validateMeta(file, data, { label: 'front matter', yaml: frontMatter?.yaml ?? '', yamlLine: frontMatter?.yamlLine ?? 1 });
        const tree = frontMatter ? readMarkdown(frontMatter.body, frontMatter.bodyLine) : readMarkdown(text);
        readHtmlBlocks(tree);
        const heading = takeTitleHeading(tree, checked.meta.title);
        if (heading !== undefined) checked.meta.title = heading;
        doc = { file, format: 'markdown', hash, tree, meta: checked.meta, warnings: [...warnings, ...checked.warnings] };
      } else {
        const { tree, titleLine } = readText(text);
        doc = { file, format, hash, tree, meta: {}, warnings };
        if (titleLine !== undefined) doc.titleLine = titleLine;
      }
    }
    const deep = tooDeep(doc.tree);
    if (deep) return refuse(file, `nested more than ${MAX_TREE_DEPTH} levels deep (lists, quotes or elements inside each other): flatten it`, deep.line);
    if (!hasText(doc.tree)) return refuse(file, 'file has no article text (only markup, images or scripts)');
    return { doc, diagnostics: [] };
  } catch (error) {
    if (error instanceof FrontMatterError || error instanceof MarkdownLimitError) return refuse(file, error.message, error.line);
    if (error instanceof RangeError || error instanceof HtmlDepthError) return refuse(file, `too deeply nested to parse (${error.message})`);
    return refuse(file, `could not be read: ${(error as Error).message}`);
  }
}
