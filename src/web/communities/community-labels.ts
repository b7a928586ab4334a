/** @module Option lists (value + translated label) for the community kind, visibility and join policy. */
import type { MessageKey } from '../i18n/translate.ts';
import { COMMUNITY_KINDS, JOIN_POLICIES, VISIBILITIES, type CommunityKind, type JoinPolicy, type Visibility } from '../core/types.ts';

type T = (key: MessageKey) => string;

export const kindOptions = (t: T): { value: CommunityKind; label: string }[] =>
  COMMUNITY_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }));

export const visibilityOptions = (t: T): { value: Visibility; label: string }[] =>
  VISIBILITIES.map((value) => ({ value, label: t(`visibility.${value}`) }));

export const policyOptions = (t: T): { value: JoinPolicy; label: string }[] =>
  JOIN_POLICIES.map((value) => ({ value, label: t(`policy.${value}`) }));
