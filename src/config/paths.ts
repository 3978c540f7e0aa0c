/**
 * Where Briefings reads and writes, in one place. Both can be moved by environment variables,
 * so that the tests and the benchmark build other corpora, side by side, with the same site:
 *
 * - `BRIEFINGS_CONTENT`: the content folder (default `content/`).
 * - `BRIEFINGS_GENERATED`: the folder the pipeline writes MDX and data into (default
 *   `.briefings/`); two builds at once need two of these.
 */
import { join, resolve } from 'node:path';

export function contentDir(root: string): string {
  return process.env.BRIEFINGS_CONTENT ? resolve(root, process.env.BRIEFINGS_CONTENT) : join(root, 'content');
}

export function generatedDir(root: string): string {
  return process.env.BRIEFINGS_GENERATED ? resolve(root, process.env.BRIEFINGS_GENERATED) : join(root, '.briefings');
}
