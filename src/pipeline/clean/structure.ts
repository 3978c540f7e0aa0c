/**
 * Give plain text the structure its writer meant: short heading-like lines become headings,
 * dash and emoji bullet lines become lists, a run of "Label – explanation" lines becomes a list.
 * Only single-line paragraphs are considered, so Markdown's own structure is left as written.
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent, Text } from 'mdast';

const BULLET_EMOJI = '🔹🔸🔷🔶▪️▫️✅✔️☑️➡️👉📌⭐🚀💡🔥✨';
const bulletEmoji = `(?:${[...new Intl.Segmenter().segment(BULLET_EMOJI)].map((s) => s.segment).join('|')})`;
// A dash or star is a bullet only before a space: "-3.5% drop" and "*a*" are text. Bullet signs
// and emoji may touch their text ("•Item", "🔹Smart Siri").
const bulletLine = new RegExp(`^(?:[-–—*]\\s+|[•●▪■◦·]\\s*|${bulletEmoji}\\s*)(?=\\S)`, 'u');
const gluedBullet = new RegExp(`(?<=\\S)\\s*(?=${bulletEmoji}\\s*\\p{Lu})`, 'u');
const labelLine = /^[^.!?–—]{2,60}\s[–—]\s\S/u;

function singleText(node: RootContent | undefined): string | undefined {
  if (node?.type !== 'paragraph' || node.children.length !== 1) return undefined;
  const only = node.children[0];
  return only?.type === 'text' && !only.value.includes('\n') ? only.value : undefined;
}

function titleCaseRatio(text: string): number {
  const words = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  if (words.length === 0) return 1;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}

/** A line that reads as a section heading rather than a sentence. */
export function looksLikeHeading(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length > 12 || text.length > 90 || !/^[\p{Lu}\d"“‘']/u.test(text)) return false;
  if (/\?$/.test(text)) return titleCaseRatio(text) >= 0.6;
  // A sentence's end, in Latin or in full-width (Chinese, Japanese) punctuation, is no heading's.
  return !/[.!,;:"”’)。！？；：，」』）]$/.test(text);
}

function paragraph(value: string, from: Paragraph): Paragraph {
  const node: Paragraph = { type: 'paragraph', children: [{ type: 'text', value }] };
  if (from.position) node.position = from.position;
  return node;
}

/** "we can expect:🔹 Smart Siri…" was two lines once: split it again. */
function splitGluedBullets(tree: Root): void {
  tree.children = tree.children.flatMap((node) => {
    const text = singleText(node);
    if (text === undefined || !gluedBullet.test(text)) return [node];
    return text.split(gluedBullet).map((part) => paragraph(part.trim(), node as Paragraph));
  });
}

function toListItem(node: Paragraph, strip: boolean): ListItem {
  if (strip) {
    const text = node.children[0] as Text;
    text.value = text.value.replace(bulletLine, '');
  }
  const item: ListItem = { type: 'listItem', spread: false, children: [node] };
  if (node.position) item.position = node.position;
  return item;
}

function makeLists(tree: Root): void {
  const out: RootContent[] = [];
  const nodes = tree.children;
  for (let i = 0; i < nodes.length; i++) {
    const text = singleText(nodes[i]);
    const bullet = text !== undefined && bulletLine.test(text);
    const label = text !== undefined && labelLine.test(text) && (labelLine.test(singleText(nodes[i + 1]) ?? "") || labelLine.test(singleText(nodes[i - 1]) ?? ""));
    if (!bullet && !label) {
      out.push(nodes[i] as RootContent);
      continue;
    }
    const item = toListItem(nodes[i] as Paragraph, bullet);
    const previous = out.at(-1);
    if (previous?.type === 'list' && previous.data?.fromText) previous.children.push(item);
    else out.push({ type: 'list', ordered: false, spread: false, children: [item], data: { fromText: true } } as List);
  }
  tree.children = out;
}

function makeHeadings(tree: Root): string[] {
  const removed: string[] = [];
  const nodes = tree.children;
  const next: RootContent[] = [];
  nodes.forEach((node, i) => {
    const text = singleText(node);
    const following = nodes[i + 1];
    if (text === undefined || !following || !looksLikeHeading(text)) {
      next.push(node);
      return;
    }
    const heading: Heading = { type: 'heading', depth: 2, children: (node as Paragraph).children };
    if (node.position) heading.position = node.position;
    next.push(heading);
  });
  // A few plain words straight after the title and before the first heading are a kicker or a
  // category tag ("Apple in China"), not a section: drop them. Anything with digits or
  // punctuation is kept: it is more likely text than a tag.
  const first = next[0]?.type === 'heading' ? (next[0].children[0] as Text | undefined)?.value ?? '' : '';
  if (next[1]?.type === 'heading' && /^[\p{L} ]+$/u.test(first) && first.split(' ').length <= 5) {
    removed.push(first);
    next.shift();
  }
  tree.children = next;
  return removed;
}

export function structureText(tree: Root): string[] {
  splitGluedBullets(tree);
  makeLists(tree);
  return makeHeadings(tree);
}
