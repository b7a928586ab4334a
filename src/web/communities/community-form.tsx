/** @module Fields shared by "create a community" and the organiser's settings (the kind is fixed after creation). */
import { useState } from 'preact/hooks';
import { FormErrors, SelectField, SubmitButton, TextField } from '../core/fields.tsx';
import { useI18n } from '../core/i18n.tsx';
import type { CommunityKind, JoinPolicy, Visibility } from '../core/types.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { kindOptions, policyOptions, visibilityOptions } from './community-labels.ts';

export interface CommunityValues {
  name: string;
  description: string;
  kind: CommunityKind;
  visibility: Visibility;
  joinPolicy: JoinPolicy;
  emailDomain: string | null;
}

const FIELDS = ['name', 'description', 'kind', 'visibility', 'joinPolicy', 'emailDomain'] as const;
const DOMAIN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

interface Props {
  idPrefix: string;
  initial: CommunityValues;
  submitLabel: string;
  withKind: boolean;
  onSave: (values: CommunityValues) => Promise<void>;
}

export function CommunityForm({ idPrefix, initial, submitLabel, withKind, onSave }: Props) {
  const { t } = useI18n();
  const form = useForm(idPrefix, FIELDS);
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [kind, setKind] = useState(initial.kind);
  const [visibility, setVisibility] = useState(initial.visibility);
  const [joinPolicy, setJoinPolicy] = useState(initial.joinPolicy);
  const [emailDomain, setEmailDomain] = useState(initial.emailDomain ?? '');
  const domain = emailDomain.trim().replace(/^@/, '').toLowerCase();

  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          name: name.trim() === '' ? t('form.required') : undefined,
          emailDomain:
            joinPolicy !== 'email_domain' ? undefined : domain === '' ? t('form.required') : DOMAIN.test(domain) ? undefined : t('error.invalid'),
        }),
      action: () =>
        onSave({ name: name.trim(), description: description.trim(), kind, visibility, joinPolicy, emailDomain: joinPolicy === 'email_domain' ? domain : null }),
    });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      <TextField form={form} name="name" label={t('field.name')} value={name} onValue={setName} />
      <TextField form={form} name="description" label={t('field.description')} value={description} onValue={setDescription} multiline optional />
      {withKind ? <SelectField form={form} name="kind" label={t('field.kind')} value={kind} onValue={setKind} options={kindOptions(t)} /> : null}
      <SelectField form={form} name="visibility" label={t('field.visibility')} value={visibility} onValue={setVisibility} options={visibilityOptions(t)} />
      <SelectField form={form} name="joinPolicy" label={t('field.joinPolicy')} value={joinPolicy} onValue={setJoinPolicy} options={policyOptions(t)} />
      {joinPolicy === 'email_domain' ? (
        <TextField form={form} name="emailDomain" label={t('field.emailDomain')} hint={t('field.emailDomainHint')} value={emailDomain} onValue={setEmailDomain} />
      ) : null}
      <SubmitButton form={form} label={submitLabel} />
    </form>
  );
}
