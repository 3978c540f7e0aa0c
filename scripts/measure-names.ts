/**
 * `node scripts/measure-names.ts <folder> [--articles 1000] [--sample 5] [--seed 18]`: what finding names in the
 * text costs, per 1,000 articles, with each candidate the README compares, over a folder of plain-text articles
 * you provide (the README's figures: the BBC corpus, `/work/data/bbc`):
 *
 * - wink-nlp's part-of-speech tagger alone (the English model, `wink-eng-lite-web-model`);
 * - compromise's own named-entity methods (`people()`, `organizations()`, `places()`);
 * - `recogniseNames` as the pipeline runs it (wink's tagger, compromise's lexicon, the rules of `ner.ts`);
 * - for Chinese text (any `.txt` file of the folder whose text is mostly Han): @node-rs/jieba's tagger
 *   and `Intl.Segmenter`, each over the same text.
 *
 * With `--sample N` it also prints, for N articles drawn with the seed, the names each English candidate
 * finds, for a hand check. The articles are read as the pipeline reads them (read, clean); loading the
 * libraries is timed apart. Nothing is written.
 */
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { compileGazetteer } from '../src/pipeline/analyse/entities.ts';
import { recogniseNames } from '../src/pipeline/analyse/ner.ts';
import { cleanArticle } from '../src/pipeline/clean/index.ts';
import { readArticle } from '../src/pipeline/read/index.ts';
import type { Article } from '../src/core/types.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { articles: { type: 'string', default: '1000' }, sample: { type: 'string', default: '0' }, seed: { type: 'string', default: '18' } },
});
const folder = positionals[0];
if (!folder) throw new Error('usage: node scripts/measure-names.ts <folder of .txt articles> [--articles N] [--sample N]');

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : name.endsWith('.txt') ? [path] : [];
    });
}

const articles: Article[] = [];
for (const path of filesUnder(folder)) {
  const doc = readArticle(relative(folder, path), readFileSync(path)).doc;
  if (doc) articles.push(cleanArticle(doc));
}
const english = articles.filter((article) => article.lang === 'en').slice(0, Number(values.articles));
const chinese = articles.filter((article) => article.lang === 'zh');
const textOf = (article: Article) => article.sentences.filter((s) => !s.heading).map((s) => s.text).join(' ');
const perThousand = (ms: number, count: number) => `${((ms / Math.max(1, count)) * 1000).toFixed(0)} ms per 1,000 articles`;

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

const require = createRequire(import.meta.url);
const [wink, winkLoad] = timed(() => (require('wink-nlp') as (model: unknown, pipe: string[]) => { readDoc(text: string): { tokens(): { out(kind?: unknown): string[] } }; its: { pos: unknown } })(require('wink-eng-lite-web-model'), ['pos']));
const [nlp, compromiseLoad] = timed(() => require('compromise') as (text: string) => { people(): { out(kind: string): string[] }; organizations(): { out(kind: string): string[] }; places(): { out(kind: string): string[] } });
const gazetteer = compileGazetteer([]);
// Warm each once, so the first article does not carry a library's lazy set-up.
if (english[0]) recogniseNames(english[0], gazetteer);

console.log(`${english.length} English articles (${english.reduce((sum, a) => sum + textOf(a).length, 0)} characters); ${chinese.length} Chinese`);
console.log(`load: wink-nlp + model ${winkLoad.toFixed(0)} ms, compromise ${compromiseLoad.toFixed(0)} ms`);
const [, winkMs] = timed(() => english.forEach((article) => wink.readDoc(textOf(article)).tokens().out(wink.its.pos)));
console.log(`wink-nlp tagger alone: ${perThousand(winkMs, english.length)}`);
const [, compromiseMs] = timed(() =>
  english.forEach((article) => {
    const doc = nlp(textOf(article));
    doc.people().out('array');
    doc.organizations().out('array');
    doc.places().out('array');
  }),
);
console.log(`compromise people/organizations/places: ${perThousand(compromiseMs, english.length)}`);
const [, oursMs] = timed(() => english.forEach((article) => recogniseNames(article, gazetteer)));
console.log(`recogniseNames (wink tagger, compromise lexicon, rules): ${perThousand(oursMs, english.length)}`);

if (chinese.length > 0) {
  const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): { tag(text: string, hmm: boolean): unknown[] } } };
  const [jieba, jiebaLoad] = timed(() => Jieba.withDict((require('@node-rs/jieba/dict.js') as { dict: Uint8Array }).dict));
  const [, jiebaMs] = timed(() => chinese.forEach((article) => jieba.tag(textOf(article), true)));
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const [, segmenterMs] = timed(() => chinese.forEach((article) => [...segmenter.segment(textOf(article))]));
  console.log(`Chinese: jieba load ${jiebaLoad.toFixed(0)} ms, tag ${perThousand(jiebaMs, chinese.length)}; Intl.Segmenter ${perThousand(segmenterMs, chinese.length)}`);
}

// A hand check: the names each candidate finds in a few articles drawn with the seed.
let state = Number(values.seed);
const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
for (let n = 0; n < Number(values.sample) && english.length > 0; n++) {
  const article = english[Math.floor(next() * english.length)] as Article;
  const doc = nlp(textOf(article));
  const ours = new Map<string, string>();
  for (const spans of recogniseNames(article, gazetteer)) for (const span of spans) ours.set(span.name, span.type);
  console.log(`\n== ${article.file}: ${article.title}`);
  console.log(`recogniseNames: ${[...ours].map(([name, type]) => `${name}/${type}`).join(' | ')}`);
  console.log(`compromise people: ${[...new Set(doc.people().out('array'))].join(' | ')}`);
  console.log(`compromise organizations: ${[...new Set(doc.organizations().out('array'))].join(' | ')}`);
  console.log(`compromise places: ${[...new Set(doc.places().out('array'))].join(' | ')}`);
}
