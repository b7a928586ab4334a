/** @module Accessible bar chart in inline SVG: role="img" with a summary label, plus the same data as a table. */
import { DataTable } from './data-table.tsx';
import { niceCeiling, ticks, yOf, type Frame } from './scale.ts';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

interface Props {
  title: string;
  /** One sentence read by screen readers instead of the drawing (e.g. the total and the highest bar). */
  description: string;
  bars: readonly Bar[];
  format: (value: number) => string;
  labelHeader: string;
  valueHeader: string;
  /** Shows the table under the chart instead of keeping it for screen readers only. */
  showTable?: boolean;
  /** Counts (gestures, people): the axis only shows whole numbers. */
  integer?: boolean;
}

const FRAME: Frame = { width: 320, height: 170, left: 44, right: 8, top: 14, bottom: 24 };

export function BarChart({ title, description, bars, format, labelHeader, valueHeader, showTable, integer }: Props) {
  const ceiling = niceCeiling(Math.max(0, ...bars.map((b) => b.value)));
  const max = integer ? Math.ceil(ceiling) : ceiling;
  // Whole-number axes get a middle tick only when it is a whole number too.
  const steps = integer && max % 2 !== 0 ? 1 : 2;
  const plotWidth = FRAME.width - FRAME.left - FRAME.right;
  const band = bars.length > 0 ? plotWidth / bars.length : plotWidth;
  const every = Math.ceil(bars.length / 5); // at most 5 axis labels (the latest always), legible on a phone
  const baseline = yOf(FRAME, max, 0);
  return (
    <figure class="chart">
      <figcaption class="chart-title">{title}</figcaption>
      <svg class="chart-svg" viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-label={description} focusable="false">
        {ticks(max, steps).map((tick) => (
          <g key={tick}>
            <line class="chart-grid" x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={yOf(FRAME, max, tick)} y2={yOf(FRAME, max, tick)} />
            <text class="chart-text" x={FRAME.left - 4} y={yOf(FRAME, max, tick) + 3} text-anchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const x = FRAME.left + band * i + band * 0.15;
          const y = yOf(FRAME, max, bar.value);
          return (
            <g key={bar.key}>
              <rect class="chart-bar" x={x} y={y} width={band * 0.7} height={Math.max(0, baseline - y)} />
              {(bars.length - 1 - i) % every === 0 ? (
                <text class="chart-text" x={x + band * 0.35} y={FRAME.height - 8} text-anchor="middle">
                  {bar.label}
                </text>
              ) : null}
            </g>
          );
        })}
        <line class="chart-axis" x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={baseline} y2={baseline} />
      </svg>
      <DataTable
        caption={title}
        columns={[{ header: labelHeader }, { header: valueHeader, numeric: true }]}
        rows={bars.map((bar) => ({ key: bar.key, cells: [bar.label, format(bar.value)] }))}
        hidden={!showTable}
      />
    </figure>
  );
}
