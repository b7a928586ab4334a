/** @module HTTP routes of commute profiles: read, save, delete one's own. */
import type { RouteModule } from '../core/http/build-app.ts';
import { NoContent, problemResponses, TerritoryParam } from '../core/http/schemas.ts';
import { deleteProfile, getProfile } from './get-profile.ts';
import { saveProfile } from './save-profile.ts';
import { ProfileAnswer, ProfileBody, SavedProfile } from './schemas.ts';

const tags = ['commute'];
const security = [{ session: [] }];
const path = '/api/territories/:territory/commute-profile';

export const commuteRoutes: RouteModule = (app, deps) => {
  app.get(path, {
    schema: { tags, summary: 'Read my commute profile (null when none is saved)', operationId: 'getMyCommuteProfile', security, params: TerritoryParam, response: { 200: ProfileAnswer, ...problemResponses } },
    handler: async (req) => ({ profile: await getProfile(deps, req.scope) }),
  });

  app.put(path, {
    schema: { tags, summary: 'Save my commute profile: home and work become H3 cells', operationId: 'saveMyCommuteProfile', security, params: TerritoryParam, body: ProfileBody, response: { 200: SavedProfile, ...problemResponses } },
    handler: async (req) => ({ profile: await saveProfile(deps, req.scope, req.body) }),
  });

  app.delete(path, {
    schema: { tags, summary: 'Delete my commute profile', operationId: 'deleteMyCommuteProfile', security, params: TerritoryParam, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await deleteProfile(deps, req.scope);
      return reply.status(204).send();
    },
  });
};
