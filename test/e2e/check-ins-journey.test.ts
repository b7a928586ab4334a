// Journey in Chromium: the demo resident joins the daily hello with the demo organiser as her referent; he accepts
// (his consent) and she presses the big button. The next day the server clock passes her 10:00 time limit without a
// hello: the sweep alerts him, he sees the alert on his referent page and answers "I am calling / going by" with a
// note — so nothing is passed on to the people on duty, even two hours later; her late hello closes the alert. Another
// day nobody answers: the alert reaches the demo mediator on duty, who reads the history with a stated reason (audited)
// and closes it. Every page visited passes axe-core, on a 390-px-wide phone, in French, and no page error occurs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepCheckIns } from '../../src/server/check-ins/sweep.ts';
import { fixedClock } from '../../src/server/core/clock.ts';
import { expectAccessible } from '../support/browser.ts';
import { demoEmail, heading, type Journey, JOURNEY_TIMEOUT_MS, startJourney } from '../support/journey.ts';

const DAY = 86_400_000;

/** 08:00 in Paris on the first Tuesday at least two days after the territory's today. */
function comingTuesdayMorning(now: Date): Date {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 2);
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  const date = day.toISOString().slice(0, 10);
  // 08:00 local is 07:00Z in winter and 06:00Z in summer: take the instant whose Paris hour reads 08.
  for (const utc of [6, 7]) {
    const candidate = new Date(`${date}T0${utc}:00:00Z`);
    if (new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(candidate) === '08') return candidate;
  }
  throw new Error('no 08:00');
}

// A journey in a browser takes 15–25 s alone; on two busy cores it may take several times that.
describe('daily check-in journey', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  const clock = fixedClock(comingTuesdayMorning(new Date()));
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney({ clock });
  }, JOURNEY_TIMEOUT_MS);
  afterAll(() => journey?.close());

  const sweep = () => sweepCheckIns({ db: journey.maille.database.db, config: journey.config }, clock.now());

  it('goes from joining with a referent to an acknowledged missed day, with nothing passed on to the people on duty', async () => {
    const { maille, signIn, errors } = journey;
    // Hélène joins: time limit 10:00, the organiser as her referent (by e-mail).
    const helene = await signIn('resident', '/bonjour');
    await heading(helene, 'Bonjour !');
    await helene.getByText('Vous n’êtes pas encore inscrit·e').waitFor();
    await expectAccessible(helene, 'daily hello, not joined');
    await helene.getByRole('link', { name: 'M’inscrire' }).click();
    await heading(helene, 'M’inscrire au bonjour quotidien');
    await helene.getByLabel('Heure limite chaque jour').fill('10:00');
    await helene.getByLabel('Délai avant de prévenir la permanence').selectOption('60');
    await helene.getByLabel('Référent 1', { exact: true }).fill(demoEmail('organiser'));
    await expectAccessible(helene, 'joining form');
    await helene.getByRole('button', { name: 'M’inscrire' }).click();
    await heading(helene, 'Bonjour !');
    await helene.getByText('Chaque jour avant 10:00').waitFor();
    await helene.getByText('Le suivi commencera dès qu’un référent aura accepté.').waitFor();
    await helene.getByText('invitation envoyée').waitFor();

    // Omar accepts: his consent starts the follow-up.
    const omar = await signIn('organiser', '/bonjour/referent');
    await heading(omar, 'Je veille sur…');
    await omar.getByText('Hélène (habitante) vous propose d’être son référent.').waitFor();
    await expectAccessible(omar, 'referent page with an invitation');
    await omar.getByRole('button', { name: 'J’accepte' }).click();
    await omar.getByRole('heading', { level: 3, name: 'Hélène (habitante)' }).waitFor();
    await omar.getByText('Bonjour attendu avant 10:00').waitFor();

    // Hélène presses the big button (08:00).
    await helene.reload();
    await helene.getByText('Pas encore fait aujourd’hui — avant 10:00.').waitFor();
    await helene.getByRole('button', { name: 'Je vais bien' }).click();
    await helene.getByRole('main').getByText('Merci ! Vos référents savent que tout va bien.').waitFor();
    await helene.getByTestId('bonjour-status').getByText(/C’est fait pour aujourd’hui : vous avez dit bonjour à 08:00\./).waitFor();
    await expectAccessible(helene, 'daily hello, done');

    // The next day, 10:05: no hello. The sweep alerts Omar, once.
    clock.set(new Date(clock.now().getTime() + DAY + 125 * 60_000));
    expect((await sweep()).raised).toBe(1);
    expect((await sweep()).raised).toBe(0);
    await omar.reload();
    const alert = omar.getByRole('heading', { level: 4, name: /^Pas de bonjour le mercredi .* avant 10:00$/ });
    await alert.waitFor();
    await omar.getByText('Sans réponse, la permanence sera prévenue à 11:05.').waitFor();
    await expectAccessible(omar, 'referent page with an alert');
    await omar.getByLabel('Note pour les autres (facultatif)').fill('Je l’appelle puis je passe chez elle.');
    await omar.getByRole('button', { name: 'J’appelle / je passe' }).click();
    await omar.getByText(/^Omar \(organisateur\) appelle ou passe \(10:05\)/).waitFor();

    // Two hours later: acknowledged, so nothing is passed on to the people on duty.
    clock.set(new Date(clock.now().getTime() + 2 * 3_600_000));
    expect((await sweep()).escalated).toBe(0);
    const maryse = await signIn('mediator', '/bonjour/permanence');
    await heading(maryse, 'Permanence : bonjours sans réponse');
    // The duty list shows people's names: the mediator states why she reads it (audited), then it shows.
    await maryse.getByLabel('Motif de la consultation').selectOption({ label: 'Traiter les demandes en attente' });
    await maryse.getByRole('button', { name: 'Afficher', exact: true }).click();
    await maryse.getByText('Aucune alerte transmise. Tout est calme.').waitFor();
    await expectAccessible(maryse, 'duty page');

    // Hélène's late hello closes the alert; her history shows it.
    await helene.reload();
    await helene.getByRole('button', { name: 'Je vais bien' }).click();
    await helene.getByRole('main').getByText('Merci ! L’alerte est close et vos référents sont rassurés.').waitFor();
    await helene.getByText(/Close : bonjour dit à 12:05\./).waitFor();
    await expectAccessible(helene, 'daily hello with history');
    await omar.reload();
    await omar.getByTestId('watched-status').getByText(/Bonjour dit aujourd’hui à/).waitFor();

    // Another day nobody answers: after the 60-minute delay the alert goes to the people on duty. The mediator sees it,
    // reads the history with a stated reason (audited) and closes it after calling.
    clock.set(new Date(clock.now().getTime() + DAY - 2 * 3_600_000));
    expect((await sweep()).raised).toBe(1);
    clock.set(new Date(clock.now().getTime() + 61 * 60_000));
    expect((await sweep()).escalated).toBe(1);
    await maryse.reload();
    await maryse.getByRole('button', { name: 'Afficher', exact: true }).click();
    await maryse.getByRole('heading', { level: 3, name: /^Hélène \(habitante\) — n° Maille \d+$/ }).waitFor();
    await maryse.getByText('Référents : Omar (organisateur)').waitFor();
    await expectAccessible(maryse, 'duty page with an alert passed on');
    await maryse.getByText('Consulter un historique').click();
    await maryse.getByLabel('Motif').fill('Pas de réponse des référents ce matin');
    await maryse.getByRole('button', { name: 'Afficher l’historique' }).click();
    await maryse.getByText(/Close : bonjour dit à 12:05\./).waitFor();
    await expectAccessible(maryse, 'duty page with a history read for a reason');
    await maryse.getByRole('button', { name: 'Tout va bien' }).click();
    await maryse.getByRole('heading', { level: 2, name: 'Closes (7 derniers jours)' }).waitFor();
    const audited = await maille.database.db.selectFrom('audit_log').select(['reason', 'subject_type']).where('action', '=', 'personal_data.viewed').orderBy('id').execute();
    // Each read of the duty list and the history read, each with its reason.
    expect(audited.filter((e) => e.subject_type !== 'check_in_duty')).toEqual([{ reason: 'Pas de réponse des référents ce matin', subject_type: 'check_in_enrolment' }]);
    const dutyReads = audited.filter((e) => e.subject_type === 'check_in_duty');
    expect(dutyReads.length).toBeGreaterThanOrEqual(2);
    expect(new Set(dutyReads.map((e) => e.reason))).toEqual(new Set(['Traiter les demandes en attente']));
    await omar.reload();
    await omar.getByRole('button', { name: 'Voir son historique' }).click();
    await omar.getByText(/Maryse \(médiatrice\) : tout va bien/).waitFor();
    await expectAccessible(omar, 'referent page with the history');

    expect(errors).toEqual([]);
  });
});
