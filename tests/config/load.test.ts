/**
 * Configuration errors say which file, which field, and what to do — one line per problem —
 * and a topic file can never run code.
 */
import { describe, expect, test } from 'vitest';
import { loadConfig, loadTopic } from '../../src/config/load.ts';
import { samplePaths } from '../helpers/samples.ts';

describe('topic files', () => {
  test('a valid topic loads with its defaults and its introduction', () => {
    const { topic, problems } = loadTopic('content/topics/ai.md', '---\ntitle: AI\nmatch:\n  any: [AI]\n---\n\nWhy we follow it.\n');
    expect(problems).toEqual([]);
    expect(topic).toMatchObject({ slug: 'ai', title: 'AI', description: '', order: 100, charts: [], match: { any: ['AI'], all: [], none: [], threshold: 1 } });
    expect(topic!.intro.children).toHaveLength(1);
  });

  test('a term may be given in several languages, and a market guard set', () => {
    const { topic, problems } = loadTopic('content/topics/share.md', '---\ntitle: Share\nmatch:\n  any: [[market share, 市场份额], IDC]\n  threshold: 1.5\n  market: [China, 中国]\n  excludeMarkets: [India]\n---\n');
    expect(problems).toEqual([]);
    expect(topic?.match).toEqual({ any: [['market share', '市场份额'], 'IDC'], all: [], none: [], threshold: 1.5, market: ['China', '中国'], excludeMarkets: ['India'] });
  });

  test.each([
    ['---\ntitle: X\nmatch:\n  any: [a\n---\n', [{ file: 't.md', line: 4, message: 'front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]' }]],
    ['---js\n{ title: require("fs") }\n---\n', [{ file: 't.md', line: 1, message: 'front matter in `js` is not allowed, since JavaScript and other languages could run code: write it in YAML between two `---` lines' }]],
    ['---\ntitle: X\nmatch: {any: [a], treshold: 2}\n---\n', [{ file: 't.md', line: 3, column: 19, field: 'match.treshold', message: 'unknown field `match.treshold`: did you mean `threshold`?' }]],
    ['---\nmatch: {any: [a]}\n---\n', [{ file: 't.md', line: 2, column: 1, field: 'title', message: '`title` is missing: add `title: …`' }]],
    ['---\ntitle: X\nmatch: {}\ncharts:\n  - id: Bad Id\n    title: C\n    measure: m\n    periods: [Q4 2024]\n---\n', [{ file: 't.md', line: 5, column: 9, field: 'charts[0].id', message: '`charts[0].id`: use lowercase letters, digits and dashes' }]],
    ['---\ntitle: X\nmatch: {any: [a], market: 3}\n---\n', [{ file: 't.md', line: 3, column: 27, field: 'match.market', message: '`match.market`: expected a term, or a list of the same term in several languages such as [market share, 市场份额]' }]],
    ['---\ntitle: X\nmatch: {any: [a], excludeMarkets: India}\n---\n', [{ file: 't.md', line: 3, column: 35, field: 'match.excludeMarkets', message: '`match.excludeMarkets` must be a list, not a string: write a list, `[India]`' }]],
  ])('%j is reported with file, line, field, and the fix', (text, expected) => {
    expect(loadTopic('t.md', text).problems).toEqual(expected);
  });
});

test('the sample configuration loads without a problem', () => {
  const config = loadConfig(samplePaths);
  expect(config.diagnostics).toEqual([]);
  expect(config.errors).toEqual([]);
  expect(config.topics.map((t) => t.slug)).toEqual(['apple-in-china', 'alibaba-ai', 'market-share']);
  expect(config.entities.length).toBeGreaterThan(40);
  expect(config.site.title).toBe('Briefings');
});
