/** @module The territory's communes with their bounding-box centres, fetched once per territory and shared by every place picker. */
import { useEffect, useState } from 'preact/hooks';
import { getApi, territoryPath } from '../core/api.ts';
import type { CommuneCollection } from '../core/types.ts';
import { bboxCentre } from './places.ts';
import type { LatLng } from './types.ts';

export interface CommuneChoice {
  code: string;
  name: string;
  centre: LatLng;
}

const cache = new Map<string, Promise<CommuneChoice[]>>();

function loadCommunes(slug: string): Promise<CommuneChoice[]> {
  let entry = cache.get(slug);
  if (!entry) {
    entry = getApi<CommuneCollection>(territoryPath(slug, '/communes')).then((collection) =>
      collection.features
        .map((feature) => ({ code: feature.properties.code, name: feature.properties.name, centre: bboxCentre(feature.geometry) }))
        .filter((commune): commune is CommuneChoice => commune.centre !== null)
        .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    );
    cache.set(slug, entry);
    entry.catch(() => cache.delete(slug));
  }
  return entry;
}

/** undefined while loading, [] when the list could not be loaded (coordinates still work). */
export function useCommunes(slug: string): CommuneChoice[] | undefined {
  const [communes, setCommunes] = useState<CommuneChoice[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadCommunes(slug).then(
      (list) => live && setCommunes(list),
      () => live && setCommunes([]),
    );
    return () => {
      live = false;
    };
  }, [slug]);
  return communes;
}
