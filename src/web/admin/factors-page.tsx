/**
 * @module /t/:territory/admin/facteurs — the factor editions: every version with its edition (name, date, source), a
 * link to each, and a form publishing a new edition from the current one's values (operators and admins; audited).
 */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { AdminGate } from './admin-gate.tsx';
import { adminApi, adminPaths } from './paths.ts';
import type { Factors, FactorVersionList } from './types.ts';
import { useAdminI18n } from './use-admin-i18n.ts';

export function FactorsPage({ territory: slug }: { territory: string }) {
  const { a } = useAdminI18n();
  const versions = useFetch<FactorVersionList>(territoryPath(slug, adminApi.factorVersions));
  const current = useFetch<Factors>(territoryPath(slug, adminApi.factors()));
  const published = () => {
    versions.reload();
    current.reload();
  };
  return (
    <AdminGate slug={slug} title={a('factors.title')} roles={['operator', 'admin']}>
      <p>{a('factors.intro')}</p>
      <section aria-labelledby="factor-versions">
        <h2 id="factor-versions">{a('factors.versions')}</h2>
        {versions.error ? <ErrorNotice error={versions.error} /> : null}
        {versions.loading && !versions.data ? <Loading /> : null}
        <ul class="admin-list" data-testid="factor-versions">
          {(versions.data?.items ?? []).map((item, index) => (
            <li key={item.version} class="admin-item">
              <h3>
                {a('factors.version', { version: item.version })}
                {index === 0 ? ` — ${a('factors.current')}` : ''}
              </h3>
              <p>{a('factors.editionLine', { name: item.edition.name, date: item.edition.date })}</p>
              <p class="meta">{a('factors.source', { source: item.edition.source })}</p>
              <a href={adminPaths.factorVersion(slug, item.version)}>{a('factors.see', { version: item.version })}</a>
            </li>
          ))}
        </ul>
      </section>
      {current.data ? <PublishForm key={current.data.version} slug={slug} current={current.data} onPublished={published} /> : null}
    </AdminGate>
  );
}

function PublishForm({ slug, current, onPublished }: { slug: string; current: Factors; onPublished: () => void }) {
  const { a } = useAdminI18n();
  const { m } = useMobilityI18n();
  const keys = current.factors.map((f) => f.key);
  const form = useForm('factor-edition', ['editionId', 'editionName', 'editionDate', 'editionSource', 'reason', ...keys.flatMap((k) => [`value-${k}`, `source-${k}`, `date-${k}`])]);
  const [edition, setEdition] = useState({ editionId: '', editionName: '', editionDate: '', editionSource: '', reason: '' });
  const [values, setValues] = useState(() => Object.fromEntries(current.factors.map((f) => [f.key, { value: String(f.value), source: f.source, date: f.publishedOn }])));
  const [done, setDone] = useState<string | null>(null);
  const setField = (name: keyof typeof edition) => (text: string) => setEdition((old) => ({ ...old, [name]: text }));
  const setFactor = (key: string, part: 'value' | 'source' | 'date') => (text: string) => setValues((old) => ({ ...old, [key]: { ...old[key]!, [part]: text } }));
  const validate = () =>
    onlyErrors({
      editionId: edition.editionId.trim().length < 3 ? a('factors.editionIdHint') : undefined,
      editionName: edition.editionName.trim() === '' ? a('form.required') : undefined,
      editionDate: /^\d{4}-\d{2}-\d{2}$/.test(edition.editionDate) ? undefined : a('form.required'),
      editionSource: edition.editionSource.trim().length < 3 ? a('form.required') : undefined,
      reason: edition.reason.trim().length < 5 ? a('factors.reasonHint') : undefined,
      ...Object.fromEntries(keys.map((k) => [`value-${k}`, Number.isFinite(Number(values[k]!.value.replace(',', '.'))) && values[k]!.value.trim() !== '' ? undefined : a('corridors.error.number')])),
    });
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate,
      action: async () => {
        const factors = current.factors.map((f) => ({
          key: f.key, unit: f.unit, value: Number(values[f.key]!.value.replace(',', '.')), source: values[f.key]!.source.trim(), publishedOn: values[f.key]!.date,
          sourceUrl: f.sourceUrl, components: f.components, significantDigits: f.significantDigits, basis: f.basis,
        }));
        const body = { edition: { id: edition.editionId.trim(), name: edition.editionName.trim(), date: edition.editionDate, source: edition.editionSource.trim(), factors }, reason: edition.reason.trim() };
        const written = await callApi<{ version: number }>('POST', territoryPath(slug, adminApi.factorEditions), { body });
        setDone(a('factors.published', { version: written.version }));
        onPublished();
      },
      explain: (error) => {
        // "/edition/factors/3/value" → that factor's value field; "/edition/date" → the edition's date.
        const [, , part, index, leaf] = error.pointer.split('/');
        if (part === 'factors' && index !== undefined) {
          const key = keys[Number(index)];
          const field = leaf === 'source' ? 'source' : leaf === 'publishedOn' ? 'date' : 'value';
          return key ? { field: `${field}-${key}`, message: error.detail } : null;
        }
        const map: Record<string, string> = { id: 'editionId', name: 'editionName', date: 'editionDate', source: 'editionSource' };
        if (part && map[part]) return { field: map[part], message: error.detail };
        return null;
      },
    });
  return (
    <section aria-labelledby="factor-publish" class="panel">
      <h2 id="factor-publish">{a('factors.publishTitle')}</h2>
      <p>{a('factors.publishIntro')}</p>
      {done ? <SuccessNotice message={done} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="editionId" label={a('factors.editionId')} hint={a('factors.editionIdHint')} value={edition.editionId} onValue={setField('editionId')} autoComplete="off" />
        <TextField form={form} name="editionName" label={a('factors.editionName')} value={edition.editionName} onValue={setField('editionName')} autoComplete="off" />
        <TextField form={form} name="editionDate" type="date" label={a('factors.editionDate')} value={edition.editionDate} onValue={setField('editionDate')} />
        <TextField form={form} name="editionSource" label={a('factors.editionSource')} value={edition.editionSource} onValue={setField('editionSource')} autoComplete="off" />
        {current.factors.map((f) => (
          <fieldset key={f.key} class="admin-fieldset">
            <legend>{m(`factor.${f.key}`)}</legend>
            <TextField form={form} name={`value-${f.key}`} label={a('factors.value', { unit: f.unit })} inputMode="decimal" value={values[f.key]!.value} onValue={setFactor(f.key, 'value')} autoComplete="off" />
            <TextField form={form} name={`source-${f.key}`} label={a('factors.valueSource')} value={values[f.key]!.source} onValue={setFactor(f.key, 'source')} autoComplete="off" />
            <TextField form={form} name={`date-${f.key}`} type="date" label={a('factors.valueDate')} value={values[f.key]!.date} onValue={setFactor(f.key, 'date')} />
          </fieldset>
        ))}
        <TextField form={form} name="reason" label={a('factors.reason')} hint={a('factors.reasonHint')} value={edition.reason} onValue={setField('reason')} autoComplete="off" />
        <SubmitButton form={form} label={a('factors.publish')} />
      </form>
    </section>
  );
}
