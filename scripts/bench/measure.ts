/**
 * Run a command and measure it: wall time, and the peak memory of its whole process tree (the
 * build script, Astro's Node process, Pagefind's binary).
 *
 * Peak memory is sampled from `/proc`: every `interval` ms the resident set sizes (VmRSS) of the
 * process and all its descendants are summed, and the largest sum is kept. Node reports only its
 * own process (`process.resourceUsage().maxRSS`) and GNU time is not installed everywhere;
 * `/proc` is on every Linux machine and sees the children. A sample can miss a spike shorter
 * than the interval, so each process's own high-water mark (VmHWM) is kept too: the largest of
 * those is a floor that no sampling can miss. Where `/proc` is absent the figures are null.
 *
 * CPU time comes from this process's own `/proc/self/stat`: the kernel adds each child's time,
 * and its reaped descendants', to the parent's `cutime`/`cstime` when the parent reaps it, so the
 * change over a run is the whole tree's CPU time (one command at a time).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  status: number | null;
  ms: number;
  /** Largest sampled sum of VmRSS over the process tree, in bytes. */
  peakTreeRss: number | null;
  /** Largest VmHWM (own peak) of any single process of the tree, in bytes. */
  peakProcessRss: number | null;
  /** CPU time (user + system) of the whole tree, in ms: steadier than wall time on a busy machine. */
  cpuMs: number | null;
  output: string;
}

const kib = (status: string, field: string): number => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : 0;
};

/** CPU time of reaped children so far, in ms (`/proc` counts in clock ticks of 1/100 s). */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of stat (cutime, cstime) are 13 and 14 after the command name.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** The pid and every descendant of it, from each process's parent in `/proc/<pid>/stat`. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(parent);
      if (list) list.push(Number(name));
      else children.set(parent, [Number(name)]);
    } catch {
      // The process ended between listing and reading: it no longer counts.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] as number) ?? []));
  return tree;
}

export function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; interval?: number; echo?: boolean },
): Promise<Measured> {
  const sampling = existsSync('/proc/self/status');
  const cpuStart = sampling ? childrenCpuMs() : 0;
  const start = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  const collect = (chunk: Buffer) => {
    chunks.push(chunk);
    if (options.echo) process.stderr.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  let peakTreeRss = 0;
  const peakOf = new Map<number, number>();
  const sample = () => {
    if (child.pid === undefined) return;
    let sum = 0;
    for (const pid of processTree(child.pid)) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        sum += kib(status, 'VmRSS');
        peakOf.set(pid, Math.max(peakOf.get(pid) ?? 0, kib(status, 'VmHWM')));
      } catch {
        // Ended while sampled.
      }
    }
    peakTreeRss = Math.max(peakTreeRss, sum);
  };
  const timer = sampling ? setInterval(sample, options.interval ?? 100) : undefined;

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({
        status,
        ms: performance.now() - start,
        peakTreeRss: sampling ? peakTreeRss : null,
        peakProcessRss: sampling ? Math.max(0, ...peakOf.values()) : null,
        cpuMs: sampling ? childrenCpuMs() - cpuStart : null,
        output: Buffer.concat(chunks).toString('utf8'),
      });
    });
  });
}
