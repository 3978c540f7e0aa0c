/**
 * Global setup: build the sample site once per test run into `.test-sites/sample/`, for the build
 * test and the browser tests. `BRIEFINGS_TEST_SITE=<dir>` reuses a site built before.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, projectRoot } from './build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleSite: string;
    sampleBuildLog: string;
  }
}

export default function setup(project: TestProject): void {
  const given = process.env.BRIEFINGS_TEST_SITE;
  if (given) {
    project.provide('sampleSite', given);
    project.provide('sampleBuildLog', '');
    return;
  }
  const outDir = join(projectRoot, '.test-sites', 'sample');
  rmSync(outDir, { recursive: true, force: true });
  const run = buildSite(outDir);
  if (run.status !== 0) throw new Error(`building the sample site failed:\n${run.output}`);
  project.provide('sampleSite', outDir);
  project.provide('sampleBuildLog', run.output);
}
