/**
 * The saved-page reader on small pages of its own, one per way real pages went wrong: teaser
 * cards before the article, furniture words in the article's own id, content a browser hides,
 * math, and metadata in JSON-LD, parsely tags, scholarly tags, `<time>` and `<meta>` outside
 * `<head>`.
 */
import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { cleanArticle } from '../../src/pipeline/clean/index.ts';
import { readHtml } from '../../src/pipeline/read/html.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';
import { isoDate, languageTag } from '../../src/pipeline/read/page-metadata.ts';

const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the story: Alibaba's Hong Kong-listed shares rose as much as 9.2% on Thursday after the chairman confirmed the company will power AI features on iPhones sold in China, analysts said.</p>`;
const story = Array.from({ length: 6 }, (_, i) => paragraph(i + 1)).join('\n');
const page = (head: string, body: string, lang = 'en') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

/** The tree's text, a line per block. */
function blocks(tree: Root): string[] {
  const out: string[] = [];
  const text = (node: { type: string; value?: string; children?: unknown[] }): string =>
    node.value ?? (node.children ?? []).map((child) => text(child as never)).join('');
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') out.push(text(node as never));
    else for (const child of node.children ?? []) visit(child as never);
  };
  visit(tree as never);
  return out;
}

describe('the article of a saved page', () => {
  test('is the story, not the teaser cards before it', () => {
    const teasers = Array.from({ length: 4 }, (_, i) => `<article class="card"><h3><a href="/t${i}">Teaser ${i}</a></h3><p>A short teaser.</p></article>`).join('');
    const { tree } = readHtml(page('<title>Alibaba jumps</title>', `<div class="teasers">${teasers}</div><div class="story-body">${story}</div>`));
    const text = blocks(tree);
    expect(text).toHaveLength(6);
    expect(text[0]).toMatch(/^Paragraph 1 of the story/);
    expect(text.join(' ')).not.toMatch(/Teaser/);
  });

  test('keeps a wrapper whose id holds a furniture word ("share")', () => {
    const { tree } = readHtml(page('<title>Alibaba jumps</title>', `<nav>Home · Markets</nav><div id="article-share-42" class="share-tools-wrapper">${story}</div><div class="share-bar"><a href="https://x.example/share">Share</a></div>`));
    expect(blocks(tree)).toHaveLength(6);
  });

  test('leaves out what a browser hides: by style, `hidden` and `aria-hidden`, inside a paragraph too', () => {
    const hidden = [
      '<p style="display:none">HIDDEN-1 by display</p>',
      '<p style="color: red; display: none !important">HIDDEN-2 important</p>',
      '<div style="visibility: hidden"><p>HIDDEN-3 by visibility</p></div>',
      '<p hidden>HIDDEN-4 by attribute</p>',
      '<p aria-hidden="true">HIDDEN-5 by aria</p>',
    ].join('');
    const { tree } = readHtml(page('<title>Alibaba jumps</title>', `<article>${paragraph(1)}${hidden}<p>Seen, <span style="DISPLAY: NONE">HIDDEN-6 in a sentence,</span> and read to the end of a long sentence about the deal.</p>${story}</article>`));
    const text = blocks(tree).join('\n');
    expect(text).not.toMatch(/HIDDEN/);
    expect(text).toMatch(/Seen, and read to the end/);
  });

  test('keeps math as its TeX, where the page hides the MathML and shows an image of it', () => {
    const mediawiki =
      '<span class="mwe-math-element"><span class="mwe-math-mathml-inline" style="display: none;"><math alttext="{\\displaystyle E=mc^{2}}"><semantics><mrow><mi>E</mi></mrow><annotation encoding="application/x-tex">{\\displaystyle E=mc^{2}}</annotation></semantics></math></span><img src="e.svg" class="mwe-math-fallback-image-inline" aria-hidden="true" alt="E=mc^2"></span>';
    const mathjax = '<mjx-container class="MathJax CtxtMenu_Attached_0"><mjx-math aria-hidden="true"><mjx-mi>a</mjx-mi></mjx-math><mjx-assistive-mml><math><mi>a</mi><mo>≠</mo><mn>0</mn></math></mjx-assistive-mml></mjx-container>';
    const { tree } = readHtml(page('<title>Physics</title>', `<article>${story}<p>Einstein wrote ${mediawiki} in 1905, and when ${mathjax}, there are two solutions to the equation in this long sentence.</p></article>`));
    const last = tree.children.at(-1);
    expect(last?.type).toBe('paragraph');
    expect((last as { children: unknown[] }).children).toEqual([
      { type: 'text', value: 'Einstein wrote ' },
      { type: 'inlineCode', value: 'E=mc^{2}' },
      { type: 'text', value: ' in 1905, and when ' },
      { type: 'inlineCode', value: 'a ≠ 0' },
      { type: 'text', value: ', there are two solutions to the equation in this long sentence.' },
    ]);
  });

  test('never carries script, handlers or styles, and makes links absolute against the page’s address', () => {
    const { tree } = readHtml(page('<link rel="canonical" href="https://news.example.com/markets/story"><title>x</title>', `<article>${story}<p onclick="alert(1)">See <a href="/markets/other" onmouseover="alert(2)">the other story</a> and <a href="#top">the top</a>, in a sentence long enough to count.</p><script>alert(3)</script><style>p{}</style></article>`));
    const json = JSON.stringify(tree);
    expect(json).not.toMatch(/alert|onclick|onmouseover|p\{\}/);
    expect(json).toContain('"url":"https://news.example.com/markets/other"');
    expect(json).not.toContain('#top');
  });
});

describe('the metadata of a saved page', () => {
  test('JSON-LD NewsArticle: headline, datePublished, author and publisher, in an @graph with the publisher by @id', () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': 'https://wire.example/#org', name: 'Example Wire' },
        { '@type': 'NewsArticle', headline: 'Alibaba shares jump on Apple deal', datePublished: '2025-02-13T09:30:00+08:00', author: [{ '@type': 'Person', name: 'Jane Doe' }, { name: 'Li Wei' }], publisher: { '@id': 'https://wire.example/#org' } },
      ],
    });
    const { meta } = readHtml(page(`<title>Home | Example Wire</title><script type="application/ld+json">${jsonLd}</script>`, `<article><h1>A different headline on the page</h1>${story}</article>`));
    expect(meta).toEqual({ title: 'Alibaba shares jump on Apple deal', date: '2025-02-13', source: 'Example Wire', author: 'Jane Doe, Li Wei', lang: 'en' });
  });

  test('parsely tags, and <meta> in the body, count as the page’s metadata', () => {
    const { meta } = readHtml(page('<title>Alibaba jumps | Wire</title>', `<meta name="parsely-pub-date" content="2024-04-20T04:20:00.000Z"><meta name="parsely-author" content="Jane Doe"><meta property="og:site_name" content="Example Wire"><article>${story}</article>`));
    expect(meta).toMatchObject({ date: '2024-04-20', author: 'Jane Doe', source: 'Example Wire' });
  });

  test('scholarly citation_* tags and <time pubdate>, when nothing else dates the page', () => {
    const scholarly = readHtml(page('<title>On shares</title><meta name="citation_title" content="On shares"><meta name="citation_publication_date" content="2019/03/05"><meta name="citation_journal_title" content="Journal of Markets">', `<article>${story}</article>`));
    expect(scholarly.meta).toMatchObject({ date: '2019-03-05', source: 'Journal of Markets' });
    const timed = readHtml(page('<title>On shares</title>', `<article><p class="byline"><time pubdate datetime="2021-11-01T10:52:50+01:00">1 November</time></p>${story}</article>`));
    expect(timed.meta.date).toBe('2021-11-01');
  });

  test('the page’s own title wins over its first <h1>, as Readability reads it', () => {
    const { meta, tree } = readHtml(page('<meta property="og:title" content="Alibaba shares jump on Apple deal"><title>Alibaba shares jump on Apple deal - Example Wire</title>', `<div class="promo"><h1>Subscribe today</h1></div><article><h1>Alibaba shares jump on Apple deal</h1>${story}</article>`));
    expect(meta.title).toBe('Alibaba shares jump on Apple deal');
    expect(blocks(tree)[0]).toMatch(/^Paragraph 1/);
  });

  test('reaches the article: title, date, outlet and language from the page; author in the data', () => {
    const bytes = new TextEncoder().encode(
      page('<title>Alibaba jumps</title><meta name="author" content="Jane Doe"><meta property="article:published_time" content="2025-02-13"><meta property="og:site_name" content="Example Wire"><meta property="og:locale" content="en_GB">', `<article>${story}</article>`, ''),
    );
    const { doc } = readArticle('saved.html', bytes);
    const article = cleanArticle(doc!);
    expect([article.title, article.date, article.source, article.author, article.lang]).toEqual(['Alibaba jumps', '2025-02-13', 'Example Wire', 'Jane Doe', 'en-GB']);
  });
});

describe('the limits of a saved page', () => {
  test('count the text read from it, not its markup: 2,500 links in its menus are not 2,500 web addresses in the article', () => {
    const menu = `<nav>${Array.from({ length: 2500 }, (_, i) => `<a href="https://news.example.com/section/${i}">Section ${i}</a>`).join(' ')}</nav>`;
    const { doc, diagnostics } = readArticle('menus.html', new TextEncoder().encode(page('<title>Alibaba jumps</title>', `${menu}<article>${story}</article>`)));
    expect(diagnostics).toEqual([]);
    expect(doc?.meta.title).toBe('Alibaba jumps');
  });
});

describe('dates and languages as the schema takes them', () => {
  test.each([
    ['2018-04-05T06:00', '2018-04-05'],
    ['2017-11-03 03:01:00.000000', '2017-11-03'],
    ['2021-11-01T23:52:50-0500', '2021-11-01'],
    ['20180405', '2018-04-05'],
    ['2019/3/5', '2019-03-05'],
    ['March 5, 2019', '2019-03-05'],
    ['Tue, 05 Mar 2019 10:00:00 GMT', '2019-03-05'],
    ['5th Sept. 2019', '2019-09-05'],
    ['2019-02-30', undefined],
    ['yesterday', undefined],
  ])('%s → %s', (written, day) => {
    expect(isoDate(written)).toBe(day);
  });

  test('a locale as Open Graph writes it is a language tag', () => {
    expect([languageTag('en_US'), languageTag('de-DE, en'), languageTag('English'), languageTag('')]).toEqual(['en-US', 'de-DE', undefined, undefined]);
  });
});
