/**
 * One formatter for every configuration error: a zod issue (or a syntax error) becomes one line
 * naming the file, the line and column, the field, and what to do — "unknown field
 * `match.treshold`: did you mean `threshold`?" (Starlight's config errors are the model).
 *
 * It is driven by the schema itself: the fields it suggests are the keys the schema has at the
 * issue's path, so a field added to a schema is suggested without a change here. Lines and
 * columns come from the `yaml` package's parse of the source, which reads JSON as well (JSON is
 * YAML), so a topic's front matter and `site.json` are located the same way.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';

export interface ConfigProblem {
  /** The file as the user knows it: relative to the project when it is inside it. */
  file: string;
  /** 1-based, where known. */
  line?: number;
  column?: number;
  /** The field's path, `match.threshold` or `charts[0].id`. */
  field?: string;
  /** What is wrong and what to do. */
  message: string;
}

/** `file:line:column: message`, the shape editors and terminals turn into a link. */
export function formatProblem(p: ConfigProblem): string {
  return `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}: ${p.message}`;
}

type Path = readonly PropertyKey[];
interface Position {
  line: number;
  column: number;
}

/**
 * Where the values of a YAML or JSON source are. `firstLine` is the file line of the source's
 * first line (front matter starts on line 2). A source the `yaml` package cannot read gives no
 * positions, never an error: the problem is still reported, without its line.
 */
export class SourcePositions {
  readonly #root: Node | null;
  readonly #lines = new LineCounter();
  readonly #firstLine: number;

  constructor(source: string, firstLine = 1) {
    this.#firstLine = firstLine;
    let root: Node | null = null;
    try {
      const doc = parseDocument(source, { lineCounter: this.#lines, uniqueKeys: false, logLevel: 'silent' });
      root = doc.errors.length === 0 ? (doc.contents as Node | null) : null;
    } catch {
      root = null;
    }
    this.#root = root;
  }

  /** The value at `path`, or its key when `key` is set; the nearest enclosing value when it is missing. */
  at(path: Path, key = false): Position | undefined {
    let node: Node | null = this.#root;
    let keyNode: Node | null = null;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = (pair.value as Node | null) ?? keyNode;
      } else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
        keyNode = null;
        node = node.items[step] as Node;
      } else break;
    }
    const target = key && keyNode ? keyNode : node;
    if (!target?.range) return undefined;
    const { line, col } = this.#lines.linePos(target.range[0]);
    return { line: line + this.#firstLine - 1, column: col };
  }
}

/** A schema without the wrappers that do not change its shape: defaults, optional, nullable, pipes. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    const inner = def.innerType ?? def.in;
    if (!inner) return current;
    current = inner;
  }
}

/** The schema of the value at `path`, or undefined where the path leaves the schema. */
export function schemaAt(schema: z.core.$ZodType, path: Path): z.core.$ZodType | undefined {
  let current: z.core.$ZodType | undefined = unwrap(schema);
  for (const step of path) {
    if (current instanceof z.ZodObject) current = current.shape[String(step)] as z.core.$ZodType | undefined;
    else if (current instanceof z.ZodArray) current = current.element as z.core.$ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.core.$ZodType;
    else return undefined;
    if (!current) return undefined;
    current = unwrap(current);
  }
  return current;
}

/** The fields the schema allows at `path` (an object's keys), in the schema's order. */
export function fieldsAt(schema: z.core.$ZodType, path: Path): string[] {
  const at = schemaAt(schema, path);
  return at instanceof z.ZodObject ? Object.keys(at.shape) : [];
}

/**
 * Optimal string alignment distance (Levenshtein with transpositions, so `treshold` is one edit
 * from `threshold` and `tilte` one from `title`). Hand-written: it is a dozen lines over words of
 * a few letters, not worth a dependency.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The one candidate close enough to `word` to be what was meant (a third of its letters may differ), if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const allowed = Math.max(1, Math.floor(word.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  let tie = false;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance > allowed) continue;
    if (!best || distance < best.distance) [best, tie] = [{ candidate, distance }, false];
    else if (distance === best.distance) tie = true;
  }
  return best && !tie ? best.candidate : undefined;
}

const code = (text: PropertyKey) => `\`${String(text)}\``;
const list = (items: readonly PropertyKey[], last = 'or') =>
  items.length <= 1 ? items.map(code).join('') : `${items.slice(0, -1).map(code).join(', ')} ${last} ${code(items.at(-1)!)}`;
/** A field's path as code reads it: `match.threshold`, `charts[0].periods[1]`, `[5].type`. */
const dotted = (path: Path) => path.map((step, i) => (typeof step === 'number' ? `[${step}]` : `${i > 0 ? '.' : ''}${String(step)}`)).join('');

/** What a value is, in the words of a schema's `expected`: `string`, `number`, `array`… */
function kindOf(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  return typeof value;
}
const article = (kind: string) => (kind === 'array' ? 'a list' : kind === 'object' ? 'a group of fields' : kind === 'undefined' ? 'nothing' : /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[step as string];
  }
  return value;
}

/** How the user writes a field in this file's language: `key: …` in YAML, `"key": …` in JSON. */
export type Syntax = 'yaml' | 'json';
const fieldExample = (key: string, syntax: Syntax) => (syntax === 'json' ? `\`"${key}": …\`` : `\`${key}: …\``);

/** The fix for a value of the wrong type, where there is an obvious one. */
function typeFix(expected: string, value: unknown, syntax: Syntax): string {
  const got = kindOf(value);
  if (expected === 'number' && got === 'string' && String(value).trim() !== '' && Number.isFinite(Number(value))) return ': write it without quotes';
  if (expected === 'string' && (got === 'number' || got === 'boolean')) return `: put it in quotes, ${code(`"${String(value)}"`)}`;
  if (expected === 'array' && got === 'string') return `: write a list, ${syntax === 'json' ? code(`[${JSON.stringify(value)}]`) : code(`[${String(value)}]`)}`;
  return '';
}

/** One issue as one problem: the field, what is wrong, and what to do. */
function describe(issue: z.core.$ZodIssue, schema: z.core.$ZodType, data: unknown, syntax: Syntax): { path: Path; key: boolean; message: string } {
  const path = issue.path;
  const field = dotted(path);
  const name = code(field || 'the file');
  switch (issue.code) {
    case 'unrecognized_keys': {
      // One problem per key (the caller splits them); each is located at its key.
      const key = issue.keys[0]!;
      const full = code(dotted([...path, key]));
      const allowed = fieldsAt(schema, path);
      const meant = closest(key, allowed);
      const message = meant
        ? `unknown field ${full}: did you mean ${code(meant)}?`
        : `unknown field ${full}: remove it${allowed.length > 0 ? `, or use ${allowed.length === 1 ? '' : 'one of '}${list(allowed)}` : ''}`;
      return { path: [...path, key], key: true, message };
    }
    case 'invalid_type': {
      const value = valueAt(data, path);
      if (value === undefined) {
        const key = String(path.at(-1) ?? '');
        const under = path.length > 1 ? ` under ${code(dotted(path.slice(0, -1)))}` : '';
        return { path: path.slice(0, -1), key: false, message: `${name} is missing: add ${fieldExample(key, syntax)}${under}` };
      }
      return { path, key: false, message: `${name} must be ${article(issue.expected)}, not ${article(kindOf(value))}${typeFix(issue.expected, value, syntax)}` };
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const value = valueAt(data, path);
      const meant = typeof value === 'string' ? closest(value, allowed) : undefined;
      return { path, key: false, message: `${name} must be ${list(allowed)}, not ${code(String(value))}${meant ? `: did you mean ${code(meant)}?` : ''}` };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      const what =
        issue.origin === 'array' ? (min === 1 ? 'is empty: list at least one value' : `needs at least ${min} values`)
        : issue.origin === 'string' ? (min === 1 ? 'is empty: write a value' : `needs at least ${min} characters`)
        : `must be at least ${min}`;
      return { path, key: false, message: `${name} ${what}` };
    }
    case 'custom':
      // A check across fields (the gazetteer's clashes) words its whole message itself.
      if ((issue.params as { sentence?: boolean } | undefined)?.sentence) return { path, key: false, message: issue.message };
      return { path, key: false, message: `${name}: ${issue.message}` };
    default:
      // A message the schema wrote itself ("use lowercase letters, digits and dashes"), or zod's.
      return { path, key: false, message: `${name}: ${issue.message}` };
  }
}

/**
 * Every issue of a failed parse as a problem with its file, line and column. `data` is what was
 * parsed (to say what a wrong value is); `source` locates the fields.
 */
export function configProblems(error: z.ZodError, options: { schema: z.core.$ZodType; data: unknown; file: string; source?: SourcePositions; syntax: Syntax }): ConfigProblem[] {
  const { schema, data, file, source, syntax } = options;
  const issues = error.issues.flatMap((issue): z.core.$ZodIssue[] => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue]));
  const problems = issues.map((issue): ConfigProblem => {
    const { path, key, message } = describe(issue, schema, data, syntax);
    const at = source?.at(path, key);
    const field = dotted(issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys] : issue.path) || undefined;
    return { file, ...(at ? { line: at.line, column: at.column } : {}), ...(field ? { field } : {}), message };
  });
  // In the order of the file, as an editor lists them (zod's order is the schema's); stable.
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * JSON that does not parse, as a problem at the place to fix, with the fix for the mistakes a
 * hand-edited file has: a comma after the last item, a missing comma, single quotes, comments.
 * jsonc-parser (VS Code's) says where and what; V8's messages say neither reliably.
 */
export function jsonSyntaxProblem(text: string, file: string): ConfigProblem {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return { file, message: 'not valid JSON' };
  const code = printParseErrorCode(first.error);
  const char = text[first.offset];
  const before = text.slice(0, first.offset).trimEnd();
  let at = first.offset;
  let fix: string;
  if ((char === '}' || char === ']') && before.endsWith(',')) {
    at = before.length - 1;
    fix = 'a comma after the last item: remove it (JSON allows none)';
  } else if (first.offset >= text.trimEnd().length) fix = 'the file ends too early: close every `{` and `[`';
  else if (code === 'InvalidCommentToken') fix = 'a comment: remove it (JSON has no comments)';
  else if (char === "'") fix = 'text in single quotes: use double quotes (`"`)';
  else if (code === 'CommaExpected') fix = 'a missing comma: add `,` before this item';
  else if (char !== undefined && /[A-Za-z_$]/.test(char) && /[{,]$/.test(before)) fix = 'a name without quotes: put it in double quotes';
  else fix = `${code.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`).trim()} here`;
  const lines = text.slice(0, at).split('\n');
  return { file, line: lines.length, column: lines.at(-1)!.length + 1, message: `not valid JSON: ${fix}` };
}
