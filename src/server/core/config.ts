/** @module Configuration: environment variables, validated once at start. */
import path from 'node:path';
import { projectRoot } from './paths.ts';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent Maille runs on embedded PGlite. */
  databaseUrl: string | undefined;
  dataDir: string;
  /**
   * Demo mode seeds Dijon Métropole on an empty database, prints demo credentials and opens the mail outbox
   * to admins. Off in production, and off unless MAILLE_DEMO asks for it when HOST is not a loopback address.
   */
  demo: boolean;
  demoResidents: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  rateLimitPerMinute: number;
  sessionDays: number;
  webDir: string;
  /** Distinct open reports after which content is hidden until reviewed (moderation). */
  moderationHideAfter: number;
  /** Aggregates built from fewer people are not shown outside their group (core/privacy/small-group.ts). */
  privacyMinGroup: number;
  /** Days the daily backups of the embedded database are kept in <data dir>/backups; 0 turns them off. */
  backupDays: number;
  /** A Base Adresse Nationale address API (https://api-adresse.data.gouv.fr or your own instance); absent: the offline geocoder (places). */
  geocoderUrl: string | undefined;
  /** How long a geocoder call may take before the request answers 503. */
  geocoderTimeoutMs: number;
  /** A MapLibre style (JSON) for the maps' basemap, e.g. the territory's own vector tiles; absent: the offline map (communes and their names). */
  mapStyleUrl: string | undefined;
  /** An external MQTT broker the observatory subscribes to (mqtt:// or mqtts://); absent: the embedded broker. */
  mqttUrl: string | undefined;
  /** Where the embedded MQTT broker listens (MQTT_HOST, loopback by default; MQTT_PORT, 0 picks a free port, -1 runs none). */
  mqttHost: string;
  mqttPort: number;
  /** How late a sensor reading may arrive and still be stored (days). */
  observatoryLateDays: number;
}

/** A configuration error names the variable and what is allowed, in one line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}="${raw}" is invalid: expected an integer from ${min} to ${max}.`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name}="${raw}" is invalid: expected true or false.`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is invalid: expected a URL (${protocols.join(', ')}).`);
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ConfigError(`${name} is invalid: the scheme must be one of ${protocols.join(', ')}.`);
  }
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name}="${raw}" is invalid: expected one of ${allowed.join(', ')}.`);
  }
  return raw as T;
}

/** True for an address only this machine reaches: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^::ffff:127\./.test(h);
}

/**
 * Reads and validates the configuration.
 * @example const config = loadConfig(process.env)
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const production = env.NODE_ENV === 'production';
  const publicUrl = url(env, 'PUBLIC_URL', ['http', 'https']) ?? `http://localhost:${port}`;
  const host = env.HOST || '127.0.0.1';
  return {
    port,
    host,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres', 'postgresql']),
    dataDir: path.resolve(cwd, env.MAILLE_DATA_DIR || '.maille'),
    // A server others can reach (HOST=0.0.0.0, a public address) never runs the demo by accident.
    demo: boolean(env, 'MAILLE_DEMO', !production && isLoopbackHost(host)),
    demoResidents: integer(env, 'MAILLE_DEMO_RESIDENTS', 2000, 0, 1_000_000),
    smtpUrl: url(env, 'SMTP_URL', ['smtp', 'smtps']),
    mailFrom: env.MAIL_FROM || 'Maille <no-reply@maille.localhost>',
    publicUrl: publicUrl.replace(/\/$/, ''),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    sessionDays: integer(env, 'SESSION_DAYS', 30, 1, 365),
    webDir: env.MAILLE_WEB_DIR ? path.resolve(cwd, env.MAILLE_WEB_DIR) : path.join(projectRoot, 'dist/web'),
    moderationHideAfter: integer(env, 'MODERATION_HIDE_AFTER', 3, 1, 1000),
    // 1 would show every figure of one person: the rule is never off.
    privacyMinGroup: integer(env, 'PRIVACY_MIN_GROUP', 5, 2, 1000),
    backupDays: integer(env, 'MAILLE_BACKUP_DAYS', 7, 0, 3650),
    geocoderUrl: url(env, 'GEOCODER_URL', ['http', 'https'])?.replace(/\/+$/, ''),
    geocoderTimeoutMs: integer(env, 'GEOCODER_TIMEOUT_MS', 3000, 100, 30_000),
    mapStyleUrl: url(env, 'MAP_STYLE_URL', ['http', 'https']),
    mqttUrl: url(env, 'MQTT_URL', ['mqtt', 'mqtts', 'tcp', 'ws', 'wss']),
    mqttHost: env.MQTT_HOST || '127.0.0.1',
    // PORT=0 (tests, several Maille on one machine) picks a free MQTT port too.
    mqttPort: integer(env, 'MQTT_PORT', port === 0 ? 0 : 1883, -1, 65535),
    observatoryLateDays: integer(env, 'OBSERVATORY_LATE_DAYS', 7, 1, 365),
  };
}
