// What a first visit to the home page moves over the wire, measured in Chromium: Maille started as a real process on a
// fresh PGlite demo, the page opened in a new browser context (empty cache) at 390 × 844, and every response's bytes
// on the wire (CDP Network.loadingFinished encodedDataLength) summed by resource type. Printed against the budget
// (≤ 100 KB of JavaScript, ≤ 300 KB in all) and against a baseline measured in the same run: the same visit with
// compression refused by the browser (accept-encoding: identity). Then what scrolling down to the map adds,
// and Largest Contentful Paint under Chromium's slow 4G (562.5 ms, 1.44 Mbit/s down, 675 kbit/s up) and 4× CPU throttling
// (target ≤ 2.5 s), for both.
// Run: npm run bench:weight   (after `npx vite build`; MAILLE_DEMO_RESIDENTS residents, 2000 unless told)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { ensureFreshWebBuild, launchChromium } from '../test/support/browser.ts';
import { bundleCli, startMaille } from '../test/support/maille-process.ts';
import { DEMO_SLUG } from '../src/server/demo/seed-demo.ts';

const KB = 1024;
const BUDGET = { script: 100 * KB, total: 300 * KB };
const LCP_TARGET_MS = 2500;
/** Chromium DevTools' « Slow 4G » preset. */
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8, uploadThroughput: (750 * 1000 * 0.9) / 8 };
const PHONE = { viewport: { width: 390, height: 844 }, locale: 'fr-FR', deviceScaleFactor: 2, isMobile: true, hasTouch: true };

type Bytes = Map<string, number>;

/** Records the bytes on the wire of every response the page receives, by CDP resource type. */
async function recordBytes(cdp: CDPSession): Promise<{ bytes: Bytes; pending: () => number }> {
  const types = new Map<string, string>();
  const bytes: Bytes = new Map();
  const open = new Set<string>();
  cdp.on('Network.requestWillBeSent', (e) => {
    types.set(e.requestId, e.type ?? 'Other');
    // A live view's event stream stays open as long as the page: it never counts as waited for.
    if (e.type !== 'EventSource') open.add(e.requestId);
  });
  // Bytes of a stream still open (the live view's events so far) count too.
  cdp.on('Network.dataReceived', (e) => {
    if (types.get(e.requestId) === 'EventSource') bytes.set('EventSource', (bytes.get('EventSource') ?? 0) + e.encodedDataLength);
  });
  cdp.on('Network.responseReceived', (e) => {
    types.set(e.requestId, e.type);
    // A live view's stream (EventSource or a streamed fetch) stays open as long as the page: never waited for.
    if (e.response.mimeType === 'text/event-stream') {
      types.set(e.requestId, 'EventSource');
      open.delete(e.requestId);
    }
  });
  cdp.on('Network.loadingFinished', (e) => {
    const type = types.get(e.requestId) ?? 'Other';
    if (type === 'EventSource') return;
    bytes.set(type, (bytes.get(type) ?? 0) + e.encodedDataLength);
    open.delete(e.requestId);
  });
  cdp.on('Network.loadingFailed', (e) => open.delete(e.requestId));
  await cdp.send('Network.enable');
  return { bytes, pending: () => open.size };
}

/** The baseline: the browser asks for no content encoding (`accept-encoding: identity`), so every answer comes uncompressed. */
async function refuseCompression(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
}

const total = (bytes: Bytes) => [...bytes.values()].reduce((a, b) => a + b, 0);
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

/** Waits until no request has been open for `quietMs` (the page's data and lazy chunks all arrived). */
async function settle(page: Page, pending: () => number, quietMs = 1500, limitMs = 60_000): Promise<void> {
  let quietSince = Date.now();
  const limit = Date.now() + limitMs;
  while (Date.now() - quietSince < quietMs) {
    if (Date.now() > limit) {
      console.warn(`  (still ${pending()} request(s) open after ${limitMs / 1000} s: measured as is)`);
      return;
    }
    await page.waitForTimeout(100);
    if (pending() > 0) quietSince = Date.now();
  }
}

interface Visit {
  first: Bytes;
  afterScroll: Bytes;
  mapChunkAtFirst: boolean;
}

async function visit(browser: Browser, url: string, compressed: boolean): Promise<Visit> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const { bytes, pending } = await recordBytes(cdp);
  if (!compressed) await refuseCompression(cdp);
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  await page.getByRole('heading', { level: 1 }).waitFor();
  await settle(page, pending);
  const first = new Map(bytes);
  const mapChunkAtFirst = scripts.some((s) => /draw-communes-map/.test(s));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await settle(page, pending);
  const afterScroll = new Map(bytes);
  await context.close();
  return { first, afterScroll, mapChunkAtFirst };
}

async function largestContentfulPaint(browser: Browser, url: string, compressed: boolean): Promise<number> {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(() => {
    const w = window as unknown as { __lcp: number };
    w.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const { pending } = await recordBytes(cdp);
  if (!compressed) await refuseCompression(cdp);
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { waitUntil: 'load', timeout: 300_000 });
  await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 300_000 });
  await settle(page, pending, 3000);
  const lcp = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
  await context.close();
  return lcp;
}

console.log('building the web app if stale, starting Maille on a fresh demo…');
const web = await ensureFreshWebBuild();
const dataDir = await mkdtemp(path.join(tmpdir(), 'maille-weight-'));
const cli = bundleCli('page-weight');
const maille = await startMaille(cli, dataDir, { MAILLE_DEMO: 'true', MAILLE_WEB_DIR: web.webDir, MAILLE_DEMO_RESIDENTS: process.env.MAILLE_DEMO_RESIDENTS ?? '2000' }, ['start']);
let browser: Browser | undefined;
try {
  const home = `${maille.origin}/t/${DEMO_SLUG}`;
  browser = await launchChromium();
  console.log('measuring…');
  // One visit first warms the server (its first answers pay for JIT and caches), not measured.
  await visit(browser, home, true);
  const now = await visit(browser, home, true);
  const base = await visit(browser, home, false);
  const types = [...new Set([...now.afterScroll.keys(), ...base.afterScroll.keys()])].sort();
  console.log(`First visit to ${home.replace(maille.origin, '')} at 390 × 844, empty cache, bytes on the wire (CDP encodedDataLength)`);
  console.log(`${'type'.padEnd(12)}${'compressed'.padStart(14)}${'uncompressed'.padStart(16)}${'ratio'.padStart(8)}`);
  for (const type of types) {
    const a = now.first.get(type) ?? 0;
    const b = base.first.get(type) ?? 0;
    console.log(`${type.padEnd(12)}${kb(a).padStart(14)}${kb(b).padStart(16)}${(a ? (b / a).toFixed(1) + '×' : '—').padStart(8)}`);
  }
  const script = now.first.get('Script') ?? 0;
  console.log(`${'all'.padEnd(12)}${kb(total(now.first)).padStart(14)}${kb(total(base.first)).padStart(16)}${(total(base.first) / total(now.first)).toFixed(1).padStart(7)}×`);
  console.log(`budget: JavaScript ${kb(script)} of ${kb(BUDGET.script)} ${script <= BUDGET.script ? 'OK' : 'OVER'}; all ${kb(total(now.first))} of ${kb(BUDGET.total)} ${total(now.first) <= BUDGET.total ? 'OK' : 'OVER'}`);
  console.log(`map chunk fetched before scrolling: ${now.mapChunkAtFirst ? 'yes' : 'no'}; scrolling to the map then adds ${kb(total(now.afterScroll) - total(now.first))} (of which JavaScript ${kb((now.afterScroll.get('Script') ?? 0) - script)})`);
  const lcpNow = await largestContentfulPaint(browser, home, true);
  const lcpBase = await largestContentfulPaint(browser, home, false);
  console.log(`Largest Contentful Paint, slow 4G + 4× CPU: ${(lcpNow / 1000).toFixed(2)} s compressed, ${(lcpBase / 1000).toFixed(2)} s uncompressed (target ≤ ${LCP_TARGET_MS / 1000} s: ${lcpNow <= LCP_TARGET_MS ? 'OK' : 'OVER'})`);
} finally {
  await browser?.close();
  maille.child.kill('SIGTERM');
  await maille.exited;
  await rm(dataDir, { recursive: true, force: true });
  await web.remove();
}
