/**
 * `npm run eval:corpus -- <folder> [--topics <dir>] [--entities <file>] [--json] [--verbose]`:
 * the pipeline over a real folder of articles that nobody labelled (e.g. the 2,225 BBC articles
 * in /work/data/bbc), reporting what can be measured without labels (`scripts/eval/corpus.ts`):
 * per topic, the facts in its table and the share with a subject and a measure; the
 * near-duplicate pairs flagged and the share of them whose texts really share text; and the
 * pipeline's time per article. Topics default to `content/topics/`; entities to none, so that
 * what the analysis finds by itself is measured. Nothing is written.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusReport, SEQUENCE_WORDS, SHARED_TEXT } from './eval/corpus.ts';
import { runEval } from './eval/run.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    topics: { type: 'string', default: 'content/topics' },
    entities: { type: 'string' },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const [folder] = positionals;
if (!folder) throw new Error('usage: npm run eval:corpus -- <folder of articles> [--topics <dir>] [--entities <file>] [--json] [--verbose]');

const root = resolve(import.meta.dirname, '..');
const articles = resolve(process.cwd(), folder);
const topics = resolve(root, values.topics);
const entities = values.entities ? resolve(process.cwd(), values.entities) : join(articles, '.no-entities.json');
const run = runEval({ articles, topics, entities });
const report = corpusReport(run.output);
const timings = Object.fromEntries(Object.entries(run.output.timings).map(([stage, ms]) => [stage, Math.round(ms)]));
const sharing = report.flagged.filter((pair) => pair.shared >= SHARED_TEXT).length;
const share = (part: number, whole: number) => (whole === 0 ? '–' : (part / whole).toFixed(2));

if (values.json) {
  process.stdout.write(`${JSON.stringify({ folder, topicFiles: values.topics, entities: values.entities ?? null, pipelineMs: Math.round(run.ms), timings, ...report }, null, 2)}\n`);
} else {
  const lines = [
    `Corpus ${folder}: ${report.articles} articles of ${run.articleCount} files; topics from ${values.topics}; entities ${values.entities ?? 'none'}.`,
    `Pipeline: ${(run.ms / 1000).toFixed(1)} s, ${(run.ms / Math.max(1, run.articleCount)).toFixed(1)} ms per article (${Object.entries(timings).map(([stage, ms]) => `${stage} ${ms} ms`).join(', ')}).`,
    '',
    '| topic | articles | stories | facts | with subject and measure | share | "agree" | "agree" on copies |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.topics.map((t) => `| ${t.topic} | ${t.articles} | ${t.coverage} | ${t.facts} | ${t.described} | ${share(t.described, t.facts)} | ${t.agree} | ${t.agreeOnCopies} |`),
    '',
    `Near-duplicates: ${report.flagged.length} pairs flagged, ${sharing} of them share text (at least ${SHARED_TEXT} of the shorter article's ` +
      `${SEQUENCE_WORDS}-word sequences found in the other): precision ${share(sharing, report.flagged.length)}.`,
  ];
  if (values.verbose) {
    const titles = new Map<string, string>(run.output.articles.map((a) => [a.slug, `${a.file} “${a.title}”`]));
    lines.push('', 'Flagged pairs that share less text than that:');
    for (const pair of report.flagged.filter((p) => p.shared < SHARED_TEXT)) {
      lines.push(`  ${pair.shared.toFixed(3)} shared, similarity ${pair.similarity.toFixed(2)}: ${titles.get(pair.a)} ~ ${titles.get(pair.b)}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
