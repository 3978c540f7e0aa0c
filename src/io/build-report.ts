/**
 * `build-report.json` in the generated folder: what a build did, for the benchmark and anyone
 * curious. The pipeline's part is written when it ends (`writeBuildReport`), and Astro's and
 * Pagefind's times are added as they end (`addToBuildReport`), by the integration or by
 * `npm run build`; this is the one place that writes it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BUILD_REPORT_FILE = 'build-report.json';

export interface BuildReport {
  articles: number;
  /** Files refused, with an error. */
  skipped: number;
  topics: number;
  /** What came from earlier builds (`src/incremental/`), and what was made. */
  reuse: {
    /** Article files whose read, clean and analysis came from the memo, and those made. */
    articles: { reused: number; made: number };
    /** Topic briefings from the memo, and those made. */
    briefings: { reused: number; made: number };
    /** Files made from one article or one topic (pages, records, views) that the writer kept from the last build, and those made. */
    outputs: { kept: number; made: number };
    /** Memo entries that could not be read back: ignored, and made again. */
    unreadable: number;
  };
  /** Milliseconds per stage; `fill`: the new articles' read, clean and analysis, in parallel, before the pipeline. */
  stages: Record<'read' | 'clean' | 'analyse' | 'brief' | 'emit' | 'write', number> & { fill?: number };
  /** Worker threads that filled the memo; 0 when the pipeline ran alone. */
  workers: number;
  /** From the end of the pipeline to the start of `astro:build:done`: Astro's own build. */
  astro: number | null;
  /** The search index, in milliseconds. */
  pagefind: number | null;
  /** Peak resident memory of Astro's Node process (the pipeline's, until Astro's is known), in bytes. */
  maxRss: number;
}

const write = (file: string, report: BuildReport) => writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

export function writeBuildReport(generated: string, report: BuildReport): void {
  write(join(generated, BUILD_REPORT_FILE), report);
}

/** Add what a later step measured to the report, when there is one. */
export function addToBuildReport(generated: string, added: Partial<Pick<BuildReport, 'astro' | 'pagefind' | 'maxRss'>>): void {
  const file = join(generated, BUILD_REPORT_FILE);
  if (!existsSync(file)) return;
  write(file, { ...(JSON.parse(readFileSync(file, 'utf8')) as BuildReport), ...added });
}
