/**
 * @module /t/:territory/points-de-rencontre — operators and admins: the territory's meeting points (active and
 * deactivated), add or edit one (its position found with the place picker), deactivate or offer it again, and import a
 * GTFS stops.txt with the report of what was imported, updated and refused.
 */
import { useState } from 'preact/hooks';
import { callApi } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SelectField, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../core/status.tsx';
import { useAction } from '../core/use-action.ts';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { toApiError } from '../core/api-error.ts';
import { PlacePicker } from './PlacePicker.tsx';
import { MEETING_POINT_KINDS, placesApi, type ImportReport, type MeetingPoint, type MeetingPointKind, type MeetingPointList, type PlaceCandidate } from './types.ts';
import { usePlacesI18n } from './use-places-i18n.ts';
import './places.css';

const MAX_FILE_BYTES = 1_000_000;

export function MeetingPointsPage({ territory: slug }: { territory: string }) {
  const { p } = usePlacesI18n();
  const { me } = useSession();
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={p('mp.title')} />;
  const roles = me.territories.find((t) => t.slug === slug)?.roles ?? [];
  const staff = roles.includes('operator') || roles.includes('admin');
  return (
    <div class="page meeting-points">
      <PageHeading title={p('mp.title')} />
      <p>{p('mp.intro')}</p>
      {staff ? <MeetingPointsDesk slug={slug} /> : <p>{p('mp.forbidden')}</p>}
    </div>
  );
}

function MeetingPointsDesk({ slug }: { slug: string }) {
  const { p, pp } = usePlacesI18n();
  const list = useFetch<MeetingPointList>(placesApi.meetingPoints(slug, true));
  const [editing, setEditing] = useState<MeetingPoint | null>(null);
  return (
    <>
      <section aria-labelledby="mp-form-title">
        <h2 id="mp-form-title">{editing ? p('mp.editTitle', { name: editing.name }) : p('mp.addTitle')}</h2>
        <MeetingPointForm
          key={editing?.id ?? 'new'}
          slug={slug}
          editing={editing}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      </section>
      <section aria-labelledby="mp-import-title">
        <h2 id="mp-import-title">{p('mp.importTitle')}</h2>
        <ImportForm slug={slug} onImported={list.reload} />
      </section>
      <section aria-labelledby="mp-list-title">
        <h2 id="mp-list-title">{p('mp.listTitle')}</h2>
        {list.error ? <ErrorNotice error={list.error} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data ? (
          <>
            <p data-testid="mp-count">{list.data.items.length === 0 ? p('mp.none') : pp('mp.count', list.data.items.length)}</p>
            <ul class="cards">
              {list.data.items.map((point) => (
                <PointCard key={point.id} slug={slug} point={point} onEdit={() => setEditing(point)} onChanged={list.reload} />
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}

function PointCard({ slug, point, onEdit, onChanged }: { slug: string; point: MeetingPoint; onEdit: () => void; onChanged: () => void }) {
  const { p, t } = usePlacesI18n();
  const [failure, setFailure] = useState('');
  const action = useAction((caught) => setFailure(toApiError(caught).detail || t('error.internal')));
  const toggle = () =>
    action.run(async () => {
      setFailure('');
      await callApi('PATCH', placesApi.meetingPoint(slug, point.id), { body: { active: !point.active } });
      announce(p(point.active ? 'mp.deactivated' : 'mp.reactivated', { name: point.name }));
      onChanged();
    });
  return (
    <li class="card" data-testid={`mp-${point.id}`}>
      <h3 class="card-title">{point.name}</h3>
      <p class="badges">
        <span class="badge">{p(`mp.kind.${point.kind}`)}</span>
        {point.active ? null : <span class="badge badge-inactive">{p('mp.inactive')}</span>}
      </p>
      <p class="meta">
        {p('mp.commune', { name: point.communeName })}
        {point.gtfsStopId ? ` · ${p('mp.gtfs', { id: point.gtfsStopId })}` : ''}
      </p>
      {point.notes ? <p class="card-text">{point.notes}</p> : null}
      <p class="actions">
        <button type="button" class="button" onClick={onEdit}>
          {p('mp.edit', { name: point.name })}
        </button>
        <button type="button" class="button" aria-disabled={action.busy ? 'true' : undefined} onClick={toggle}>
          {p(point.active ? 'mp.deactivate' : 'mp.reactivate', { name: point.name })}
        </button>
      </p>
      {failure ? <ErrorNotice message={failure} /> : null}
    </li>
  );
}

/** "47,3220" or " 47.322 " → 47.322; null when not decimal degrees within ±limit. */
function parseDegrees(text: string, limit: number): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Math.abs(value) <= limit ? value : null;
}

const degreesText = (value: number) => String(Math.round(value * 1_000_000) / 1_000_000);

function MeetingPointForm({ slug, editing, onSaved, onCancel }: { slug: string; editing: MeetingPoint | null; onSaved: () => void; onCancel: () => void }) {
  const { p, t } = usePlacesI18n();
  const form = useForm(`mp-${editing?.id ?? 'new'}`, ['name', 'kind', 'lat', 'lon', 'notes']);
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<MeetingPointKind>(editing?.kind ?? 'park_and_ride');
  const [place, setPlace] = useState<PlaceCandidate | null>(null);
  const [lat, setLat] = useState(editing ? degreesText(editing.lat) : '');
  const [lon, setLon] = useState(editing ? degreesText(editing.lon) : '');
  const [notes, setNotes] = useState(editing?.notes ?? '');
  const [done, setDone] = useState('');
  const located = (chosen: PlaceCandidate | null) => {
    setPlace(chosen);
    if (chosen) {
      setLat(degreesText(chosen.lat));
      setLon(degreesText(chosen.lon));
      if (!name.trim() && chosen.kind !== 'municipality') setName(chosen.label);
    }
  };
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          name: name.trim() ? undefined : t('form.required'),
          lat: lat.trim() === '' ? t('form.required') : parseDegrees(lat, 90) === null ? p('mp.degreesInvalid') : undefined,
          lon: lon.trim() === '' ? t('form.required') : parseDegrees(lon, 180) === null ? p('mp.degreesInvalid') : undefined,
        }),
      explain: (error) => (error.reason === 'outside_territory' ? { field: error.field || 'lat', message: p('mp.outside') } : null),
      action: async () => {
        const body = { name: name.trim(), kind, lat: parseDegrees(lat, 90)!, lon: parseDegrees(lon, 180)!, notes: notes.trim() || null };
        const saved = editing
          ? await callApi<MeetingPoint>('PATCH', placesApi.meetingPoint(slug, editing.id), { body })
          : await callApi<MeetingPoint>('POST', placesApi.meetingPoints(slug), { body });
        const message = p(editing ? 'mp.saved' : 'mp.added', { name: saved.name });
        announce(message);
        setDone(message);
        if (!editing) {
          setName('');
          setPlace(null);
          setLat('');
          setLon('');
          setNotes('');
        }
        onSaved();
      },
    });
  return (
    <form noValidate onSubmit={onSubmit}>
      <FormErrors form={form} />
      {done ? <SuccessNotice message={done} /> : null}
      <PlacePicker slug={slug} id={form.fieldId('where')} label={p('mp.where')} hint={p('mp.whereHint')} value={place} onChange={located} />
      <div class="field-pair">
        <TextField form={form} name="lat" label={p('mp.lat')} hint={p('mp.degreesHint')} inputMode="decimal" autoComplete="off" value={lat} onValue={setLat} />
        <TextField form={form} name="lon" label={p('mp.lon')} hint={p('mp.degreesHint')} inputMode="decimal" autoComplete="off" value={lon} onValue={setLon} />
      </div>
      <TextField form={form} name="name" label={p('mp.name')} hint={p('mp.nameHint')} value={name} onValue={setName} />
      <SelectField form={form} name="kind" label={p('mp.kind')} value={kind} onValue={setKind} options={MEETING_POINT_KINDS.map((k) => ({ value: k, label: p(`mp.kind.${k}`) }))} />
      <TextField form={form} name="notes" label={p('mp.notes')} hint={p('mp.notesHint')} optional multiline value={notes} onValue={setNotes} />
      <p class="actions">
        <SubmitButton form={form} label={p('mp.save')} />
        {editing ? (
          <button type="button" class="button" onClick={onCancel}>
            {p('mp.cancelEdit')}
          </button>
        ) : null}
      </p>
    </form>
  );
}

function ImportForm({ slug, onImported }: { slug: string; onImported: () => void }) {
  const { p } = usePlacesI18n();
  const form = useForm('mp-import', ['file', 'kind']);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<MeetingPointKind>('bus_stop');
  const [report, setReport] = useState<ImportReport | null>(null);
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ file: !file ? p('mp.fileRequired') : file.size > MAX_FILE_BYTES ? p('mp.fileTooLarge') : undefined }),
      explain: (error) => (error.reason === 'malformed_file' ? { field: 'file', message: p('mp.malformed', { detail: error.detail }) } : null),
      action: async () => {
        setReport(null);
        const answer = await callApi<ImportReport>('POST', placesApi.import(slug), { body: { file: await file!.text(), kind } });
        setReport(answer);
        announce(p('mp.importDone', { imported: answer.imported, updated: answer.updated, unchanged: answer.unchanged, rejected: answer.rejected.length }));
        onImported();
      },
    });
  const fileId = form.fieldId('file');
  const fileError = form.errors.file;
  return (
    <form noValidate onSubmit={onSubmit}>
      <p>{p('mp.importIntro')}</p>
      <FormErrors form={form} />
      <div class={fileError ? 'field field-invalid' : 'field'}>
        <label for={fileId}>{p('mp.file')}</label>
        {fileError ? (
          <p class="field-error" id={`${fileId}-error`}>
            <span class="error-prefix">{p('error.prefix')}</span> {fileError}
          </p>
        ) : null}
        <input
          id={fileId}
          type="file"
          accept=".txt,.csv,text/plain,text/csv"
          aria-invalid={fileError ? 'true' : undefined}
          aria-describedby={fileError ? `${fileId}-error` : undefined}
          onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
        />
      </div>
      <SelectField form={form} name="kind" label={p('mp.importKind')} hint={p('mp.importKindHint')} value={kind} onValue={setKind} options={MEETING_POINT_KINDS.map((k) => ({ value: k, label: p(`mp.kind.${k}`) }))} />
      <SubmitButton form={form} label={p('mp.importSend')} />
      {report ? (
        <div class="meeting-point-report" data-testid="mp-import-report">
          <SuccessNotice message={p('mp.importDone', { imported: report.imported, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.length })} />
          {report.rejected.length > 0 ? (
            <>
              <h3>{p('mp.rejectedTitle')}</h3>
              <ul>
                {report.rejected.map((r) => (
                  <li key={r.line}>
                    {p('mp.rejectedLine', { line: r.line, stop: r.stopId ? p('mp.rejectedStop', { id: r.stopId }) : '', reason: p(`mp.reason.${r.reason}`) })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
