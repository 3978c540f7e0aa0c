import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../scripts/bench/measure.ts';

/** A Node process that holds `mb` megabytes for a moment, optionally inside a child of its own. */
const holder = (mb: number) => `const b = Buffer.alloc(${mb} * 1024 * 1024, 1); setTimeout(() => console.log(b.length), 800);`;

describe.skipIf(!existsSync('/proc/self/stat'))('run', () => {
  it('captures the output and the exit status', async () => {
    const result = await run(process.execPath, ['-e', 'console.log("out"); console.error("err"); process.exit(3)'], { cwd: process.cwd(), env: process.env });
    expect(result.status).toBe(3);
    expect(result.output).toContain('out');
    expect(result.output).toContain('err');
  });

  it('counts the memory of the children the command starts', async () => {
    const parent = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(holder(300))}], { stdio: 'inherit' });`;
    const result = await run(process.execPath, ['-e', parent], { cwd: process.cwd(), env: process.env, interval: 50 });
    expect(result.status).toBe(0);
    expect(result.peakTreeRss).toBeGreaterThan(300 * 1024 * 1024);
    expect(result.peakProcessRss).toBeGreaterThan(300 * 1024 * 1024);
    expect(result.cpuMs).toBeGreaterThan(0);
  });
});
