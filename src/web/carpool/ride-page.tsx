/**
 * @module /t/:territory/covoiturage/trajets/:id — one ride, where every notice about it leads: who, when, its state,
 * what I can do, and the messages. It follows the ride live (server-sent events): an acceptance, a message or a
 * cancellation by the other person shows without reloading.
 */
import { useState } from 'preact/hooks';
import { territoryPath } from '../core/api.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { dayOnly, formatDay } from '../core/dates.ts';
import { useEventStream } from '../impact/use-event-stream.ts';
import { RideCard } from './ride-list.tsx';
import { RideMessages } from './ride-messages.tsx';
import type { Ride } from './types.ts';

export function RidePage({ territory: slug, id }: { territory: string; id: string }) {
  const { m, locale } = useMobilityI18n();
  const { me } = useSession();
  const path = territoryPath(slug, `/carpool/matches/${encodeURIComponent(id)}`);
  const ride = useFetch<Ride>(me ? path : null);
  // Bumped on each live event: the messages below read again too.
  const [version, setVersion] = useState(0);
  useEventStream(me && ride.data ? `${path}/stream` : null, 'ride', () => {
    ride.reload();
    setVersion((n) => n + 1);
  });
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={m('ridePage.title')} />;
  const title = ride.data ? m('ride.title', { date: formatDay(locale, dayOnly(ride.data.date)), name: ride.data.otherPerson }) : m('ridePage.title');
  return (
    <div class="page">
      <PageHeading title={title} />
      <p>
        <a href={paths.carpool(slug)}>{m('ridePage.back')}</a>
      </p>
      {ride.error ? <ErrorNotice error={ride.error} /> : null}
      {!ride.data && !ride.error ? <Loading /> : null}
      {ride.data ? (
        <>
          <p class="meta" data-testid="ride-live">
            {m('ridePage.live')}
          </p>
          <ul class="cards">
            <RideCard slug={slug} ride={ride.data} onChange={ride.reload} withMessages={false} headingLevel={2} />
          </ul>
          <RideMessages slug={slug} base={path} rideId={ride.data.id} version={version} />
        </>
      ) : null}
    </div>
  );
}
