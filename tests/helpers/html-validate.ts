/** Validating a built site's pages with html-validate, as the HTML test does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';

/**
 * html-validate's recommended and document rules, with two changes:
 * - `long-title` is off: an article page's title is the article's headline, verbatim, and
 *   shortening it would misquote the source (search engines cut long titles when they show them).
 * - `require-sri` asks for integrity hashes only on resources from another origin: every page
 *   loads only the site's own files, where a hash adds nothing but a rebuild hazard.
 */
export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    'long-title': 'off',
    'require-sri': ['error', { target: 'crossorigin' }],
  },
};

/** Every problem in `files` (paths under the site folder `dir`), one line each. */
export async function validateFiles(dir: string, files: string[]): Promise<string[]> {
  const validator = new HtmlValidate(htmlValidateConfig);
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(readFileSync(join(dir, file), 'utf8'), file);
    for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  return problems;
}
