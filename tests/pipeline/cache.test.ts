import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, manifestOf, renderArticle } from '../../scripts/bench/corpus.ts';
import { contentPaths, loadConfig } from '../../src/config/load.ts';
import { codeDigest, generatedWriter, openCache } from '../../src/integration/io.ts';
import { articleKey, briefingKey, decodeBriefing, decodeEntry, encodeEntry, pipelineVersion, type CacheStore } from '../../src/pipeline/cache.ts';
import { runPipeline, type PipelineInput } from '../../src/pipeline/index.ts';
import { ARTICLE_PAGE_KEYS_FILE } from '../../src/pipeline/paths.ts';

const config = loadConfig(contentPaths(join(import.meta.dirname, '..', '..')));
const samplesDir = join(import.meta.dirname, '..', '..', 'content', 'articles');
const samples = readdirSync(samplesDir)
  .filter((file) => /^00[0-4]_/.test(file))
  .map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(samplesDir, file))) }));
const synthetic = generateCorpus(12, 7);
const encode = (text: string) => new TextEncoder().encode(text);
/** The five samples, twelve synthetic articles in three formats, and a file the reader refuses. */
const corpus = [...samples, ...synthetic.map((a) => ({ file: a.file, bytes: encode(renderArticle(a)) })), { file: 'empty.txt', bytes: encode('  \n') }];
const manifest = { ...config.manifest, ...manifestOf(synthetic) };

/** A Map as the store, counting what the pipeline reads and writes. */
function memoryStore(): CacheStore & { entries: Map<string, string>; writes: number } {
  const entries = new Map<string, string>();
  const store = {
    entries,
    writes: 0,
    get: (key: string) => entries.get(key),
    set: (key: string, value: string) => {
      store.writes++;
      entries.set(key, value);
    },
  };
  return store;
}

function build(files: PipelineInput['files'], store?: CacheStore, extra: Partial<PipelineInput> = {}) {
  return runPipeline({
    files,
    manifest,
    topics: config.topics,
    entities: config.entities,
    site: config.site,
    ...(store ? { cache: { store, code: 'test' } } : {}),
    ...extra,
  });
}

/**
 * Every file a run gives, but the article page keys: with a cache they digest each record's key,
 * which carries the pipeline's version, and without one the record itself (see `emitFiles`).
 */
const contents = (output: ReturnType<typeof build>) => Object.fromEntries(output.files.filter((f) => f.path !== ARTICLE_PAGE_KEYS_FILE).map((f) => [f.path, f.contents]));

describe('keys', () => {
  const version = pipelineVersion({ code: 'a', topics: config.topics, entities: config.entities, base: '/' });

  it('change with the code, the topics, the gazetteer and the base path', () => {
    const others = [
      pipelineVersion({ code: 'b', topics: config.topics, entities: config.entities, base: '/' }),
      pipelineVersion({ code: 'a', topics: config.topics.slice(1), entities: config.entities, base: '/' }),
      pipelineVersion({ code: 'a', topics: config.topics, entities: config.entities.slice(1), base: '/' }),
      pipelineVersion({ code: 'a', topics: config.topics, entities: config.entities, base: '/briefs/' }),
    ];
    expect(new Set([version, ...others]).size).toBe(5);
  });

  it('change with the file name, its bytes and its manifest entry, and nothing else', () => {
    const bytes = encode('Title\n\nText.');
    const key = articleKey(version, 'a.txt', bytes, { source: 'X' });
    expect(articleKey(version, 'a.txt', encode('Title\n\nText.'), { source: 'X' })).toBe(key);
    expect(articleKey(version, 'b.txt', bytes, { source: 'X' })).not.toBe(key);
    expect(articleKey(version, 'a.txt', encode('Title\n\nText!'), { source: 'X' })).not.toBe(key);
    expect(articleKey(version, 'a.txt', bytes, { source: 'Y' })).not.toBe(key);
    expect(articleKey(version, 'a.txt', bytes, undefined)).not.toBe(key);
  });
});

describe('entries', () => {
  const entry = { readDiagnostics: [], cleanDiagnostics: [], article: null, analysis: null, signals: null };

  it('read back what was written', () => {
    expect(decodeEntry(encodeEntry(entry))).toEqual(entry);
  });

  it('are undefined when cut short or of another shape, never an error', () => {
    const text = encodeEntry(entry);
    expect(decodeEntry(text.slice(0, 20))).toBeUndefined();
    expect(decodeEntry('null')).toBeUndefined();
    expect(decodeEntry('{"readDiagnostics":[],"cleanDiagnostics":[],"article":{"slug":1},"analysis":null}')).toBeUndefined();
  });
});

describe('a warm run', () => {
  const store = memoryStore();
  const cold = build(corpus, store);
  const coldWrites = store.writes;
  const warm = build(corpus, store);
  const uncached = build(corpus);

  it('gives byte-identical files to a cold run and to a run without a cache', () => {
    expect(Object.keys(contents(warm)).length).toBe(cold.files.length - 1);
    expect(contents(warm)).toEqual(contents(cold));
    expect(contents(cold)).toEqual(contents(uncached));
    const pageKeys = (output: typeof cold) => output.files.find((f) => f.path === ARTICLE_PAGE_KEYS_FILE)?.contents;
    expect(pageKeys(warm)).toBe(pageKeys(cold));
    expect(Object.keys(JSON.parse(pageKeys(cold) ?? '{}') as object)).toHaveLength(17);
    expect(warm.diagnostics).toEqual(cold.diagnostics);
  });

  it('reads and analyses nothing: every article comes from the cache, every page from its cached tree', () => {
    // 17 articles and one refused file; 17 pages, all made: no writer keeps them here.
    expect(cold.cache).toEqual({ hits: 0, misses: 18, pageHits: 0, pageMisses: 17, briefingHits: 0, briefingMisses: 3, corrupt: 0 });
    // An entry per file, a tree per article.
    expect(coldWrites).toBe(18 + 17);
    // No writer here to keep briefings: they are made again.
    expect(warm.cache).toEqual({ hits: 18, misses: 0, pageHits: 0, pageMisses: 17, briefingHits: 0, briefingMisses: 3, corrupt: 0 });
    expect(store.writes).toBe(coldWrites);
    expect(uncached.cache).toBeNull();
  });

  it('re-analyses only the article that changed', () => {
    const edited = corpus.map((f) => (f.file === synthetic[3]?.file ? { ...f, bytes: encode(`${new TextDecoder().decode(f.bytes)}\nA sentence added at the end of the article.\n`) } : f));
    const again = build(edited, store);
    expect(again.cache?.hits).toBe(17);
    expect(again.cache?.misses).toBe(1);
    expect(contents(again)).toEqual(contents(build(edited)));
  });

  it('re-links, without analysing it again, an unchanged article whose slug another article takes, and matches a cold run', () => {
    // A new file sorting first with the same title takes the plain slug: the old article's
    // slug gains a suffix, and every source link of its analysis with it.
    const original = synthetic[0] as (typeof synthetic)[number];
    const rival = { file: '0-rival.md', bytes: encode(`---\ntitle: ${JSON.stringify(original.title)}\n---\n\nA different story under the same headline, told in one paragraph of its own words.\n`) };
    const again = build([...corpus, rival], store);
    expect(again.cache?.misses).toBe(1);
    const slugs = again.articles.map((a) => a.slug).filter((slug) => slug.startsWith(warm.articles.find((a) => a.title === original.title)!.slug));
    expect(slugs).toHaveLength(2);
    expect(contents(again)).toEqual(contents(build([...corpus, rival])));
  });

  it('keeps no tree in memory: a tree is read back from the cache when asked for', () => {
    const article = warm.articles[0]!;
    expect(Object.keys(article)).not.toContain('tree');
    expect(article.tree).toEqual(uncached.articles.find((a) => a.slug === article.slug)!.tree);
  });

  it('makes a page again from the file when its tree entry is gone or broken', () => {
    const damaged = memoryStore();
    build(corpus, damaged);
    const trees = [...damaged.entries.keys()].filter((key) => key.endsWith('-tree'));
    damaged.entries.delete(trees[0]!);
    damaged.entries.set(trees[1]!, 'not a tree');
    const again = build(corpus, damaged);
    expect(again.cache).toMatchObject({ hits: 18, pageMisses: 17, corrupt: 1 });
    expect(contents(again)).toEqual(contents(cold));
  });

  it('ignores a corrupt entry, counts it, and rebuilds it', () => {
    const damaged = memoryStore();
    build(corpus, damaged);
    const [firstKey] = [...damaged.entries.keys()];
    damaged.entries.set(firstKey as string, '{"readDiagnostics": [');
    const again = build(corpus, damaged);
    expect(again.cache?.corrupt).toBe(1);
    expect(contents(again)).toEqual(contents(cold));
  });

  it('makes near-duplicate signals again when an entry holds broken ones', () => {
    const damaged = memoryStore();
    build(corpus, damaged);
    const [key, text] = [...damaged.entries].find(([, value]) => value.includes('"signals":{')) as [string, string];
    damaged.entries.set(key, JSON.stringify({ ...JSON.parse(text), signals: { shingles: 'not base64 of whole numbers!' } }));
    const again = build(corpus, damaged);
    expect(again.cache?.corrupt).toBe(1);
    expect(contents(again)).toEqual(contents(cold));
  });

  it('makes near-duplicate signals again when the sentence ends of an entry do not fit its words', () => {
    const damaged = memoryStore();
    build(corpus, damaged);
    const [key, text] = [...damaged.entries].find(([, value]) => value.includes('"signals":{')) as [string, string];
    const entry = JSON.parse(text);
    // One sentence said to end past the last word.
    const ends = Buffer.from(Uint32Array.from([1 << 30]).buffer).toString('base64');
    damaged.entries.set(key, JSON.stringify({ ...entry, signals: { ...entry.signals, ends } }));
    const again = build(corpus, damaged);
    expect(again.cache?.corrupt).toBe(1);
    expect(contents(again)).toEqual(contents(cold));
  });

  it('makes near-duplicate signals again when the runs of an entry do not fit its sentences', () => {
    const damaged = memoryStore();
    build(corpus, damaged);
    const [key, text] = [...damaged.entries].find(([, value]) => value.includes('"signals":{')) as [string, string];
    const entry = JSON.parse(text);
    // Every sentence said to have no words, though it has runs of them.
    const lengths = Buffer.from(new Uint32Array(Buffer.from(entry.signals.lengths, 'base64').length / 4).buffer).toString('base64');
    damaged.entries.set(key, JSON.stringify({ ...entry, signals: { ...entry.signals, lengths } }));
    const again = build(corpus, damaged);
    expect(again.cache?.corrupt).toBe(1);
    expect(contents(again)).toEqual(contents(cold));
  });

  it('hands each file to `write` as it is made: the same files, none returned', () => {
    const written: { path: string; contents: string }[] = [];
    const streamed = build(corpus, undefined, { write: (file) => written.push('make' in file ? { path: file.path, contents: file.make() } : file) });
    expect(streamed.files).toEqual([]);
    expect(Object.fromEntries(written.map((f) => [f.path, f.contents]))).toEqual({ ...contents(uncached), [ARTICLE_PAGE_KEYS_FILE]: expect.any(String) });
  });

  it('through the writer, a warm run makes no article page or record, and writes nothing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefings-keyed-'));
    const keyedStore = memoryStore();
    const run = () => {
      const writer = generatedWriter(folder, new Set(['written.json']), join(folder, 'written.json'));
      let made = 0;
      const output = build(corpus, keyedStore, { write: (file) => writer.write('make' in file ? { ...file, make: () => (made++, file.make()) } : file), written: (path, key) => writer.read(path, key) });
      return { output, made, ...writer.finish() };
    };
    try {
      // A page and a record per article, and each topic's briefing, view and list pages.
      const topicFiles = Object.keys(contents(uncached)).filter((path) => /^(data\/topics|views\/topics|lists)\//.test(path));
      expect(topicFiles.length).toBeGreaterThan(3 * 2);
      expect(run().made).toBe(2 * 17 + topicFiles.length);
      const again = run();
      expect(again).toMatchObject({ made: 0, written: 0, removed: 0 });
      expect(again.output.cache).toMatchObject({ pageHits: 17, pageMisses: 0, briefingHits: 3, briefingMisses: 0 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reports progress per stage, ending at the total', () => {
    const seen: string[] = [];
    build(corpus.slice(0, 3), undefined, { onProgress: (stage, done, total) => seen.push(`${stage} ${done}/${total}`) });
    expect(seen).toEqual(['read 3/3', 'clean 3/3', 'analyse 3/3', 'brief 0/3', 'brief 1/3', 'brief 2/3', 'brief 3/3', 'emit 3/3']);
  });
});

describe('topic briefings through the writer', () => {
  /** Runs over one generated folder and one cache, as successive builds do. */
  function builds() {
    const folder = mkdtempSync(join(tmpdir(), 'briefings-topics-'));
    const store = memoryStore();
    const run = (files: PipelineInput['files']) => {
      const writer = generatedWriter(folder, new Set(['written.json']), join(folder, 'written.json'));
      const output = build(files, store, { write: (file) => writer.write(file), written: (path, key) => writer.read(path, key) });
      writer.finish();
      return output;
    };
    const file = (path: string) => readFileSync(join(folder, path), 'utf8');
    return { folder, run, file, done: () => rmSync(folder, { recursive: true, force: true }) };
  }
  /** What the folder holds, as a run without cache or writer makes it (page keys aside). */
  const expected = (files: PipelineInput['files']) => contents(build(files));
  const folderMatches = (file: (path: string) => string, files: PipelineInput['files']) => {
    const want = expected(files);
    const differing = Object.keys(want).filter((path) => file(path) !== want[path]);
    expect(differing).toEqual([]);
  };
  const newArticle = {
    file: 'zz-new.md',
    bytes: encode('---\ntitle: Xiaomi gains smartphone market share in China\ndate: 2025-03-02\n---\n\nXiaomi took 21% of smartphone shipments in China in the fourth quarter of 2024, up from 18% a year earlier, according to Canalys.\n\nSamsung held 19% of the market, Canalys said in its quarterly report on smartphone market share.\n'),
  };

  it('a new article remakes the briefings of the topics it joins, reuses the others, and the folder is what a cold run writes', () => {
    const { run, file, done } = builds();
    try {
      run(corpus);
      const again = run([...corpus, newArticle]);
      const joined = again.articles.find((a) => a.file === 'zz-new.md')?.topics.map((t) => t.topic) ?? [];
      expect(joined.length).toBeGreaterThan(0);
      expect(joined.length).toBeLessThan(3);
      expect(again.cache).toMatchObject({ briefingHits: 3 - joined.length, briefingMisses: joined.length, corrupt: 0 });
      folderMatches(file, [...corpus, newArticle]);
      // And when it goes again, so does it from every briefing that had it.
      const after = run(corpus);
      expect(after.cache).toMatchObject({ briefingHits: 3 - joined.length, briefingMisses: joined.length });
      folderMatches(file, corpus);
    } finally {
      done();
    }
  });

  it('an edited article remakes the briefings of its topics', () => {
    const { run, file, done } = builds();
    try {
      const first = run(corpus);
      const target = first.articles.find((a) => a.topics.length > 0) as (typeof first.articles)[number];
      const edited = corpus.map((f) => (f.file === target.file ? { ...f, bytes: encode(`${new TextDecoder().decode(f.bytes)}\n\nApple said its market share in China held steady at 15% in January.\n`) } : f));
      const again = run(edited);
      const topicsOf = (output: typeof first) => output.articles.find((a) => a.file === target.file)?.topics.map((t) => t.topic) ?? [];
      const touched = new Set([...topicsOf(first), ...topicsOf(again)]);
      expect(again.cache).toMatchObject({ briefingHits: 3 - touched.size, briefingMisses: touched.size });
      folderMatches(file, edited);
    } finally {
      done();
    }
  });

  it('a briefing file changed since it was written is made again, never read back', () => {
    const { folder, run, file, done } = builds();
    try {
      run(corpus);
      const path = 'data/topics/market-share.json';
      writeFileSync(join(folder, path), file(path).replace('"title":', '"title": '));
      const again = run(corpus);
      expect(again.cache).toMatchObject({ briefingHits: 2, briefingMisses: 1, corrupt: 0 });
      folderMatches(file, corpus);
    } finally {
      done();
    }
  });
});

describe('briefings read back', () => {
  const briefing = build(corpus).briefings[0]!;
  it('are the briefing of the topic asked for, or undefined', () => {
    const text = JSON.stringify(briefing);
    expect(decodeBriefing(text, briefing.slug)).toEqual(briefing);
    expect(decodeBriefing(text, 'another-topic')).toBeUndefined();
    expect(decodeBriefing(text.slice(0, 200), briefing.slug)).toBeUndefined();
    expect(decodeBriefing(JSON.stringify({ ...briefing, points: null }), briefing.slug)).toBeUndefined();
  });
  it('are keyed by the topic and its articles: key, slug and story', () => {
    const members = [['k1', 'a', 'a'], ['k2', 'b', 'a']] as const;
    const key = briefingKey('v', 't', members);
    expect(briefingKey('v', 't', [['k1', 'a', 'a'], ['k2', 'b', 'a']])).toBe(key);
    for (const other of [
      briefingKey('v2', 't', members),
      briefingKey('v', 't2', members),
      briefingKey('v', 't', [['k1', 'a', 'a']]),
      briefingKey('v', 't', [['k1', 'a', 'a'], ['k3', 'b', 'a']]),
      briefingKey('v', 't', [['k1', 'a', 'a'], ['k2', 'b2', 'a']]),
      briefingKey('v', 't', [['k1', 'a', 'a'], ['k2', 'b', 'b']]),
    ])
      expect(other).not.toBe(key);
  });
});

describe('the cache on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefings-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps what a build used and prunes the rest', () => {
    const first = openCache(dir);
    first.set('a', '1');
    first.set('b', '2');
    expect(first.prune()).toBe(0);
    const second = openCache(dir);
    expect(second.get('a')).toBe('1');
    expect(second.get('missing')).toBeUndefined();
    writeFileSync(join(dir, 'c.json.123.tmp'), 'left by an earlier version, which wrote entries to a temporary name');
    expect(second.prune()).toBe(2);
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('gives a pipeline the same files cold and warm', () => {
    const cache = join(dir, 'pipeline');
    const coldRun = build(corpus, openCache(cache));
    const warmRun = build(corpus, openCache(cache));
    expect(warmRun.cache?.hits).toBe(18);
    expect(contents(warmRun)).toEqual(contents(coldRun));
    expect(existsSync(cache)).toBe(true);
  });

  it('takes an entry cut short on disk (a build that stopped) for a miss, and rebuilds it', () => {
    const cache = join(dir, 'cut-short');
    const coldRun = build(corpus, openCache(cache));
    const [name] = readdirSync(cache).filter((file) => !file.endsWith('-tree.json')).sort();
    const path = join(cache, name as string);
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 100));
    const warmRun = build(corpus, openCache(cache));
    expect(warmRun.cache?.corrupt).toBe(1);
    expect(contents(warmRun)).toEqual(contents(coldRun));
    expect(build(corpus, openCache(cache)).cache?.corrupt).toBe(0);
  });

  it('digests the code that produces cached results', () => {
    const root = join(import.meta.dirname, '..', '..');
    const digest = codeDigest(root, [join(root, 'src', 'pipeline')]);
    expect(digest).toMatch(/^[0-9a-f]{16}$/);
    expect(codeDigest(root, [join(root, 'src', 'pipeline')])).toBe(digest);
    expect(codeDigest(root, [join(root, 'src', 'config')])).not.toBe(digest);
  });
});

describe('the generated folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefings-generated-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes files as they come, rewrites only changed ones, removes stale ones and keeps the cache', () => {
    const first = generatedWriter(dir, new Set(['cache']));
    for (const path of ['a.json', 'articles/b.mdx', 'articles/c.mdx']) first.write({ path, contents: `${path}\n` });
    writeFileSync(join(dir, 'cache.json'), 'not kept: only the folder named cache is');
    expect(first.finish()).toEqual({ written: 3, removed: 1 });
    openCache(join(dir, 'cache')).set('k', 'v');

    const second = generatedWriter(dir, new Set(['cache']));
    second.write({ path: 'a.json', contents: 'a.json\n' });
    second.write({ path: 'articles/b.mdx', contents: 'B, changed\n' });
    expect(second.finish()).toEqual({ written: 1, removed: 1 });
    expect(readFileSync(join(dir, 'articles/b.mdx'), 'utf8')).toBe('B, changed\n');
    expect(existsSync(join(dir, 'articles/c.mdx'))).toBe(false);
    expect(existsSync(join(dir, 'cache', 'k.json'))).toBe(true);
  });

  it('with a record of what it wrote, skips unchanged files without reading them, and rewrites a file changed on disk', () => {
    const folder = mkdtempSync(join(dir, 'record-'));
    const record = join(folder, 'written.json');
    const keep = new Set(['written.json']);
    const first = generatedWriter(folder, keep, record);
    first.write({ path: 'a.mdx', contents: 'A\n' });
    first.write({ path: 'b.mdx', contents: 'B\n' });
    expect(first.finish()).toEqual({ written: 2, removed: 0 });
    // Changed by hand to the same size since: the record no longer matches, so it is compared and restored.
    writeFileSync(join(folder, 'b.mdx'), 'X\n');
    utimesSync(join(folder, 'b.mdx'), 1, 1);
    const second = generatedWriter(folder, keep, record);
    second.write({ path: 'a.mdx', contents: 'A\n' });
    second.write({ path: 'b.mdx', contents: 'B\n' });
    expect(second.finish()).toEqual({ written: 1, removed: 0 });
    expect(readFileSync(join(folder, 'b.mdx'), 'utf8')).toBe('B\n');
    // A broken record is no record.
    writeFileSync(record, '{not json');
    const third = generatedWriter(folder, keep, record);
    third.write({ path: 'a.mdx', contents: 'A, changed\n' });
    expect(third.finish()).toEqual({ written: 1, removed: 1 });
  });

  it('does not make a keyed file written under the same key and untouched since, and makes it when either changed', () => {
    const folder = mkdtempSync(join(dir, 'keyed-'));
    const record = join(folder, 'written.json');
    const keep = new Set(['written.json']);
    const made: string[] = [];
    const keyed = (path: string, key: string, contents: string) => ({ path, key, make: () => (made.push(path), contents) });
    const first = generatedWriter(folder, keep, record);
    for (const path of ['a.mdx', 'b.mdx', 'c.mdx']) first.write(keyed(path, 'k1', `${path}\n`));
    expect(first.finish()).toEqual({ written: 3, removed: 0 });
    made.length = 0;
    writeFileSync(join(folder, 'c.mdx'), 'edited by hand\n');
    const second = generatedWriter(folder, keep, record);
    second.write(keyed('a.mdx', 'k1', 'a.mdx\n'));
    second.write(keyed('b.mdx', 'k2', 'b.mdx, new\n'));
    second.write(keyed('c.mdx', 'k1', 'c.mdx\n'));
    expect(second.finish()).toEqual({ written: 2, removed: 0 });
    expect(made).toEqual(['b.mdx', 'c.mdx']);
    expect(readFileSync(join(folder, 'b.mdx'), 'utf8')).toBe('b.mdx, new\n');
    expect(readFileSync(join(folder, 'c.mdx'), 'utf8')).toBe('c.mdx\n');
    // The record carries the keys on, including the key of a file it did not make.
    made.length = 0;
    const third = generatedWriter(folder, keep, record);
    third.write(keyed('a.mdx', 'k1', 'a.mdx\n'));
    third.write(keyed('b.mdx', 'k2', 'b.mdx, new\n'));
    third.write(keyed('c.mdx', 'k1', 'c.mdx\n'));
    expect(third.finish()).toEqual({ written: 0, removed: 0 });
    expect(made).toEqual([]);
  });

  it('writing in the background, writes the same files and the same record, and waits at finish', () => {
    const folder = mkdtempSync(join(dir, 'background-'));
    const record = join(folder, 'written.json');
    const keep = new Set(['written.json']);
    const files = Array.from({ length: 300 }, (_, i) => ({ path: `pages/${i % 7}/${i}.json`, contents: `${JSON.stringify({ i, text: 'x'.repeat(i * 97) })}\n` }));
    const first = generatedWriter(folder, keep, record, { background: true });
    for (const file of files) first.write(file);
    expect(first.finish()).toEqual({ written: 300, removed: 0 });
    for (const file of files) expect(readFileSync(join(folder, file.path), 'utf8')).toBe(file.contents);
    const recorded = Object.entries(JSON.parse(readFileSync(record, 'utf8')) as Record<string, [string, number, number]>);
    expect(recorded.map(([path, [, size, mtimeMs]]) => [path, size, mtimeMs])).toEqual(
      files.map((file) => [file.path, Buffer.byteLength(file.contents), statSync(join(folder, file.path)).mtimeMs]),
    );
    // So a second run writes nothing.
    const again = generatedWriter(folder, keep, record, { background: true });
    for (const file of files) again.write(file);
    expect(again.finish()).toEqual({ written: 0, removed: 0 });
    const sync = generatedWriter(folder, keep, record);
    for (const file of files.slice(1)) sync.write(file);
    expect(sync.finish()).toEqual({ written: 0, removed: 1 });
  });

  it('writing in the background, a failed write fails the run at finish with the file named', () => {
    const folder = mkdtempSync(join(dir, 'background-fail-'));
    // A folder where the file should go: the write fails (EISDIR).
    mkdirSync(join(folder, 'a.json'));
    const writer = generatedWriter(folder, new Set(), undefined, { background: true });
    writer.write({ path: 'b.json', contents: '{}\n' });
    writer.write({ path: 'a.json', contents: '{}\n' });
    expect(() => writer.finish()).toThrow(/could not write .*a\.json: EISDIR/);
  });

  it('reads back a keyed file only under the key it was written with, and only untouched since', () => {
    const folder = mkdtempSync(join(dir, 'read-'));
    const record = join(folder, 'written.json');
    const keep = new Set(['written.json']);
    const first = generatedWriter(folder, keep, record);
    first.write({ path: 'topics/a.json', key: 'k1', make: () => '{"a":1}\n' });
    first.write({ path: 'topics/b.json', key: 'k1', make: () => '{"b":1}\n' });
    first.write({ path: 'plain.json', contents: '{}\n' });
    first.finish();
    writeFileSync(join(folder, 'topics/b.json'), '{"b":2}\n');
    const second = generatedWriter(folder, keep, record);
    expect(second.read('topics/a.json', 'k1')).toBe('{"a":1}\n');
    expect(second.read('topics/a.json', 'k2')).toBeUndefined();
    expect(second.read('topics/b.json', 'k1')).toBeUndefined();
    expect(second.read('plain.json', '')).toBeUndefined();
    expect(second.read('missing.json', 'k1')).toBeUndefined();
    expect(() => second.read('../outside.json', 'k1')).toThrow(/refusing a path outside/);
    // Without a record nothing is known to be untouched.
    expect(generatedWriter(folder, keep).read('topics/a.json', 'k1')).toBeUndefined();
  });

  it('refuses a path outside the folder', () => {
    expect(() => generatedWriter(dir).write({ path: '../outside.json', contents: '' })).toThrow(/refusing a path outside/);
  });
});
