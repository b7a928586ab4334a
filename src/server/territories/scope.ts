/** @module The territories capability's resolver for the request scope (core/http/scope.ts): a territory by its slug. */
import type { TerritoryResolver } from '../core/http/scope.ts';
import { findTerritory } from './queries.ts';

export const resolveScopeTerritory: TerritoryResolver = (db, slug) => findTerritory(db, slug);
