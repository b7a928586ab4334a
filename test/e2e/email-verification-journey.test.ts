// Journey in Chromium: a new resident signs up and every page reminds her to confirm her address; she opens the
// mailed link on /verifier, the reminder goes; on « Mon compte » she asks for a new address with her password, it
// stays pending until she opens the link sent to it, then it is hers. Every page passes axe-core at a phone's width.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.ts';
import { eventually, heading, type Journey, JOURNEY_TIMEOUT_MS, PASSWORD, PHONE, startJourney } from '../support/journey.ts';

describe('e-mail verification journey', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney({ context: PHONE });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  /** The latest verification link mailed to `to`, as a path of the web app. */
  const linkTo = async (to: string) => {
    const mail = await journey.maille.database.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', to).where('purpose', '=', 'verification').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const url = new URL(/https?:\/\/\S+\/verifier\?token=[\w-]+/.exec(mail.body_text)![0]);
    return `${url.pathname}${url.search}`;
  };

  it('reminds until the link is opened, then changes the address only once the new one is confirmed', async () => {
    const { origin, t, signUp, errors } = journey;
    const lea = await signUp('Léa', 'lea@example.org', '/mes-communautes');
    const reminder = lea.getByRole('complementary', { name: 'Confirmez votre adresse e-mail.' });
    await reminder.getByText('Nous avons envoyé un lien à lea@example.org').waitFor();
    await expectAccessible(lea, 'reminder');
    await reminder.getByRole('button', { name: 'Recevoir un nouveau lien' }).click();
    await reminder.getByText('Un nouveau lien a été envoyé à lea@example.org.').waitFor();

    await lea.goto(`${origin}${await linkTo('lea@example.org')}`);
    await heading(lea, 'Confirmer mon adresse e-mail');
    await lea.getByRole('main').getByText('Adresse confirmée : lea@example.org.', { exact: false }).waitFor();
    await eventually(() => lea.getByRole('complementary', { name: 'Confirmez votre adresse e-mail.' }).count()).toBe(0);
    await expectAccessible(lea, 'verified');

    await lea.goto(t('/compte'));
    const form = lea.locator('form', { has: lea.getByRole('heading', { name: 'Adresse e-mail' }) });
    await form.getByText('adresse confirmée').waitFor();
    await form.getByLabel('Nouvelle adresse e-mail').fill('lea.martin@example.org');
    await form.getByLabel('Mot de passe').fill(PASSWORD);
    await form.getByRole('button', { name: 'Changer d\'adresse' }).click();
    await form.getByText('Nouvelle adresse en attente de confirmation : lea.martin@example.org.').waitFor();
    await form.getByText('Adresse e-mail : lea@example.org').waitFor();
    await expectAccessible(lea, 'address change pending');

    await lea.goto(`${origin}${await linkTo('lea.martin@example.org')}`);
    await lea.getByRole('main').getByText('Adresse confirmée : lea.martin@example.org.', { exact: false }).waitFor();
    await lea.goto(t('/compte'));
    await lea.getByRole('main').getByText('Adresse e-mail : lea.martin@example.org').waitFor();
    expect(errors).toEqual([]);
  });
});
