/** @module /t/:territory/impact — log a trip without the car, then my figures per week and how they are computed. */
import { territoryPath } from '../core/api.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { isResident, useProfile } from '../commute/use-profile.ts';
import { ImpactFigures } from './impact-figures.tsx';
import { MethodDetails } from './method-details.tsx';
import { ModeSwitchForm } from './mode-switch-form.tsx';
import { NotAlone } from './not-alone.tsx';
import type { ImpactView } from './types.ts';
import { HelpImpactSection } from '../mutual-aid/help-impact.tsx';

export function MyImpactPage({ territory: slug }: { territory: string }) {
  const { m } = useMobilityI18n();
  const { me } = useSession();
  const resident = isResident(me, slug);
  const profile = useProfile(slug);
  const impact = useFetch<ImpactView>(resident ? territoryPath(slug, '/impact/me?weeks=8') : null);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={m('myImpact.title')} />;
  const view = impact.data;
  return (
    <div class="page">
      <PageHeading title={m('myImpact.title')} />
      <section aria-labelledby="switch-title" class="panel">
        <h2 id="switch-title">{m('switch.title')}</h2>
        <p>{m('switch.intro')}</p>
        <ModeSwitchForm slug={slug} profile={profile.data?.profile ?? null} onRecorded={impact.reload} />
      </section>
      {impact.error ? <ErrorNotice error={impact.error} /> : null}
      {resident && !view && !impact.error ? <Loading /> : null}
      {view ? (
        <>
          {view.notAlone ? <NotAlone counts={view.notAlone} /> : null}
          <ImpactFigures view={view} idPrefix="mine" />
          <MethodDetails view={view} />
        </>
      ) : null}
      {resident ? <HelpImpactSection slug={slug} scope="me" /> : null}
      <p class="actions">
        <a class="button" href={paths.territoryImpact(slug)}>{m('myImpact.toTerritory')}</a>
        <a class="button" href={paths.commute(slug)}>{m('myImpact.toCommute')}</a>
      </p>
    </div>
  );
}
