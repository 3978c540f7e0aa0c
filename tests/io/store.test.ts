import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeDigest } from '../../src/io/code-digest.ts';
import { openStore } from '../../src/io/store.ts';

describe('a store on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefings-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back what was set, and after a build prunes what the build did not use', () => {
    const first = openStore(dir);
    first.set('a', '1');
    first.set('b', '2');
    first.set('c', '3');
    first.prune();
    const second = openStore(dir);
    expect(second.get('a')).toBe('1');
    expect(second.get('missing')).toBeUndefined();
    second.keep('c');
    expect(second.has('b')).toBe(true);
    writeFileSync(join(dir, 'd.json.123.tmp'), 'left by an earlier version, which wrote entries to a temporary name');
    second.prune();
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'c.json']);
  });
});

describe('the code digest', () => {
  const root = join(import.meta.dirname, '..', '..');
  it('is the same for the same code, and changes with the folders given', () => {
    const digest = codeDigest(root, [join(root, 'src', 'pipeline')]);
    expect(digest).toMatch(/^[0-9a-f]{16}$/);
    expect(codeDigest(root, [join(root, 'src', 'pipeline')])).toBe(digest);
    expect(codeDigest(root, [join(root, 'src', 'config')])).not.toBe(digest);
  });
});
