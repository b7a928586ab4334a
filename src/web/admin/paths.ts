/** @module Web routes of the admin screens (paths in French) and their API paths. */

const seg = encodeURIComponent;

export const adminPaths = {
  home: (t: string) => `/t/${seg(t)}/admin`,
  roles: (t: string, personId?: string) => `/t/${seg(t)}/admin/roles${personId ? `?personne=${seg(personId)}` : ''}`,
  corridors: (t: string) => `/t/${seg(t)}/admin/axes`,
  newCorridor: (t: string) => `/t/${seg(t)}/admin/axes/nouveau`,
  corridor: (t: string, id: string) => `/t/${seg(t)}/admin/axes/${seg(id)}`,
  factors: (t: string) => `/t/${seg(t)}/admin/facteurs`,
  factorVersion: (t: string, version: number | string) => `/t/${seg(t)}/admin/facteurs/${seg(String(version))}`,
};

/** API paths under /api/territories/:territory. */
export const adminApi = {
  people: (q: string) => `/people?q=${encodeURIComponent(q)}`,
  person: (id: string) => `/people/${seg(id)}`,
  roles: (id: string) => `/people/${seg(id)}/roles`,
  roleHolders: '/role-holders',
  corridors: '/corridors',
  corridor: (id: string) => `/corridors/${seg(id)}`,
  corridorDefinition: (id: string) => `/corridors/${seg(id)}/definition`,
  factors: (version?: number | string) => `/impact/factors${version === undefined ? '' : `?version=${seg(String(version))}`}`,
  factorVersions: '/impact/factors/versions',
  factorEditions: '/impact/factors/editions',
};
