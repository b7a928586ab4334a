/** @module The campaign builder's rule sections: who and which gestures, amounts (fixed, per seat, per km, bands, time slots), boosted days, caps. */
import { useEffect, useState } from 'preact/hooks';
import { getApi, territoryPath } from '../core/api.ts';
import { CheckboxGroup, RadioGroup } from '../core/choice-fields.tsx';
import { weekdayName } from '../core/dates.ts';
import { TextField } from '../core/fields.tsx';
import type { FormState } from '../core/use-form.ts';
import { useCommunes } from '../commute/use-communes.ts';
import { ALL_WEEKDAYS, GESTURE_KINDS, type CampaignFields, type DistanceBand, type TimeWindow } from './rule-form.ts';
import type { GestureKind, ProofClass } from './types.ts';
import { useIncentivesI18n } from './use-incentives-i18n.ts';

export interface SectionProps {
  form: FormState;
  fields: CampaignFields;
  set: <K extends keyof CampaignFields>(key: K, value: CampaignFields[K]) => void;
}

function useCommunityChoices(slug: string): { value: string; label: string }[] {
  const [choices, setChoices] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    getApi<{ items: { id: string; name: string }[] }>(territoryPath(slug, '/communities?limit=100'), controller.signal).then(
      (page) => setChoices(page.items.map((c) => ({ value: c.id, label: c.name }))),
      () => undefined,
    );
    return () => controller.abort();
  }, [slug]);
  return choices;
}

/** Focuses a field once it exists (after "add a band"), so keyboard users land in what they added. */
function focusSoon(id: string) {
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}

export function EligibilitySection({ slug, form, fields, set }: SectionProps & { slug: string }) {
  const { c, locale } = useIncentivesI18n();
  const communes = useCommunes(slug);
  const communities = useCommunityChoices(slug);
  // Ticked ids that the list does not show (e.g. a private community) stay selectable.
  const communityOptions = [
    ...communities,
    ...fields.communityIds.filter((id) => !communities.some((o) => o.value === id)).map((id) => ({ value: id, label: id })),
  ];
  return (
    <fieldset class="builder-section" id={form.fieldId('eligibility')} tabIndex={-1}>
      <legend>{c('builder.eligibility')}</legend>
      <CheckboxGroup<GestureKind>
        form={form} name="kinds" legend={c('builder.kinds')} hint={c('builder.noneMeansAll')}
        value={fields.kinds} onValue={(v) => set('kinds', v)}
        options={GESTURE_KINDS.map((kind) => ({ value: kind, label: c(`kindLabel.${kind}`) }))}
      />
      <RadioGroup<'' | ProofClass>
        form={form} name="minProof" legend={c('builder.minProof')} value={fields.minProof} onValue={(v) => set('minProof', v)}
        options={[
          { value: '', label: c('builder.minProof.none') },
          { value: 'B', label: c('builder.minProof.B') },
          { value: 'C', label: c('builder.minProof.C') },
        ]}
      />
      <CheckboxGroup<number>
        form={form} name="weekdays" legend={c('builder.weekdays')} hint={c('builder.noneMeansAll')} inline
        value={fields.weekdays} onValue={(v) => set('weekdays', v)}
        options={ALL_WEEKDAYS.map((day) => ({ value: day, label: weekdayName(locale, day) }))}
      />
      <div class="field-pair">
        <TextField form={form} name="minKm" label={c('builder.minKm')} hint={c('builder.emptyNoLimit')} optional inputMode="decimal"
          value={fields.minKm} onValue={(v) => set('minKm', v)} />
        <TextField form={form} name="maxKm" label={c('builder.maxKm')} hint={c('builder.emptyNoLimit')} optional inputMode="decimal"
          value={fields.maxKm} onValue={(v) => set('maxKm', v)} />
      </div>
      {communityOptions.length > 0 ? (
        <CheckboxGroup<string>
          form={form} name="communities" legend={c('builder.communities')} hint={c('builder.noneMeansAll')}
          value={fields.communityIds} onValue={(v) => set('communityIds', v)} options={communityOptions}
        />
      ) : null}
      {communes && communes.length > 0 ? (
        <CheckboxGroup<string>
          form={form} name="communes" legend={c('builder.communes')} hint={c('builder.noneMeansAll')} inline
          value={fields.communeCodes} onValue={(v) => set('communeCodes', v)}
          options={communes.map((commune) => ({ value: commune.code, label: commune.name }))}
        />
      ) : null}
    </fieldset>
  );
}

export function AmountsSection({ form, fields, set }: SectionProps) {
  const { c, t } = useIncentivesI18n();
  const error = form.errors['amounts'];
  const setBand = (i: number, patch: Partial<DistanceBand>) => set('bands', fields.bands.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const setWindow = (i: number, patch: Partial<TimeWindow>) => set('windows', fields.windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  const describedBy = [`${form.fieldId('amounts')}-hint`, error ? `${form.fieldId('amounts')}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset class={error ? 'builder-section field-invalid' : 'builder-section'} id={form.fieldId('amounts')} tabIndex={-1} aria-describedby={describedBy}>
      <legend>{c('builder.amounts')}</legend>
      <p class="field-hint" id={`${form.fieldId('amounts')}-hint`}>{c('builder.amountsHint')}</p>
      {error ? (
        <p class="field-error" id={`${form.fieldId('amounts')}-error`}>
          <span class="error-prefix">{t('error.prefix')}</span> {error}
        </p>
      ) : null}
      <TextField form={form} name="perGesture" label={c('builder.perGesture')} optional inputMode="decimal"
        value={fields.perGesture} onValue={(v) => set('perGesture', v)} />
      <TextField form={form} name="perSeat" label={c('builder.perSeat')} hint={c('builder.perSeatHint')} optional inputMode="decimal"
        value={fields.perSeat} onValue={(v) => set('perSeat', v)} />
      <TextField form={form} name="perKm" label={c('builder.perKm')} hint={c('builder.perKmHint')} optional inputMode="decimal"
        value={fields.perKm} onValue={(v) => set('perKm', v)} />
      <div class="field-pair">
        <TextField form={form} name="perKmOffset" label={c('builder.perKmOffset')} optional inputMode="decimal"
          value={fields.perKmOffset} onValue={(v) => set('perKmOffset', v)} />
        <TextField form={form} name="perKmLimit" label={c('builder.perKmLimit')} hint={c('builder.emptyNoLimit')} optional inputMode="decimal"
          value={fields.perKmLimit} onValue={(v) => set('perKmLimit', v)} />
      </div>

      <h3>{c('builder.bands')}</h3>
      {fields.bands.map((band, i) => (
        <div key={i} class="repeat-item" role="group" aria-labelledby={`${form.fieldId(`band-${i}`)}-title`}>
          <h4 id={`${form.fieldId(`band-${i}`)}-title`}>{c('builder.band', { n: i + 1 })}</h4>
          <div class="field-pair">
            <TextField form={form} name={`band-${i}-fromKm`} label={c('builder.band.fromKm')} inputMode="decimal"
              value={band.fromKm} onValue={(v) => setBand(i, { fromKm: v })} />
            <TextField form={form} name={`band-${i}-toKm`} label={c('builder.band.toKm')} inputMode="decimal"
              value={band.toKm} onValue={(v) => setBand(i, { toKm: v })} />
          </div>
          <TextField form={form} name={`band-${i}-euros`} label={c('builder.band.euros')} inputMode="decimal"
            value={band.euros} onValue={(v) => setBand(i, { euros: v })} />
          <button type="button" class="button button-small" onClick={() => set('bands', fields.bands.filter((_, j) => j !== i))}>
            {c('builder.removeBand', { n: i + 1 })}
          </button>
        </div>
      ))}
      <p>
        <button type="button" class="button button-small" onClick={() => {
          set('bands', [...fields.bands, { fromKm: '', toKm: '', euros: '' }]);
          focusSoon(form.fieldId(`band-${fields.bands.length}-fromKm`));
        }}>
          {c('builder.addBand')}
        </button>
      </p>

      <h3>{c('builder.windows')}</h3>
      {fields.windows.map((window, i) => (
        <div key={i} class="repeat-item" role="group" aria-labelledby={`${form.fieldId(`window-${i}`)}-title`}>
          <h4 id={`${form.fieldId(`window-${i}`)}-title`}>{c('builder.window', { n: i + 1 })}</h4>
          <div class="field-pair">
            <TextField form={form} name={`window-${i}-start`} type="time" label={c('builder.window.start')}
              value={window.start} onValue={(v) => setWindow(i, { start: v })} />
            <TextField form={form} name={`window-${i}-end`} type="time" label={c('builder.window.end')}
              value={window.end} onValue={(v) => setWindow(i, { end: v })} />
          </div>
          <TextField form={form} name={`window-${i}-euros`} label={c('builder.window.euros')} inputMode="decimal"
            value={window.euros} onValue={(v) => setWindow(i, { euros: v })} />
          <button type="button" class="button button-small" onClick={() => set('windows', fields.windows.filter((_, j) => j !== i))}>
            {c('builder.removeWindow', { n: i + 1 })}
          </button>
        </div>
      ))}
      <p>
        <button type="button" class="button button-small" onClick={() => {
          set('windows', [...fields.windows, { start: '', end: '', euros: '' }]);
          focusSoon(form.fieldId(`window-${fields.windows.length}-start`));
        }}>
          {c('builder.addWindow')}
        </button>
      </p>
    </fieldset>
  );
}

export function BoosterSection({ form, fields, set }: SectionProps) {
  const { c } = useIncentivesI18n();
  return (
    <fieldset class="builder-section" id={form.fieldId('booster')} tabIndex={-1}>
      <legend>{c('builder.booster')}</legend>
      {fields.boosterDates.map((date, i) => (
        <div key={i} class="repeat-item">
          <TextField form={form} name={`booster-${i}`} type="date" label={c('builder.boosterDate', { n: i + 1 })}
            value={date} onValue={(v) => set('boosterDates', fields.boosterDates.map((d, j) => (j === i ? v : d)))} />
          <button type="button" class="button button-small" onClick={() => set('boosterDates', fields.boosterDates.filter((_, j) => j !== i))}>
            {c('builder.removeBooster', { n: i + 1 })}
          </button>
        </div>
      ))}
      <p>
        <button type="button" class="button button-small" onClick={() => {
          set('boosterDates', [...fields.boosterDates, '']);
          focusSoon(form.fieldId(`booster-${fields.boosterDates.length}`));
        }}>
          {c('builder.addBooster')}
        </button>
      </p>
      {fields.boosterDates.length > 0 ? (
        <TextField form={form} name="boosterPercent" label={c('builder.boosterPercent')} hint={c('builder.boosterPercentHint')} inputMode="numeric"
          value={fields.boosterPercent} onValue={(v) => set('boosterPercent', v)} />
      ) : null}
    </fieldset>
  );
}

export function CapsSection({ form, fields, set }: SectionProps) {
  const { c } = useIncentivesI18n();
  return (
    <fieldset class="builder-section" id={form.fieldId('caps')} tabIndex={-1}>
      <legend>{c('builder.caps')}</legend>
      <p class="field-hint">{c('builder.capsHint')}</p>
      <div class="field-pair">
        <TextField form={form} name="capDay" label={c('builder.capDay')} optional inputMode="decimal" value={fields.capDay} onValue={(v) => set('capDay', v)} />
        <TextField form={form} name="capMonth" label={c('builder.capMonth')} optional inputMode="decimal" value={fields.capMonth} onValue={(v) => set('capMonth', v)} />
      </div>
    </fieldset>
  );
}
