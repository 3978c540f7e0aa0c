/**
 * `astro dev` picks up an article dropped into the content folder, and its removal, without a
 * restart. Runs the real dev server over a scratch copy of the sample content.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { projectRoot } from '../helpers/build.ts';
import { userEnv } from '../helpers/env.ts';

const port = 4300 + Math.floor(Math.random() * 500);
const url = `http://127.0.0.1:${port}`;
let server: ChildProcess;
let content: string;
let log = '';

async function get(path: string): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(url + path);
    return { status: response.status, body: await response.text() };
  } catch (error) {
    log += `\nfetch ${path}: ${(error as Error).message} ${String((error as { cause?: unknown }).cause)}`;
    return { status: 0, body: '' };
  }
}

beforeAll(async () => {
  content = mkdtempSync(join(tmpdir(), 'briefings-dev-'));
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: projectRoot,
    env: userEnv({ BRIEFINGS_CONTENT: content, BRIEFINGS_GENERATED: join(content, '.generated') }),
  });
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + 60_000;
  while ((await get('/articles/')).status !== 200) {
    if (Date.now() > deadline) throw new Error(`astro dev did not start:\n${log}`);
    await new Promise((done) => setTimeout(done, 500));
  }
});

afterAll(() => {
  server?.kill();
  rmSync(content, { recursive: true, force: true });
});

test('a new article appears, and a removed one goes, without a restart', async () => {
  expect((await get('/articles/')).body).not.toContain('A fresh dispatch from Shenzhen');
  writeFileSync(
    join(content, 'articles', 'new-dispatch.txt'),
    'A fresh dispatch from Shenzhen\n\nHuawei said on Monday that its market share in China rose to 18% as Apple fell behind.\n',
  );
  await expect.poll(async () => (await get('/articles/')).body, { timeout: 30_000, interval: 500 }).toContain('A fresh dispatch from Shenzhen');
  // The article list reads the data, the article page the content collection: both catch up.
  await expect.poll(async () => (await get('/articles/a-fresh-dispatch-from-shenzhen/')).status, { timeout: 30_000, interval: 500 }).toBe(200);
  expect((await get('/articles/a-fresh-dispatch-from-shenzhen/')).body).toContain('its market share in China rose to');

  rmSync(join(content, 'articles', 'new-dispatch.txt'));
  await expect.poll(async () => (await get('/articles/')).body, { timeout: 30_000, interval: 500 }).not.toContain('A fresh dispatch from Shenzhen');
}, 90_000);
