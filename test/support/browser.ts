// Real Chromium for the journeys (Debian's /usr/bin/chromium, never a downloaded build), plus an
// axe-core accessibility check and a server on a free loopback port serving the built web app.
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ensureWebBuilt } from '../../src/cli/build-web.ts';
import { projectRoot } from '../../src/server/core/paths.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Builds dist/web when it is missing or older than src/web, so the journey tests the current code. */
export async function ensureFreshWebBuild(): Promise<string> {
  const webDir = path.join(projectRoot, 'dist/web');
  await ensureWebBuilt(webDir, () => undefined);
  return webDir;
}

/** Fails on any serious or critical WCAG 2.1 A/AA violation of the page as it is now. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `accessibility of ${label}`).toEqual([]);
}
