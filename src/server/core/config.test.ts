// Configuration: defaults, and one clear line naming the variable for each wrong value.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults for the embedded database', () => {
    const c = loadConfig({}, '/srv/maille');
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, dataDir: '/srv/maille/.maille', demo: true, demoResidents: 2000 });
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(loadConfig({}).privacyMinGroup).toBe(5);
    expect(loadConfig({ PRIVACY_MIN_GROUP: '10' }).privacyMinGroup).toBe(10);
    expect(loadConfig({}).backupDays).toBe(7);
    expect(loadConfig({ MAILLE_BACKUP_DAYS: '0' }).backupDays).toBe(0);
  });

  it('runs the demo on a loopback address only, unless MAILLE_DEMO asks for it', () => {
    for (const host of ['127.0.0.1', '127.0.1.1', 'localhost', '::1', '[::1]']) expect(loadConfig({ HOST: host }).demo, host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'maille.example.org']) expect(loadConfig({ HOST: host }).demo, host).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0', MAILLE_DEMO: 'true' }).demo).toBe(true);
    expect(loadConfig({ HOST: '127.0.0.1', MAILLE_DEMO: 'false' }).demo).toBe(false);
    expect(loadConfig({ HOST: '127.0.0.1', NODE_ENV: 'production' }).demo).toBe(false);
  });

  it.each([
    ['PORT', 'abc', /PORT="abc" is invalid: expected an integer from 0 to 65535/],
    ['PORT', '70000', /PORT/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL is invalid: the scheme must be one of postgres, postgresql/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL is invalid/],
    ['MAILLE_DEMO', 'maybe', /MAILLE_DEMO="maybe" is invalid: expected true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud" is invalid: expected one of/],
    ['SMTP_URL', 'http://mail', /SMTP_URL is invalid/],
    ['PRIVACY_MIN_GROUP', '1', /PRIVACY_MIN_GROUP="1" is invalid: expected an integer from 2 to 1000/],
    ['PRIVACY_MIN_GROUP', 'five', /PRIVACY_MIN_GROUP/],
    ['MAILLE_BACKUP_DAYS', '-1', /MAILLE_BACKUP_DAYS="-1" is invalid: expected an integer from 0 to 3650/],
    ['MAILLE_BACKUP_DAYS', 'week', /MAILLE_BACKUP_DAYS/],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
