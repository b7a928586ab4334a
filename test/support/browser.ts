// Real Chromium for the journeys (Debian's /usr/bin/chromium, never a downloaded build), plus an
// axe-core accessibility check and a server on a free loopback port serving the built web app.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { webBuildIsStale } from '../../src/cli/build-web.ts';
import { projectRoot } from '../../src/server/core/paths.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Whether every script and stylesheet index.html names is in `webDir` (a copy taken mid-build may lack some). */
async function isWholeBuild(webDir: string): Promise<boolean> {
  const index = await readFile(path.join(webDir, 'index.html'), 'utf8').catch(() => '');
  const assets = new Set(await readdir(path.join(webDir, 'assets')).catch(() => []));
  const named = [...index.matchAll(/\/assets\/([^"']+)/g)].map((m) => m[1] ?? '');
  return named.length > 0 && named.every((name) => assets.has(name));
}

/**
 * The journey's own copy of the current web build, in a temporary folder it removes when it closes: dist/web when it is
 * whole and newer than src/web, else a fresh build made there. Journeys run side by side, so one must never rebuild
 * the folder another is serving (its pages would ask for chunks the rebuild has just deleted).
 */
export async function ensureFreshWebBuild(): Promise<{ webDir: string; remove: () => Promise<void> }> {
  const shared = path.join(projectRoot, 'dist/web');
  const webDir = await mkdtemp(path.join(tmpdir(), 'maille-web-'));
  const remove = () => rm(webDir, { recursive: true, force: true });
  try {
    if (!webBuildIsStale(shared)) await cp(shared, webDir, { recursive: true });
    if (!(await isWholeBuild(webDir))) {
      const { build } = await import('vite');
      await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir: webDir, emptyOutDir: true } });
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { webDir, remove };
}

/** Fails on any serious or critical WCAG 2.1 A/AA violation of the page as it is now. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `accessibility of ${label}`).toEqual([]);
}
