/**
 * @module The territory's observatory, for operators, commanders and admins: a map with its text alternative, the
 * live alerts to take in charge and close, the commands to equipment (sent and approved by commanders), and the
 * zones and clusters in words. French first; lists, never tables, so it reads on a 390-px phone.
 */
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useTerritory } from '../territories/load-territory.ts';
import { AlertsPanel } from './alerts-panel.tsx';
import { CommandsPanel } from './commands-panel.tsx';
import { ObservatoryMap } from './observatory-map.tsx';
import { observatoryApi } from './paths.ts';
import type { ClusterMap, ThingList, ZoneMap } from './types.ts';
import { useObservatoryI18n } from './use-observatory-i18n.ts';
import { ZonesPanel } from './zones-panel.tsx';
import './observatory.css';

const STAFF = ['operator', 'commander', 'admin'];

function Observatory({ slug, commander, me }: { slug: string; commander: boolean; me: string }) {
  const { o } = useObservatoryI18n();
  const { territory } = useTerritory(slug);
  const things = useFetch<ThingList>(observatoryApi.things(slug));
  const zones = useFetch<ZoneMap>(observatoryApi.zones(slug));
  const clusters = useFetch<ClusterMap>(observatoryApi.clusters(slug));
  const counts = things.data?.counts ?? {};
  return (
    <>
      <p>{o('obs.intro')}</p>
      {things.error ? <p class="notice notice-info">{o('obs.things.unavailable')}</p> : null}
      {things.data ? <p>{o('obs.things.byHealth', { ok: counts.ok ?? 0, silent: counts.silent ?? 0, faulty: counts.faulty ?? 0, unknown: counts.unknown ?? 0 })}</p> : null}
      {territory ? (
        <ObservatoryMap
          slug={slug}
          territoryName={territory.name}
          bbox={territory.bbox}
          styleUrl={territory.mapStyleUrl ?? null}
          things={things.data?.items}
          zones={zones.data}
          clusters={clusters.data}
        />
      ) : null}
      <AlertsPanel slug={slug} />
      <CommandsPanel slug={slug} things={things.error ? undefined : (things.data?.items ?? [])} commander={commander} me={me} />
      <ZonesPanel zones={zones.data} clusters={clusters.data} />
    </>
  );
}

export function ObservatoryPage({ territory: slug }: { territory: string }) {
  const { o } = useObservatoryI18n();
  const { me } = useSession();
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={o('obs.title')} />;
  const roles: readonly string[] = me.territories.find((t) => t.slug === slug)?.roles ?? [];
  const allowed = roles.some((role) => STAFF.includes(role));
  return (
    <div class="page obs-page">
      <PageHeading title={o('obs.title')} />
      {allowed ? <Observatory slug={slug} commander={roles.includes('commander')} me={me.displayName} /> : <p>{o('obs.notStaff')}</p>}
    </div>
  );
}
