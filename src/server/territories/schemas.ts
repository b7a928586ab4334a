/** @module Request and response schemas of territory routes, and the types its use-cases return. */
import { Type, type Static } from 'typebox';
import { DateTime, IdParam, Nullable, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { TERRITORY_ROLES, type BBox } from './model.ts';


export const Role = StringEnum(TERRITORY_ROLES);
export type Role = Static<typeof Role>;

export const Reason = Type.String({ minLength: 5, maxLength: 500, description: 'why this access is needed (audited)' });
export const PersonParams = Type.Object({ territory: TerritoryParam.properties.territory, userId: IdParam });
export const CommuneCode = Type.String({ pattern: '^[0-9AB]{5}$', description: 'INSEE commune code' });

export const TerritorySummary = Type.Object({ slug: Type.String(), name: Type.String() });
export type TerritorySummary = Static<typeof TerritorySummary>;
export const TerritoryList = Type.Object({ items: Type.Array(TerritorySummary) });
export type TerritoryList = Static<typeof TerritoryList>;

const BBoxSchema = Type.Unsafe<BBox>(
  Type.Array(Type.Number(), { minItems: 4, maxItems: 4, description: '[west, south, east, north] in WGS84 degrees' }),
);

export const TerritoryCard = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  bbox: BBoxSchema,
  figures: Type.Object({
    communes: Type.Integer(),
    population: Type.Integer({ description: 'sum of the communes’ municipal populations (INSEE)' }),
    residents: Type.Integer(),
    communities: Type.Integer(),
  }),
  sources: Type.Object({ population: Type.String(), residents: Type.String(), communities: Type.String() }),
  mapStyleUrl: Type.Optional(Type.String({ format: 'uri', description: 'the MapLibre style of the maps’ basemap (MAP_STYLE_URL); absent: the offline map' })),
});
export type TerritoryCard = Static<typeof TerritoryCard>;

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3, description: '[longitude, latitude] in WGS84 degrees' });
const Ring = Type.Array(Position, { minItems: 4 });
export const CommuneGeometry = Type.Union([
  Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Ring) }),
  Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Ring)) }),
]);
export const CommuneProperties = Type.Object({
  code: Type.String(),
  name: Type.String(),
  population: Type.Integer({ description: 'INSEE municipal population' }),
  residents: Type.Integer({ description: 'people registered on Maille who live there' }),
});
export type CommuneProperties = Static<typeof CommuneProperties>;
export const CommuneCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(Type.Object({ type: Type.Literal('Feature'), geometry: CommuneGeometry, properties: CommuneProperties })),
  },
  { description: 'GeoJSON FeatureCollection of the communes (RFC 7946)' },
);
export type CommuneCollection = Static<typeof CommuneCollection>;

export const JoinBody = Type.Optional(Type.Object({ commune: Type.Optional(CommuneCode) }, { additionalProperties: false }));

export const PersonRecord = Type.Object({
  userId: Type.String(),
  displayName: Nullable(Type.String()),
  email: Nullable(Type.String()),
  roles: Type.Array(Role),
  communeCode: Nullable(Type.String()),
  joinedAt: DateTime,
  communities: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), role: Type.String(), status: Type.String() }),
    { description: 'public communities only: a private one never shows here' },
  ),
});
export type PersonRecord = Static<typeof PersonRecord>;

export const RolesBody = Type.Object({ roles: Type.Array(Role, { maxItems: 5 }), reason: Reason }, { additionalProperties: false });
export const Roles = Type.Object({ roles: Type.Array(Role) });
export type Roles = Static<typeof Roles>;

/** A person as an admin finds them to change their roles: name, e-mail and roles (a staff read, audited). */
export const PersonSummary = Type.Object({ userId: Type.String(), displayName: Nullable(Type.String()), email: Nullable(Type.String()), roles: Type.Array(Role) });
export type PersonSummary = Static<typeof PersonSummary>;
export const PeopleList = Type.Object({ items: Type.Array(PersonSummary) }, { description: 'at most 20 people, by name' });
export const PeopleQuery = Type.Object({ q: Type.String({ minLength: 2, maxLength: 120, description: 'part of a name or an e-mail address' }), reason: Reason }, { additionalProperties: false });
export const RoleHolders = Type.Object({ items: Type.Array(PersonSummary) }, { description: 'everyone holding admin, operator, mediator or merchant, by name' });
