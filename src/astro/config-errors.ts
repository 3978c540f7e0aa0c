/**
 * Mistakes in the configuration stop a build and, in `astro dev`, show over every page in Astro's
 * error overlay until they are fixed — naming the file, the line, the field and the fix.
 *
 * The errors carry no stack: the stack would be the integration's, which says nothing about a
 * typo in a topic file, and Astro prints a stack only for an error that has one.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblem, type ConfigProblem } from '../config/issues.ts';
import { generatedDir } from '../config/paths.ts';

/** In the generated folder while `astro dev` runs on a configuration with mistakes. */
export const CONFIG_ERRORS_FILE = 'config-errors.json';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** An error Astro prints as its message alone: `[name] message`, no stack trace. */
export function stacklessError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  const error = Object.assign(new Error(message), { name, type: 'AstroUserError', ...extra });
  error.stack = '';
  return error;
}

/**
 * The error that stops a build on configuration mistakes, listing every one. For the overlay
 * (`root` given) it carries the first mistake's place, so the overlay shows that line of the file.
 */
export function configError(problems: ConfigProblem[], root?: string): Error {
  const first = problems[0];
  const loc = root && first?.line ? { loc: { file: resolve(root, first.file), line: first.line, column: first.column ?? 1 } } : {};
  return stacklessError('config', `${plural(problems.length, 'mistake', 'mistakes')} in the configuration:\n${problems.map(formatProblem).join('\n')}`, loc);
}

/** `astro dev`: record the mistakes for the overlay (`onRequest` below), or clear them. */
export function recordForOverlay(root: string, problems: ConfigProblem[]): void {
  const file = join(generatedDir(root), CONFIG_ERRORS_FILE);
  if (problems.length > 0) writeFileSync(file, `${JSON.stringify(problems)}\n`);
  else rmSync(file, { force: true });
}

/**
 * Middleware `astro dev` runs before every page (the integration adds it only there): while the
 * configuration has mistakes, the page is the overlay that lists them.
 */
export function onRequest(_context: unknown, next: () => Promise<Response>): Promise<Response> {
  const root = process.cwd();
  const file = join(generatedDir(root), CONFIG_ERRORS_FILE);
  if (existsSync(file)) throw configError(JSON.parse(readFileSync(file, 'utf8')) as ConfigProblem[], root);
  return next();
}
