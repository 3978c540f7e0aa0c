/**
 * Build a site the way `npm run build` does (scripts/build.ts), into a folder of the test's
 * choosing and from a content folder of the test's choosing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..', '..');

export interface BuildRun {
  status: number | null;
  output: string;
}

export function buildSite(outDir: string, options: { content?: string; args?: string[]; env?: Record<string, string> } = {}): BuildRun {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  if (options.content) env.BRIEFINGS_CONTENT = options.content;
  else delete env.BRIEFINGS_CONTENT;
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', outDir, ...(options.args ?? [])], {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
