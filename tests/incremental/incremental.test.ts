/**
 * `runIncremental` gives what `runPipeline` gives, whatever its memo holds: on a corpus of its
 * own (the five samples, twelve synthetic articles in three formats, and a file the reader
 * refuses), cold, warm, after an edit, a new article, a rival title, and a damaged memo.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, manifestOf, renderArticle } from '../../scripts/bench/corpus.ts';
import type { AnalysedArticle, ArticleFile } from '../../src/core/types.ts';
import { runIncremental, type MemoStore } from '../../src/incremental/index.ts';
import { generatedWriter } from '../../src/io/generated-writer.ts';
import { runPipeline, type PipelineInput, type PipelineOutput } from '../../src/pipeline/index.ts';
import { sampleConfig, sampleFiles } from '../helpers/samples.ts';

const synthetic = generateCorpus(12, 7);
const encode = (text: string) => new TextEncoder().encode(text);
const corpus: ArticleFile[] = [...sampleFiles, ...synthetic.map((a) => ({ file: a.file, bytes: encode(renderArticle(a)) })), { file: 'empty.txt', bytes: encode('  \n') }];
const input = (files: ArticleFile[]): Omit<PipelineInput, 'write'> => ({
  files,
  manifest: { ...sampleConfig.manifest, ...manifestOf(synthetic) },
  topics: sampleConfig.topics,
  entities: sampleConfig.entities,
  site: sampleConfig.site,
  base: '/briefs/',
});
const memoryStore = (): MemoStore & { entries: Map<string, string> } => {
  const entries = new Map<string, string>();
  return { entries, get: (key) => entries.get(key), set: (key, value) => void entries.set(key, value) };
};
const incremental = (files: ArticleFile[], store: MemoStore) => runIncremental({ ...input(files), memo: { store, code: 'test' } });
const edit = (files: ArticleFile[], file: string, change: (text: string) => string) =>
  files.map((f) => (f.file === file ? { file: f.file, bytes: encode(change(new TextDecoder().decode(f.bytes))) } : f));

/** All a run gives, trees included (the memo's articles read theirs when asked). */
function everything(output: PipelineOutput) {
  return {
    articles: output.articles.map((article: AnalysedArticle) => ({ ...article, tree: article.tree })),
    duplicates: [...output.duplicates],
    briefings: output.briefings,
    diagnostics: output.diagnostics,
    files: output.files,
  };
}
const expectSameAsPipeline = (output: PipelineOutput, files: ArticleFile[]) => expect(everything(output)).toEqual(everything(runPipeline(input(files))));

describe('runIncremental gives what runPipeline gives', () => {
  const store = memoryStore();
  const cold = incremental(corpus, store);
  const warm = incremental(corpus, store);

  it('cold, with an empty memo, making every article and briefing', () => {
    expect(cold.reuse).toMatchObject({ articles: { reused: 0, made: corpus.length }, briefings: { reused: 0, made: 3 }, unreadable: 0 });
    expectSameAsPipeline(cold, corpus);
  });

  it('warm, reading and analysing no article and making no briefing', () => {
    expect(warm.reuse).toMatchObject({ articles: { reused: corpus.length, made: 0 }, briefings: { reused: 3, made: 0 }, unreadable: 0 });
    expectSameAsPipeline(warm, corpus);
  });

  it('after an edit, making only the article that changed and the briefings it is in', () => {
    const target = warm.articles.find((a) => a.topics.length > 0) as AnalysedArticle;
    const edited = edit(corpus, target.file, (text) => `${text}\n\nApple said its market share in China held steady at 15% in January.\n`);
    const again = incremental(edited, store);
    expect(again.reuse.articles).toEqual({ reused: corpus.length - 1, made: 1 });
    const topics = new Set([...target.topics, ...(again.articles.find((a) => a.file === target.file)?.topics ?? [])].map((t) => t.topic));
    expect(again.reuse.briefings).toEqual({ reused: 3 - topics.size, made: topics.size });
    expectSameAsPipeline(again, edited);
  });

  it('when a new file takes an article’s slug, re-linking its sources without analysing it again', () => {
    const original = synthetic[0] as (typeof synthetic)[number];
    // Sorting first, a file with the same title takes the plain slug; the old article gets a suffix.
    const rival = { file: '0-rival.md', bytes: encode(`---\ntitle: ${JSON.stringify(original.title)}\n---\n\nA different story under the same headline, told in one paragraph of its own words.\n`) };
    const again = incremental([...corpus, rival], store);
    expect(again.reuse.articles.made).toBe(1);
    const moved = again.articles.find((a) => a.file === original.file) as AnalysedArticle;
    expect(moved.slug).not.toBe(warm.articles.find((a) => a.file === original.file)?.slug);
    expect([...moved.figures, ...moved.quotes, ...moved.events].flatMap((item) => item.sources).every((source) => source.article === moved.slug)).toBe(true);
    expectSameAsPipeline(again, [...corpus, rival]);
  });

  it('reports how far each stage has come, ending at the total', () => {
    const seen: string[] = [];
    runIncremental({ ...input(corpus.slice(0, 3)), memo: { store: memoryStore(), code: 'test' }, onProgress: (stage, done, total) => seen.push(`${stage} ${done}/${total}`) });
    expect(seen).toEqual(['read, clean, analyse 3/3', 'brief 0/3', 'brief 1/3', 'brief 2/3', 'brief 3/3', 'emit 3/3']);
  });
});

describe('a damaged memo costs time, never a page', () => {
  /** A memo from a run over the corpus, then changed by `damage`. */
  function damaged(damage: (entries: Map<string, string>) => void) {
    const store = memoryStore();
    incremental(corpus, store);
    damage(store.entries);
    return incremental(corpus, store);
  }
  const entryWith = (entries: Map<string, string>, text: string) => [...entries].find(([key, value]) => !key.endsWith('-tree') && value.includes(text)) as [string, string];

  it('a tree missing or broken is made again from the file', () => {
    const again = damaged((entries) => {
      const trees = [...entries.keys()].filter((key) => key.endsWith('-tree'));
      entries.delete(trees[0] as string);
      entries.set(trees[1] as string, 'not a tree');
    });
    expect(again.reuse.unreadable).toBe(1);
    expectSameAsPipeline(again, corpus);
  });

  it('an entry cut short is made again', () => {
    const again = damaged((entries) => {
      const [key, value] = entryWith(entries, '"diagnostics"');
      entries.set(key, value.slice(0, 30));
    });
    expect(again.reuse).toMatchObject({ articles: { made: 1 }, unreadable: 1 });
    expectSameAsPipeline(again, corpus);
  });

  it('near-duplicate signals that are not base64, or whose sentences do not fit their words, are made again', () => {
    for (const signals of [{ shingles: 'not base64 of whole numbers!' }, (s: Record<string, string>) => ({ ...s, ends: Buffer.from(Uint32Array.from([1 << 30]).buffer).toString('base64') })]) {
      const again = damaged((entries) => {
        const [key, text] = entryWith(entries, '"signals":{');
        const entry = JSON.parse(text);
        entries.set(key, JSON.stringify({ ...entry, signals: typeof signals === 'function' ? signals(entry.signals) : signals }));
      });
      expect(again.reuse.unreadable).toBe(1);
      expectSameAsPipeline(again, corpus);
    }
  });

  it('near-duplicate signals whose runs do not fit their sentences are made again', () => {
    const again = damaged((entries) => {
      const [key, text] = entryWith(entries, '"signals":{');
      const entry = JSON.parse(text);
      // Every sentence said to have no words, though it has runs of them.
      const lengths = Buffer.from(new Uint32Array(Buffer.from(entry.signals.lengths, 'base64').length / 4).buffer).toString('base64');
      entries.set(key, JSON.stringify({ ...entry, signals: { ...entry.signals, lengths } }));
    });
    expect(again.reuse.unreadable).toBe(1);
    expectSameAsPipeline(again, corpus);
  });

  it('a briefing that is not one is made again', () => {
    const again = damaged((entries) => entries.set(entryWith(entries, '"points"')[0], '{"slug":"market-share"}'));
    expect(again.reuse).toMatchObject({ briefings: { made: 1 }, unreadable: 1 });
    expectSameAsPipeline(again, corpus);
  });
});

describe('through the writer, build after build', () => {
  const folder = mkdtempSync(join(tmpdir(), 'briefings-incremental-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const store = memoryStore();
  const files = () =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name !== 'written.json')
      .map((e) => relative(folder, join(e.parentPath, e.name)).split(sep).join('/'))
      .sort();
  const folderHolds = (list: ArticleFile[]) => {
    const want = Object.fromEntries(runPipeline(input(list)).files.map((f) => [f.path, f.contents]));
    expect(files()).toEqual(Object.keys(want).sort());
    expect(files().filter((path) => readFileSync(join(folder, path), 'utf8') !== want[path])).toEqual([]);
  };
  const times = () => Object.fromEntries(files().map((path) => [path, statSync(join(folder, path)).mtimeMs]));
  const buildWriting = (list: ArticleFile[]) => {
    const writer = generatedWriter(folder, new Set(['written.json']), join(folder, 'written.json'));
    const output = runIncremental({ ...input(list), memo: { store, code: 'test' }, write: (file) => writer.write(file) });
    writer.finish();
    return output;
  };
  const newArticle = {
    file: 'zz-new.md',
    bytes: encode('---\ntitle: Xiaomi gains smartphone market share in China\ndate: 2025-03-02\n---\n\nXiaomi took 21% of smartphone shipments in China in the fourth quarter of 2024, up from 18% a year earlier, according to Canalys.\n\nSamsung held 19% of the market, Canalys said in its quarterly report on smartphone market share.\n'),
  };

  it('holds what runPipeline makes; a warm build makes no output file and rewrites none', () => {
    const first = buildWriting(corpus);
    expect(first.reuse.outputs.kept).toBe(0);
    folderHolds(corpus);
    const before = times();
    const again = buildWriting(corpus);
    expect(again.reuse.outputs).toEqual({ kept: first.reuse.outputs.made, made: 0 });
    expect(times()).toEqual(before);
  });

  it('a new article makes its own files and those of what it touches, and the folder is what runPipeline makes', () => {
    const again = buildWriting([...corpus, newArticle]);
    const joined = again.articles.find((a) => a.file === 'zz-new.md')?.topics.length ?? 0;
    expect(joined).toBeGreaterThan(0);
    expect(again.reuse.briefings).toEqual({ reused: 3 - joined, made: joined });
    expect(again.reuse.outputs.made).toBeGreaterThanOrEqual(2);
    expect(again.reuse.outputs.made).toBeLessThan(again.reuse.outputs.kept);
    folderHolds([...corpus, newArticle]);
    buildWriting(corpus);
    folderHolds(corpus);
  });
});

describe('article page keys, under which Astro restores a page', () => {
  const copy = { file: 'reworded-techcrunch.txt', bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/corpus/new/reworded-techcrunch.txt'))) };
  /** Page keys by article file. */
  function pageKeys(files: ArticleFile[]): Map<string, string> {
    const output = incremental(files, memoryStore());
    return new Map(output.articles.map((a) => [a.file, output.pageKeys[a.slug] ?? '']));
  }
  const before = pageKeys([...sampleFiles, copy]);

  it('one per article, the same for the same input', () => {
    expect(new Set(before.values()).size).toBe(sampleFiles.length + 1);
    expect(pageKeys([...sampleFiles, copy])).toEqual(before);
  });

  it("an article's new title changes its own key and its near-duplicate's, no other", () => {
    const retitled = pageKeys([...sampleFiles, ...edit([copy], copy.file, (text) => text.replace(/^[^\n]+/, 'A new title for the reworded copy'))]);
    const changed = [...before.keys()].filter((file) => before.get(file) !== retitled.get(file));
    // 003 is the sample the copy rewords: its page names the copy as its near-duplicate, by title.
    expect(changed.sort()).toEqual(['003_cfd479d661bbd93e.txt', 'reworded-techcrunch.txt']);
  });

  it('a new article leaves the keys of pages it does not touch', () => {
    const unrelated = { file: 'riverside.txt', bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/corpus/new/riverside-council-budget.txt'))) };
    const after = pageKeys([...sampleFiles, copy, unrelated]);
    for (const [file, key] of before) expect(after.get(file), file).toBe(key);
  });
});
