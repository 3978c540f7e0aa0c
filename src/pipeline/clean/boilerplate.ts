/**
 * Lines a reader never wants on an article page: comment prompts, navigation left in a saved
 * page, image alt text left as a line of its own, and a trailing link to the original (which we
 * keep as the article's outlet and URL instead). Each removed line is returned so the build can
 * show what cleaning did.
 */
import type { Link, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

export const BOILERPLATE: RegExp[] = [
  /^leave a (comment|reply)\b/i,
  /^your email address will not be published\b/i,
  /^required fields are marked\b/i,
  /^(scroll|back) to (top|blog|home|news|articles?)\b/i,
  /^(share|tweet|email|print)( this( article| story)?)?( on \w+)?:?$/i,
  /^(related|recommended)( articles?| stories| posts)?:?$/i,
  /^(read more|continue reading|advertisement|sponsored|subscribe( now)?|sign up( for our newsletter)?)\b.{0,40}$/i,
  /^(click|tap) here\b/i,
  /^(previous|next) (post|article)\b/i,
  /^comments?( \(\d+\))?:?$/i,
  /^(photo|image|credit|source): .{0,80}$/i,
  /^all rights reserved\.?$/i,
  /^©/,
];

/** Alt text or a caption left behind: a few lowercase words with no punctuation at all. */
export function looksLikeAltText(text: string): boolean {
  return /^[\p{Ll}\d ]+$/u.test(text) && text.split(' ').length <= 5 && text.length <= 40;
}

export function isBoilerplate(text: string): boolean {
  const line = text.trim();
  return BOILERPLATE.some((pattern) => pattern.test(line));
}

export interface SourceLink {
  source: string;
  url: string;
}

/** A last paragraph that is only a link, e.g. `[techcrunch](https://techcrunch.com/…)`. */
function trailingSourceLink(node: RootContent | undefined): SourceLink | undefined {
  if (node?.type !== 'paragraph') return undefined;
  const content = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const link = content[0];
  if (content.length !== 1 || link?.type !== 'link') return undefined;
  const source = toString(link).trim();
  return source.length <= 60 ? { source, url: (link as Link).url } : undefined;
}

/**
 * `altText`: also remove paragraphs that look like image alt text. Only plain text has them (a
 * picture's alt text copied as a line of its own); in Markdown and HTML a short lowercase
 * paragraph or heading ("import news") is what the writer wrote.
 */
export function removeBoilerplate(tree: Root, { altText = false } = {}): { removed: string[]; sourceLink?: SourceLink } {
  const removed: string[] = [];
  let sourceLink: SourceLink | undefined;
  const last = tree.children.at(-1);
  const link = trailingSourceLink(last);
  if (link) {
    sourceLink = link;
    removed.push(toString(last as Paragraph));
    tree.children.pop();
  }
  tree.children = tree.children.filter((node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return true;
    const text = toString(node).trim();
    if (isBoilerplate(text) || (altText && node.type === 'paragraph' && looksLikeAltText(text))) {
      removed.push(text);
      return false;
    }
    return true;
  });
  return sourceLink ? { removed, sourceLink } : { removed };
}
