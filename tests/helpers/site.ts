/** Reading a built site in tests: files, parsed HTML, element text by id. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

export const readJson = <T = unknown>(dir: string, path: string): T => JSON.parse(readFileSync(join(dir, path), 'utf8')) as T;

const parsed = new Map<string, Root>();
/** The page for a site path such as `/articles/x/`, parsed. */
export function page(dir: string, sitePath: string): Root {
  const file = join(dir, sitePath.replace(/^\//, ''), sitePath.endsWith('/') ? 'index.html' : '');
  let tree = parsed.get(file);
  if (!tree) {
    if (!existsSync(file)) throw new Error(`no page at ${sitePath} (${file})`);
    tree = fromHtml(readFileSync(file, 'utf8'));
    parsed.set(file, tree);
  }
  return tree;
}

export function elementById(tree: Root, id: string): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.properties.id === id) {
      found = node;
      return false;
    }
    return undefined;
  });
  return found;
}

export function elements(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (test(node)) out.push(node);
  });
  return out;
}

export const text = (node: Root | Element) => toText(node, { whitespace: 'pre' }).replace(/\s+/g, ' ').trim();
