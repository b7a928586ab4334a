/** @module The observatory's web types, read from the server's schemas (type-only imports) as JSON carries them. */
import type { Wire } from '../core/wire.ts';
import type {
  AlertListT,
  AlertT,
  ClusterMapT,
  CommandBodyT,
  CommandT,
  Thing as ServerThing,
  ThingList as ServerThingList,
  ZoneMapT,
  ZoneT,
} from '../../server/observatory/schemas.ts';

export type Thing = Wire<ServerThing>;
export type ThingList = Wire<ServerThingList>;
export type Alert = Wire<AlertT>;
export type AlertList = Wire<AlertListT>;
export type ZoneMap = Wire<ZoneMapT>;
export type Zone = Wire<ZoneT>;
export type ClusterMap = Wire<ClusterMapT>;
export type Cluster = ClusterMap['clusters'][number];
export type Command = Wire<CommandT>;
/** The commands route's list (`CommandList` in commands/schemas.ts). */
export interface CommandList {
  commands: Command[];
}
export type CommandBody = CommandBodyT;
export type CommandName = CommandBody['command'];
export type Health = Thing['health'];
