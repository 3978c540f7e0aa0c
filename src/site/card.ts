/**
 * Social card images (1200×630 PNG), drawn at build time: satori lays the card out and turns
 * its text into outlines with a font shipped in node_modules (Inter, SIL OFL 1.1, from
 * @fontsource/inter: nothing is fetched), and resvg (its native binary is an optional npm
 * dependency) rasterises the SVG. Same text in, same bytes out.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { CARD_HEIGHT, CARD_WIDTH, clip } from './seo.ts';

export interface CardText {
  /** A short line above the title: what kind of page this is. */
  kicker: string;
  title: string;
  description: string;
  /** The bottom line, left: the site's name. */
  site: string;
  /** The bottom line, right: counts, or a promise. */
  footer: string;
}

type Weight = 400 | 700;
type FontEntry = { name: string; data: Buffer; weight: Weight; style: 'normal' };
let fonts: FontEntry[] | undefined;

/**
 * Inter's Latin and Latin Extended subsets in the two weights the card uses. Satori reads WOFF
 * (not WOFF2) and takes each glyph from the first font that has it; a glyph in none of them
 * (CJK, for instance) is left out of the card, never fetched.
 */
function loadFonts(): FontEntry[] {
  if (fonts) return fonts;
  const require = createRequire(join(process.cwd(), 'package.json'));
  const file = (subset: string, weight: Weight) => readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`));
  fonts = ([400, 700] as const).flatMap((weight) => ['latin', 'latin-ext'].map((subset) => ({ name: 'Inter', data: file(subset, weight), weight, style: 'normal' as const })));
  return fonts;
}

/** Satori's element shape, without React. */
type Node = { type: string; props: { style: Record<string, string | number>; children?: Node | string | (Node | string)[] } };
const el = (type: string, style: Node['props']['style'], children?: Node['props']['children']): Node => ({ type, props: { style, children } });

/** Longer titles get a smaller size, so the longest we allow still fits in three lines. */
const titleSize = (title: string) => (title.length <= 36 ? 80 : title.length <= 64 ? 66 : 54);

/** The card's layout: a light card with the site's accent bar, title, description and a footer. */
export function cardLayout(card: CardText): Node {
  const title = clip(card.title, 110);
  return el('div', { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', background: '#ffffff', color: '#1b1b1f', fontFamily: 'Inter' }, [
    el('div', { width: 28, height: CARD_HEIGHT, background: '#1f4fbf' }),
    el('div', { display: 'flex', flexDirection: 'column', justifyContent: 'space-between', flexGrow: 1, padding: '64px 72px 56px 64px' }, [
      el('div', { display: 'flex', flexDirection: 'column' }, [
        el('div', { fontSize: 28, fontWeight: 700, color: '#1f4fbf', letterSpacing: 2, textTransform: 'uppercase' }, card.kicker),
        el('div', { fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.1, marginTop: 28 }, title),
        el('div', { fontSize: 30, lineHeight: 1.35, color: '#5a5a66', marginTop: 28 }, clip(card.description, 170)),
      ]),
      el('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'center', borderTop: '2px solid #d9d9e0', paddingTop: 24, fontSize: 28 }, [
        el('div', { fontWeight: 700 }, clip(card.site, 40)),
        el('div', { color: '#5a5a66' }, clip(card.footer, 60)),
      ]),
    ]),
  ]);
}

/** The card as PNG bytes. */
export async function renderCard(card: CardText): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await satori(cardLayout(card) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
  return new Uint8Array(new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH } }).render().asPng());
}
