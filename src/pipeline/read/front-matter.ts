/**
 * YAML front matter, parsed as data only. The `yaml` package never builds functions or classes
 * from tags, and `maxAliasCount` stops "billion laughs" alias bombs before they expand.
 */
import { parse, YAMLParseError } from 'yaml';

export class FrontMatterError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/** Parse a YAML mapping; `lineOffset` is the line of the first YAML line in the file. */
export function parseYamlData(source: string, lineOffset = 1): Record<string, unknown> {
  let data: unknown;
  try {
    data = parse(source, { maxAliasCount: 100, prettyErrors: false, uniqueKeys: false, schema: 'core' });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      throw new FrontMatterError(
        `front matter is not valid YAML: ${error.message.split('\n')[0]}`,
        line === undefined ? undefined : line + lineOffset - 1,
      );
    }
    throw new FrontMatterError(`front matter could not be read: ${(error as Error).message}`, lineOffset);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('front matter must be a mapping of `key: value` lines', lineOffset);
  }
  return data as Record<string, unknown>;
}

const fence = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Split `---` front matter from a text file without gray-matter (which may `eval`). */
export function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | null {
  const match = fence.exec(text);
  if (!match) return null;
  const yaml = match[1] ?? '';
  return { yaml, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}
