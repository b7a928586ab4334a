/** @module Figures built from too few people: the API's suppressed shape, shown as « moins de 5 personnes » (docs/privacy.md). */
import type { Suppressed } from '../../server/core/privacy/small-group.ts';
import { useI18n } from './i18n.tsx';

export type { Suppressed };

export function isSuppressed(x: unknown): x is Suppressed {
  return typeof x === 'object' && x !== null && (x as { suppressed?: unknown }).suppressed === true;
}

/** A shown number, or undefined when the figure is suppressed. */
export function shownNumber(x: number | Suppressed): number | undefined {
  return isSuppressed(x) ? undefined : x;
}

/** Stands where a figure would be. */
export function SmallGroup({ minGroup }: { minGroup: number }) {
  const { t } = useI18n();
  return (
    <span class="small-group" data-suppressed="small_group" title={t('privacy.smallGroupWhy', { minGroup })}>
      {t('privacy.smallGroup', { minGroup })}
    </span>
  );
}
