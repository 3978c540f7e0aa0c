/**
 * What's new, through the real build, on a story of its own (`tests/fixtures/updates/site/`):
 * Monday's article gives Alibaba's share price, analysts' estimate of its cloud revenue growth,
 * and quotes Joe Tsai; on Tuesday one article gives the day's price (a new fact: a price is its
 * day's) and quotes Eddie Wu for the first time, a wire copy repeats it word for word, and another
 * revises the cloud revenue growth; an undated profile brings a new figure and Jack Ma, and gives
 * the revenue another value. The data file, the topic page's What's new, the page of every
 * update, the topic's feed and the home page all say so, and every link lands.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element } from 'hast';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BriefingData } from '../../src/pipeline/emit/links.ts';
import { buildSite, projectRoot } from '../helpers/build.ts';
import { validateFiles } from '../helpers/html-validate.ts';
import { checkLinks } from '../helpers/links.ts';
import { elementById, elements, page, readJson, text } from '../helpers/site.ts';

const content = join(projectRoot, 'tests', 'fixtures', 'updates', 'site');
const scratch = mkdtempSync(join(tmpdir(), 'briefings-updates-'));
const outDir = join(scratch, 'dist');
let build: { status: number | null; output: string };

beforeAll(() => {
  build = buildSite(outDir, { content });
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const TOPIC = 'alibaba-shares';
const MONDAY_PRICE = 'alibaba-share-price-hong-kong-2025-02-10-hkd';
const TUESDAY_PRICE = 'alibaba-share-price-hong-kong-2025-02-11-hkd';
const CLOUD = 'alibaba-cloud-business-revenue-change-q4-2024-pct';
const slip = 'alibaba-shares-slip-as-investors-take-profits';
const copy = `${slip}-wire-copy`;
const rally = 'alibaba-shares-rally-on-apple-deal';
const cloud = 'alibabas-cloud-business-keeps-growing';
const profile = 'who-runs-alibaba';

const briefing = () => readJson<BriefingData>(outDir, `data/topics/${TOPIC}.json`);
const hasClass = (name: string) => (el: Element) => ((el.properties.className as string[] | undefined) ?? []).includes(name);
const children = (el: Element, tag: string) => el.children.filter((c): c is Element => c.type === 'element' && c.tagName === tag);
const lines = (path: string) => children(elements(page(outDir, path), (el) => el.tagName === 'ol' && hasClass('updates')(el))[0]!, 'li');
const links = (el: Element) => elements({ type: 'root', children: [el] }, (a) => a.tagName === 'a');

/** A link to a sentence lands on it, and the sentence it lands on is the one its title quotes. */
function expectLandsOnSentence(link: Element) {
  const [path, id] = String(link.properties.href).split('#');
  const anchor = elementById(page(outDir, path!), id!);
  expect(anchor, `${link.properties.href} has no element #${id}`).toBeDefined();
  expect(text(anchor!)).toBe(String(link.properties.title));
}

test('the fixture site builds', () => {
  expect(build.status, build.output.slice(-3000)).toBe(0);
});

describe('the data file', () => {
  test('says what each article added, newest first, undated last; the copy and nothing-new articles have no update', () => {
    const summary = briefing().updates.map((u) => [u.article, u.date, u.undated, u.added, u.revised.map((r) => [r.fact, r.from.text, r.from.article, r.to.text, r.to.article]), u.speakers]);
    expect(summary).toEqual([
      [slip, '2025-02-11', false, [TUESDAY_PRICE], [], ['Eddie Wu']],
      [cloud, '2025-02-11', false, [], [[CLOUD, 'rose 12%', rally, 'rose 13%', cloud]], []],
      [rally, '2025-02-10', false, [MONDAY_PRICE, CLOUD], [], ['Joe Tsai']],
      // Undated: its 11% for a December quarter of no known year is a fact of its own, no revision; Joe Tsai was quoted before.
      [profile, null, true, ['alibaba-shipments-hong-kong-2024-units', 'alibaba-cloud-business-revenue-change-pct'], [], ['Jack Ma']],
    ]);
    const topic = readJson<{ slug: string; counts: { updates: number } }[]>(outDir, 'data/topics.json').find((t) => t.slug === TOPIC);
    expect(topic?.counts.updates).toBe(4);
    expect(briefing().articles.find((a) => a.slug === copy)?.duplicateOf).toBe(slip);
  });

  test('every fact id in the updates is one of the briefing’s facts, and every fact was added by one article', () => {
    const { facts, updates } = briefing();
    const ids = facts.map((f) => f.id);
    for (const u of updates) for (const id of [...u.added, ...u.revised.map((r) => r.fact)]) expect(ids, `${u.article}: ${id}`).toContain(id);
    expect(updates.flatMap((u) => u.added).sort()).toEqual([...ids].sort());
  });

  test('each revised value is written in the sentence it links to, which is on its article’s page', () => {
    for (const { from, to } of briefing().updates.flatMap((u) => u.revised)) {
      for (const value of [from, to]) {
        expect(value.quote).toContain(value.text);
        const [path, id] = value.path.split('#');
        expect(text(elementById(page(outDir, path!), id!)!)).toBe(value.quote);
      }
    }
  });
});

describe('the pages', () => {
  test('the topic page opens with What’s new: a dated line per article, before the key points', () => {
    const tree = page(outDir, `/topics/${TOPIC}/`);
    const headings = elements(tree, (el) => el.tagName === 'h2').map((el) => String(el.properties.id));
    // After the table of contents, the first section.
    expect(headings.slice(0, 2)).toEqual(['toc-title', 'whats-new']);
    expect(headings.indexOf('whats-new')).toBeLessThan(headings.indexOf('points'));
    expect(lines(`/topics/${TOPIC}/`).map(text)).toEqual([
      '11 February 2025 — Alibaba shares slip as investors take profits (Kowloon Times): new Alibaba · share price · Hong Kong · 2025-02-11 HK$121; first quoted Eddie Wu',
      "11 February 2025 — Alibaba's cloud business keeps growing (Harbour Wire): revised Alibaba cloud business · revenue change · Q4 2024 rose 12% → rose 13%",
      '10 February 2025 — Alibaba shares rally on Apple deal (Harbour Wire): new Alibaba · share price · Hong Kong · 2025-02-10 HK$124.3, Alibaba cloud business · revenue change · Q4 2024 rose 12%; first quoted Joe Tsai',
      'Undated — Who runs Alibaba (Weekend Review): new Alibaba · shipments · Hong Kong · 2024 3 million units, Alibaba cloud business · revenue change rose 11%; first quoted Jack Ma',
    ]);
    const [first] = lines(`/topics/${TOPIC}/`);
    expect(elements(first!, (el) => el.tagName === 'time').map((el) => el.properties.dateTime)).toEqual(['2025-02-11']);
    const more = elements(tree, (el) => el.tagName === 'a' && el.properties.href === `/topics/${TOPIC}/updates/`);
    expect(more.map(text)).toEqual(['Every update, article by article']);
  });

  test('each value and speaker links to its sentence, each fact to its row, each title to its article', () => {
    let sentences = 0;
    for (const line of lines(`/topics/${TOPIC}/`)) {
      for (const link of links(line)) {
        const href = String(link.properties.href);
        if (href.includes('#s-')) {
          expectLandsOnSentence(link);
          sentences++;
        } else if (href.includes('#fact-')) {
          const [path, id] = href.split('#');
          expect(elementById(page(outDir, path!), id!), href).toBeDefined();
        } else expect(href).toMatch(/^\/articles\/[a-z0-9-]+\/$/);
      }
    }
    // Two values of the revision, five new values, three speakers.
    expect(sentences).toBe(10);
  });

  test('the page of every update lists the same lines, numbered, with a way back', () => {
    const path = `/topics/${TOPIC}/updates/`;
    expect(lines(path).map(text)).toEqual(lines(`/topics/${TOPIC}/`).map(text));
    expect(elements(page(outDir, path), (el) => el.tagName === 'h1').map(text)).toEqual(["Alibaba shares: what's new"]);
    expect(elements(page(outDir, path), (el) => el.tagName === 'a' && el.properties.href === `/topics/${TOPIC}/`).length).toBeGreaterThan(0);
    for (const line of lines(path)) for (const link of links(line).filter((a) => String(a.properties.href).includes('#s-'))) expectLandsOnSentence(link);
  });

  test('the topic’s feed says what each article added before its opening sentence; the copy only opens', () => {
    const feed = readFileSync(join(outDir, 'topics', TOPIC, 'rss.xml'), 'utf8');
    const description = (slug: string) => new RegExp(`<link>/articles/${slug}/</link>.*?<description>([^<]*)</description>`, 's').exec(feed)?.[1];
    expect(description(slip)).toBe(
      'New: Alibaba · share price · Hong Kong · 2025-02-11: HK$121. First quoted: Eddie Wu.\n\nAlibaba shares fell to HK$121 in Hong Kong on Tuesday as investors took profits after Monday&apos;s rally.',
    );
    expect(description(profile)).toBe('New: Alibaba · shipments · Hong Kong · 2024: 3 million units; Alibaba cloud business · revenue change: rose 11%. First quoted: Jack Ma.\n\nAlibaba shipped 3 million units of its Tmall Genie speaker in Hong Kong in 2024.');
    expect(description(copy)).toBe('Alibaba shares fell to HK$121 in Hong Kong on Tuesday as investors took profits after Monday&apos;s rally.');
  });

  test('the home page shows the latest updates across topics, each naming its topic', () => {
    const [section] = elements(page(outDir, '/'), (el) => el.tagName === 'section' && String(el.properties.ariaLabelledBy) === 'latest-updates');
    expect(section).toBeDefined();
    const items = elements(section!, (el) => el.tagName === 'li');
    expect(items.map(text)).toEqual([
      '11 February 2025 — Alibaba shares slip as investors take profits (Kowloon Times): Alibaba shares, 1 new fact, 1 new speaker',
      "11 February 2025 — Alibaba's cloud business keeps growing (Harbour Wire): Alibaba shares, 1 revised figure",
      '10 February 2025 — Alibaba shares rally on Apple deal (Harbour Wire): Alibaba shares, 2 new facts, 1 new speaker',
      'Undated — Who runs Alibaba (Weekend Review): Alibaba shares, 2 new facts, 1 new speaker',
    ]);
    expect(links(items[0]!).map((a) => a.properties.href)).toEqual([`/articles/${slip}/`, `/topics/${TOPIC}/#whats-new`]);
  });

  test('no link of the site is broken, and its pages are valid HTML', async () => {
    const report = checkLinks(outDir, { base: '/' });
    expect(report.broken).toEqual([]);
    expect(report.checked).toBeGreaterThan(100);
    expect(await validateFiles(outDir, ['index.html', `topics/${TOPIC}/index.html`, `topics/${TOPIC}/updates/index.html`])).toEqual([]);
  });
});
