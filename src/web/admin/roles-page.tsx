/**
 * @module /t/:territory/admin/roles — admins find a person by name or e-mail, see and change their roles with a reason,
 * and list who holds which role. Every lookup states its reason (audited), like any staff read of personal data.
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { territoryPath } from '../core/api.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { StaffReasonGate, withReason } from '../core/staff-reason.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { AdminGate } from './admin-gate.tsx';
import { adminApi } from './paths.ts';
import { personName, RoleEditor } from './role-editor.tsx';
import { GIVEN_ROLES, type Person, type PersonView } from './types.ts';
import { useAdminI18n } from './use-admin-i18n.ts';

export function RolesPage({ territory: slug }: { territory: string }) {
  const { a } = useAdminI18n();
  return (
    <AdminGate slug={slug} title={a('roles.title')} roles={['admin']}>
      <p>{a('roles.intro')}</p>
      <StaffReasonGate id="roles">{(reason) => <RolesTools slug={slug} reason={reason} />}</StaffReasonGate>
    </AdminGate>
  );
}

function RolesTools({ slug, reason }: { slug: string; reason: string }) {
  const { a } = useAdminI18n();
  const { query } = useLocation();
  const [chosen, setChosen] = useState<Person | null>(null);
  const [q, setQ] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const form = useForm('people-search', ['q']);
  const asked = query.personne ?? null;
  const linked = useFetch<PersonView>(asked && !chosen ? withReason(territoryPath(slug, adminApi.person(asked)), reason) : null);
  const results = useFetch<{ items: Person[] }>(searched ? withReason(territoryPath(slug, adminApi.people(searched)), reason) : null);
  const holders = useFetch<{ items: Person[] }>(withReason(territoryPath(slug, adminApi.roleHolders), reason));
  const shown = chosen ?? (linked.data ? { userId: linked.data.userId, displayName: linked.data.displayName, email: linked.data.email, roles: linked.data.roles } : null);
  const onSearch = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ q: q.trim().length < 2 ? a('roles.searchHint') : undefined }),
      action: async () => setSearched(q.trim()),
    });
  const choose = (person: Person) => setChosen(person);
  const saved = () => {
    holders.reload();
    if (searched) results.reload();
  };
  return (
    <>
      <form class="panel" role="search" onSubmit={onSearch} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="q" type="search" label={a('roles.search')} hint={a('roles.searchHint')} value={q} onValue={setQ} autoComplete="off" />
        <SubmitButton form={form} label={a('roles.searchSubmit')} />
      </form>
      {linked.error ? <ErrorNotice error={linked.error} /> : null}
      {shown ? <RoleEditor key={shown.userId} slug={slug} person={shown} onSaved={(roles) => (setChosen({ ...shown, roles }), saved())} /> : null}
      {searched ? (
        <section aria-labelledby="roles-results">
          <h2 id="roles-results">{a('roles.results')}</h2>
          {results.error ? <ErrorNotice error={results.error} /> : null}
          {results.loading ? <Loading /> : null}
          {results.data && results.data.items.length === 0 ? <p>{a('roles.noResult')}</p> : null}
          <PeopleList people={results.data?.items ?? []} onChoose={choose} />
        </section>
      ) : null}
      <section aria-labelledby="roles-holders">
        <h2 id="roles-holders">{a('roles.holders')}</h2>
        {holders.error ? <ErrorNotice error={holders.error} /> : null}
        {holders.loading && !holders.data ? <Loading /> : null}
        {holders.data
          ? GIVEN_ROLES.map((role) => {
              const people = holders.data!.items.filter((p) => p.roles.includes(role));
              return (
                <section key={role} aria-labelledby={`holders-${role}`}>
                  <h3 id={`holders-${role}`}>{a(`role.${role}`)}</h3>
                  {people.length === 0 ? <p>{a('roles.holdersNone')}</p> : <PeopleList people={people} onChoose={choose} />}
                </section>
              );
            })
          : null}
      </section>
    </>
  );
}

function PeopleList({ people, onChoose }: { people: readonly Person[]; onChoose: (person: Person) => void }) {
  const { a } = useAdminI18n();
  if (people.length === 0) return null;
  return (
    <ul class="admin-list">
      {people.map((person) => {
        const name = personName(a, person);
        const roles = person.roles.filter((r) => r !== 'resident').map((r) => a(`role.${r}`));
        return (
          <li key={person.userId} class="admin-item" data-testid="person">
            <p>
              <strong>{name}</strong>
            </p>
            {person.email ? <p class="meta">{person.email}</p> : null}
            <p>{a('roles.current', { roles: roles.length > 0 ? roles.join(', ') : a('audit.noRole') })}</p>
            <button type="button" class="button button-small" onClick={() => onChoose(person)}>
              {a('roles.choose')}
              <span class="visually-hidden"> — {name}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
