/**
 * Build a site the way `npm run build` does (scripts/build.ts), into a folder of the test's
 * choosing and from a content folder of the test's choosing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { userEnv } from './env.ts';

export const projectRoot = join(import.meta.dirname, '..', '..');

export interface BuildRun {
  status: number | null;
  output: string;
}

export function buildSite(outDir: string, options: { content?: string; args?: string[]; env?: Record<string, string> } = {}): BuildRun {
  // Each build gets its own generated folder, so builds running side by side never mix.
  const env = userEnv({ ...options.env, BRIEFINGS_CONTENT: options.content, BRIEFINGS_GENERATED: `${outDir}.generated` });
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', outDir, ...(options.args ?? [])], {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
