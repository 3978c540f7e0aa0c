/**
 * Front matter, read as data only. The opening fence decides the language: only YAML (and JSON,
 * which is YAML) is read, since a `---js` fence is JavaScript that gray-matter would `eval`. The
 * `yaml` package never builds functions or classes from tags, and `maxAliasCount` stops "billion
 * laughs" alias bombs before they expand.
 */
import { parse, YAMLParseError } from 'yaml';

export class FrontMatterError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/** Line (1-based) of character `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Parse a YAML mapping; `lineOffset` is the file line of the source's first line. */
export function parseYamlData(source: string, lineOffset = 1): Record<string, unknown> {
  let data: unknown;
  try {
    // `logLevel: 'error'`: an unknown tag (`!!js/function`) stays a plain value, without the
    // yaml package printing a process warning into the build's output.
    data = parse(source, { maxAliasCount: 100, prettyErrors: false, uniqueKeys: false, schema: 'core', logLevel: 'error' });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      // Without `prettyErrors` the error has no line, only offsets: count the lines ourselves.
      const line = lineAt(source, error.pos[0]) + lineOffset - 1;
      throw new FrontMatterError(`front matter is not valid YAML: ${error.message.split('\n')[0]}`, line);
    }
    if (/alias/i.test((error as Error).message)) {
      throw new FrontMatterError('front matter uses too many YAML aliases (`*name`), which could expand without bound: write the values out', lineOffset);
    }
    throw new FrontMatterError(`front matter could not be read: ${(error as Error).message}`, lineOffset);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('front matter must be a mapping of `key: value` lines', lineOffset);
  }
  return data as Record<string, unknown>;
}

export interface FrontMatter {
  yaml: string;
  /** File line of the first YAML line (the line after the opening `---`). */
  yamlLine: number;
  body: string;
  /** File line of the first body line. */
  bodyLine: number;
}

/** `---` alone, or `---yaml`, `---js`…: a fence naming its language. `----` is a thematic break. */
const opening = /^---[ \t]*([A-Za-z][\w-]*)?[ \t]*(?:\n|$)/;
const closing = /^(?:---|\.\.\.)[ \t]*$/;
const yamlLanguages = new Set(['', 'yaml', 'yml', 'json']);

/**
 * Split front matter from an article's text, or return null when there is none. Throws a
 * FrontMatterError (with the line) for front matter in another language and for an opening fence
 * followed by `key:` lines that is never closed, so the YAML is never shown as article text.
 */
export function splitFrontMatter(text: string): FrontMatter | null {
  const open = opening.exec(text);
  if (!open) return null;
  const language = (open[1] ?? '').toLowerCase();
  if (!yamlLanguages.has(language)) {
    throw new FrontMatterError(`front matter in \`${open[1]}\` is not allowed, since JavaScript and other languages could run code: write it in YAML between two \`---\` lines`, 1);
  }
  const lines = text.slice(open[0].length).split('\n');
  const end = lines.findIndex((line) => closing.test(line));
  if (end < 0) {
    if (language === '' && !/^[\w-]+:/.test(lines[0] ?? '')) return null;
    throw new FrontMatterError('front matter opened on line 1 is never closed: add a line `---` after it', 1);
  }
  return {
    yaml: lines.slice(0, end).join('\n'),
    yamlLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 3,
  };
}
