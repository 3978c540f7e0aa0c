/**
 * The formatter of configuration errors: one line per problem with the file, line, column, field
 * and the fix, driven by the schema's own keys (so a field added to a schema is suggested
 * without a change to the formatter).
 */
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { closest, configProblems, editDistance, fieldsAt, formatProblem, jsonSyntaxProblem, SourcePositions } from '../../src/config/issues.ts';
import { gazetteerSchema, siteConfigSchema, topicSchema } from '../../src/config/schema.ts';

/** Parse `text` (YAML or JSON) against `schema` and format what is wrong, one line each. */
function problems(schema: z.ZodType, text: string, syntax: 'yaml' | 'json' = 'yaml', firstLine = 1): string[] {
  const data: unknown = syntax === 'json' ? JSON.parse(text) : parse(text);
  const result = schema.safeParse(data);
  if (result.success) return [];
  return configProblems(result.error, { schema, data, file: 'f', source: new SourcePositions(text, firstLine), syntax }).map(formatProblem);
}

describe('editDistance and closest', () => {
  test.each([
    ['treshold', 'threshold', 1],
    ['tilte', 'title', 1],
    ['thresold', 'threshold', 1],
    ['colour', 'color', 1],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
  ])('%s → %s: %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  test('suggests the one close candidate, case aside, and nothing when none or two are as close', () => {
    expect(closest('treshold', ['any', 'all', 'none', 'threshold'])).toBe('threshold');
    expect(closest('Title', ['title', 'description'])).toBe('title');
    expect(closest('colour', ['any', 'all', 'none', 'threshold'])).toBeUndefined();
    expect(closest('ab', ['aa', 'bb'])).toBeUndefined();
  });
});

describe('fieldsAt', () => {
  test('reads the keys of the schema at a path, through defaults, arrays and optionals', () => {
    expect(fieldsAt(topicSchema, ['match'])).toEqual(['any', 'all', 'none', 'threshold', 'market', 'excludeMarkets']);
    expect(fieldsAt(topicSchema, ['charts', 0])).toEqual(['id', 'title', 'type', 'measure', 'unit', 'market', 'periods', 'subjects']);
    expect(fieldsAt(topicSchema, ['title'])).toEqual([]);
    expect(fieldsAt(topicSchema, ['nowhere', 'at', 'all'])).toEqual([]);
  });

  test('a field added to a schema is suggested with no change to the formatter', () => {
    const grown = z.object({ match: z.object({ threshold: z.number(), languages: z.array(z.string()).default([]) }).strict() });
    expect(problems(grown, 'match:\n  threshold: 1\n  langauges: [en]\n')).toEqual(['f:3:3: unknown field `match.langauges`: did you mean `languages`?']);
  });
});

describe('configProblems', () => {
  test.each([
    ['title: X\nmatch:\n  any: [a]\n  treshold: 2\n', ['f:4:3: unknown field `match.treshold`: did you mean `threshold`?']],
    ['title: X\nmatch:\n  any: [a]\n  colour: red\n', ['f:4:3: unknown field `match.colour`: remove it, or use one of `any`, `all`, `none`, `threshold`, `market` or `excludeMarkets`']],
    ['titel: X\nmatch: {}\n', ['f:1:1: `title` is missing: add `title: …`', 'f:1:1: unknown field `titel`: did you mean `title`?']],
    ['title: X\nmatch:\n  threshold: "2"\n', ['f:3:14: `match.threshold` must be a number, not a string: write it without quotes']],
    ['title: X\nmatch:\n  threshold: two\n', ['f:3:14: `match.threshold` must be a number, not a string']],
    ['title: X\nmatch:\n  any: market share\n', ['f:3:8: `match.any` must be a list, not a string: write a list, `[market share]`']],
    ['title: X\nmatch: {}\ncharts:\n  - id: a\n    title: A\n    measure: m\n    periods: [2024]\n', ['f:7:15: `charts[0].periods[0]` must be a string, not a number: put it in quotes, `"2024"`']],
    ['title: X\nmatch: {}\ncharts:\n  - id: a\n    title: A\n    periods: [Q1]\n', ['f:4:5: `charts[0].measure` is missing: add `measure: …` under `charts[0]`']],
    ['title: X\nmatch: {}\ncharts:\n  - id: a\n    title: A\n    measure: m\n    periods: []\n', ['f:7:14: `charts[0].periods` is empty: list at least one value']],
    ['title: X\nmatch: {}\ncharts:\n  - id: Bad Id\n    title: A\n    measure: m\n    periods: [Q1]\n', ['f:4:9: `charts[0].id`: use lowercase letters, digits and dashes']],
    ['title: ""\nmatch: {}\n', ['f:1:8: `title` is empty: write a value']],
  ])('%j', (text, expected) => {
    expect(problems(topicSchema, text)).toEqual(expected);
  });

  test('a front matter’s lines are counted from the line it starts on in its file', () => {
    expect(problems(topicSchema, 'title: X\nmatch:\n  treshold: 2\n', 'yaml', 2)).toEqual(['f:4:3: unknown field `match.treshold`: did you mean `threshold`?']);
  });

  test('JSON files are located and worded as JSON', () => {
    expect(problems(siteConfigSchema, '{\n  "title": "T",\n  "latestArticle": 5\n}', 'json')).toEqual(['f:3:3: unknown field `latestArticle`: did you mean `latestArticles`?']);
    expect(problems(siteConfigSchema, '{ "url": "example.com" }', 'json')).toEqual(['f:1:10: `url`: expected a full URL such as https://example.com/story']);
    expect(problems(siteConfigSchema, '{ "url": "ftp://example.com" }', 'json')).toEqual(['f:1:10: `url`: only http:// and https:// links are allowed']);
    expect(problems(z.object({ a: z.object({ b: z.string() }) }), '{ "a": {} }', 'json')).toEqual(['f:1:8: `a.b` is missing: add `"b": …` under `a`']);
    expect(problems(z.object({ tags: z.array(z.string()) }), '{ "tags": "x" }', 'json')).toEqual(['f:1:11: `tags` must be a list, not a string: write a list, `["x"]`']);
  });

  test('an entity type, enum values, and a close miss among them', () => {
    expect(problems(gazetteerSchema, '[\n  { "name": "Tim Cook", "type": "persn" }\n]', 'json')).toEqual([
      'f:2:33: `[0].type` must be `company`, `person`, `place`, `product` or `organization`, not `persn`: did you mean `person`?',
    ]);
  });
});

describe('the gazetteer', () => {
  test('names each clash and its fix: an entity twice, an alias on two entities, an alias that is another’s name', () => {
    const text = [
      '[',
      '  { "name": "Apple", "type": "company", "aliases": ["Apple Inc."] },',
      '  { "name": "Huawei", "type": "company", "aliases": ["华为", "apple"] },',
      '  { "name": "Honor", "type": "company", "aliases": ["华为"] },',
      '  { "name": "APPLE", "type": "company" }',
      ']',
    ].join('\n');
    expect(problems(gazetteerSchema, text, 'json')).toEqual([
      'f:3:60: the alias `apple` of `Huawei` is the name of another entity: remove it from `Huawei`\'s aliases',
      'f:4:53: the alias `华为` is given to both `Huawei` and `Honor`: keep it on the one it names',
      'f:5:13: the entity `APPLE` is listed twice (entries 1 and 4): keep one entry, with the aliases of both',
    ]);
  });

  test('an alias that is its own entity’s name in another case is no clash', () => {
    expect(problems(gazetteerSchema, '[{ "name": "Oppo", "type": "company", "aliases": ["OPPO"] }]', 'json')).toEqual([]);
  });
});

describe('jsonSyntaxProblem', () => {
  const problem = (text: string) => {
    expect(() => JSON.parse(text)).toThrow();
    return formatProblem(jsonSyntaxProblem(text, 'site.json'));
  };
  test.each([
    ['{\n  "title": "T",\n}\n', 'site.json:2:15: not valid JSON: a comma after the last item: remove it (JSON allows none)'],
    ['[1, 2,]', 'site.json:1:6: not valid JSON: a comma after the last item: remove it (JSON allows none)'],
    ['{\n  "a": 1\n  "b": 2\n}', 'site.json:3:3: not valid JSON: a missing comma: add `,` before this item'],
    ["{ 'title': 'T' }", 'site.json:1:3: not valid JSON: text in single quotes: use double quotes (`"`)'],
    ['{\n  // a comment\n  "a": 1\n}', 'site.json:2:3: not valid JSON: a comment: remove it (JSON has no comments)'],
    ['{ title: "T" }', 'site.json:1:3: not valid JSON: a name without quotes: put it in double quotes'],
    ['{ "a": [1, 2', 'site.json:1:13: not valid JSON: the file ends too early: close every `{` and `[`'],
    ['{"a": tru}', 'site.json:1:7: not valid JSON: invalid symbol here'],
  ])('%j', (text, expected) => {
    expect(problem(text)).toBe(expected);
  });
});
