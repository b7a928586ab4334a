/**
 * @module /t/:territory/entraide/aider — offer my help: my helper profile (skills, days, times of day, radius, area kept
 * as a cell) and standing offers ("I shop on Tuesdays, I can take a list"), published and withdrawn.
 */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { CheckboxGroup, RadioGroup } from '../core/choice-fields.tsx';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { onlyErrors, useForm, type FieldErrors } from '../core/use-form.ts';
import { useEnsureResident } from '../communities/use-ensure-resident.ts';
import { PlacePicker } from '../commute/place-picker.tsx';
import { emptyPlace, placeFieldNames, resolvePlace, type PlaceDraft } from '../commute/resolve-place.ts';
import { WeekdaysField } from '../commute/schedule-fields.tsx';
import { useCommunes, type CommuneChoice } from '../commute/use-communes.ts';
import { aidApi, aidPaths } from './paths.ts';
import { OfferCard } from './offer-card.tsx';
import { AID_KINDS, AID_TIMES, shortCell, type AidKind, type AidTime, type HelperProfile, type StandingOffer } from './types.ts';
import { useAidI18n } from './use-aid-i18n.ts';

const PROFILE_FIELDS = ['skills', 'weekdays', 'times', 'radiusKm', ...placeFieldNames('home')];
const OFFER_FIELDS = ['offerKind', 'text', 'offerWeekdays', 'offerTimes', ...placeFieldNames('offerPlace')];

function ProfileForm({ slug, initial, communes, onSaved }: { slug: string; initial: HelperProfile | null; communes: CommuneChoice[] | undefined; onSaved: () => void }) {
  const { a, formatNumber } = useAidI18n();
  const { m } = useMobilityI18n();
  const form = useForm('aid-helper', PROFILE_FIELDS);
  const ensureResident = useEnsureResident(slug);
  const [skills, setSkills] = useState<AidKind[]>(initial?.skills ?? ['groceries']);
  const [weekdays, setWeekdays] = useState<number[]>(initial?.weekdays ?? [1, 2, 3, 4, 5]);
  const [times, setTimes] = useState<AidTime[]>(initial?.times ?? ['afternoon']);
  const [radius, setRadius] = useState(initial ? String(initial.radiusKm) : '2');
  const [home, setHome] = useState<PlaceDraft>(initial ? emptyPlace('coords', initial.homeCellCenter) : emptyPlace('commune'));
  const onSubmit = (event: Event) => {
    const km = Number(radius.trim().replace(',', '.'));
    const place = resolvePlace('home', home, { communes, profile: null, m });
    form.submit(event, {
      validate: (): FieldErrors => ({
        ...place.errors,
        ...onlyErrors({
          skills: skills.length ? undefined : a('helper.skillsRequired'),
          weekdays: weekdays.length ? undefined : m('weekdays.required'),
          times: times.length ? undefined : a('helper.timesRequired'),
          radiusKm: radius.trim() !== '' && km > 0 && km <= 50 ? undefined : a('helper.radiusInvalid'),
        }),
      }),
      action: async () => {
        await ensureResident();
        await callApi('PUT', territoryPath(slug, aidApi.profile), { body: { skills, weekdays, times, radiusKm: km, home: { lat: place.place!.lat, lng: place.place!.lng } } });
        announce(a('helper.saved'));
        onSaved();
      },
      explain: (error) => (error.field === 'radiusKm' ? { field: 'radiusKm', message: a('helper.radiusInvalid') } : error.field === 'home' ? { field: 'home', message: a('error.outside') } : null),
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      {initial ? <p class="meta">{a('helper.current', { commune: initial.communeName, cell: shortCell(initial.homeCell), km: formatNumber(initial.radiusKm, 1) })}</p> : null}
      <CheckboxGroup form={form} name="skills" legend={a('helper.skills')} value={skills} onValue={setSkills} options={AID_KINDS.map((k) => ({ value: k, label: a(`kind.${k}`) }))} />
      <WeekdaysField form={form} name="weekdays" legend={a('helper.weekdays')} value={weekdays} onValue={setWeekdays} />
      <CheckboxGroup form={form} name="times" legend={a('helper.times')} inline value={times} onValue={setTimes} options={AID_TIMES.map((x) => ({ value: x, label: a(`time.${x}`) }))} />
      <TextField form={form} name="radiusKm" type="number" inputMode="decimal" min="0.1" max="50" step="0.1" label={a('helper.radius')} hint={a('helper.radiusHint')} value={radius} onValue={setRadius} />
      <PlacePicker form={form} name="home" legend={a('helper.home')} kinds={['commune', 'coords']} value={home} onValue={setHome} communes={communes} />
      <SubmitButton form={form} label={a('helper.save')} />
    </form>
  );
}

function OfferForm({ slug, communes, onPublished }: { slug: string; communes: CommuneChoice[] | undefined; onPublished: () => void }) {
  const { a } = useAidI18n();
  const { m } = useMobilityI18n();
  const form = useForm('aid-offer', OFFER_FIELDS);
  const ensureResident = useEnsureResident(slug);
  const [kind, setKind] = useState<AidKind>('groceries');
  const [text, setText] = useState('');
  const [weekdays, setWeekdays] = useState<number[]>([2]);
  const [times, setTimes] = useState<AidTime[]>(['morning']);
  const [place, setPlace] = useState<PlaceDraft>(emptyPlace('commune'));
  const onSubmit = (event: Event) => {
    const resolved = resolvePlace('offerPlace', place, { communes, profile: null, m });
    form.submit(event, {
      validate: (): FieldErrors => ({
        ...resolved.errors,
        ...onlyErrors({
          text: text.trim() ? undefined : a('form.required'),
          offerWeekdays: weekdays.length ? undefined : m('weekdays.required'),
          offerTimes: times.length ? undefined : a('helper.timesRequired'),
        }),
      }),
      action: async () => {
        await ensureResident();
        await callApi('POST', territoryPath(slug, aidApi.offers), { body: { kind, text: text.trim(), weekdays, times, place: { lat: resolved.place!.lat, lng: resolved.place!.lng } } });
        announce(a('offer.published'));
        setText('');
        onPublished();
      },
      explain: (error) => (error.field === 'place' ? { field: 'offerPlace', message: a('error.outside') } : null),
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      <RadioGroup form={form} name="offerKind" legend={a('offer.kind')} value={kind} onValue={setKind} options={AID_KINDS.map((k) => ({ value: k, label: a(`kind.${k}`) }))} />
      <TextField form={form} name="text" multiline label={a('offer.text')} hint={a('offer.intro')} value={text} onValue={setText} />
      <WeekdaysField form={form} name="offerWeekdays" legend={a('helper.weekdays')} value={weekdays} onValue={setWeekdays} />
      <CheckboxGroup form={form} name="offerTimes" legend={a('helper.times')} inline value={times} onValue={setTimes} options={AID_TIMES.map((x) => ({ value: x, label: a(`time.${x}`) }))} />
      <PlacePicker form={form} name="offerPlace" legend={a('offer.place')} kinds={['commune', 'coords']} value={place} onValue={setPlace} communes={communes} />
      <SubmitButton form={form} label={a('offer.publish')} />
    </form>
  );
}

export function HelperPage({ territory: slug }: { territory: string }) {
  const { a } = useAidI18n();
  const { me } = useSession();
  const communes = useCommunes(slug);
  const profile = useFetch<{ profile: HelperProfile | null }>(me ? territoryPath(slug, aidApi.profile) : null);
  const mine = useFetch<{ items: StandingOffer[] }>(me ? territoryPath(slug, `${aidApi.offers}?mine=true`) : null);
  const [generation, setGeneration] = useState(0);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={a('helper.title')} />;
  const notMember = profile.error?.status === 403;
  const removeProfile = () =>
    callApi('DELETE', territoryPath(slug, aidApi.profile)).then(() => {
      announce(a('helper.deleted'));
      setGeneration((g) => g + 1);
      profile.reload();
    });
  const withdraw = (id: string) =>
    callApi('DELETE', territoryPath(slug, aidApi.standingOffer(id))).then(() => {
      announce(a('offer.withdrawn'));
      mine.reload();
    });
  const loaded = profile.data !== undefined || notMember;
  return (
    <div class="page page-narrow">
      <PageHeading title={a('helper.title')} />
      <p class="lead">{a('helper.intro')}</p>
      <section aria-labelledby="aid-profile-title">
        <h2 id="aid-profile-title">{a('helper.profileTitle')}</h2>
        {profile.error && !notMember ? <ErrorNotice error={profile.error} /> : null}
        {!loaded && !profile.error ? <Loading /> : null}
        {loaded ? (
          <ProfileForm
            key={`${generation}-${profile.data?.profile?.homeCell ?? 'none'}`}
            slug={slug}
            initial={profile.data?.profile ?? null}
            communes={communes}
            onSaved={() => {
              setGeneration((g) => g + 1);
              profile.reload();
            }}
          />
        ) : null}
        {profile.data?.profile ? (
          <p class="actions">
            <a class="button" href={aidPaths.nearby(slug)}>{a('helper.seeNearby')}</a>
            <button type="button" class="button button-quiet" onClick={removeProfile}>
              {a('helper.delete')}
            </button>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="aid-offer-title">
        <h2 id="aid-offer-title">{a('offer.title')}</h2>
        <OfferForm slug={slug} communes={communes} onPublished={mine.reload} />
        {mine.data && mine.data.items.length > 0 ? (
          <>
            <h3>{a('offer.mine')}</h3>
            <ul class="cards">
              {mine.data.items.map((offer) => (
                <OfferCard key={offer.id} offer={offer} onWithdraw={() => void withdraw(offer.id)} />
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
