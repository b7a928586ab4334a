/** @module The observatory's web types, read from the server's schemas (type-only imports) as JSON carries them. */
import type { Static } from 'typebox';
import type { Wire } from '../core/wire.ts';
import type { ThingList as ServerThingList, Thing as ServerThing } from '../../server/observatory/schemas.ts';
import type { AlertList as AlertListSchema, AlertT } from '../../server/observatory/alerts/schemas.ts';
import type { ClusterMapT, ZoneMapT, ZoneT } from '../../server/observatory/zones/schemas.ts';
import type { CommandBody as CommandBodySchema, CommandList as CommandListSchema, CommandT } from '../../server/observatory/commands/schemas.ts';

export type Thing = Wire<ServerThing>;
export type ThingList = Wire<ServerThingList>;
export type Alert = Wire<AlertT>;
export type AlertList = Wire<Static<typeof AlertListSchema>>;
export type ZoneMap = Wire<ZoneMapT>;
export type Zone = Wire<ZoneT>;
export type ClusterMap = Wire<ClusterMapT>;
export type Cluster = ClusterMap['clusters'][number];
export type Command = Wire<CommandT>;
export type CommandList = Wire<Static<typeof CommandListSchema>>;
export type CommandBody = Static<typeof CommandBodySchema>;
export type CommandName = CommandBody['command'];
export type Health = Thing['health'];
