/** @module Legend of the choropleth: a swatch plus a text range for every class (never colour alone). */
import { useI18n } from '../core/i18n.tsx';
import { legendEntries } from './choropleth.ts';

/** The title and the words of the first two classes, when the rate is not residents per 1,000 inhabitants. */
export interface LegendWords {
  title: string;
  none: string;
  some: string;
}

export function MapLegend({ breaks, words }: { breaks: readonly number[]; words?: LegendWords | undefined }) {
  const { t, formatNumber } = useI18n();
  const label = (from: number | null, to: number | null) => {
    if (from === null) return words?.none ?? t('legend.none');
    if (from === 0) return to === null ? (words?.some ?? t('legend.some')) : t('legend.below', { to: formatNumber(to, 2) });
    if (to === null) return t('legend.atLeast', { from: formatNumber(from, 2) });
    return t('legend.range', { from: formatNumber(from, 2), to: formatNumber(to, 2) });
  };
  const entries = legendEntries(breaks);
  return (
    <div class="legend">
      <p class="legend-title" id="legend-title">
        {words?.title ?? t('legend.title')}
      </p>
      <ul aria-labelledby="legend-title">
        {entries.map((entry, index) => (
          <li key={entry.colour}>
            <span class={`swatch swatch-${index}`} aria-hidden="true" />
            {label(entry.from, entry.to)}
          </li>
        ))}
      </ul>
    </div>
  );
}
