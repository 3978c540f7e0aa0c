/**
 * `node scripts/near-duplicates.ts <folder of articles>`: how the near-duplicate search does on a
 * corpus, measured against the text the articles share. Runs the pipeline in-process over the
 * folder (no topics, no gazetteer) and prints, as JSON:
 *
 * - `flagged`: pairs the search flags; `sharingText`: those of them that share text, where a pair
 *   shares text when at least a fifth of the shorter article's distinct 5-word sequences are in
 *   the other; `precision`: the share of flagged pairs that share text;
 * - `sharing`: pairs that share text, found by an index of every 5-word sequence (sequences in 50
 *   articles or more are left out, as a beat's stock phrases), and `recall`: the share flagged;
 * - `nearExact`: pairs sharing 80% or more, and how many of them the search missed.
 *
 * `--list N` prints up to N flagged pairs that share no text and N sharing pairs not flagged.
 * The README's figures for the BBC news corpus come from this.
 */
import { parseArgs } from 'node:util';
import { listArticleFiles } from '../src/io/article-files.ts';
import { words } from '../src/pipeline/analyse/text.ts';
import { runPipeline } from '../src/pipeline/index.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { list: { type: 'string', default: '0' } } });
const folder = positionals[0];
if (!folder) throw new Error('usage: node scripts/near-duplicates.ts <folder of articles> [--list N]');
const list = Number(values.list);

const output = runPipeline({
  // A corpus's own description (the BBC corpus's README.TXT) is no article of it.
  files: listArticleFiles(folder).filter(({ file }) => !/(?:^|\/)readme(?:\.[a-z]+)?$/i.test(file)),
  manifest: {},
  topics: [],
  entities: [],
  site: { title: 'Near-duplicates', description: '', language: 'en', latestArticles: 10 },
  write: () => {},
});
const { articles } = output;
const n = articles.length;
const indexOf = new Map(articles.map((article, i) => [article.slug, i]));

const grams = articles.map((article) => {
  const all = words(article.sentences.map((s) => s.text).join(' '));
  const set = new Set<string>();
  for (let i = 0; i + 5 <= all.length; i++) set.add(all.slice(i, i + 5).join(' '));
  return set;
});
/** The share of the shorter article's 5-word sequences found in the other. */
const shared = (i: number, j: number): number => {
  const [a, b] = (grams[i] as Set<string>).size <= (grams[j] as Set<string>).size ? [grams[i], grams[j]] : [grams[j], grams[i]];
  if (!a || !b || a.size === 0) return 0;
  let found = 0;
  for (const gram of a) if (b.has(gram)) found++;
  return found / a.size;
};

const holders = new Map<string, number[]>();
grams.forEach((set, i) => {
  for (const gram of set) {
    const found = holders.get(gram);
    if (found) found.push(i);
    else holders.set(gram, [i]);
  }
});
const candidates = new Set<number>();
for (const found of holders.values()) {
  if (found.length < 2 || found.length >= 50) continue;
  for (let x = 0; x < found.length; x++) for (let y = x + 1; y < found.length; y++) candidates.add((found[x] as number) * n + (found[y] as number));
}
const sharing = new Map<number, number>();
for (const pair of candidates) {
  const share = shared(Math.floor(pair / n), pair % n);
  if (share >= 0.2) sharing.set(pair, share);
}

const flagged = new Set<number>();
for (const [slug, duplicates] of output.duplicates) {
  for (const duplicate of duplicates) {
    const [i, j] = [indexOf.get(slug) as number, indexOf.get(duplicate.slug) as number];
    if (i < j) flagged.add(i * n + j);
  }
}
const name = (pair: number) => `${articles[Math.floor(pair / n)]?.file} ${articles[pair % n]?.file}`;
const noText = [...flagged].filter((pair) => shared(Math.floor(pair / n), pair % n) < 0.2);
const missed = [...sharing.keys()].filter((pair) => !flagged.has(pair));
const nearExact = [...sharing].filter(([, share]) => share >= 0.8);
const round = (x: number) => Math.round(x * 1000) / 1000;
process.stdout.write(
  `${JSON.stringify({
    articles: n,
    flagged: flagged.size,
    sharingText: flagged.size - noText.length,
    precision: round((flagged.size - noText.length) / Math.max(1, flagged.size)),
    sharing: sharing.size,
    recall: round((sharing.size - missed.length) / Math.max(1, sharing.size)),
    nearExact: nearExact.length,
    nearExactMissed: nearExact.filter(([pair]) => !flagged.has(pair)).length,
  })}\n`,
);
for (const pair of noText.slice(0, list)) process.stdout.write(`flagged, no shared text: ${name(pair)} (${round(shared(Math.floor(pair / n), pair % n))})\n`);
for (const pair of missed.slice(0, list)) process.stdout.write(`shares text, not flagged: ${name(pair)} (${round(sharing.get(pair) as number)})\n`);
