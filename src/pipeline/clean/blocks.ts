/**
 * Blocks where Markdown allows only a line of text. The HTML reader maps a saved page's elements
 * as they nest, so a paragraph may hold a list (`<p><span><div>…`) and a table cell a list or
 * paragraphs (a Wikipedia navbox, a page laid out in a table). Markdown has no way to write
 * them: a list in a cell was written across the table's row lines, the sentence wrapped around
 * it spanned those lines, and MDX could not compile the page (one such page stopped the build).
 * After this, paragraphs, headings and table cells hold phrasing only, so a sentence never
 * crosses a block's edge:
 *
 * - a paragraph or heading holding blocks is split around them, in reading order;
 * - a cell's paragraphs are joined into its one line, a space between them (and a line break
 *   is a space: GFM writes it as one);
 * - a table with any other block in a cell is a layout, not a grid: it becomes its cells'
 *   content, row by row, as a reader of the page reads it.
 */
import type { Nodes as MdastNodes, Parent, PhrasingContent, RootContent, Table, TableCell } from 'mdast';

/** Any node, sentences included (cleaning may meet trees it has segmented). */
type Nodes = MdastNodes | PhrasingContent;

const PHRASING = new Set([
  'text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'inlineCode', 'break', 'image', 'imageReference',
  'footnoteReference', 'html', 'sentence', 'mdxJsxTextElement', 'mdxTextExpression', 'inlineMath',
]);

const isPhrasing = (node: Nodes): boolean => PHRASING.has(node.type);

/** Whether a block sits anywhere inside these phrasing nodes. Iterative: trees may be deep. */
function holdsBlock(children: readonly Nodes[]): boolean {
  const stack = [...children];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isPhrasing(node)) return true;
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return false;
}

/** A run of phrasing, or a block that interrupted it. */
type Piece = { run: PhrasingContent[] } | { block: RootContent };

/**
 * Phrasing children with every block inside pulled out, in order: formatting around a block
 * (`<em>a <div>b</div> c</em>`) is kept on the text before and after it.
 */
function splitAroundBlocks(children: readonly Nodes[]): Piece[] {
  const pieces: Piece[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    if (run.length > 0) pieces.push({ run });
    run = [];
  };
  for (const child of children) {
    if (!isPhrasing(child)) {
      flush();
      for (const block of flowOf([child])) pieces.push({ block });
    } else if ('children' in child && holdsBlock(child.children as Nodes[])) {
      for (const piece of splitAroundBlocks(child.children as Nodes[])) {
        if ('block' in piece) {
          flush();
          pieces.push(piece);
        } else run.push({ ...child, children: piece.run } as PhrasingContent);
      }
    } else run.push(child as PhrasingContent);
  }
  flush();
  return pieces;
}

/** Blocks from any content: runs of phrasing become paragraphs, blocks are made valid in turn. */
function flowOf(children: readonly Nodes[]): RootContent[] {
  const out: RootContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    if (run.length > 0) out.push({ type: 'paragraph', children: run });
    run = [];
  };
  for (const child of children) {
    if (isPhrasing(child)) {
      if (!('children' in child) || !holdsBlock(child.children as Nodes[])) {
        run.push(child as PhrasingContent);
        continue;
      }
      for (const piece of splitAroundBlocks([child])) {
        if ('run' in piece) run.push(...piece.run);
        else {
          flush();
          out.push(piece.block);
        }
      }
      continue;
    }
    flush();
    out.push(...validBlock(child as RootContent));
  }
  flush();
  return out;
}

/** A block as one or more valid blocks. */
function validBlock(node: RootContent): RootContent[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading': {
      if (!holdsBlock(node.children)) return [node];
      return splitAroundBlocks(node.children).map((piece) => ('block' in piece ? piece.block : ({ ...node, children: piece.run } as RootContent)));
    }
    case 'table':
      return validTable(node);
    // Parts of a table or list out of their parent (HTML's `<td>` where a page's markup left
    // it, or where Readability lifted it): their content, read as the page reads.
    case 'tableRow':
      return node.children.flatMap((cell) => flowOf(cell.children as Nodes[]));
    case 'tableCell':
      return flowOf(node.children as Nodes[]);
    case 'listItem':
      return validBlock({ type: 'list', ordered: false, spread: false, children: [node] });
    case 'list':
      for (const item of node.children) item.children = flowOf(item.children) as typeof item.children;
      return [node];
    case 'blockquote':
    case 'footnoteDefinition':
      node.children = flowOf(node.children) as typeof node.children;
      return [node];
    default:
      return [node];
  }
}

/** A cell whose blocks are only paragraphs of phrasing, as one line: each paragraph set off from what is beside it by a space. */
function joinedCell(cell: TableCell): PhrasingContent[] | undefined {
  const line: PhrasingContent[] = [];
  let afterParagraph = false;
  for (const child of cell.children as Nodes[]) {
    const paragraph = child.type === 'paragraph';
    if (paragraph ? holdsBlock(child.children) : !isPhrasing(child) || ('children' in child && holdsBlock(child.children as Nodes[]))) return undefined;
    if (line.length > 0 && (paragraph || afterParagraph)) line.push({ type: 'text', value: ' ' });
    if (paragraph) line.push(...child.children);
    else line.push(child as PhrasingContent);
    afterParagraph = paragraph;
  }
  return line;
}

/** A line break in a cell is a space: a table row is one line of Markdown, and GFM writes the break as one. */
function breaksAsSpaces(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.map((node) => {
    if (node.type === 'break') return { type: 'text', value: ' ' };
    return 'children' in node ? ({ ...node, children: breaksAsSpaces(node.children as PhrasingContent[]) } as PhrasingContent) : node;
  });
}

function validTable(table: Table): RootContent[] {
  const lines = table.children.map((row) => row.children.map(joinedCell));
  if (lines.every((row) => row.every((line) => line !== undefined))) {
    table.children.forEach((row, r) => row.children.forEach((cell, c) => (cell.children = breaksAsSpaces(lines[r]?.[c] as PhrasingContent[]))));
    return [table];
  }
  return table.children.flatMap((row) => row.children.flatMap((cell) => flowOf(cell.children as Nodes[])));
}

/** Make every paragraph, heading and table cell under `parent` hold phrasing only (see above). */
export function phrasingOnlyBlocks(parent: Parent): void {
  parent.children = flowOf(parent.children as Nodes[]) as typeof parent.children;
}
