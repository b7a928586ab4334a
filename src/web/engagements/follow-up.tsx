/** @module After signing: the automatic count (aggregates, and the viewer's own), the kept rate, and the "did you do it?" form. */
import { isSuppressed, SmallGroup } from '../core/small-group.tsx';
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { RadioGroup } from '../core/choice-fields.tsx';
import { FormErrors, SubmitButton } from '../core/fields.tsx';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import type { Engagement } from './types.ts';

const COUNTED: readonly string[] = ['carpool', 'shift', 'mode_switch'];

/** Facts for the commitment's description list: what was counted and how many kept it. */
export function FollowUpFacts({ engagement: e }: { engagement: Engagement }) {
  const { m, mp, formatNumber } = useMobilityI18n();
  const counted = COUNTED.includes(e.action);
  return (
    <>
      <dt>{m('engagement.automatic')}</dt>
      <dd data-testid="engagement-automatic">
        {!counted ? m('engagement.automaticNone') : e.automatic === null ? m('engagement.automaticLater') : isSuppressed(e.automatic) ? <SmallGroup minGroup={e.automatic.minGroup} /> : m('engagement.automaticValue', { people: mp('engagement.automaticPeople', e.automatic.people), gestures: mp('engagement.automaticGestures', e.automatic.gestures) })}
        {e.mine?.automaticCount != null ? (
          <>
            <br />
            {mp('engagement.myCount', e.mine.automaticCount)}
          </>
        ) : null}
      </dd>
      {isSuppressed(e.keptRate) ? (
        e.status === 'completed' ? (
          <>
            <dt>{m('engagement.kept')}</dt>
            <dd data-testid="engagement-kept">
              <SmallGroup minGroup={e.keptRate.minGroup} />
            </dd>
          </>
        ) : null
      ) : e.status === 'completed' || e.keptRate.answered > 0 ? (
        <>
          <dt>{m('engagement.kept')}</dt>
          <dd data-testid="engagement-kept">
            {e.keptRate.rate === null
              ? m('engagement.keptNone')
              : m('engagement.keptValue', { rate: formatNumber(e.keptRate.rate * 100, 0), answers: mp('engagement.keptAnswers', e.keptRate.answered, { kept: e.keptRate.kept }) })}
          </dd>
        </>
      ) : null}
    </>
  );
}

/** "Did you do it?": yes or no, pre-filled with the last answer, or "yes" when Maille counted matching gestures. */
export function CheckForm({ slug, engagement: e, onSaved }: { slug: string; engagement: Engagement; onSaved: () => void }) {
  const { m, mp } = useMobilityI18n();
  const form = useForm('check', ['kept']);
  const suggested = e.mine?.kept ?? ((e.mine?.automaticCount ?? 0) > 0 ? true : null);
  const [kept, setKept] = useState<'' | 'yes' | 'no'>(suggested === null ? '' : suggested ? 'yes' : 'no');
  const count = e.mine?.automaticCount;
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ kept: kept === '' ? m('engagement.check.required') : undefined }),
      action: async () => {
        await callApi('POST', territoryPath(slug, `/commitments/${encodeURIComponent(e.id)}/check`), { body: { kept: kept === 'yes' } });
        announce(m('engagement.check.done'));
        onSaved();
      },
    });
  return (
    <section aria-labelledby="check-title">
      <h2 id="check-title">{m('engagement.check.title')}</h2>
      {e.mine?.kept != null ? <p>{m(e.mine.kept ? 'engagement.check.current.yes' : 'engagement.check.current.no')}</p> : null}
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <RadioGroup
          form={form}
          name="kept"
          legend={m('engagement.check.legend')}
          {...(count != null && count > 0 ? { hint: mp('engagement.check.hintCount', count) } : {})}
          value={kept}
          onValue={setKept}
          options={[
            { value: 'yes', label: m('engagement.check.yes') },
            { value: 'no', label: m('engagement.check.no') },
          ]}
        />
        <SubmitButton form={form} label={m('engagement.check.submit')} />
      </form>
    </section>
  );
}
