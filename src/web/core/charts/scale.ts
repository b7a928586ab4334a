/** @module Pure chart geometry: a round top for the value axis, its ticks, and the step path of a series. */

/** The smallest "round" number (1, 2, 2.5, 5 × 10^k) at or above `value`; 1 for an empty or zero series. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value - 1e-9) return step * power;
  return 10 * power;
}

/** `count` + 1 evenly spaced ticks from 0 to `top` included. */
export function ticks(top: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
}

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Maps a value to the SVG y coordinate of a frame whose axis runs from 0 to `max`. */
export function yOf(frame: Frame, max: number, value: number): number {
  const plot = frame.height - frame.top - frame.bottom;
  const clamped = Math.max(0, Math.min(value, max));
  return frame.height - frame.bottom - (clamped / max) * plot;
}

/**
 * A step line: each value holds for the whole of its slot ("M x0 y0 H x1 V y1 H x2 …"), which is how a
 * queue measured per 15-minute slot reads best.
 */
export function stepPath(frame: Frame, max: number, values: readonly number[]): string {
  if (values.length === 0) return '';
  const slot = (frame.width - frame.left - frame.right) / values.length;
  const round = (x: number) => Math.round(x * 10) / 10;
  let path = `M${round(frame.left)} ${round(yOf(frame, max, values[0] ?? 0))}`;
  values.forEach((value, i) => {
    if (i > 0) path += ` V${round(yOf(frame, max, value))}`;
    path += ` H${round(frame.left + slot * (i + 1))}`;
  });
  return path;
}
