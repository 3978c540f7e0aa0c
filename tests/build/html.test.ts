/**
 * Valid HTML on every page (html-validate), and JSON-LD that no title can break out of: a
 * fixture article titled `</script><script>alert(1)</script>` goes through a real build next to
 * the sample articles.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build.ts';
import { htmlValidateConfig, validateFiles } from '../helpers/html-validate.ts';
import { elements, readJson, siteFiles } from '../helpers/site.ts';

const validateSite = (dir: string): Promise<string[]> => validateFiles(dir, siteFiles(dir).filter((f) => f.endsWith('.html')));

test('every page of the sample site is valid HTML', async () => {
  expect(await validateSite(inject('sampleSite'))).toEqual([]);
});

test('the validator is strict enough to fail', async () => {
  const report = await new HtmlValidate(htmlValidateConfig).validateString('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div>x</div></p><img src="a.png"></body></html>', 'bad.html');
  expect(report.results[0]?.messages.map((m) => m.ruleId).sort()).toEqual(['no-implicit-close', 'close-order', 'wcag/h37'].sort());
});

describe('a title that tries to close the JSON-LD script', () => {
  const hostile = '</script><script>alert(1)</script>';
  const scratch = mkdtempSync(join(tmpdir(), 'briefings-jsonld-'));
  const content = join(scratch, 'content');
  const outDir = join(scratch, 'dist');
  let articlePath: string;

  beforeAll(() => {
    cpSync(join(projectRoot, 'content'), content, { recursive: true });
    // Words the default topics match, so the title also reaches topic pages and feeds.
    writeFileSync(
      join(content, 'articles', 'zz-hostile.md'),
      `---\ntitle: ${JSON.stringify(hostile)}\ndate: 2025-03-01\nsource: Example Wire\nurl: https://example.com/story\n---\n\nAlibaba and Apple said their AI features for the iPhone in China will launch soon, according to both companies.\n\nApple's smartphone market share in China fell as Huawei gained, Canalys shipments data showed.\n`,
    );
    const run = buildSite(outDir, { content, args: ['--site', 'https://example.com'] });
    if (run.status !== 0) throw new Error(`build with the hostile article failed:\n${run.output}`);
    const entry = readJson<{ file: string; path: string }[]>(outDir, 'data/articles.json').find((a) => a.file === 'zz-hostile.md');
    if (!entry) throw new Error('the hostile article was not built');
    articlePath = entry.path;
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const scripts = (file: string) => elements(fromHtml(readFileSync(join(outDir, file), 'utf8')), (el) => el.tagName === 'script');
  const scriptText = (el: Element) => el.children.map((c) => ('value' in c ? c.value : '')).join('');

  test('the article page has one JSON-LD block that holds the title as data', () => {
    const html = readFileSync(join(outDir, articlePath, 'index.html'), 'utf8');
    const ldJson = scripts(join(articlePath, 'index.html')).filter((el) => el.properties.type === 'application/ld+json');
    expect(ldJson).toHaveLength(1);
    expect(scriptText(ldJson[0]!)).toContain('"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"');
    expect(JSON.parse(scriptText(ldJson[0]!))).toMatchObject({ '@type': 'NewsArticle', headline: hostile, datePublished: '2025-03-01', publisher: { name: 'Example Wire' }, isBasedOn: 'https://example.com/story' });
    // Read by a real HTML parser, no script element anywhere carries the title's code.
    expect(scripts(join(articlePath, 'index.html')).filter((el) => scriptText(el).includes('alert(1)') && el.properties.type !== 'application/ld+json')).toEqual([]);
    expect(html).toContain('<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; · Briefings</title>');
  });

  test('every page that names it (topics, feeds) keeps it as text, and every JSON-LD block parses', () => {
    let named = 0;
    for (const file of siteFiles(outDir).filter((f) => f.endsWith('.html'))) {
      for (const el of scripts(file)) {
        if (el.properties.type === 'application/ld+json') {
          const text = scriptText(el);
          expect(() => JSON.parse(text), file).not.toThrow();
          if (text.includes('\\u003c/script')) named++;
        } else expect(scriptText(el), file).not.toContain('alert(1)');
      }
    }
    expect(named).toBeGreaterThan(1);
    expect(readFileSync(join(outDir, 'rss.xml'), 'utf8')).toContain('<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
  });

  test('and every page of that site is valid HTML', async () => {
    expect(await validateSite(outDir)).toEqual([]);
  });
});
