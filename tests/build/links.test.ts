/**
 * No broken link in the built sample site: every internal href/src (pages, feeds, data files,
 * card images), and every #fragment lands on an element with that id. All broken links are
 * reported at once.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, inject, test } from 'vitest';
import { checkLinks } from '../helpers/links.ts';

let site: string;
beforeAll(() => {
  site = inject('sampleSite');
});

test('every internal link of the sample site resolves, fragments included', () => {
  const report = checkLinks(site, { base: '/' });
  expect(report.broken).toEqual([]);
  // Every citation is a link with a fragment: a checker that followed none would pass vacuously.
  expect(report.checked).toBeGreaterThan(1000);
});

test('the checker reports each kind of broken link, all at once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefings-links-'));
  try {
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'index.html'), '<!doctype html><title>a</title><p id="here">x</p>');
    writeFileSync(join(dir, 'feed.xml'), '<rss><channel><link>/briefs/</link><item><link>/briefs/gone/</link></item></channel></rss>');
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>home</title><a href="a/#here">ok</a> <a href="/briefs/a/#there">missing id</a> <a href="/briefs/b/">missing page</a> ' +
        '<a href="/a/">outside the base</a> <a href="javascript:alert(1)">script</a> <a href="https://other.example/">other host</a> <a href="#top">no top</a>',
    );
    expect(checkLinks(dir, { base: '/briefs/' })).toEqual({
      checked: 7,
      broken: [
        'feed.xml: /briefs/gone/ → no file for /briefs/gone/',
        'index.html: /briefs/a/#there → a/index.html has no element #there',
        'index.html: /briefs/b/ → no file for /briefs/b/',
        'index.html: /a/ → no file for /a/ (outside the base /briefs/)',
        'index.html: javascript:alert(1) → javascript: link',
        'index.html: #top → index.html has no element #top',
      ],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
