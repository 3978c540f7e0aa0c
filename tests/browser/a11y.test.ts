/**
 * Accessibility with axe-core in Chromium, on one page of each kind, in the light and the dark
 * color scheme: no serious or critical violation. axe-core comes from npm and is injected into
 * the page, so nothing is fetched.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { chromiumPath, launchChromium } from '../helpers/browser.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';
import { readJson } from '../helpers/site.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

describe.skipIf(!chromiumPath)('accessibility (axe-core)', () => {
  let browser: Browser;
  let server: StaticServer;
  let site: string;
  beforeAll(async () => {
    site = inject('sampleSite');
    server = await serve(site);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages = () => {
    const article = readJson<{ path: string; source: string | null }[]>(site, 'data/articles.json').find((a) => a.source === 'TechCrunch')!;
    return { home: '/', topic: '/topics/market-share/', updates: '/topics/market-share/updates/', article: article.path, entity: '/entities/alibaba/', search: '/search/?q=Alibaba', 'not found': '/no-such-page/' };
  };

  for (const scheme of ['light', 'dark'] as const) {
    test(`no serious or critical violation on any kind of page, ${scheme} scheme`, async () => {
      const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme }); // axe is injected as an inline script
      const found: string[] = [];
      for (const [kind, path] of Object.entries(pages())) {
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
        // Search results and the chart arrive after load: check the page as a reader sees it.
        if (kind === 'search' || kind === 'topic') {
          if (kind === 'topic') await page.locator('canvas[data-chart]').first().scrollIntoViewIfNeeded();
          await page.waitForLoadState('networkidle');
        }
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
          return (await axe.run(document, { resultTypes: ['violations'] })).violations;
        });
        for (const v of violations) {
          if (v.impact !== 'serious' && v.impact !== 'critical') continue;
          for (const node of v.nodes) found.push(`${kind} (${path}), ${scheme}: ${v.id} [${v.impact}] ${v.help} — ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`);
        }
        await page.close();
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }
});
