/**
 * The static data API: every JSON file the pipeline wrote under `.briefings/data/`, served at
 * `/data/…` byte for byte, plus each chart's data as CSV and JSON. In a build, the integration
 * copies the pipeline's files into `dist/data/` instead (`astro:build:done`): copying 5,000 files
 * is a fraction of rendering 5,000 routes. `astro dev` serves them from here.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { dataFile, dataFiles, topicView, topics } from '../../site/data.ts';
import { chartDataFile } from '../../site/urls.ts';
import { chartCsv } from '../../site/views.ts';

export const getStaticPaths = (() => {
  const files = import.meta.env.DEV ? dataFiles() : [];
  const paths = files.map((file) => ({ params: { path: file }, props: { kind: 'file' as const, file } }));
  for (const summary of topics()) {
    for (const chart of topicView(summary.slug).charts) {
      paths.push({ params: { path: chartDataFile(summary.slug, chart.id, 'json') }, props: { kind: 'chart-json', file: `${summary.slug}|${chart.id}` } as never });
      paths.push({ params: { path: chartDataFile(summary.slug, chart.id, 'csv') }, props: { kind: 'chart-csv', file: `${summary.slug}|${chart.id}` } as never });
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
  return new Response(chartCsv(chart), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
