import { describe, expect, it } from 'vitest';
import { articleKey, briefingKey, memoVersion, outputKey } from '../../src/incremental/keys.ts';
import { decodeBriefing, decodeEntry, encodeBriefing, encodeEntry } from '../../src/incremental/codecs.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { sampleConfig, sampleFiles } from '../helpers/samples.ts';

const { topics, entities } = sampleConfig;
const encode = (text: string) => new TextEncoder().encode(text);

describe('keys', () => {
  const version = memoVersion({ code: 'a', topics, entities });

  it('change with the code, the topics and the gazetteer', () => {
    const others = [memoVersion({ code: 'b', topics, entities }), memoVersion({ code: 'a', topics: topics.slice(1), entities }), memoVersion({ code: 'a', topics, entities: entities.slice(1) })];
    expect(new Set([version, ...others]).size).toBe(4);
  });

  it("an article's: with its file name, its bytes and its manifest entry, and nothing else", () => {
    const bytes = encode('Title\n\nText.');
    const key = articleKey(version, 'a.txt', bytes, { source: 'X' });
    expect(articleKey(version, 'a.txt', encode('Title\n\nText.'), { source: 'X' })).toBe(key);
    for (const other of [articleKey(version, 'b.txt', bytes, { source: 'X' }), articleKey(version, 'a.txt', encode('Title\n\nText!'), { source: 'X' }), articleKey(version, 'a.txt', bytes, { source: 'Y' }), articleKey(version, 'a.txt', bytes, undefined)]) {
      expect(other).not.toBe(key);
    }
  });

  it("a briefing's: with the topic and each of its articles' key, slug and story", () => {
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

  it("an output file's: with the base path its links carry, its path, what it is made from and what else it shows", () => {
    const key = outputKey('v', '/', 'data/articles/a.json', 'k1', [{ slug: 'b', similarity: 0.5 }]);
    for (const other of [outputKey('v', '/briefs/', 'data/articles/a.json', 'k1', [{ slug: 'b', similarity: 0.5 }]), outputKey('v', '/', 'articles/a.mdx', 'k1', [{ slug: 'b', similarity: 0.5 }]), outputKey('v', '/', 'data/articles/a.json', 'k2', [{ slug: 'b', similarity: 0.5 }]), outputKey('v', '/', 'data/articles/a.json', 'k1', [])]) {
      expect(other).not.toBe(key);
    }
  });
});

describe('what the memo reads back', () => {
  const entry = { diagnostics: [], article: null, signals: null };
  const briefing = runPipeline({ files: sampleFiles, manifest: sampleConfig.manifest, topics, entities, site: sampleConfig.site }).briefings[0]!;

  it('is what was written', () => {
    expect(decodeEntry(encodeEntry(entry))).toEqual(entry);
    expect(decodeBriefing(encodeBriefing(briefing), briefing.slug)).toEqual(briefing);
  });

  it('is undefined for text cut short, of another shape, or another topic’s briefing, never an error', () => {
    expect(decodeEntry(encodeEntry(entry).slice(0, 20))).toBeUndefined();
    expect(decodeEntry('null')).toBeUndefined();
    expect(decodeEntry('{"diagnostics":[],"article":{"slug":1},"signals":null}')).toBeUndefined();
    expect(decodeBriefing(encodeBriefing(briefing), 'another-topic')).toBeUndefined();
    expect(decodeBriefing(encodeBriefing(briefing).slice(0, 200), briefing.slug)).toBeUndefined();
    expect(decodeBriefing(JSON.stringify({ ...briefing, points: null }), briefing.slug)).toBeUndefined();
  });
});
