/** @module Changing one person's roles with a reason (audited); `resident` stays, and one cannot drop one's own admin role. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { SuccessNotice } from '../core/status.tsx';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { adminApi } from './paths.ts';
import { GIVEN_ROLES, type Person, type Role } from './types.ts';
import { useAdminI18n } from './use-admin-i18n.ts';

export function personName(a: ReturnType<typeof useAdminI18n>['a'], person: Pick<Person, 'displayName' | 'userId'>): string {
  return person.displayName ?? a('roles.personNoName', { id: person.userId });
}

export function RoleEditor({ slug, person, onSaved }: { slug: string; person: Person; onSaved: (roles: Role[]) => void }) {
  const { a } = useAdminI18n();
  const form = useForm(`roles-${person.userId}`, ['roles', 'reason']);
  const [roles, setRoles] = useState<Role[]>(person.roles);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const name = personName(a, person);
  // Opening the editor moves focus to it, so a keyboard or screen-reader user lands where the change happens.
  useEffect(() => heading.current?.focus(), [person.userId]);
  const toggle = (role: Role, on: boolean) => setRoles((held) => (on ? [...held, role] : held.filter((r) => r !== role)));
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ reason: reason.trim().length < 5 ? a('roles.reasonHint') : undefined }),
      action: async () => {
        const answer = await callApi<{ roles: Role[] }>('PUT', territoryPath(slug, adminApi.roles(person.userId)), { body: { roles: ['resident', ...roles.filter((r) => r !== 'resident')], reason: reason.trim() } });
        setSaved(a('roles.saved', { name, roles: answer.roles.map((r) => a(`role.${r}`)).join(', ') }));
        setReason('');
        onSaved(answer.roles);
      },
      explain: (error) => (error.code === 'conflict' ? { field: 'roles', message: a('roles.selfAdmin') } : null),
    });
  return (
    <section class="panel" aria-labelledby={`roles-edit-${person.userId}`}>
      <h2 id={`roles-edit-${person.userId}`} ref={heading} tabIndex={-1}>
        {a('roles.edit', { name })}
      </h2>
      {person.email ? <p class="meta">{person.email}</p> : null}
      {saved ? <SuccessNotice message={saved} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <fieldset class="admin-fieldset" id={form.fieldId('roles')} aria-describedby={`${form.fieldId('roles')}-hint`}>
          <legend>{a('roles.rolesLegend')}</legend>
          <p class="field-hint" id={`${form.fieldId('roles')}-hint`}>{a('roles.residentAlways')}</p>
          {form.errors.roles ? <p class="field-error">{form.errors.roles}</p> : null}
          <ul class="admin-checks">
            {GIVEN_ROLES.map((role) => (
              <li key={role}>
                <label>
                  <input type="checkbox" name="roles" value={role} checked={roles.includes(role)} onChange={(event) => toggle(role, event.currentTarget.checked)} />
                  {a(`role.${role}`)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <TextField form={form} name="reason" label={a('roles.reason')} hint={a('roles.reasonHint')} value={reason} onValue={setReason} autoComplete="off" />
        <SubmitButton form={form} label={a('roles.save')} />
      </form>
    </section>
  );
}
