/** @module A budget gauge: an SVG bar with its meaning in words next to it (percent, used and budget), never colour alone. */
import './incentives.css';
import { percentUsed } from './money.ts';
import { useIncentivesI18n } from './use-incentives-i18n.ts';

interface Props {
  usedCents: number;
  budgetCents: number;
  /** "Projected" wording for a simulation, rather than money already spent. */
  projected?: boolean;
}

export function BudgetGauge({ usedCents, budgetCents, projected }: Props) {
  const { c, euros } = useIncentivesI18n();
  const percent = percentUsed(usedCents, budgetCents);
  const text = c(projected ? 'gauge.projected' : 'gauge.text', { percent, used: euros(usedCents), budget: euros(budgetCents) });
  return (
    <div class="gauge">
      <svg class="gauge-svg" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={text} focusable="false">
        <rect class="gauge-track" x="0" y="0" width="100" height="8" />
        <rect class="gauge-fill" x="0" y="0" width={percent} height="8" />
        {[25, 50, 75].map((tick) => (
          <line key={tick} class="gauge-tick" x1={tick} x2={tick} y1="0" y2="8" />
        ))}
      </svg>
      <p class="gauge-text" aria-hidden="true">{text}</p>
    </div>
  );
}
