/** @module HTTP routes of commute profiles: read, save, delete one's own. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { NoContent, problemResponses, TerritoryParam } from '../core/http/schemas.ts';
import { deleteProfile, getProfile } from './get-profile.ts';
import { saveProfile } from './save-profile.ts';
import { Profile, ProfileBody } from './schemas.ts';

const tags = ['commute'];
const path = '/api/territories/:territory/commute-profile';

export const commuteRoutes: RouteModule = (app, deps) => {
  const { db } = deps;
  app.get(path, {
    schema: { tags, params: TerritoryParam, response: { 200: Type.Object({ profile: Type.Union([Profile, Type.Null()]) }), ...problemResponses } },
    handler: async (req) => ({ profile: await getProfile(db, req.params.territory, req.viewer) }),
  });

  app.put(path, {
    schema: { tags, params: TerritoryParam, body: ProfileBody, response: { 200: Type.Object({ profile: Profile }), ...problemResponses } },
    handler: async (req) => ({ profile: await saveProfile(deps, req.params.territory, req.viewer, req.body) }),
  });

  app.delete(path, {
    schema: { tags, params: TerritoryParam, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await deleteProfile(db, req.params.territory, req.viewer);
      return reply.status(204).send();
    },
  });
};
