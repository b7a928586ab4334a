/** @module /t/:territory/entraide/demander — ask for help: what, when, a few words, where (commune or coordinates), and the exact address kept apart. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { pointerOf } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { RadioGroup } from '../core/choice-fields.tsx';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { Loading, SuccessNotice } from '../core/status.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { onlyErrors, useForm, type FieldErrors } from '../core/use-form.ts';
import { useEnsureResident } from '../communities/use-ensure-resident.ts';
import { PlacePicker } from '../commute/place-picker.tsx';
import { emptyPlace, placeFieldNames, resolvePlace, type PlaceDraft } from '../commute/resolve-place.ts';
import { useCommunes } from '../commute/use-communes.ts';
import { checkAskWindow, defaultWindow, type WindowDraft } from './ask-window.ts';
import { aidApi, aidPaths } from './paths.ts';
import { AID_KINDS, AID_URGENCIES, type AidKind, type AidUrgency } from './types.ts';
import { useAidI18n } from './use-aid-i18n.ts';

const FIELDS = ['kind', 'urgency', 'fromDate', 'fromTime', 'toDate', 'toTime', 'description', ...placeFieldNames('place'), 'address', 'contact'];

/** Server JSON pointers → this form's fields. */
const FIELD_OF: Record<string, string> = {
  '/window/from': 'fromDate',
  '/window/to': 'toDate',
  '/place': 'place',
  '/description': 'description',
  '/address': 'address',
  '/contact': 'contact',
  '/kind': 'kind',
  '/urgency': 'urgency',
};

export function AskPage({ territory: slug }: { territory: string }) {
  const { a, ap } = useAidI18n();
  const { m } = useMobilityI18n();
  const { me } = useSession();
  const form = useForm('aid-ask', FIELDS);
  const communes = useCommunes(slug);
  const ensureResident = useEnsureResident(slug);
  const [kind, setKind] = useState<AidKind>('groceries');
  const [urgency, setUrgency] = useState<AidUrgency>('this_week');
  const [span, setSpan] = useState<WindowDraft>(() => defaultWindow('this_week', new Date()));
  const [description, setDescription] = useState('');
  const [place, setPlace] = useState<PlaceDraft>(emptyPlace('commune'));
  const [address, setAddress] = useState('');
  const [contact, setContact] = useState('');
  const [sent, setSent] = useState<string | null>(null);

  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={a('ask.title')} />;

  const chooseUrgency = (next: AidUrgency) => {
    setUrgency(next);
    setSpan(defaultWindow(next, new Date()));
  };
  const set = (patch: Partial<WindowDraft>) => setSpan({ ...span, ...patch });

  const onSubmit = (event: Event) => {
    const checked = checkAskWindow(span, new Date());
    const resolved = resolvePlace('place', place, { communes, profile: null, m });
    form.submit(event, {
      validate: (): FieldErrors => ({
        ...Object.fromEntries(Object.entries(checked.errors).map(([field, key]) => [field, a(key)])),
        ...resolved.errors,
        ...onlyErrors({
          description: description.trim() ? undefined : a('form.required'),
          address: address.trim().length >= 3 ? undefined : a('form.required'),
        }),
      }),
      action: async ({ idempotencyKey }) => {
        await ensureResident();
        const body = {
          kind,
          urgency,
          window: { from: checked.from!.toISOString(), to: checked.to!.toISOString() },
          description: description.trim(),
          place: { lat: resolved.place!.lat, lng: resolved.place!.lng },
          address: address.trim(),
          ...(contact.trim() ? { contact: contact.trim() } : {}),
          idempotencyKey,
        };
        const created = await callApi<{ id: string; notified: number }>('POST', territoryPath(slug, aidApi.requests), { body });
        const message = created.notified > 0 ? ap('ask.sent', created.notified) : a('ask.sentNobody');
        setSent(message);
        announce(message);
        setDescription('');
        setAddress('');
        setContact('');
      },
      explain: (error) => {
        const field = FIELD_OF[pointerOf(error)];
        if (field === 'place') return { field, message: a('error.outside') };
        if (field === 'fromDate' && pointerOf(error) === '/window/from') return { field, message: a('ask.past') };
        return field ? { field, message: error.detail } : null;
      },
    });
  };

  return (
    <div class="page page-narrow">
      <PageHeading title={a('ask.title')} />
      <p class="lead">{a('ask.intro')}</p>
      {sent ? (
        <>
          <SuccessNotice message={sent} />
          <p class="actions">
            <a class="button" href={aidPaths.mine(slug)}>{a('ask.seeMine')}</a>
          </p>
        </>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <RadioGroup form={form} name="kind" legend={a('ask.kind')} value={kind} onValue={setKind} options={AID_KINDS.map((k) => ({ value: k, label: a(`kind.${k}`) }))} />
        <RadioGroup form={form} name="urgency" legend={a('ask.urgency')} inline value={urgency} onValue={chooseUrgency} options={AID_URGENCIES.map((u) => ({ value: u, label: a(`urgency.${u}`) }))} />
        <fieldset class="window">
          <legend>{a('ask.from')}</legend>
          <div class="field-pair">
            <TextField form={form} name="fromDate" type="date" label={a('ask.date')} value={span.fromDate} onValue={(fromDate) => set({ fromDate })} />
            <TextField form={form} name="fromTime" type="time" label={a('ask.time')} value={span.fromTime} onValue={(fromTime) => set({ fromTime })} />
          </div>
        </fieldset>
        <fieldset class="window">
          <legend>{a('ask.to')}</legend>
          <div class="field-pair">
            <TextField form={form} name="toDate" type="date" label={a('ask.date')} value={span.toDate} onValue={(toDate) => set({ toDate })} />
            <TextField form={form} name="toTime" type="time" label={a('ask.time')} value={span.toTime} onValue={(toTime) => set({ toTime })} />
          </div>
        </fieldset>
        <TextField form={form} name="description" multiline label={a('ask.description')} hint={a('ask.descriptionHint')} value={description} onValue={setDescription} />
        <PlacePicker form={form} name="place" legend={a('ask.place')} kinds={['commune', 'coords']} value={place} onValue={setPlace} communes={communes} />
        <TextField form={form} name="address" label={a('ask.address')} hint={a('ask.addressHint')} autoComplete="street-address" value={address} onValue={setAddress} />
        <TextField form={form} name="contact" optional label={a('ask.contact')} hint={a('ask.contactHint')} autoComplete="off" value={contact} onValue={setContact} />
        <SubmitButton form={form} label={a('ask.submit')} />
      </form>
    </div>
  );
}
