/**
 * A digest of code: every TypeScript source under some folders, and the locked versions of the
 * libraries it calls. What a build keeps for the next one is keyed by it, so any edit to that code
 * makes every key new.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export function codeDigest(projectRoot: string, sourceDirs: string[]): string {
  const hash = createHash('sha256');
  for (const dir of sourceDirs) {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  const lock = join(projectRoot, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex').slice(0, 16);
}
