// With SMTP_URL set, queued mail really leaves over SMTP (to a local SMTP server) and is marked sent.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../../test/support/http.ts';

interface Received {
  from: string;
  to: string[];
  data: string;
}

describe('mail over SMTP', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let t: TestApp;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    t = await startTestApp('pglite', { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Maille <maille@example.org>' });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends the password-reset mail and records when it left', async () => {
    t.clock.advance(3 * 24 * 3600_000);
    const user = await buildUser(t.database.db);
    expect((await new Client(t.app).post('/api/auth/password-reset', { email: user.email })).statusCode).toBe(202);
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);
    expect(received[0]).toMatchObject({ from: 'maille@example.org', to: [user.email] });
    // Bodies travel quoted-printable: undo soft line breaks and the encoded '='.
    const body = (received[0]?.data ?? '').replace(/=\r\n/g, '').replace(/=3D/g, '=');
    expect(body).toMatch(/reinitialiser\?token=[\w-]{40,}/);
    // Stamped by Maille's clock port, not the machine's time (the test clock stands still, 3 days ahead).
    const sentAt = async () => (await t.database.db.selectFrom('mail_outbox').select('sent_at').where('to_address', '=', user.email).executeTakeFirstOrThrow()).sent_at;
    await expect.poll(sentAt, { timeout: 5_000 }).not.toBeNull();
    expect((await sentAt())?.toISOString()).toBe(t.clock.now().toISOString());
  });
});
