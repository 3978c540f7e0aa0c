/**
 * `astro dev` over the benchmark's corpus, as a writer meets it: how long from starting the
 * server until an article page is served, and how long from dropping a new article into the
 * content folder until its page is served with its text. The server runs on the benchmark's
 * project (its generated folder and pipeline cache as the builds left them) and is stopped at
 * the end; the new article is removed again.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevMeasurement {
  /** From starting `astro dev` to the first article page served (status 200). */
  firstPageMs: number;
  /** From writing a new article to its page served with its text. */
  newArticleMs: number;
}

const NEW_ARTICLE = {
  file: 'zz-bench-dev-dispatch.txt',
  text: 'Benchmark dispatch from Shenzhen\n\nHuawei said on Monday that its share of the smartphone market in China rose to 19% as rivals fell behind.\n',
  path: '/articles/benchmark-dispatch-from-shenzhen/',
  shows: 'its share of the smartphone market in China rose to',
};

async function fetchText(url: string): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(url);
    return { status: response.status, body: await response.text() };
  } catch {
    return { status: 0, body: '' };
  }
}

/** Poll `url` every `interval` ms until `ready` holds; the time it took, or a failure after `timeout`. */
async function until(url: string, ready: (r: { status: number; body: string }) => boolean, timeout: number, interval = 50): Promise<number> {
  const start = performance.now();
  while (!ready(await fetchText(url))) {
    if (performance.now() - start > timeout) throw new Error(`${url} was not ready within ${timeout / 1000} s`);
    await new Promise((done) => setTimeout(done, interval));
  }
  return performance.now() - start;
}

export async function measureDev(project: string, content: string, anArticlePath: string, env: NodeJS.ProcessEnv, port = 4600 + Math.floor(Math.random() * 300)): Promise<DevMeasurement> {
  const url = `http://127.0.0.1:${port}`;
  const start = performance.now();
  const server = spawn(process.execPath, [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: project,
    env: { ...env, BRIEFINGS_CONTENT: content },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  const articleFile = join(content, 'articles', NEW_ARTICLE.file);
  try {
    await until(url + anArticlePath, (r) => r.status === 200, 600_000);
    const firstPageMs = performance.now() - start;
    writeFileSync(articleFile, NEW_ARTICLE.text);
    const newArticleMs = await until(url + NEW_ARTICLE.path, (r) => r.status === 200 && r.body.includes(NEW_ARTICLE.shows), 120_000);
    return { firstPageMs, newArticleMs };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${log.split('\n').slice(-30).join('\n')}`);
  } finally {
    server.kill();
    await new Promise((done) => server.once('exit', done));
    rmSync(articleFile, { force: true });
  }
}
