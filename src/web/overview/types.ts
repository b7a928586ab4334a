/** @module The overview's shapes as the API sends them (server schemas, imported for types only). */
export type { CommitmentClose, CorridorNow, MyOverview, NextAction, OverviewWeek, TerritoryOverview, ToDo, ToDoItem, TrendWeek } from '../../server/overview/schemas.ts';
