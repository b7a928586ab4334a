/**
 * @module /t/:territory/admin/axes/nouveau and /admin/axes/:id — create or edit a corridor: name, its two ends, capacity,
 * free-flow time and the demand per quarter hour (typed, or started from a demo profile). Errors name their field.
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { callApi, territoryPath } from '../core/api.ts';
import { FormErrors, SelectField, SubmitButton, TextField } from '../core/fields.tsx';
import { announce } from '../core/announce.ts';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { AdminGate } from './admin-gate.tsx';
import { DEMAND_PRESETS, scaleDemand } from './demand-presets.ts';
import { adminApi, adminPaths } from './paths.ts';
import type { CorridorDefinition } from './types.ts';
import { useAdminI18n } from './use-admin-i18n.ts';

const FIELDS = ['name', 'startLat', 'startLng', 'endLat', 'endLng', 'capacityPerHour', 'freeFlowMin', 'preset', 'amStart', 'amDemand', 'pmStart', 'pmDemand'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const BLANK: Values = { name: '', startLat: '', startLng: '', endLat: '', endLng: '', capacityPerHour: '', freeFlowMin: '', preset: '', amStart: '06:30', amDemand: '', pmStart: '16:30', pmDemand: '' };

function valuesOf(c: CorridorDefinition): Values {
  const first = c.geometry.coordinates[0] ?? [0, 0];
  const last = c.geometry.coordinates.at(-1) ?? [0, 0];
  return {
    name: c.name, startLat: String(first[1]), startLng: String(first[0]), endLat: String(last[1]), endLng: String(last[0]),
    capacityPerHour: String(c.capacityPerHour), freeFlowMin: String(c.freeFlowMin), preset: '',
    amStart: c.amStart, amDemand: c.amDemand.join(' '), pmStart: c.pmStart, pmDemand: c.pmDemand.join(' '),
  };
}

/** "47,32" and "47.32" both read as 47.32; anything else is NaN. */
const decimal = (text: string) => (/^\s*-?\d+([.,]\d+)?\s*$/.test(text) ? Number(text.replace(',', '.')) : NaN);
const demandOf = (text: string) => (/^\s*\d+(\s+\d+)*\s*$/.test(text) ? text.trim().split(/\s+/).map(Number) : null);

export function CorridorFormPage({ territory: slug, id }: { territory: string; id?: string }) {
  const { a } = useAdminI18n();
  const existing = useFetch<CorridorDefinition>(id ? territoryPath(slug, adminApi.corridorDefinition(id)) : null);
  const title = id ? a('corridors.editTitle', { name: existing.data?.name ?? '…' }) : a('corridors.newTitle');
  return (
    <AdminGate slug={slug} title={title} roles={['operator', 'admin']}>
      {existing.error ? <ErrorNotice error={existing.error} /> : null}
      {id && !existing.data ? existing.loading ? <Loading /> : null : <CorridorForm key={existing.data?.id ?? 'new'} slug={slug} id={id} initial={existing.data ? valuesOf(existing.data) : BLANK} geometry={existing.data?.geometry.coordinates ?? null} />}
    </AdminGate>
  );
}

function CorridorForm({ slug, id, initial, geometry }: { slug: string; id: string | undefined; initial: Values; geometry: number[][] | null }) {
  const { a } = useAdminI18n();
  const { route } = useLocation();
  const form = useForm(id ? `corridor-${id}` : 'corridor-new', FIELDS);
  const [v, setV] = useState<Values>(initial);
  const set = (field: Field) => (value: string) => setV((old) => ({ ...old, [field]: value }));
  const choosePreset = (slugOf: string) => {
    const preset = DEMAND_PRESETS.find((p) => p.slug === slugOf);
    const capacity = Number(v.capacityPerHour);
    setV((old) => ({
      ...old,
      preset: slugOf,
      ...(preset ? { amDemand: scaleDemand(preset, 'am', capacity > 0 ? capacity : preset.capacityPerHour).join(' '), pmDemand: scaleDemand(preset, 'pm', capacity > 0 ? capacity : preset.capacityPerHour).join(' ') } : {}),
      ...(preset && !(capacity > 0) ? { capacityPerHour: String(preset.capacityPerHour) } : {}),
    }));
  };
  const validate = () => {
    const number = (text: string) => (Number.isFinite(decimal(text)) ? undefined : a('corridors.error.number'));
    const errors = onlyErrors({
      name: v.name.trim() === '' ? a('form.required') : undefined,
      startLat: number(v.startLat), startLng: number(v.startLng), endLat: number(v.endLat), endLng: number(v.endLng),
      capacityPerHour: /^\s*\d+\s*$/.test(v.capacityPerHour) ? undefined : a('corridors.error.number'),
      freeFlowMin: number(v.freeFlowMin),
      amDemand: demandOf(v.amDemand) ? undefined : a('corridors.error.demand'),
      pmDemand: demandOf(v.pmDemand) ? undefined : a('corridors.error.demand'),
    });
    if (!errors.endLat && v.startLat === v.endLat && v.startLng === v.endLng && v.startLat !== '') errors.endLat = a('corridors.error.ends');
    return errors;
  };
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate,
      action: async () => {
        const start = [decimal(v.startLng), decimal(v.startLat)];
        const end = [decimal(v.endLng), decimal(v.endLat)];
        // An edit keeps the line's drawn middle points and moves only its ends.
        const middle = geometry && geometry.length > 2 ? geometry.slice(1, -1) : [];
        const body = {
          name: v.name.trim(),
          geometry: { type: 'LineString', coordinates: [start, ...middle, end] },
          capacityPerHour: Number(v.capacityPerHour),
          freeFlowMin: decimal(v.freeFlowMin),
          amStart: v.amStart,
          amDemand: demandOf(v.amDemand),
          pmStart: v.pmStart,
          pmDemand: demandOf(v.pmDemand),
        };
        if (id) await callApi('PUT', territoryPath(slug, adminApi.corridor(id)), { body });
        else await callApi('POST', territoryPath(slug, adminApi.corridors), { body });
        announce(a(id ? 'corridors.saved' : 'corridors.created', { name: body.name }));
        route(adminPaths.corridors(slug));
      },
      explain: (error) => {
        if (error.code === 'conflict') return { field: 'name', message: a('corridors.error.taken') };
        if (error.field === 'geometry') return { field: 'endLat', message: a('corridors.error.ends') };
        if (error.field === 'pmStart') return { field: 'pmStart', message: a('corridors.error.pmStart') };
        return null;
      },
    });
  return (
    <form class="panel" onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      <TextField form={form} name="name" label={a('corridors.name')} hint={a('corridors.nameHint')} value={v.name} onValue={set('name')} autoComplete="off" />
      {(['start', 'end'] as const).map((end) => (
        <fieldset key={end} class="admin-fieldset">
          <legend>{a(end === 'start' ? 'corridors.startLegend' : 'corridors.endLegend')}</legend>
          <div class="admin-pair">
            <TextField form={form} name={`${end}Lat`} label={a('corridors.lat')} hint={a('corridors.coordHint')} inputMode="decimal" value={v[`${end}Lat`]} onValue={set(`${end}Lat`)} autoComplete="off" />
            <TextField form={form} name={`${end}Lng`} label={a('corridors.lng')} inputMode="decimal" value={v[`${end}Lng`]} onValue={set(`${end}Lng`)} autoComplete="off" />
          </div>
        </fieldset>
      ))}
      <TextField form={form} name="capacityPerHour" label={a('corridors.capacity')} hint={a('corridors.capacityHint')} inputMode="numeric" value={v.capacityPerHour} onValue={set('capacityPerHour')} autoComplete="off" />
      <TextField form={form} name="freeFlowMin" label={a('corridors.freeFlow')} inputMode="decimal" value={v.freeFlowMin} onValue={set('freeFlowMin')} autoComplete="off" />
      <SelectField
        form={form}
        name="preset"
        label={a('corridors.preset')}
        hint={a('corridors.presetHint')}
        value={v.preset}
        onValue={choosePreset}
        options={[{ value: '', label: a('corridors.presetKeep') }, ...DEMAND_PRESETS.map((p) => ({ value: p.slug, label: a('corridors.presetOf', { name: p.name }) }))]}
      />
      <TextField form={form} name="amStart" type="time" label={a('corridors.amStart')} value={v.amStart} onValue={set('amStart')} />
      <TextField form={form} name="amDemand" label={a('corridors.amDemand')} hint={a('corridors.demandHint')} value={v.amDemand} onValue={set('amDemand')} autoComplete="off" />
      <TextField form={form} name="pmStart" type="time" label={a('corridors.pmStart')} value={v.pmStart} onValue={set('pmStart')} />
      <TextField form={form} name="pmDemand" label={a('corridors.pmDemand')} hint={a('corridors.demandHint')} value={v.pmDemand} onValue={set('pmDemand')} autoComplete="off" />
      <SubmitButton form={form} label={a(id ? 'corridors.save' : 'corridors.create')} />
    </form>
  );
}
