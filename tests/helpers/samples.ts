/**
 * The unit tests' copy of the sample corpus (`tests/fixtures/samples/`, a content folder: the five
 * sample articles, their manifest, the three topics, the gazetteer and the site configuration), so
 * that editing the demo corpus in `content/` never breaks a unit test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type ContentPaths, type LoadedConfig } from '../../src/config/load.ts';
import type { ArticleFile } from '../../src/core/types.ts';

export const samplesDir = join(import.meta.dirname, '..', 'fixtures', 'samples');

export const samplePaths: ContentPaths = {
  root: samplesDir,
  articles: join(samplesDir, 'articles'),
  topics: join(samplesDir, 'topics'),
  manifest: join(samplesDir, 'articles', 'manifest.json'),
  entities: join(samplesDir, 'entities.json'),
  site: join(samplesDir, 'site.json'),
};

/** The samples' configuration, loaded as a build loads `content/`. */
export const sampleConfig: LoadedConfig = loadConfig(samplePaths);

/** The five sample article files, by name. */
export const sampleFiles: ArticleFile[] = readdirSync(samplePaths.articles)
  .filter((file) => file !== 'manifest.json')
  .sort()
  .map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(samplePaths.articles, file))) }));
