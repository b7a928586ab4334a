/** @module The territory's key figures, each one saying where it comes from. */
import { useI18n } from '../core/i18n.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import type { Territory } from '../core/types.ts';

const FIGURES: readonly { name: keyof Territory['figures']; label: MessageKey; source: MessageKey }[] = [
  { name: 'communes', label: 'figure.communes', source: 'source.communes' },
  { name: 'population', label: 'figure.population', source: 'source.population' },
  { name: 'residents', label: 'figure.residents', source: 'source.residents' },
  { name: 'communities', label: 'figure.communities', source: 'source.communities' },
];

export function KeyFigures({ figures }: { figures: Territory['figures'] }) {
  const { t, formatNumber } = useI18n();
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title">{t('home.figures')}</h2>
      <dl class="figures">
        {FIGURES.map((figure) => (
          <div class="figure" key={figure.name}>
            <dt>{t(figure.label)}</dt>
            <dd class="figure-value">{formatNumber(figures[figure.name])}</dd>
            <dd class="figure-source">{t(figure.source)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
