/**
 * @module Commands to equipment, pure: the commands Maille knows (which thing types take them, their parameters,
 * whether they are sensitive and need a second operator's approval), and the one rule of a command's outcome
 * from its targets' answers. A target that does not answer within the timeout is sent again until its attempts
 * run out, then marked failed: never lost, never retried forever.
 */

export interface CommandSpec {
  /** The Smart Data Models types that take it. */
  types: readonly string[];
  /** A second operator must approve before it leaves. */
  sensitive: boolean;
  /** Parameter names and their numeric ranges (no other parameter accepted). */
  params: Readonly<Record<string, { min: number; max: number }>>;
  /** What it does, in French, for the operator's screen and the audit log. */
  label: string;
}

export const COMMANDS = {
  // A green wave: the lights of an emergency route held green, for a number of minutes.
  'trafficLight.greenWave': { types: ['TrafficLight'], sensitive: true, params: { minutes: { min: 1, max: 30 } }, label: 'Onde verte pour un véhicule d’urgence' },
  'trafficLight.resume': { types: ['TrafficLight'], sensitive: false, params: {}, label: 'Retour au cycle normal des feux' },
  'building.surveillance': { types: ['Building'], sensitive: true, params: {}, label: 'Bâtiment en mode surveillance' },
  'building.normal': { types: ['Building'], sensitive: false, params: {}, label: 'Bâtiment en mode normal' },
  'streetlight.dim': { types: ['Streetlight'], sensitive: false, params: { level: { min: 0, max: 1 } }, label: 'Éclairage public abaissé' },
  'streetlight.restore': { types: ['Streetlight'], sensitive: false, params: {}, label: 'Éclairage public rétabli' },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** The first problem with `params` for `command`, as a JSON pointer and a reason, or null. */
export function checkParams(command: CommandName, params: Record<string, unknown>): { field: string; detail: string } | null {
  const spec: CommandSpec = COMMANDS[command];
  for (const key of Object.keys(params)) {
    if (!(key in spec.params)) return { field: `/params/${key}`, detail: `${command} takes no parameter “${key}”.` };
  }
  for (const [key, range] of Object.entries(spec.params)) {
    const value = params[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) return { field: `/params/${key}`, detail: `${command} needs a number “${key}”.` };
    if (value < range.min || value > range.max) return { field: `/params/${key}`, detail: `“${key}” must be between ${range.min} and ${range.max}.` };
  }
  return null;
}

export type TargetStatus = 'waiting' | 'sent' | 'acknowledged' | 'rejected' | 'failed' | 'cancelled';
export type CommandStatus = 'awaiting_approval' | 'refused' | 'approved' | 'done' | 'partly_failed' | 'failed' | 'expired';

/** A command's status once approved, from its targets: still approved while any is waiting or sent. */
export function outcome(targets: readonly TargetStatus[]): CommandStatus {
  if (targets.some((s) => s === 'waiting' || s === 'sent')) return 'approved';
  const ok = targets.filter((s) => s === 'acknowledged').length;
  if (ok === targets.length) return 'done';
  return ok === 0 ? 'failed' : 'partly_failed';
}

/**
 * What to do with a sent target whose answer has not come: send again when the timeout passed and attempts
 * remain, fail it when they are spent, else wait.
 */
export function retryDecision(target: { status: TargetStatus; attempts: number; lastSentAt: number | null }, command: { timeoutSeconds: number; maxAttempts: number }, now: number): 'send' | 'fail' | 'wait' {
  if (target.status === 'waiting') return 'send';
  if (target.status !== 'sent') return 'wait';
  if (target.lastSentAt !== null && now - target.lastSentAt < command.timeoutSeconds * 1000) return 'wait';
  return target.attempts >= command.maxAttempts ? 'fail' : 'send';
}

/** How long a sensitive command waits for its approval before it expires (a green wave is of no use an hour late). */
export const APPROVAL_WINDOW_MS = 15 * 60_000;
