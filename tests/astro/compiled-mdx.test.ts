/**
 * The store of compiled MDX (`src/astro/compiled-mdx.ts`): a page compiled once is handed back
 * from the store while its MDX, its path and the compiler are the same, and compiled again when
 * any of them changes or its entry is unreadable. The compiler here counts its calls; the build
 * test `tests/build/rebuild.test.ts` runs the real one.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { afterAll, describe, expect, test } from 'vitest';
import { openStore } from '../../src/io/store.ts';
import { compilerDigest, keepCompiled, MDX_COMPILER } from '../../src/astro/compiled-mdx.ts';

const scratch = mkdtempSync(join(tmpdir(), 'compiled-mdx-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;

/** A stand-in for `@astrojs/mdx`'s compiler plugin: it records what it compiles. */
function compilerPlugin() {
  const compiled: string[] = [];
  const plugin = {
    name: MDX_COMPILER,
    transform: {
      filter: { id: /\.mdx$/ },
      async handler(code: string, id: string) {
        compiled.push(id);
        return { code: `export default ${JSON.stringify(code)};`, map: null, meta: { astro: { propagation: 'none', scripts: [] }, vite: { lang: 'ts' } } };
      },
    },
  } as unknown as Plugin;
  const transform = (code: string, id: string) => (plugin.transform as { handler: (code: string, id: string) => Promise<unknown> }).handler.call({}, code, id);
  return { plugin, compiled, transform };
}

/** One build: a compiler wrapped with the store in `dir`, as `compiledMdx` wraps it. */
function build(dir: string, compiler = 'compiler-1') {
  const store = openStore(dir);
  const made = compilerPlugin();
  keepCompiled(made.plugin, store, compiler);
  return { ...made, store };
}

describe('compiled MDX kept between builds', () => {
  test('a rebuild compiles only the pages whose MDX changed, and gives back what was compiled', async () => {
    const dir = join(scratch, `store-${folders++}`);
    const first = build(dir);
    const a = await first.transform('# A', '/site/a.mdx');
    const b = await first.transform('# B', '/site/b.mdx');
    expect(first.compiled).toEqual(['/site/a.mdx', '/site/b.mdx']);
    first.store.prune();

    const second = build(dir);
    expect(await second.transform('# A', '/site/a.mdx')).toEqual(a);
    expect(await second.transform('# B, edited', '/site/b.mdx')).toEqual({ code: 'export default "# B, edited";', map: null, meta: { astro: { propagation: 'none', scripts: [] }, vite: { lang: 'ts' } } });
    expect(second.compiled).toEqual(['/site/b.mdx']);
    expect(b).not.toEqual(await second.transform('# B, edited', '/site/b.mdx'));
  });

  test('the same MDX at another path, or under another compiler, is compiled again', async () => {
    const dir = join(scratch, `store-${folders++}`);
    await build(dir).transform('# A', '/site/a.mdx');
    const moved = build(dir);
    await moved.transform('# A', '/site/elsewhere/a.mdx');
    expect(moved.compiled).toEqual(['/site/elsewhere/a.mdx']);
    const upgraded = build(dir, 'compiler-2');
    await upgraded.transform('# A', '/site/a.mdx');
    expect(upgraded.compiled).toEqual(['/site/a.mdx']);
  });

  test('an unreadable entry is compiled again and replaced', async () => {
    const dir = join(scratch, `store-${folders++}`);
    await build(dir).transform('# A', '/site/a.mdx');
    const [entry] = readdirSync(dir);
    for (const broken of ['{"code":', '{"map":null}', 'null']) {
      writeFileSync(join(dir, entry as string), broken);
      const again = build(dir);
      expect(await again.transform('# A', '/site/a.mdx')).toMatchObject({ code: 'export default "# A";' });
      expect(again.compiled).toEqual(['/site/a.mdx']);
    }
    const healed = build(dir);
    await healed.transform('# A', '/site/a.mdx');
    expect(healed.compiled).toEqual([]);
  });

  test('a build keeps only the pages it compiled or used', async () => {
    const dir = join(scratch, `store-${folders++}`);
    const first = build(dir);
    await first.transform('# A', '/site/a.mdx');
    await first.transform('# B', '/site/b.mdx');
    const second = build(dir);
    await second.transform('# A', '/site/a.mdx');
    expect(second.store.prune()).toBe(1);
    const third = build(dir);
    await third.transform('# A', '/site/a.mdx');
    await third.transform('# B', '/site/b.mdx');
    expect(third.compiled).toEqual(['/site/b.mdx']);
  });

  test('a compiler plugin without a transform is an error that says what to update', () => {
    expect(() => keepCompiled({ name: MDX_COMPILER } as Plugin, openStore(join(scratch, 'none')), 'c')).toThrow(/has no transform handler to wrap: update src\/astro\/compiled-mdx\.ts/);
  });

  test("the compiler's digest changes with the site's config and the MDX packages' versions", () => {
    const root = join(scratch, `project-${folders++}`);
    mkdirSync(join(root, 'node_modules', 'satteri'), { recursive: true });
    writeFileSync(join(root, 'astro.config.mjs'), 'export default { markdown: {} };');
    const plain = compilerDigest(root);
    expect(plain).toMatch(/^[0-9a-f]{16}$/);
    expect(compilerDigest(root)).toBe(plain);
    writeFileSync(join(root, 'astro.config.mjs'), 'export default { markdown: { gfm: false } };');
    const configured = compilerDigest(root);
    expect(configured).not.toBe(plain);
    writeFileSync(join(root, 'node_modules', 'satteri', 'package.json'), '{"version":"0.10.5"}');
    const installed = compilerDigest(root);
    expect(installed).not.toBe(configured);
    writeFileSync(join(root, 'node_modules', 'satteri', 'package.json'), '{"version":"0.11.0"}');
    expect(compilerDigest(root)).not.toBe(installed);
  });
});
