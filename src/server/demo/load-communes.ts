/** @module Reads the shipped Dijon Métropole communes (IGN Admin Express boundaries, INSEE populations). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../core/paths.ts';
import type { CommuneInfo } from './plan.ts';

export const DIJON_GEOJSON = path.join(projectRoot, 'data/dijon-metropole-communes.geojson');

export interface CommuneFeature extends CommuneInfo {
  boundary: { type: string; coordinates: unknown };
}

interface RawFeature {
  geometry: { type: string; coordinates: unknown };
  properties: { code: string; nom: string; population: number };
}

export async function loadCommunes(file: string = DIJON_GEOJSON): Promise<CommuneFeature[]> {
  const collection = JSON.parse(await readFile(file, 'utf8')) as { features: RawFeature[] };
  return collection.features
    .map((f) => ({ code: f.properties.code, name: f.properties.nom, population: f.properties.population, boundary: f.geometry }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The territory's boundary: every commune polygon in one MultiPolygon. */
export function territoryBoundary(communes: readonly CommuneFeature[]): { type: 'MultiPolygon'; coordinates: unknown[] } {
  const coordinates: unknown[] = [];
  for (const c of communes) {
    if (c.boundary.type === 'Polygon') coordinates.push(c.boundary.coordinates);
    else if (c.boundary.type === 'MultiPolygon') coordinates.push(...(c.boundary.coordinates as unknown[]));
  }
  return { type: 'MultiPolygon', coordinates };
}
