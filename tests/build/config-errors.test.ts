/**
 * A mistake in the configuration is caught at the door: the build stops before anything is
 * built, listing every mistake with its file, line, column, field and fix, and no stack trace;
 * `astro dev` shows the same list over every page until the files are fixed, then the site.
 * Runs on a fixture content folder of its own (`tests/fixtures/config/mistakes/`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build.ts';
import { chromiumPath, launchChromium } from '../helpers/browser.ts';
import { userEnv } from '../helpers/env.ts';

const fixture = 'tests/fixtures/config/mistakes';
const scratch = mkdtempSync(join(tmpdir(), 'briefings-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every mistake in the fixture, in the order of the files, as the build prints them. */
const mistakes = (folder: string) => [
  `${folder}/site.json:3:22: not valid JSON: a comma after the last item: remove it (JSON allows none)`,
  `${folder}/entities.json:3:60: the alias \`Apple\` of \`Huawei\` is the name of another entity: remove it from \`Huawei\`'s aliases`,
  `${folder}/entities.json:4:53: the alias \`华为\` is given to both \`Huawei\` and \`Honor\`: keep it on the one it names`,
  `${folder}/entities.json:6:13: the entity \`Xiaomi\` is listed twice (entries 4 and 5): keep one entry, with the aliases of both`,
  `${folder}/topics/market-share.md:5:3: unknown field \`match.treshold\`: did you mean \`threshold\`?`,
  `${folder}/topics/phones.md:3:8: \`order\` must be a number, not a string: write it without quotes`,
  `${folder}/topics/phones.md:5:8: \`match.any\` must be a list, not a string: write a list, \`[smartphone]\``,
  `${folder}/topics/phones.md:7:3: unknown field \`match.colour\`: remove it, or use one of \`any\`, \`all\`, \`none\`, \`threshold\`, \`market\` or \`excludeMarkets\``,
  `${folder}/topics/phones.md:12:15: \`charts[0].periods[0]\` must be a string, not a number: put it in quotes, \`"2024"\``,
  `${folder}/topics/phones.md:13:11: \`charts[0].type\` must be \`bar\` or \`line\`, not \`bars\`: did you mean \`bar\`?`,
];

describe('astro build', () => {
  test('stops before building on a configuration with mistakes, listing every one with its line and fix, and no stack trace', () => {
    const outDir = join(scratch, 'dist');
    const run = buildSite(outDir, { content: fixture });
    expect(run.status, run.output).not.toBe(0);
    expect(run.output).toContain(['[config] 10 mistakes in the configuration:', ...mistakes(fixture)].join('\n'));
    expect(run.output).not.toMatch(/Stack trace|^\s+at /m);
    // Stopped before the pipeline: nothing was read or built.
    expect(run.output).not.toMatch(/articles? built/);
    expect(run.output).toContain('Build failed: no ');
  }, 120_000);
});

describe('astro dev', () => {
  const port = 4800 + Math.floor(Math.random() * 500);
  const url = `http://127.0.0.1:${port}/`;
  const content = join(scratch, 'dev-content');
  let server: ChildProcess | undefined;
  let log = '';
  afterAll(() => {
    server?.kill();
  });

  const status = async (path: string) => {
    try {
      return (await fetch(url + path.replace(/^\//, ''))).status;
    } catch {
      return 0;
    }
  };

  test('shows every mistake over every page, in the terminal and the error overlay, until they are fixed', async () => {
    cpSync(join(projectRoot, fixture), content, { recursive: true });
    server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: projectRoot,
      env: userEnv({ BRIEFINGS_CONTENT: content, BRIEFINGS_GENERATED: join(scratch, 'dev-generated') }),
    });
    server.stdout?.on('data', (chunk) => (log += chunk));
    server.stderr?.on('data', (chunk) => (log += chunk));
    await expect.poll(() => status('/'), { timeout: 60_000, interval: 500 }).toBe(500);
    expect(await status('/articles/')).toBe(500);
    for (const line of mistakes(content)) expect(log).toContain(line);

    if (chromiumPath) {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.goto(url);
        const overlay = () => page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
        await expect.poll(overlay, { timeout: 15_000 }).toContain(`${content}/topics/market-share.md:5:3: unknown field match.treshold: did you mean threshold?`);
      } finally {
        await browser.close();
      }
    }

    // Fixed, file by file: the site comes back without a restart.
    writeFileSync(join(content, 'site.json'), '{ "title": "Mistakes fixed" }\n');
    writeFileSync(join(content, 'entities.json'), '[{ "name": "Huawei", "type": "company", "aliases": ["华为"] }]\n');
    writeFileSync(join(content, 'topics', 'market-share.md'), '---\ntitle: Market share\nmatch:\n  any: [market share, shipments]\n  threshold: 2\n---\n');
    writeFileSync(join(content, 'topics', 'phones.md'), '---\ntitle: Phones\nmatch:\n  any: [smartphone]\n---\n');
    await expect.poll(() => status('/'), { timeout: 30_000, interval: 500 }).toBe(200);
    await expect.poll(() => status('/topics/phones/'), { timeout: 30_000, interval: 500 }).toBe(200);
    expect(await (await fetch(url)).text()).toContain('Mistakes fixed');
  }, 120_000);
});
