/** @module /t/:territory/covoiturage — my rides, my trips with their explained matches, and offering or asking for a ride. */
import { useState } from 'preact/hooks';
import { territoryPath } from '../core/api.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { isResident, useProfile } from '../commute/use-profile.ts';
import { RideList } from './ride-list.tsx';
import { TripForm } from './trip-form.tsx';
import { TripList } from './trip-list.tsx';
import type { Ride, Trip } from './types.ts';

export function CarpoolPage({ territory: slug }: { territory: string }) {
  const { m } = useMobilityI18n();
  const { me } = useSession();
  const resident = isResident(me, slug);
  const profile = useProfile(slug);
  const trips = useFetch<{ items: Trip[] }>(resident ? territoryPath(slug, '/carpool/trips/mine') : null);
  const rides = useFetch<{ items: Ride[] }>(resident ? territoryPath(slug, '/carpool/matches/mine') : null);
  const [selected, setSelected] = useState<string | null>(null);

  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={m('carpool.title')} />;
  if (resident && (!profile.data || !trips.data || !rides.data) && !(profile.error || trips.error || rides.error)) return <Loading />;
  const myProfile = profile.data?.profile ?? null;
  const myTrips = trips.data?.items ?? [];
  const myRides = rides.data?.items ?? [];
  return (
    <div class="page">
      <PageHeading title={m('carpool.title')} />
      <p class="lead">{m('carpool.intro')}</p>
      <p class="meta">{m('carpool.rules')}</p>
      {!myProfile ? (
        <p class="notice notice-info">
          {m('carpool.noProfile')} <a href={paths.commute(slug)}>{m('carpool.describeCommute')}</a>
        </p>
      ) : null}
      {[profile.error, trips.error, rides.error].map((error, i) => (error ? <ErrorNotice key={i} error={error} /> : null))}
      <p>
        <a href="#trip-form-title">{m('carpool.toForm')}</a>
      </p>
      {myRides.length > 0 ? (
        <section aria-labelledby="rides-title">
          <h2 id="rides-title">{m('carpool.rides')}</h2>
          <RideList slug={slug} rides={myRides} onChange={rides.reload} />
        </section>
      ) : null}
      {myTrips.length > 0 ? (
        <section aria-labelledby="trips-title">
          <h2 id="trips-title">{m('carpool.trips')}</h2>
          <TripList
            slug={slug}
            trips={myTrips}
            profile={myProfile}
            selected={selected}
            onSelect={setSelected}
            onChange={trips.reload}
            onProposed={rides.reload}
          />
        </section>
      ) : null}
      <section aria-labelledby="trip-form-title">
        <h2 id="trip-form-title" tabIndex={-1}>{m('carpool.new')}</h2>
        <TripForm
          key={myProfile?.updatedAt ?? 'none'}
          slug={slug}
          profile={myProfile}
          onCreated={(id) => {
            trips.reload();
            setSelected(id);
          }}
        />
      </section>
    </div>
  );
}
