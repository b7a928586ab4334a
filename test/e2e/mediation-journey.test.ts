// Journey in Chromium: the demo mediator creates an assisted account for a resident without e-mail (paper consent
// reference), opens a 30-minute session with a reason, and — with the banner "Vous agissez pour …" on every page —
// files a help request and signs a commitment on that resident's behalf through the ordinary pages. She ends the session; the
// admin's audit log shows the action "by the mediator on behalf of the resident", both named. Then she prints a
// takeover code and the resident takes the account over on the public page; a session left open too long is refused;
// another assisted resident's account is erased from the desk on her signed request (reference required, confirmed).
// Every page visited passes axe-core and no page error occurs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/server/core/clock.ts';
import { DEMO_PASSWORD, DEMO_SLUG } from '../../src/server/demo/seed-demo.ts';
import { ensureDemoAssisted } from '../../src/server/demo/seed-mediation.ts';
import { expectAccessible } from '../support/browser.ts';
import { Client } from '../support/http.ts';
import { demoEmail, heading, type Journey, JOURNEY_TIMEOUT_MS, startJourney } from '../support/journey.ts';

const DAY = 86_400_000;

// A journey in a browser takes 15–25 s alone; on two busy cores it may take several times that.
describe('mediation journey', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  const clock = fixedClock(new Date());
  let journey: Journey;
  let commitmentId: string;
  const wording = 'Je fais mes courses à pied le samedi si 30 voisins le font aussi.';

  beforeAll(async () => {
    journey = await startJourney({
      clock,
      residents: 40,
      seeds: [ensureDemoAssisted],
      // A territory-wide commitment launched by the demo organiser, for the resident to sign.
      prepare: async (maille) => {
        const organiser = await new Client(maille.app).signIn(demoEmail('organiser'), DEMO_PASSWORD);
        const at = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
        const launched = await organiser.post(`/api/territories/${DEMO_SLUG}/commitments`, {
          wording,
          action: 'mode_switch',
          scope: { kind: 'territory', target: { kind: 'count', count: 30 } },
          signingDeadline: at(20),
          actionStart: at(21),
          actionEnd: at(40),
        });
        if (launched.statusCode !== 201) throw new Error(`fixture commitment: ${launched.statusCode} ${launched.body}`);
        commitmentId = launched.json<{ id: string }>().id;
      },
    });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  it('creates an assisted account, acts for the resident in a session, and the audit log names both', async () => {
    const { maille, t, newPage, signIn, errors } = journey;
    const resident = 'Paulette Martin';
    const maryse = await signIn('mediator', '/mediation');
    await heading(maryse, 'Médiation');
    // The demo's two assisted residents are already on the desk.
    await maryse.getByRole('heading', { level: 3, name: 'Georgette (accompagnée, démo)' }).waitFor();
    await expectAccessible(maryse, 'mediation desk');

    // Without a consent reference, the form says which field is missing.
    await maryse.getByLabel('Nom de la personne').fill(resident);
    await maryse.getByLabel('Commune').selectOption({ label: 'Dijon' });
    await maryse.getByRole('button', { name: 'Créer le compte' }).click();
    await maryse.getByRole('alert').getByText('Ce champ est obligatoire.').waitFor();
    await expectAccessible(maryse, 'mediation desk (form errors)');
    await maryse.getByLabel('Référence du formulaire de consentement papier').fill('CCAS-DIJON-2026-0117');
    await maryse.getByRole('button', { name: 'Créer le compte' }).click();
    const item = maryse.getByTestId('assisted-item').filter({ has: maryse.getByRole('heading', { name: resident }) });
    await item.getByText('Consentement : formulaire CCAS-DIJON-2026-0117', { exact: false }).waitFor();
    const residentId = ((await item.getByText('Numéro Maille').textContent()) ?? '').replace(/\D/g, '');
    expect(residentId).not.toBe('');

    // A session on her behalf, with a reason: the banner follows every page.
    await item.getByLabel(`Motif de la session pour ${resident}`).fill('Appel au guichet : elle souhaite signer l’engagement courses à pied');
    await item.getByRole('button', { name: `Agir pour ${resident} (30 minutes)` }).click();
    const banner = maryse.getByTestId('acting-banner');
    await banner.getByText(new RegExp(`^Vous agissez pour ${resident} — session jusqu’à \\d{2}:\\d{2}$`)).waitFor();
    await heading(maryse, /Dijon/);
    await expectAccessible(maryse, 'territory home while acting');

    // Offline intake through the ordinary pages, as the resident: a help request taken at the desk…
    await maryse.goto(t('/entraide/demander'));
    await heading(maryse, 'Demander de l’aide');
    await banner.waitFor();
    await maryse.getByLabel('En quelques mots').fill('Des courses pour la semaine : lait, pain, légumes — demandé au guichet du CCAS.');
    await maryse.getByRole('group', { name: 'Où ? (pour trouver des voisins proches)' }).getByLabel('Commune', { exact: true }).selectOption({ label: 'Dijon' });
    await maryse.getByLabel('Adresse exacte').fill('8 rue Chabot-Charny');
    await expectAccessible(maryse, 'help request form while acting');
    await maryse.getByRole('button', { name: 'Envoyer ma demande' }).click();
    // The live region repeats the confirmation for screen readers: read the page's own text.
    await maryse.locator('#main').getByText(/^Demande envoyée/).waitFor();
    const request = await maille.database.db.selectFrom('aid_requests').select(['requester_id']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(request.requester_id).toBe(residentId);

    // … and a commitment signature (a full page load keeps the session in this tab).
    await maryse.goto(t(`/engagements/${commitmentId}`));
    await heading(maryse, wording);
    await banner.waitFor();
    await maryse.getByRole('button', { name: 'Je m’engage si l’objectif est atteint' }).click();
    await maryse.getByText('Vous avez signé cet engagement.').waitFor();
    await expectAccessible(maryse, 'commitment signed on behalf');

    // She ends the session: back to her own desk, no banner.
    await banner.getByRole('button', { name: 'Terminer' }).click();
    await heading(maryse, 'Médiation');
    await maryse.getByRole('heading', { level: 2, name: 'Personnes accompagnées' }).waitFor();
    expect(await maryse.getByTestId('acting-banner').count()).toBe(0);
    await maryse.getByText(/Paulette Martin — Appel au guichet.*terminée le/).waitFor();

    const signature = await maille.database.db.selectFrom('commitment_signatures').select(['user_id']).where('commitment_id', '=', commitmentId).execute();
    expect(signature).toEqual([{ user_id: residentId }]);

    // The admin's audit log: the signature was made by the mediator on behalf of the resident, both named.
    const adele = await signIn('territory admin', '/journal');
    await heading(adele, 'Journal d’audit');
    await adele.getByLabel('Type d’action').selectOption('mediation.acted');
    const mediatorId = await userIdOf('mediatrice@demo.maille.fr');
    for (const request of ['POST /api/territories/:territory/mutual-aid/requests → 201', 'POST /api/territories/:territory/commitments/:id/sign → 200']) {
      const acted = adele.getByTestId('audit-entry').filter({ hasText: request });
      await acted.waitFor();
      expect(await acted.locator('.audit-who').textContent()).toBe(`par la médiatrice ou le médiateur Maryse (médiatrice) (n° ${mediatorId}) pour le compte de ${resident} (n° ${residentId})`);
    }
    await expectAccessible(adele, 'audit log');

    // Later, the resident takes her account over with the printed code.
    await item.getByRole('button', { name: `Imprimer un code de reprise pour ${resident}` }).click();
    const code = ((await maryse.getByTestId('takeover-sheet').locator('.takeover-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expectAccessible(maryse, 'takeover code sheet');
    const paulette = await newPage('resident');
    await paulette.goto(t('/reprendre-mon-compte'));
    await heading(paulette, 'Reprendre mon compte');
    await paulette.getByLabel('Code de reprise').fill(code.toLowerCase());
    await paulette.getByLabel('Adresse électronique').fill('paulette.martin@example.org');
    await paulette.getByLabel('Mot de passe (10 caractères au moins)').fill('mon mot de passe à moi');
    await expectAccessible(paulette, 'takeover page');
    await paulette.getByRole('button', { name: 'Reprendre mon compte' }).click();
    await paulette.waitForURL(/\/compte$/);
    await paulette.getByText('paulette.martin@example.org').first().waitFor();
    await maryse.reload();
    await item.getByText('Compte repris par la personne').waitFor();

    // A session left open past its 30 minutes: the server refuses it, and the page says the session is over.
    const georgette = 'Georgette (accompagnée, démo)';
    const desk = maryse.getByTestId('assisted-item').filter({ has: maryse.getByRole('heading', { name: georgette }) });
    await desk.getByLabel(`Motif de la session pour ${georgette}`).fill('Appel : elle veut consulter ses engagements');
    await desk.getByRole('button', { name: `Agir pour ${georgette} (30 minutes)` }).click();
    await maryse.getByTestId('acting-banner').waitFor();
    clock.advance(31 * 60_000);
    await maryse.goto(t(`/engagements/${commitmentId}`));
    await maryse.getByTestId('acting-over').getByText(`La session pour ${georgette} est terminée (30 minutes au plus). Ouvrez-en une nouvelle pour continuer.`).waitFor();
    expect(await maryse.getByTestId('acting-banner').count()).toBe(0);
    await expectAccessible(maryse, 'session over notice');
    await maryse.getByRole('button', { name: 'Fermer' }).click();
    expect(await maryse.getByTestId('acting-over').count()).toBe(0);

    // Georgette sends a signed request to erase her account (she never took it over): the desk erases it.
    const georgetteRow = await maille.database.db.selectFrom('users').select('id').where('display_name', '=', georgette).executeTakeFirstOrThrow();
    await maryse.goto(t('/mediation'));
    await heading(maryse, 'Médiation');
    await desk.getByRole('button', { name: /^Effacer ce compte/ }).click();
    await desk.getByRole('heading', { name: `Effacer le compte de ${georgette}` }).waitFor();
    await desk.getByRole('button', { name: `Confirmer l’effacement du compte de ${georgette}` }).click();
    await desk.getByRole('alert').getByText('Indiquez la référence de la demande signée.').waitFor();
    await expectAccessible(maryse, 'erasure step with an error');
    await desk.getByLabel('Référence de la demande d’effacement signée').fill('CCAS-DIJON-2026-0200');
    await desk.getByRole('button', { name: `Confirmer l’effacement du compte de ${georgette}` }).click();
    await maryse.locator('#announcer').getByText(`Le compte de ${georgette} est effacé (demande CCAS-DIJON-2026-0200).`).waitFor();
    await desk.waitFor({ state: 'detached' });
    const erased = await maille.database.db.selectFrom('users').select(['display_name', 'deleted_at']).where('id', '=', georgetteRow.id).executeTakeFirstOrThrow();
    expect(erased.display_name).toBeNull();
    expect(erased.deleted_at).not.toBeNull();

    expect(errors).toEqual([]);
  });

  async function userIdOf(email: string): Promise<string> {
    const row = await journey.maille.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    return row.id;
  }
});
