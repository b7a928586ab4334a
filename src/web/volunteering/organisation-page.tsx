/** @module /t/:territory/benevolat/organisations/:id — an organisation: who it is, how to reach it, its response rate and median delay (with how they are computed) and its missions. */
import { territoryPath } from '../core/api.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { ReportButton } from '../moderation/report-button.tsx';
import { MissionCard, ResponseFigures, VolunteeringLinks } from './bits.tsx';
import { volunteeringApi, volunteeringPaths } from './paths.ts';
import type { OrganisationView } from './types.ts';
import { isOperator, useVolunteeringI18n } from './use-volunteering-i18n.ts';
import './volunteering.css';

export function OrganisationPage({ territory: slug, id }: { territory: string; id: string }) {
  const { v } = useVolunteeringI18n();
  const { me } = useSession();
  const roles = me?.territories.find((territory) => territory.slug === slug)?.roles ?? [];
  const org = useFetch<OrganisationView>(me === undefined ? null : territoryPath(slug, volunteeringApi.organisation(id)));
  if (me === undefined || (!org.data && !org.error)) return <Loading />;
  if (org.error || !org.data) {
    return (
      <div class="page">
        <PageHeading title={v('links.search')} />
        {org.error ? <ErrorNotice error={org.error} /> : null}
      </div>
    );
  }
  const o = org.data;
  const missions = o.missions ?? [];
  return (
    <div class="page">
      <PageHeading title={o.name} />
      <p class="meta">
        {v(`kind.${o.kind}`)}
        {o.communeName ? ` — ${o.communeName}` : null}
      </p>
      {o.status === 'pending' ? <p class="notice notice-info">{v('org.pending')}</p> : null}
      {o.status === 'refused' ? <p class="notice notice-info">{v('org.refused', { reason: o.refusalReason ?? '' })}</p> : null}
      {o.hidden ? <p class="notice notice-info">{v('org.hidden')}</p> : null}
      <p class="description">{o.description}</p>
      {o.contactEmail || o.contactPhone ? (
        <>
          <h2>{v('org.contact')}</h2>
          <dl class="facts">
            {o.contactEmail ? (
              <div>
                <dt>{v('org.email')}</dt>
                <dd>
                  <a href={`mailto:${o.contactEmail}`}>{o.contactEmail}</a>
                </dd>
              </div>
            ) : null}
            {o.contactPhone ? (
              <div>
                <dt>{v('org.phone')}</dt>
                <dd>
                  <a href={`tel:${o.contactPhone.replace(/\s/g, '')}`}>{o.contactPhone}</a>
                </dd>
              </div>
            ) : null}
          </dl>
        </>
      ) : null}
      <ResponseFigures stats={o.response} />
      <h2>{v('org.missions')}</h2>
      {o.viewer?.manager ? (
        <p>
          <a href={volunteeringPaths.myOrganisation(slug)}>{v('org.manage')}</a>
        </p>
      ) : null}
      {missions.length === 0 ? <p>{v('org.noMissions')}</p> : null}
      <ul class="mission-list">
        {missions.map((m) => (
          <MissionCard key={m.id} slug={slug} m={m} />
        ))}
      </ul>
      {me && !o.viewer?.manager && o.status === 'validated' ? <ReportButton slug={slug} subjectType="organisation" subjectId={o.id} what={o.name} /> : null}
      <VolunteeringLinks slug={slug} signedIn={Boolean(me)} operator={isOperator(roles)} />
    </div>
  );
}
