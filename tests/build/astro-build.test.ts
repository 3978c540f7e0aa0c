/**
 * `astro build` run directly, not through `npm run build`: the integration still runs the
 * pipeline (in a process of its own), copies the data API into the output and writes the search
 * index in Astro's last hook — `npm run build` leaves that to itself, after Astro has ended.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { projectRoot } from '../helpers/build.ts';
import { userEnv } from '../helpers/env.ts';

const scratch = mkdtempSync(join(tmpdir(), 'briefings-astro-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('astro build alone makes the whole site: pages, data API and search index', () => {
  const outDir = join(scratch, 'dist');
  const generated = join(scratch, 'generated');
  const run = spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir], {
    cwd: projectRoot,
    env: userEnv({ BRIEFINGS_GENERATED: generated }),
    encoding: 'utf8',
  });
  const output = `${run.stdout}\n${run.stderr}`;
  expect(run.status, output.slice(-3000)).toBe(0);
  expect(output).toMatch(/\[briefings\] \d+ articles built/);
  expect(output).toMatch(/search index: \d+ pages/);
  for (const file of ['index.html', 'data/articles.json', 'data/topics/market-share.json', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json']) {
    expect(existsSync(join(outDir, file)), file).toBe(true);
  }
  const report = JSON.parse(readFileSync(join(generated, 'build-report.json'), 'utf8')) as { articles: number; astro: number | null; pagefind: number | null };
  expect(report.articles).toBeGreaterThan(0);
  expect(report.astro).toBeGreaterThan(0);
  expect(report.pagefind).toBeGreaterThan(0);
});
