/** @module Small displays shared by the volunteering pages: a mission card, tag lists, places left and an organisation's response figures. */
import { isSuppressed, SmallGroup, type Suppressed } from '../core/small-group.tsx';
import type { VolunteeringKey } from '../i18n/volunteering-fr.ts';
import { volunteeringPaths } from './paths.ts';
import type { MissionSummary, ResponseStats } from './types.ts';
import { useVolunteeringI18n } from './use-volunteering-i18n.ts';

export function Tags({ prefix, values, label }: { prefix: 'skill' | 'public'; values: readonly string[]; label: string }) {
  const { v } = useVolunteeringI18n();
  if (values.length === 0) return null;
  return (
    <ul class="tag-list" aria-label={label}>
      {values.map((value) => (
        <li key={value}>{v(`${prefix}.${value}` as VolunteeringKey)}</li>
      ))}
    </ul>
  );
}

export function PlacesLeft({ m }: { m: Pick<MissionSummary, 'placesLeft' | 'volunteersNeeded' | 'waiting' | 'status'> }) {
  const { vp, v } = useVolunteeringI18n();
  if (m.status !== 'published') return null;
  return (
    <p>
      {m.placesLeft > 0 ? vp('places.left', m.placesLeft, { needed: m.volunteersNeeded }) : v('places.full')}
      {m.waiting > 0 ? ` ${vp('places.waiting', m.waiting)}` : null}
    </p>
  );
}

export function placeText(m: Pick<MissionSummary, 'online' | 'communeName'>, v: (key: VolunteeringKey, params?: Record<string, string | number>) => string): string {
  return m.online ? v('place.online') : v('place.area', { commune: m.communeName ?? '' });
}

/** One mission in a list: title (link), organisation, when, where (approximate), places. */
export function MissionCard({ slug, m, headingLevel = 3 }: { slug: string; m: MissionSummary; headingLevel?: 2 | 3 }) {
  const { v, schedule } = useVolunteeringI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li class="mission-card">
      <Heading>
        <a href={volunteeringPaths.mission(slug, m.id)}>{m.title}</a>
      </Heading>
      <p class="meta">{v('mission.by', { name: m.organisation.name })}</p>
      <p>{schedule(m.schedule)}</p>
      <p>
        {placeText(m, v)}
        {m.distanceKm !== undefined && m.distanceKm !== null ? ` — ${v('distance', { km: m.distanceKm })}` : null}
      </p>
      <PlacesLeft m={m} />
      <Tags prefix="skill" values={m.skills} label={v('mission.skills')} />
    </li>
  );
}

/** Response rate and median delay, with where they come from. */
export function ResponseFigures({ stats, headingLevel = 2 }: { stats: ResponseStats | Suppressed; headingLevel?: 2 | 3 }) {
  const { v, vp, percent, delay } = useVolunteeringI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="response" aria-label={v('response.title')}>
      <Heading>{v('response.title')}</Heading>
      {isSuppressed(stats) ? (
        <p data-testid="response-rate">
          <SmallGroup minGroup={stats.minGroup} />
        </p>
      ) : stats.rate === null ? (
        <p>{v('response.none')}</p>
      ) : (
        <>
          <p data-testid="response-rate">{v('response.rate', { rate: percent(stats.rate) })}</p>
          <p data-testid="response-delay">{stats.medianHours === null ? v('response.noDelay') : v('response.delay', { delay: delay(stats.medianHours) })}</p>
          <p class="meta">{vp('response.basis', stats.counted)}</p>
        </>
      )}
      <details>
        <summary>{v('response.how')}</summary>
        <p>{v('response.how1')}</p>
        {isSuppressed(stats) ? null : <p>{v('response.how2', { days: stats.graceDays })}</p>}
        <p>{v('response.how3')}</p>
        <p>{v('response.how4')}</p>
      </details>
    </section>
  );
}

/** The links between the volunteering pages. */
export function VolunteeringLinks({ slug, signedIn, operator }: { slug: string; signedIn: boolean; operator: boolean }) {
  const { v } = useVolunteeringI18n();
  return (
    <p class="vol-links">
      <a href={volunteeringPaths.search(slug)}>{v('links.search')}</a>
      {signedIn ? <a href={volunteeringPaths.myParticipations(slug)}>{v('links.mine')}</a> : null}
      <a href={volunteeringPaths.myOrganisation(slug)}>{v('links.myOrganisation')}</a>
      {operator ? <a href={volunteeringPaths.validation(slug)}>{v('links.validation')}</a> : null}
    </p>
  );
}
