/** @module The campaign builder's fields (strings as typed) ↔ a CampaignInput with rules, and server JSON pointers → the field to blame. */
import { centsToInput, numberToInput, parseDecimal, parseEuros, parseTime, formatTime } from './money.ts';
import type { CampaignInput, CampaignMode, GestureKind, ProofClass, Rule } from './types.ts';

export const GESTURE_KINDS: readonly GestureKind[] = ['carpool', 'shift', 'mode_switch'];
export const ALL_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];
/** "No upper limit" for a per-km or distance rule: the largest distance the API accepts (its schema's maximum). */
export const NO_LIMIT = 100_000;

export interface DistanceBand {
  fromKm: string;
  toKm: string;
  euros: string;
}

export interface TimeWindow {
  start: string;
  end: string;
  euros: string;
}

export interface CampaignFields {
  name: string;
  mode: CampaignMode;
  startsOn: string;
  endsOn: string;
  budget: string;
  prize: string;
  winnersPerWeek: string;
  /** Ticked kinds; all three (or none) means no kind rule. */
  kinds: GestureKind[];
  communityIds: string[];
  communeCodes: string[];
  minProof: '' | ProofClass;
  /** Ticked weekdays; all seven (or none) means no weekday rule. */
  weekdays: number[];
  minKm: string;
  maxKm: string;
  perGesture: string;
  perSeat: string;
  perKm: string;
  perKmOffset: string;
  perKmLimit: string;
  bands: DistanceBand[];
  windows: TimeWindow[];
  boosterDates: string[];
  boosterPercent: string;
  capDay: string;
  capMonth: string;
}

/** What is wrong with a field before anything is sent; the page words it. */
export type FieldProblem = 'required' | 'euros' | 'number' | 'time' | 'date' | 'wholeNumber' | 'needAmount';

export interface Conversion {
  /** null when a field could not be read. */
  input: CampaignInput | null;
  problems: Record<string, FieldProblem>;
  /** JSON pointer of the input (e.g. "/rules/2/cents") → the field that produced it. */
  pointers: Record<string, string>;
}

export function emptyFields(): CampaignFields {
  return {
    name: '', mode: 'payout', startsOn: '', endsOn: '', budget: '', prize: '', winnersPerWeek: '1',
    kinds: [...GESTURE_KINDS], communityIds: [], communeCodes: [], minProof: '', weekdays: [...ALL_WEEKDAYS],
    minKm: '', maxKm: '', perGesture: '', perSeat: '', perKm: '', perKmOffset: '', perKmLimit: '',
    bands: [], windows: [], boosterDates: [], boosterPercent: '150', capDay: '', capMonth: '',
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const blank = (text: string) => text.trim() === '';

/** Reads the fields; every rule remembers which field it came from, so a server error lands next to it. */
export function fieldsToInput(fields: CampaignFields): Conversion {
  const problems: Record<string, FieldProblem> = {};
  const pointers: Record<string, string> = {
    '/name': 'name', '/mode': 'mode', '/startsOn': 'startsOn', '/endsOn': 'endsOn', '/budgetCents': 'budget',
    '/prizeCents': 'prize', '/winnersPerWeek': 'winnersPerWeek', '/rules': 'amounts',
  };
  const rules: Rule[] = [];
  /** Adds a rule; `fieldOf` maps each of its properties to a field, `main` takes anything else. */
  const add = (rule: Rule, main: string, fieldOf: Record<string, string> = {}) => {
    const at = `/rules/${rules.length}`;
    rules.push(rule);
    pointers[at] = main;
    for (const [property, field] of Object.entries(fieldOf)) pointers[`${at}/${property}`] = field;
  };
  const euros = (field: string, text: string, required = false): number | null => {
    if (blank(text)) {
      if (required) problems[field] = 'required';
      return null;
    }
    const cents = parseEuros(text);
    if (cents === null) problems[field] = 'euros';
    return cents;
  };
  const km = (field: string, text: string): number | null => {
    if (blank(text)) return null;
    const value = parseDecimal(text);
    if (value === null) problems[field] = 'number';
    return value;
  };
  const date = (field: string, text: string): string => {
    if (blank(text)) problems[field] = 'required';
    else if (!DATE.test(text.trim())) problems[field] = 'date';
    return text.trim();
  };

  const name = fields.name.trim();
  if (name === '') problems['name'] = 'required';
  const startsOn = date('startsOn', fields.startsOn);
  const endsOn = date('endsOn', fields.endsOn);
  const budgetCents = euros('budget', fields.budget, true);
  let prizeCents: number | null = null;
  let winnersPerWeek: number | null = null;
  if (fields.mode === 'lottery') {
    prizeCents = euros('prize', fields.prize, true);
    if (!/^\s*\d+\s*$/.test(fields.winnersPerWeek) || Number(fields.winnersPerWeek) < 1) problems['winnersPerWeek'] = 'wholeNumber';
    else winnersPerWeek = Number(fields.winnersPerWeek);
  }

  // Eligibility
  if (fields.kinds.length > 0 && fields.kinds.length < GESTURE_KINDS.length) add({ type: 'only_kinds', kinds: [...fields.kinds] }, 'kinds');
  if (fields.communityIds.length > 0) add({ type: 'in_communities', ids: [...fields.communityIds] }, 'communities');
  if (fields.communeCodes.length > 0) add({ type: 'in_communes', codes: [...fields.communeCodes] }, 'communes');
  if (fields.minProof) add({ type: 'min_proof_class', proofClass: fields.minProof }, 'minProof');
  if (fields.weekdays.length > 0 && fields.weekdays.length < ALL_WEEKDAYS.length) {
    add({ type: 'on_weekdays', days: [...fields.weekdays].sort((a, b) => a - b) }, 'weekdays', { days: 'weekdays' });
  }
  const minKm = km('minKm', fields.minKm);
  const maxKm = km('maxKm', fields.maxKm);
  if (minKm !== null || maxKm !== null) {
    add({ type: 'distance_between', minKm: minKm ?? 0, maxKm: maxKm ?? NO_LIMIT }, 'minKm', { minKm: 'minKm', maxKm: 'maxKm' });
  }

  // Amounts
  const perGesture = euros('perGesture', fields.perGesture);
  if (perGesture !== null) add({ type: 'per_gesture', cents: perGesture }, 'perGesture', { cents: 'perGesture' });
  const perSeat = euros('perSeat', fields.perSeat);
  if (perSeat !== null) add({ type: 'per_seat', cents: perSeat }, 'perSeat', { cents: 'perSeat' });
  const perKm = euros('perKm', fields.perKm);
  const offsetKm = km('perKmOffset', fields.perKmOffset);
  const limitKm = km('perKmLimit', fields.perKmLimit);
  if (perKm !== null) {
    add({ type: 'per_km', cents: perKm, offsetKm: offsetKm ?? 0, limitKm: limitKm ?? NO_LIMIT }, 'perKm', {
      cents: 'perKm', offsetKm: 'perKmOffset', limitKm: 'perKmLimit',
    });
  }
  fields.bands.forEach((band, i) => {
    const prefix = `band-${i}`;
    const fromKm = km(`${prefix}-fromKm`, band.fromKm);
    const toKm = km(`${prefix}-toKm`, band.toKm);
    const cents = euros(`${prefix}-euros`, band.euros, true);
    if (blank(band.fromKm)) problems[`${prefix}-fromKm`] = 'required';
    if (blank(band.toKm)) problems[`${prefix}-toKm`] = 'required';
    if (fromKm !== null && toKm !== null && cents !== null) {
      add({ type: 'amount_for_distance', fromKm, toKm, cents }, `${prefix}-euros`, {
        fromKm: `${prefix}-fromKm`, toKm: `${prefix}-toKm`, cents: `${prefix}-euros`,
      });
    }
  });
  fields.windows.forEach((window, i) => {
    const prefix = `window-${i}`;
    const startMin = parseTime(window.start);
    const endMin = parseTime(window.end);
    if (startMin === null) problems[`${prefix}-start`] = blank(window.start) ? 'required' : 'time';
    if (endMin === null) problems[`${prefix}-end`] = blank(window.end) ? 'required' : 'time';
    const cents = euros(`${prefix}-euros`, window.euros, true);
    if (startMin !== null && endMin !== null && cents !== null) {
      add({ type: 'time_window_bonus', startMin, endMin, cents }, `${prefix}-euros`, {
        startMin: `${prefix}-start`, endMin: `${prefix}-end`, cents: `${prefix}-euros`,
      });
    }
  });

  // Multiplier
  const dates = fields.boosterDates.map((d) => d.trim()).filter((d) => d !== '');
  fields.boosterDates.forEach((d, i) => {
    if (!blank(d) && !DATE.test(d.trim())) problems[`booster-${i}`] = 'date';
  });
  if (dates.length > 0) {
    const percentText = blank(fields.boosterPercent) ? '150' : fields.boosterPercent.trim();
    if (!/^\d+$/.test(percentText)) problems['boosterPercent'] = 'wholeNumber';
    add({ type: 'booster_dates', dates, percent: Number(percentText) }, 'boosterPercent', { percent: 'boosterPercent', dates: 'booster-0' });
  }

  // Caps
  const capDay = euros('capDay', fields.capDay);
  if (capDay !== null) add({ type: 'max_per_person_per_day', cents: capDay }, 'capDay', { cents: 'capDay' });
  const capMonth = euros('capMonth', fields.capMonth);
  if (capMonth !== null) add({ type: 'max_per_person_per_month', cents: capMonth }, 'capMonth', { cents: 'capMonth' });

  const hasAmount = rules.some((r) => AMOUNT_TYPES.has(r.type));
  const amountTyped = [fields.perGesture, fields.perSeat, fields.perKm].some((t) => !blank(t)) || fields.bands.length + fields.windows.length > 0;
  if (!hasAmount && !amountTyped) problems['amounts'] = 'needAmount';

  if (Object.keys(problems).length > 0 || budgetCents === null) return { input: null, problems, pointers };
  const input: CampaignInput = { name, mode: fields.mode, startsOn, endsOn, budgetCents, rules };
  if (fields.mode === 'lottery' && prizeCents !== null && winnersPerWeek !== null) {
    input.prizeCents = prizeCents;
    input.winnersPerWeek = winnersPerWeek;
  }
  return { input, problems, pointers };
}

const AMOUNT_TYPES = new Set<Rule['type']>(['per_gesture', 'per_seat', 'per_km', 'amount_for_distance', 'time_window_bonus']);

/** The field a server JSON pointer names: the exact one, else its nearest parent ("/rules/2/dates/1" → booster field). */
export function fieldForPointer(pointer: string, pointers: Readonly<Record<string, string>>): string | null {
  const segments = pointer.split('/').filter(Boolean);
  if (segments[0] === 'body') segments.shift();
  if (segments[0] === 'campaign') segments.shift(); // the simulate body wraps the campaign
  while (segments.length > 0) {
    const field = pointers[`/${segments.join('/')}`];
    if (field) return field;
    segments.pop();
  }
  return null;
}

const limitText = (km: number, locale: string) => (km >= NO_LIMIT ? '' : numberToInput(km, locale));

/** A stored campaign back into fields, to edit a draft. Repeated single rules keep the first. */
export function inputToFields(input: CampaignInput, locale: string): CampaignFields {
  const fields = emptyFields();
  const money = (cents: number) => centsToInput(cents, locale);
  fields.name = input.name;
  fields.mode = input.mode;
  fields.startsOn = input.startsOn.slice(0, 10);
  fields.endsOn = input.endsOn.slice(0, 10);
  fields.budget = money(input.budgetCents);
  if (input.prizeCents !== undefined && input.prizeCents !== null) fields.prize = money(input.prizeCents);
  if (input.winnersPerWeek !== undefined && input.winnersPerWeek !== null) fields.winnersPerWeek = String(input.winnersPerWeek);
  const seen = new Set<string>();
  const first = (type: string) => {
    if (seen.has(type)) return false;
    seen.add(type);
    return true;
  };
  for (const rule of input.rules) {
    switch (rule.type) {
      case 'only_kinds':
        if (first(rule.type)) fields.kinds = GESTURE_KINDS.filter((k) => rule.kinds.includes(k));
        break;
      case 'in_communities':
        if (first(rule.type)) fields.communityIds = [...rule.ids];
        break;
      case 'in_communes':
        if (first(rule.type)) fields.communeCodes = [...rule.codes];
        break;
      case 'min_proof_class':
        if (first(rule.type)) fields.minProof = rule.proofClass;
        break;
      case 'on_weekdays':
        if (first(rule.type)) fields.weekdays = ALL_WEEKDAYS.filter((d) => rule.days.includes(d));
        break;
      case 'distance_between':
        if (first(rule.type)) {
          fields.minKm = rule.minKm === 0 ? '' : numberToInput(rule.minKm, locale);
          fields.maxKm = limitText(rule.maxKm, locale);
        }
        break;
      case 'per_gesture':
        if (first(rule.type)) fields.perGesture = money(rule.cents);
        break;
      case 'per_seat':
        if (first(rule.type)) fields.perSeat = money(rule.cents);
        break;
      case 'per_km':
        if (first(rule.type)) {
          fields.perKm = money(rule.cents);
          fields.perKmOffset = rule.offsetKm === 0 ? '' : numberToInput(rule.offsetKm, locale);
          fields.perKmLimit = limitText(rule.limitKm, locale);
        }
        break;
      case 'amount_for_distance':
        fields.bands.push({ fromKm: numberToInput(rule.fromKm, locale), toKm: numberToInput(rule.toKm, locale), euros: money(rule.cents) });
        break;
      case 'time_window_bonus':
        fields.windows.push({ start: formatTime(rule.startMin), end: formatTime(rule.endMin), euros: money(rule.cents) });
        break;
      case 'booster_dates':
        if (first(rule.type)) {
          fields.boosterDates = [...rule.dates];
          fields.boosterPercent = String(rule.percent);
        }
        break;
      case 'max_per_person_per_day':
        if (first(rule.type)) fields.capDay = money(rule.cents);
        break;
      case 'max_per_person_per_month':
        if (first(rule.type)) fields.capMonth = money(rule.cents);
        break;
    }
  }
  return fields;
}
