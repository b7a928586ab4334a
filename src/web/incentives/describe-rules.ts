/** @module A campaign's rules in plain words (French or English), for the public campaign pages and the builder's summary. */
import { weekdayName } from '../core/dates.ts';
import type { IncentiveKey } from '../i18n/incentives-fr.ts';
import type { MessageParams } from '../i18n/translate.ts';
import { formatTime } from './money.ts';
import { NO_LIMIT } from './rule-form.ts';
import type { Rule } from './types.ts';

export interface RuleWords {
  locale: 'fr' | 'en';
  c: (key: IncentiveKey, params?: MessageParams) => string;
  /** Amounts: euros for a payout campaign, points (tickets) for a lottery. */
  amount: (cents: number) => string;
  /** Long date of a YYYY-MM-DD day. */
  day: (date: string) => string;
  communityName?: (id: string) => string | undefined;
  communeName?: (code: string) => string | undefined;
}

const km = (locale: string, value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
const list = (locale: string, items: string[]) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
const either = (locale: string, items: string[]) => new Intl.ListFormat(locale, { style: 'long', type: 'disjunction' }).format(items);

/** One sentence per rule, e.g. "0,10 € par km entre 2 et 30 km." */
export function describeRule(rule: Rule, w: RuleWords): string {
  const { c, locale } = w;
  switch (rule.type) {
    case 'only_kinds':
      return c('rule.onlyKinds', { kinds: either(locale, rule.kinds.map((k) => c(`kind.${k}`))) });
    case 'in_communities': {
      const names = rule.ids.map((id) => w.communityName?.(id) ?? id);
      return c('rule.inCommunities', { names: either(locale, names) });
    }
    case 'in_communes': {
      const names = rule.codes.map((code) => w.communeName?.(code) ?? code);
      return c('rule.inCommunes', { names: either(locale, names) });
    }
    case 'min_proof_class':
      return c(rule.proofClass === 'C' ? 'rule.proofC' : 'rule.proofB');
    case 'on_weekdays':
      return c('rule.weekdays', { days: list(locale, [...rule.days].sort((a, b) => a - b).map((d) => weekdayName(locale, d))) });
    case 'distance_between':
      return rule.maxKm >= NO_LIMIT
        ? c('rule.distanceAtLeast', { min: km(locale, rule.minKm) })
        : c('rule.distanceBetween', { min: km(locale, rule.minKm), max: km(locale, rule.maxKm) });
    case 'per_gesture':
      return c('rule.perGesture', { amount: w.amount(rule.cents) });
    case 'per_seat':
      return c('rule.perSeat', { amount: w.amount(rule.cents) });
    case 'per_km': {
      const amount = w.amount(rule.cents);
      const bounded = rule.limitKm < NO_LIMIT;
      if (rule.offsetKm > 0 && bounded) return c('rule.perKmBetween', { amount, offset: km(locale, rule.offsetKm), limit: km(locale, rule.limitKm) });
      if (rule.offsetKm > 0) return c('rule.perKmBeyond', { amount, offset: km(locale, rule.offsetKm) });
      if (bounded) return c('rule.perKmUpTo', { amount, limit: km(locale, rule.limitKm) });
      return c('rule.perKm', { amount });
    }
    case 'amount_for_distance':
      return c('rule.band', { amount: w.amount(rule.cents), from: km(locale, rule.fromKm), to: km(locale, rule.toKm) });
    case 'time_window_bonus':
      return c('rule.timeWindow', { amount: w.amount(rule.cents), start: formatTime(rule.startMin), end: formatTime(rule.endMin) });
    case 'booster_dates':
      return c('rule.booster', {
        factor: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(rule.percent / 100),
        dates: list(locale, rule.dates.map(w.day)),
      });
    case 'max_per_person_per_day':
      return c('rule.capDay', { amount: w.amount(rule.cents) });
    case 'max_per_person_per_month':
      return c('rule.capMonth', { amount: w.amount(rule.cents) });
  }
}

export type RuleGroup = 'who' | 'amounts' | 'booster' | 'caps';

export function groupOf(rule: Rule): RuleGroup {
  switch (rule.type) {
    case 'per_gesture': case 'per_seat': case 'per_km': case 'amount_for_distance': case 'time_window_bonus':
      return 'amounts';
    case 'booster_dates':
      return 'booster';
    case 'max_per_person_per_day': case 'max_per_person_per_month':
      return 'caps';
    default:
      return 'who';
  }
}

/** The rules grouped (who is eligible, how much, multipliers, caps), each in words; empty groups are left out. */
export function describeRules(rules: readonly Rule[], w: RuleWords): { group: RuleGroup; sentences: string[] }[] {
  const order: RuleGroup[] = ['who', 'amounts', 'booster', 'caps'];
  return order
    .map((group) => ({ group, sentences: rules.filter((r) => groupOf(r) === group).map((r) => describeRule(r, w)) }))
    .filter((g) => g.sentences.length > 0);
}
