/**
 * Stage 1, read: one article file's bytes → a RawDoc (mdast + the metadata the file carries), or
 * a diagnostic saying why the file cannot be an article. Pure: the caller does the disk I/O.
 */
import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import { articleFrontMatterFields, articleMetaSchema, type ArticleMeta } from '../../config/schema.ts';
import type { ArticleFormat, Diagnostic, RawDoc } from '../types.ts';
import { decodeArticle } from './decode.ts';
import { FrontMatterError, parseYamlData, splitFrontMatter } from './front-matter.ts';
import { readHtml } from './html.ts';
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

/** gray-matter `eval`s `---js` front matter unless its engines are replaced: these refuse. */
const noCode = () => {
  throw new FrontMatterError('front matter in JavaScript is not allowed (it would run code): use YAML', 1);
};
const grayMatterOptions = {
  engines: {
    yaml: (source: string) => parseYamlData(source, 2),
    javascript: noCode,
    js: noCode,
    coffee: noCode,
    coffeescript: noCode,
    json: (source: string) => parseYamlData(source, 2),
  },
} as unknown as matter.GrayMatterOption<string, never>;

function lineOfKey(yaml: string, key: string, firstLine: number): number | undefined {
  const index = yaml.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? undefined : firstLine + index;
}

/** Keep each valid known field; report each invalid one by name and line, and carry on. */
function validateFrontMatter(file: string, data: Record<string, unknown>, yaml: string): { meta: ArticleMeta; warnings: Diagnostic[] } {
  const meta: Record<string, unknown> = {};
  const warnings: Diagnostic[] = [];
  for (const [key, schema] of Object.entries(articleFrontMatterFields)) {
    if (data[key] === undefined || data[key] === null || data[key] === '') continue;
    const parsed = schema.safeParse(data[key]);
    if (parsed.success) meta[key] = parsed.data;
    else {
      const line = lineOfKey(yaml, key, 2);
      warnings.push({
        file,
        field: key,
        severity: 'warning',
        message: `front matter \`${key}\`: ${parsed.error.issues[0]?.message ?? 'invalid'}; ignored`,
        ...(line === undefined ? {} : { line }),
      });
    }
  }
  return { meta: articleMetaSchema.parse(meta), warnings };
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
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);

  try {
    if (format === 'html') {
      const { tree, meta } = readHtml(text);
      const checked = validateFrontMatter(file, meta, '');
      return { doc: { file, format, hash, tree, meta: checked.meta, warnings: [...warnings, ...checked.warnings] }, diagnostics: [] };
    }
    if (format === 'markdown') {
      const parsed = matter(text, grayMatterOptions);
      const bodyLine = text.slice(0, text.length - parsed.content.length).split('\n').length;
      const checked = validateFrontMatter(file, parsed.data as Record<string, unknown>, parsed.matter);
      const tree = readMarkdown(parsed.content, bodyLine);
      return { doc: { file, format, hash, tree, meta: checked.meta, warnings: [...warnings, ...checked.warnings] }, diagnostics: [] };
    }
    // Plain text; but a text file that opens with YAML front matter is a blog export in Markdown.
    const split = splitFrontMatter(text);
    if (split) {
      const data = parseYamlData(split.yaml, 2);
      const checked = validateFrontMatter(file, data, split.yaml);
      const tree = readMarkdown(split.body, split.bodyLine);
      return { doc: { file, format: 'markdown', hash, tree, meta: checked.meta, warnings: [...warnings, ...checked.warnings] }, diagnostics: [] };
    }
    const { tree, titleLine } = readText(text);
    if (tree.children.length === 0) return refuse(file, 'file has a title line but no article text');
    const doc: RawDoc = { file, format, hash, tree, meta: {}, warnings };
    if (titleLine !== undefined) doc.titleLine = titleLine;
    return { doc, diagnostics: [] };
  } catch (error) {
    if (error instanceof FrontMatterError || error instanceof MarkdownLimitError) return refuse(file, error.message, error.line);
    if (error instanceof RangeError) return refuse(file, `too deeply nested to parse (${error.message})`);
    return refuse(file, `could not be read: ${(error as Error).message}`);
  }
}
