/**
 * The project type-checks. Vitest strips types without checking them, so without this a type error
 * reaches `main` unseen (one did, for a few commits of issue 18). `tsconfig.json` names Astro's client
 * types, so `tsc` needs no build or `astro sync` first: a fresh clone checks as it is. The check reads
 * `tsconfig.check.json`, which leaves out the `.astro/` types the site tests' builds rewrite meanwhile.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot } from './helpers/build.ts';

/** The compiler's own entry (the package exports no `bin/` path to resolve). */
const tsc = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');

test('tsc --noEmit reports no type error in src, scripts or tests', () => {
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(projectRoot, 'tsconfig.check.json')], { cwd: projectRoot, encoding: 'utf8' });
  expect(`${run.stdout}${run.stderr}`).toBe('');
  expect(run.status).toBe(0);
}, 120_000);
