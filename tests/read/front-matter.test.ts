import { describe, expect, test } from 'vitest';
import { FrontMatterError, parseYamlData, splitFrontMatter } from '../../src/pipeline/read/front-matter.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';

const error = (run: () => unknown) => {
  try {
    run();
  } catch (caught) {
    if (caught instanceof FrontMatterError) return { message: caught.message, line: caught.line };
    throw caught;
  }
  throw new Error('did not throw');
};

describe('splitFrontMatter', () => {
  test('splits YAML between two fences and says where the body starts', () => {
    expect(splitFrontMatter('---\ntitle: A\ndate: 2025-02-14\n---\n\nBody.\n')).toEqual({ yaml: 'title: A\ndate: 2025-02-14', yamlLine: 2, body: '\nBody.\n', bodyLine: 5 });
    expect(splitFrontMatter('---yaml\ntitle: A\n...\nBody.')).toEqual({ yaml: 'title: A', yamlLine: 2, body: 'Body.', bodyLine: 4 });
    expect(splitFrontMatter('---\n---\nBody.')).toEqual({ yaml: '', yamlLine: 2, body: 'Body.', bodyLine: 3 });
  });

  test('no front matter: text, a thematic break, or a separator line', () => {
    expect(splitFrontMatter('Title\n\n---\n\nText.')).toBeNull();
    expect(splitFrontMatter('----\nText.')).toBeNull();
    expect(splitFrontMatter('---\nJust a rule, never closed.\n')).toBeNull();
    expect(splitFrontMatter('--- Breaking news ---\nText.')).toBeNull();
  });

  test('refuses front matter in JavaScript or any language but YAML, at line 1', () => {
    for (const language of ['js', 'javascript', 'JS', 'coffee', 'toml']) {
      expect(error(() => splitFrontMatter(`---${language}\n{ a: 1 }\n---\nBody.`))).toEqual({
        message: `front matter in \`${language}\` is not allowed, since JavaScript and other languages could run code: write it in YAML between two \`---\` lines`,
        line: 1,
      });
    }
  });

  test('refuses YAML that is never closed', () => {
    expect(error(() => splitFrontMatter('---\ntitle: A\n\nBody.'))).toEqual({ message: 'front matter opened on line 1 is never closed: add a line `---` after it', line: 1 });
  });
});

describe('parseYamlData', () => {
  test('a mapping of plain data', () => {
    expect(parseYamlData('title: A\ndate: 2025-02-14\ntags: [a, b]\nn: 1')).toEqual({ title: 'A', date: '2025-02-14', tags: ['a', 'b'], n: 1 });
    expect(parseYamlData('')).toEqual({});
  });

  test('tags that would build code or objects stay data or fail', () => {
    expect(parseYamlData('a: !!js/function "function () { return 1 }"').a).not.toBeInstanceOf(Function);
  });

  test('errors carry the file line (the first YAML line is given)', () => {
    expect(error(() => parseYamlData('title: A\ndate: "unclosed\nsource: x\n', 2))).toEqual({
      message: 'front matter is not valid YAML: Missing closing "quote',
      line: 5,
    });
    expect(error(() => parseYamlData('- a\n- b', 2))).toEqual({ message: 'front matter must be a mapping of `key: value` lines', line: 2 });
  });

  test('an alias bomb is refused before it expands', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
    expect(error(() => parseYamlData(bomb, 2))).toEqual({
      message: 'front matter uses too many YAML aliases (`*name`), which could expand without bound: write the values out',
      line: 2,
    });
  });
});

describe('front matter fields of an article', () => {
  const read = (text: string) => readArticle('a.md', new TextEncoder().encode(text));

  test('each invalid field is a warning naming the field and its line, and falls back', () => {
    const result = read('---\ntitle: Fine\ndate: not-a-date\nlang: English!\nurl: ftp://x\n---\n\nBody.\n');
    expect(result.doc?.meta).toEqual({ title: 'Fine' });
    expect(result.doc?.warnings).toEqual([
      { file: 'a.md', field: 'date', line: 3, severity: 'warning', message: 'front matter `date`: expected a date written as YYYY-MM-DD; ignored' },
      { file: 'a.md', field: 'url', line: 5, severity: 'warning', message: 'front matter `url`: only http:// and https:// links are allowed; ignored' },
      { file: 'a.md', field: 'lang', line: 4, severity: 'warning', message: 'front matter `lang`: use a language tag such as en or zh-Hans; ignored' },
    ]);
  });

  test('a date-time keeps its date; a list of one value is that value; unknown keys are dropped', () => {
    expect(read('---\ndate: "2025-02-14 00:25:55"\nlang:\n  - "en"\nlayout: ../../evil.astro\nslug: x\n---\n\nBody.\n').doc?.meta).toEqual({ date: '2025-02-14', lang: 'en' });
  });

  test('a Markdown article’s opening # heading is its title when the front matter has none', () => {
    expect(read('# Apple picks Alibaba\n\nBody.\n').doc?.meta).toEqual({ title: 'Apple picks Alibaba' });
  });
});
