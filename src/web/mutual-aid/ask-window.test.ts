// @vitest-environment node
/** @module The ask form's window: defaults per urgency and the checks the server also makes. */
import { describe, expect, it } from 'vitest';
import { checkAskWindow, defaultWindow, localDateTime } from './ask-window.ts';

const now = new Date(2026, 2, 10, 9, 20); // 10 March 2026, 09:20 local

describe('ask window', () => {
  it('starts at the next round hour and ends tonight, in three days or in a fortnight', () => {
    expect(defaultWindow('today', now)).toEqual({ fromDate: '2026-03-10', fromTime: '10:00', toDate: '2026-03-10', toTime: '21:00' });
    expect(defaultWindow('this_week', now)).toMatchObject({ toDate: '2026-03-13', toTime: '20:00' });
    expect(defaultWindow('flexible', now)).toMatchObject({ toDate: '2026-03-24' });
    const late = defaultWindow('today', new Date(2026, 2, 10, 22, 5));
    expect(late).toMatchObject({ fromDate: '2026-03-10', fromTime: '23:00', toDate: '2026-03-11', toTime: '02:00' });
  });
  it('reads typed dates and times, refusing impossible ones', () => {
    expect(localDateTime('2026-03-10', '14:30')?.getHours()).toBe(14);
    expect(localDateTime('2026-02-30', '14:30')).toBeNull();
    expect(localDateTime('2026-03-10', '25:00')).toBeNull();
    expect(localDateTime('', '')).toBeNull();
  });
  it('refuses a start in the past, an end before the start, a span over a month', () => {
    expect(checkAskWindow(defaultWindow('today', now), now).errors).toEqual({});
    expect(checkAskWindow({ fromDate: '2026-03-09', fromTime: '10:00', toDate: '2026-03-10', toTime: '12:00' }, now).errors).toEqual({ fromDate: 'ask.past' });
    expect(checkAskWindow({ fromDate: '2026-03-10', fromTime: '12:00', toDate: '2026-03-10', toTime: '11:00' }, now).errors).toEqual({ toDate: 'ask.toBeforeFrom' });
    expect(checkAskWindow({ fromDate: '2026-03-10', fromTime: '12:00', toDate: '2026-04-20', toTime: '11:00' }, now).errors).toEqual({ toDate: 'ask.tooLong' });
    expect(checkAskWindow({ fromDate: '', fromTime: '', toDate: '2026-03-10', toTime: '11:00' }, now).errors).toEqual({ fromDate: 'form.required' });
  });
});
