/**
 * @module Writes Maille's OpenAPI document to a file without a database: the routes are registered on an app whose
 * ports are never called. `npm run openapi` writes it; `npm run check` lints it.
 * @example tsx src/server/openapi-document.ts .tmp/openapi.json
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { routeModules } from './app.ts';
import { systemClock } from './core/clock.ts';
import { loadConfig } from './core/config.ts';
import type { Database } from './core/database/schema.ts';
import { createEventBus } from './core/events.ts';
import { buildApp } from './core/http/build-app.ts';
import { version } from './core/paths.ts';

/** The OpenAPI document exactly as `/api/openapi.json` serves it. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  // Registering routes reads no table: a database that refuses every call proves it.
  const db = new Proxy({}, { get: () => { throw new Error('the OpenAPI document needs no database'); } }) as Database;
  const app = await buildApp(
    { db, databaseKind: 'pglite', clock: systemClock, bus: createEventBus(), config, version, personalData: [] },
    { routes: routeModules },
  );
  await app.ready();
  const document = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return document;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const target = process.argv[2] ?? '.tmp/openapi.json';
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
  console.log(`OpenAPI document written to ${target}`);
}
