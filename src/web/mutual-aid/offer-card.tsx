/** @module One standing offer of help: kind, words, days and times, approximate area, who offers it. */
import { weekdayList } from '../core/dates.ts';
import { ReportButton } from '../moderation/report-button.tsx';
import { shortCell, type StandingOffer } from './types.ts';
import { useAidI18n } from './use-aid-i18n.ts';

export function OfferCard({ offer, onWithdraw, slug }: { offer: StandingOffer; onWithdraw?: () => void; /** Shows « Signaler » on others' offers. */ slug?: string }) {
  const { a, locale, formatNumber } = useAidI18n();
  const days = weekdayList(locale, offer.weekdays);
  const times = offer.times.map((x) => a(`time.${x}`).toLowerCase()).join(', ');
  return (
    <li class="card">
      <h3 class="card-title">{a(`kind.${offer.kind}`)}</h3>
      <p class="card-text">{offer.text}</p>
      <p class="card-text">{a('offers.when', { days, times })}</p>
      <p class="card-text meta">
        {a('area.value', { commune: offer.communeName, cell: shortCell(offer.cell) })}
        {offer.approxDistanceKm !== null ? ` — ${a('distance.value', { km: formatNumber(offer.approxDistanceKm, 1) })}` : null}
      </p>
      <p class="card-text">{offer.mine ? <span class="badge">{a('offers.mine')}</span> : a('offers.by', { name: offer.helperName ?? a('mine.someone') })}</p>
      {offer.mine && onWithdraw ? (
        <p class="actions">
          <button type="button" class="button button-quiet" onClick={onWithdraw}>
            {a('offer.withdraw')}
          </button>
        </p>
      ) : null}
      {slug && !offer.mine ? <ReportButton slug={slug} subjectType="aid_offer" subjectId={offer.id} what={a(`kind.${offer.kind}`)} /> : null}
    </li>
  );
}
