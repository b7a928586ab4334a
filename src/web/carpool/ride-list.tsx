/** @module My rides: proposed, accepted, done or cancelled, with proof class, review state and the actions each allows. */
import { dayOnly, formatDay } from '../core/dates.ts';
import { paths } from '../core/paths.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { BlockButton } from '../moderation/block-button.tsx';
import { RideActions } from './ride-actions.tsx';
import type { Ride } from './types.ts';

export function RideList({ slug, rides, onChange }: { slug: string; rides: readonly Ride[]; onChange: () => void }) {
  return (
    <ul class="cards">
      {rides.map((ride) => (
        <RideCard key={ride.id} slug={slug} ride={ride} onChange={onChange} />
      ))}
    </ul>
  );
}

interface CardProps {
  slug: string;
  ride: Ride;
  onChange: () => void;
  /** The messages toggle (off on the ride's own page, which shows them below). */
  withMessages?: boolean;
  /** 3 in the list, 2 on the ride's page. */
  headingLevel?: 2 | 3;
}

/** One ride: who and when (linked to its page in the list), its state, what I can do. */
export function RideCard({ slug, ride, onChange, withMessages = true, headingLevel = 3 }: CardProps) {
  const { m, locale, formatNumber } = useMobilityI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = m('ride.title', { date: formatDay(locale, dayOnly(ride.date)), name: ride.otherPerson });
  return (
    <li class="card ride">
      <Heading class="card-title">{headingLevel === 3 ? <a href={paths.ride(slug, ride.id)}>{title}</a> : title}</Heading>
      <p class="card-text">
        {m(ride.side === 'driver' ? 'ride.youDrive' : 'ride.youRide', { name: ride.otherPerson })} ·{' '}
        {m('ride.distances', { shared: formatNumber(ride.sharedKm, 1), detour: formatNumber(ride.detourKm, 1) })}
      </p>
      <p class="badges">
        <RideStatusBadge ride={ride} />
        {ride.proofClass ? <span class="badge">{m(ride.proofClass === 'C' ? 'ride.proofC' : 'ride.proofB')}</span> : null}
        {ride.reviewStatus === 'pending' ? <span class="badge badge-pending">{m('ride.reviewPending')}</span> : null}
        {ride.reviewStatus === 'rejected' ? <span class="badge badge-error">{m('ride.reviewRejected')}</span> : null}
        {ride.reviewStatus === 'cleared' ? <span class="badge">{m('ride.reviewCleared')}</span> : null}
      </p>
      {ride.status === 'cancelled' && ride.cancelReason ? <p class="card-text">{m('ride.cancelReason', { reason: ride.cancelReason })}</p> : null}
      <RideActions slug={slug} ride={ride} onChange={onChange} withMessages={withMessages} />
      {ride.otherPersonId ? <BlockButton slug={slug} userId={ride.otherPersonId} name={ride.otherPerson} onChange={onChange} /> : null}
    </li>
  );
}

function RideStatusBadge({ ride }: { ride: Ride }) {
  const { m } = useMobilityI18n();
  if (ride.status === 'proposed') {
    return <span class="badge badge-pending">{ride.acceptedByMe ? m('ride.waitingOther', { name: ride.otherPerson }) : m('ride.waitingYou')}</span>;
  }
  if (ride.status === 'cancelled') return <span class="badge badge-muted">{m(ride.declined ? (ride.cancelledByMe ? 'ride.status.declinedByMe' : 'ride.status.declined') : 'ride.status.cancelled')}</span>;
  return <span class="badge">{m(ride.status === 'done' ? 'ride.status.done' : 'ride.status.accepted')}</span>;
}
