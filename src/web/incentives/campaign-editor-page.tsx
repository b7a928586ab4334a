/**
 * @module /t/:territory/campagnes/nouvelle and /campagnes/:id/modifier — operators build a draft campaign from the rule
 * helpers, watch a live simulation over recorded gestures, save it and launch it.
 */
import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { callApi, territoryPath } from '../core/api.ts';
import { pointerOf, type ApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { RadioGroup } from '../core/choice-fields.tsx';
import { describeApiError } from '../core/error-message.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useForm, type FieldErrors, type FormState } from '../core/use-form.ts';
import { AmountsSection, BoosterSection, CapsSection, EligibilitySection } from './builder-fields.tsx';
import { ConfirmAction } from './campaign-bits.tsx';
import { parseEuros } from './money.ts';
import { incentiveApi, incentivePaths } from './paths.ts';
import { emptyFields, fieldForPointer, fieldsToInput, inputToFields, type CampaignFields, type FieldProblem } from './rule-form.ts';
import { RulesInWords } from './rules-in-words.tsx';
import { SimulationPanel } from './simulation-panel.tsx';
import { incentiveReason, type CampaignMode, type CampaignView } from './types.ts';
import { isOperator, useIncentivesI18n } from './use-incentives-i18n.ts';
import { useSimulation, type SimulationWeeks } from './use-simulation.ts';

/** Problems shown while typing: a malformed value at once, a missing one only after a save attempt. */
const LIVE: readonly FieldProblem[] = ['euros', 'number', 'time', 'date', 'wholeNumber'];

export function CampaignEditorPage({ territory: slug, id }: { territory: string; id?: string }) {
  const { c } = useIncentivesI18n();
  const { me } = useSession();
  const roles = me?.territories.find((territory) => territory.slug === slug)?.roles ?? [];
  const existing = useFetch<CampaignView>(id && isOperator(roles) ? territoryPath(slug, incentiveApi.campaign(id)) : null);
  const title = id ? c('builder.titleEdit', { name: existing.data?.name ?? '…' }) : c('builder.titleNew');
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={title} />;
  if (!isOperator(roles)) {
    return (
      <section class="page">
        <PageHeading title={title} />
        <ErrorNotice message={c('builder.forbidden')} />
      </section>
    );
  }
  if (id) {
    if (existing.error) {
      return (
        <section class="page">
          <PageHeading title={c('campaign.notFound')} />
          <ErrorNotice error={existing.error} />
          <a href={incentivePaths.campaigns(slug)}>{c('campaign.back')}</a>
        </section>
      );
    }
    if (!existing.data) return <Loading />;
    if (existing.data.status !== 'draft') {
      return (
        <section class="page">
          <PageHeading title={title} />
          <p class="notice notice-info">{c('builder.notDraft')}</p>
          <a href={incentivePaths.campaign(slug, id)}>{existing.data.name}</a>
        </section>
      );
    }
    return <CampaignEditor key={id} slug={slug} campaign={existing.data} title={title} />;
  }
  return <CampaignEditor slug={slug} title={title} />;
}

function CampaignEditor({ slug, campaign, title }: { slug: string; campaign?: CampaignView; title: string }) {
  const { c, t, locale, euros } = useIncentivesI18n();
  const { route } = useLocation();
  const [fields, setFields] = useState<CampaignFields>(() => (campaign ? inputToFields(campaign, locale) : emptyFields()));
  const [draftId, setDraftId] = useState<string | undefined>(campaign?.id);
  const [attempted, setAttempted] = useState(false);
  const [weeks, setWeeks] = useState<SimulationWeeks>(4);
  const set = <K extends keyof CampaignFields>(key: K, value: CampaignFields[K]) => setFields((f) => ({ ...f, [key]: value }));

  const conversion = useMemo(() => fieldsToInput(fields), [fields]);
  // The simulation does not need a name yet.
  const simulated = useMemo(() => (fields.name.trim() ? conversion : fieldsToInput({ ...fields, name: '—' })), [fields, conversion]);
  const simulation = useSimulation(slug, simulated.input, weeks);

  const fieldNames = useMemo(() => [...new Set(Object.values(conversion.pointers).concat(Object.keys(conversion.problems)))], [conversion]);
  const form = useForm('campaign', fieldNames);
  const problemText = (problem: FieldProblem) => (problem === 'required' ? c('form.required') : c(`builder.problem.${problem}`));

  // What each field shows: live format problems, missing values after a save attempt, the simulation's
  // server error, then the last save's errors.
  const simField = simulation.status === 'error' && simulation.pointer ? fieldForPointer(simulation.pointer, simulated.pointers) : null;
  const shown: FieldErrors = {};
  for (const [field, problem] of Object.entries(conversion.problems)) {
    if (attempted || LIVE.includes(problem)) shown[field] = problemText(problem);
  }
  if (simField && simulation.error) shown[simField] = describeApiError(simulation.error, t);
  Object.assign(shown, form.errors);
  const shownForm: FormState = { ...form, errors: shown };

  const save = async (): Promise<string> => {
    const input = conversion.input;
    if (!input) throw new Error('unreadable draft'); // validate() stops this earlier
    if (draftId) {
      await callApi<CampaignView>('PUT', territoryPath(slug, incentiveApi.campaign(draftId)), { body: input });
      return draftId;
    }
    const created = await callApi<{ id: string }>('POST', territoryPath(slug, incentiveApi.campaigns), { body: input });
    setDraftId(created.id);
    return created.id;
  };
  const plan = (after: (id: string) => Promise<void>) => ({
    validate: () => {
      setAttempted(true);
      const errors: FieldErrors = {};
      for (const [field, problem] of Object.entries(conversion.problems)) errors[field] = problemText(problem);
      return errors;
    },
    action: async () => after(await save()),
    explain: (error: ApiError) => {
      if (error.code === 'conflict' && incentiveReason(error) === 'not_draft') return { message: c('builder.notDraft') };
      const field = fieldForPointer(pointerOf(error), conversion.pointers);
      return field ? { field, message: describeApiError(error, t) } : null;
    },
  });
  const onSave = (event: Event) =>
    form.submit(event, plan(async (savedId) => {
      announce(c('builder.saved'));
      // A new draft gets its own address, so a reload edits it instead of creating another.
      if (!campaign) route(incentivePaths.editCampaign(slug, savedId), true);
    }));
  const onLaunch = () =>
    form.submit(new Event('submit'), plan(async (savedId) => {
      await callApi<CampaignView>('POST', territoryPath(slug, incentiveApi.launch(savedId)));
      announce(c('builder.launched'));
      route(incentivePaths.campaign(slug, savedId));
    }));

  const budgetCents = parseEuros(fields.budget);
  const missingLabels: Record<string, string> = {
    startsOn: c('builder.startsOn'), endsOn: c('builder.endsOn'), budget: c('builder.budget'), prize: c('builder.prize'),
    winnersPerWeek: c('builder.winnersPerWeek'), amounts: c('builder.amounts'),
  };
  const missingLabel = (field: string): string => {
    const repeated = /^(band|window)-(\d+)-/.exec(field);
    if (repeated) return c(repeated[1] === 'band' ? 'builder.band' : 'builder.window', { n: Number(repeated[2]) + 1 });
    return missingLabels[field] ?? field;
  };
  return (
    <div class="page">
      <PageHeading title={title} />
      <p class="meta">
        <a href={incentivePaths.campaigns(slug)}>{c('campaign.back')}</a>
      </p>
      <div class="builder-layout">
        <form onSubmit={onSave} noValidate aria-labelledby="builder-general">
          <FormErrors form={form} />
          <fieldset class="builder-section">
            <legend id="builder-general">{c('builder.general')}</legend>
            <TextField form={shownForm} name="name" label={c('builder.name')} hint={c('builder.nameHint')} value={fields.name} onValue={(v) => set('name', v)} />
            <RadioGroup<CampaignMode>
              form={shownForm} name="mode" legend={c('builder.mode')} value={fields.mode} onValue={(v) => set('mode', v)}
              options={[
                { value: 'payout', label: c('builder.mode.payout') },
                { value: 'lottery', label: c('builder.mode.lottery') },
              ]}
            />
            <div class="field-pair">
              <TextField form={shownForm} name="startsOn" type="date" label={c('builder.startsOn')} value={fields.startsOn} onValue={(v) => set('startsOn', v)} />
              <TextField form={shownForm} name="endsOn" type="date" label={c('builder.endsOn')} value={fields.endsOn} onValue={(v) => set('endsOn', v)} />
            </div>
            <TextField form={shownForm} name="budget" label={c('builder.budget')} hint={c('builder.budgetHint')} inputMode="decimal"
              value={fields.budget} onValue={(v) => set('budget', v)} />
            {fields.mode === 'lottery' ? (
              <div class="field-pair">
                <TextField form={shownForm} name="prize" label={c('builder.prize')} inputMode="decimal" value={fields.prize} onValue={(v) => set('prize', v)} />
                <TextField form={shownForm} name="winnersPerWeek" label={c('builder.winnersPerWeek')} inputMode="numeric"
                  value={fields.winnersPerWeek} onValue={(v) => set('winnersPerWeek', v)} />
              </div>
            ) : null}
          </fieldset>
          <EligibilitySection slug={slug} form={shownForm} fields={fields} set={set} />
          <AmountsSection form={shownForm} fields={fields} set={set} />
          <BoosterSection form={shownForm} fields={fields} set={set} />
          <CapsSection form={shownForm} fields={fields} set={set} />
          {simulated.input ? (
            <section aria-labelledby="builder-words" class="panel">
              <h2 id="builder-words">{c('builder.inWords')}</h2>
              <RulesInWords slug={slug} mode={fields.mode} rules={simulated.input.rules} />
            </section>
          ) : null}
          <div class="actions">
            <SubmitButton form={form} label={c('builder.save')} />
            <ConfirmAction
              label={c('builder.launch')}
              question={c('builder.launchConfirm', { name: fields.name.trim() || '—', budget: budgetCents === null ? '—' : euros(budgetCents) })}
              onConfirm={onLaunch}
              busy={form.busy}
            />
          </div>
        </form>
        <SimulationPanel
          state={simulation}
          weeks={weeks}
          onWeeks={setWeeks}
          mode={fields.mode}
          prizeCents={parseEuros(fields.prize)}
          winnersPerWeek={/^\d+$/.test(fields.winnersPerWeek.trim()) ? Number(fields.winnersPerWeek) : null}
          errorFieldId={simField ? form.fieldId(simField) : null}
          missing={[...new Set(Object.entries(simulated.problems).filter(([, p]) => p === 'required' || p === 'needAmount').map(([field]) => missingLabel(field)))]}
        />
      </div>
    </div>
  );
}
