/**
 * @module NGSI-LD geo-queries (ETSI GS CIM 009 clause 4.10): `georel`, `geometry`, `coordinates`, `geoproperty` parsed
 * into a box for the (territory_id, lat, lon) index and an exact test run on each candidate.
 */
import { badRequest, NgsiError } from './errors.ts';
import { bboxAround, bboxOf, distanceToGeometry, intersects, parseGeometry, positionsOf, within, type BBox, type Geometry, type Position } from './geometry.ts';

export interface GeoQueryInput {
  georel?: string | undefined;
  geometry?: string | undefined;
  coordinates?: string | unknown[] | undefined;
  geoproperty?: string | undefined;
}

export interface GeoQuery {
  geoproperty: string;
  /** The index box every match's point lies in (absent when the relation cannot bound it: disjoint, minDistance). */
  bbox?: BBox;
  test: (geometry: Geometry) => boolean;
}

function parseCoordinates(raw: string | unknown[]): unknown {
  if (Array.isArray(raw)) return raw;
  if (raw.length > 100_000) throw badRequest('coordinates: too long.');
  try {
    return JSON.parse(raw.trim().startsWith('[') ? raw : `[${raw}]`);
  } catch {
    throw badRequest('coordinates must be a JSON array, e.g. [5.04,47.32].');
  }
}

function distanceOf(georel: string, name: 'maxDistance' | 'minDistance'): number | undefined {
  const m = new RegExp(`;\\s*${name}\\s*==\\s*([0-9]+(\\.[0-9]+)?)\\s*(;|$)`).exec(georel);
  return m ? Number(m[1]) : undefined;
}

/** The geo-query of a request, or undefined without one; the three parameters come together or not at all. */
export function parseGeoQuery(input: GeoQueryInput): GeoQuery | undefined {
  const given = [input.georel, input.geometry, input.coordinates].filter((v) => v !== undefined).length;
  if (given === 0) return undefined;
  if (given < 3) throw badRequest('A geo-query needs georel, geometry and coordinates together.');
  const georel = String(input.georel).trim();
  const geometry = parseGeometry({ type: input.geometry, coordinates: parseCoordinates(input.coordinates!) }, 'geometry/coordinates');
  const geoproperty = input.geoproperty ?? 'location';
  const relation = georel.split(';')[0];
  const bbox = bboxOf(geometry);
  switch (relation) {
    case 'near': {
      if (geometry.type !== 'Point') throw badRequest('near needs a Point geometry.');
      const centre = geometry.coordinates as Position;
      const max = distanceOf(georel, 'maxDistance');
      const min = distanceOf(georel, 'minDistance');
      if (max === undefined && min === undefined) throw badRequest('near needs maxDistance==<metres> or minDistance==<metres>.');
      const test = (g: Geometry) => {
        const d = distanceToGeometry(centre, g);
        return (max === undefined || d <= max) && (min === undefined || d >= min);
      };
      return max === undefined ? { geoproperty, test } : { geoproperty, bbox: bboxAround(centre, max), test };
    }
    case 'within':
      if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') throw badRequest('within needs a Polygon or MultiPolygon.');
      return { geoproperty, bbox, test: (g) => within(g, geometry) };
    case 'intersects':
      return { geoproperty, bbox, test: (g) => intersects(g, geometry) };
    case 'disjoint':
      return { geoproperty, test: (g) => !intersects(g, geometry) };
    case 'contains':
      return { geoproperty, test: (g) => within(geometry, g) };
    case 'equals': {
      const wanted = JSON.stringify(positionsOf(geometry));
      return { geoproperty, bbox, test: (g) => g.type === geometry.type && JSON.stringify(positionsOf(g)) === wanted };
    }
    case 'overlaps':
      throw new NgsiError('OperationNotSupported', 'georel overlaps is not supported.');
    default:
      throw badRequest('georel must be near;maxDistance==<m>, near;minDistance==<m>, within, contains, intersects, equals or disjoint.');
  }
}
