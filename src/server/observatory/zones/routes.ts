/** @module HTTP routes of the observatory's zones: public colours per commune, and the admin's indicator and thresholds. */
import type { RouteModule } from '../../core/http/build-app.ts';
import { TerritoryParam } from '../../core/http/schemas.ts';
import { findClusters } from './find-clusters.ts';
import { getZones, setZoneSettings } from './get-zones.ts';
import * as S from './schemas.ts';

const tags = ['observatory'];
const base = '/api/territories/:territory/observatory/zones';

export const zoneRoutes: RouteModule = (app, deps) => {
  app.get(base, {
    schema: {
      tags, summary: 'Green, orange and red zones per commune', operationId: 'getObservatoryZones', security: [],
      description: 'Public. Each commune’s colour (at least orange inside a significant cluster, see …/zones/clusters) read from the indicator an admin chose (imported open data, with its source and licence) against the thresholds, with the figure and the reason; orange and red communes also as FIWARE Smart Data Models `Alert`s (key-values). No colour where data is missing.',
      params: TerritoryParam, response: { 200: S.ZoneMap, ...S.zoneProblems },
    },
    handler: async (req) => getZones(deps, req.scope),
  });

  app.get(`${base}/clusters`, {
    schema: {
      tags, summary: 'Significant clusters of the zones’ indicator', operationId: 'getObservatoryClusters', security: [],
      description: 'Public. Kulldorff’s spatial scan (Poisson) over the communes’ cases of the last 7 days and the space-time permutation scan over the last 14 days, 999 replicas each; clusters with p < 0.05, with their communes, relative risk, p-value and the method in words.',
      params: TerritoryParam, response: { 200: S.ClusterMap, ...S.zoneProblems },
    },
    handler: async (req) => findClusters(deps, req.scope),
  });

  app.put(`${base}/settings`, {
    schema: {
      tags, summary: 'Choose the zones’ indicator and thresholds (admins, audited)', operationId: 'setObservatoryZoneSettings', security: [{ session: [] }],
      description: 'The indicator (as imported), how it is read (`incidence7d`: daily new cases as cases per 100,000 over 7 days; `latest`: as published) and the orange and red thresholds (red ≥ orange, else 400 `thresholds_order`). Answers the zones as they now read.',
      params: TerritoryParam, body: S.ZoneSettingsBody, response: { 200: S.ZoneMap, ...S.zoneProblems },
    },
    handler: async (req) => setZoneSettings(deps, req.scope, req.body),
  });
};
