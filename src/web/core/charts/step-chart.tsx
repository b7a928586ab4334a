/** @module Accessible two-series step chart in inline SVG (e.g. queue per slot, today vs with commitments). */
import type { ComponentChildren } from 'preact';
import { niceCeiling, stepPath, ticks, yOf, type Frame } from './scale.ts';

export interface Series {
  name: string;
  values: readonly number[];
}

interface Props {
  title: string;
  /** One sentence read by screen readers instead of the drawing. */
  description: string;
  /** Label of each slot, in order (e.g. "07:45"). */
  slots: readonly string[];
  /** The first series is drawn solid, the second dashed: the difference never relies on colour alone. A second series
   *  that may not be shown (small-group rule) is left out rather than drawn from partial values. */
  series: readonly [Series] | readonly [Series, Series];
  format: (value: number) => string;
  /** Unit of the value axis, written above it. */
  unit: string;
  /** The data table (the caller knows which extra columns matter). */
  children?: ComponentChildren;
}

const FRAME: Frame = { width: 320, height: 180, left: 40, right: 8, top: 22, bottom: 24 };
const VARIANTS = ['chart-line-a', 'chart-line-b'] as const;

export function StepChart({ title, description, slots, series, format, unit, children }: Props) {
  const max = niceCeiling(Math.max(0, ...series.flatMap((s) => s.values)));
  const slot = (FRAME.width - FRAME.left - FRAME.right) / Math.max(1, slots.length);
  const every = Math.ceil(slots.length / 6);
  const baseline = yOf(FRAME, max, 0);
  return (
    <figure class="chart">
      <figcaption class="chart-title">{title}</figcaption>
      <ul class="chart-legend">
        {series.map((s, i) => (
          <li key={s.name}>
            <svg class="legend-line" viewBox="0 0 28 10" aria-hidden="true" focusable="false">
              <line class={VARIANTS[i]} x1="1" x2="27" y1="5" y2="5" />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
      <svg class="chart-svg" viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-label={description} focusable="false">
        <text class="chart-text" x={2} y={10}>
          {unit}
        </text>
        {ticks(max, 2).map((tick) => (
          <g key={tick}>
            <line class="chart-grid" x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={yOf(FRAME, max, tick)} y2={yOf(FRAME, max, tick)} />
            <text class="chart-text" x={FRAME.left - 4} y={yOf(FRAME, max, tick) + 3} text-anchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {slots.map((label, i) =>
          i % every === 0 ? (
            <text key={label} class="chart-text" x={FRAME.left + slot * i} y={FRAME.height - 8} text-anchor="start">
              {label}
            </text>
          ) : null,
        )}
        <line class="chart-axis" x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={baseline} y2={baseline} />
        {series.map((s, i) => (
          <path key={s.name} class={VARIANTS[i]} d={stepPath(FRAME, max, s.values)} />
        ))}
      </svg>
      {children}
    </figure>
  );
}
