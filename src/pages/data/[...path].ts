/**
 * The static data API: every JSON file the pipeline wrote under `.briefings/data/`, served at
 * `/data/…` byte for byte, plus each chart's data as CSV and JSON. In a build, the integration
 * copies the pipeline's files into `dist/data/` instead (`astro:build:done`): copying 5,000 files
 * is a fraction of rendering 5,000 routes. `astro dev` serves them from here.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { generatedDir } from '../../config/paths.ts';
import { dataFile, topicView, topics } from '../../site/data.ts';

const dataDir = join(generatedDir(process.cwd()), 'data');

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ makes spreadsheets run a formula: prefix it so it stays text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const getStaticPaths = (() => {
  const files = import.meta.env.DEV
    ? readdirSync(dataDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(dataDir, join(e.parentPath, e.name)).split(sep).join('/'))
        .sort()
    : [];
  const paths = files.map((file) => ({ params: { path: file }, props: { kind: 'file' as const, file } }));
  for (const summary of topics()) {
    for (const chart of topicView(summary.slug).charts) {
      const name = `charts/${summary.slug}--${chart.id}`;
      paths.push({ params: { path: `${name}.json` }, props: { kind: 'chart-json', file: `${summary.slug}|${chart.id}` } as never });
      paths.push({ params: { path: `${name}.csv` }, props: { kind: 'chart-csv', file: `${summary.slug}|${chart.id}` } as never });
    }
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { kind, file } = props as { kind: 'file' | 'chart-json' | 'chart-csv'; file: string };
  if (kind === 'file') return new Response(dataFile(file), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  const [slug, id] = file.split('|');
  const chart = topicView(slug ?? '').charts.find((c) => c.id === id);
  if (!chart) return new Response('not found', { status: 404 });
  if (kind === 'chart-json') return new Response(`${JSON.stringify(chart)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  const rows = [['label', ...chart.series.map((s) => s.label), 'sources'].map(csvCell).join(',')];
  chart.labels.forEach((label, i) => {
    const sources = (chart.pointSources[i] ?? []).map((s) => s.path).join(' ');
    rows.push([label, ...chart.series.map((s) => s.values[i] ?? ''), sources].map(csvCell).join(','));
  });
  return new Response(`${rows.join('\n')}\n`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
