/**
 * @module The HTTP contract of conditional commitments: what each route accepts, what it answers for every status,
 * and the `reason` values its 403 and 409 carry. Use-cases and the web app read their types from here (`Static<>`).
 */
import { Type, type Static } from 'typebox';
import { ProvenanceSchema } from '../core/figures.ts';
import { DateTime, IdParam, Nullable, StringEnum, TerritoryParam, VIEWER_HOOK_REASONS } from '../core/http/schemas.ts';
import { GuardedSchema } from '../core/privacy/small-group.ts';
import { ACTION_KINDS } from './model.ts';

// Types the web app reads with the schemas (it imports the server through schemas.ts only).
export type { ActionKind, Status, Target } from './model.ts';
export type { BucketProgress } from './targets.ts';

const closed = { additionalProperties: false } as const;

/**
 * Every `reason` a commitment route's problem may carry, for clients to branch on: its own refusals (403, 409), those
 * of the mediation rule it calls when someone acts for a resident, and those of the `x-maille-acting-for` header.
 */
export const COMMITMENT_REASONS = [
  'not_creator',
  'wording_frozen',
  'not_open',
  'already_signed',
  'deadline_passed',
  'failed',
  'not_signer',
  'not_completed',
  'not_organiser',
  'already_entered',
  'not_pending',
  'already_withdrawn',
  'session_required',
  // The refusals of a session on behalf, before any route runs (core/http/schemas.ts).
  ...VIEWER_HOOK_REASONS,
] as const;
export type CommitmentReason = (typeof COMMITMENT_REASONS)[number];

export const STATUSES = ['collecting', 'succeeded', 'active', 'completed', 'failed'] as const;
const MILESTONES = ['progress_33', 'progress_66', 'succeeded', 'failed'] as const;
const ENTRIES = ['self', 'mediator', 'offline'] as const;

// ── Requests ──────────────────────────────────────────────────────────────

export const Commune = Type.String({ pattern: '^[0-9AB]{5}$' });
export const CommitmentParams = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam });
export const EntryParams = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam, entryId: IdParam });

// Bounds are wide on purpose: a count of 0 or a share above 1 reaches the use-case, which names the field (targets.ts).
const TargetInput = Type.Union([
  Type.Object({ kind: Type.Literal('count'), count: Type.Integer({ minimum: -1_000_000, maximum: 10_000_000 }), base: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })) }, closed),
  Type.Object({ kind: Type.Literal('share'), share: Type.Number({ minimum: -1, maximum: 2 }), base: Type.Integer({ minimum: 0, maximum: 10_000_000 }) }, closed),
]);
const ScopeInput = Type.Union([
  Type.Object({ kind: Type.Literal('territory'), target: TargetInput }, closed),
  Type.Object({ kind: Type.Literal('community'), communityId: IdParam, target: TargetInput }, closed),
  Type.Object({ kind: Type.Literal('corridor'), corridorId: IdParam, target: TargetInput }, closed),
  Type.Object({ kind: Type.Literal('per_commune'), communes: Type.Array(Type.Object({ commune: Commune, target: TargetInput }, closed), { minItems: 1, maxItems: 100 }) }, closed),
]);
const Wording = Type.String({ minLength: 1, maxLength: 500 });

export const CreateCommitmentBody = Type.Object(
  {
    wording: Wording,
    action: StringEnum(ACTION_KINDS),
    scope: ScopeInput,
    signingDeadline: Type.String({ format: 'date-time' }),
    actionStart: Type.String({ format: 'date-time' }),
    actionEnd: Type.String({ format: 'date-time' }),
  },
  closed,
);
export const EditWordingBody = Type.Object({ wording: Wording }, closed);
export const SignBody = Type.Object({ publicName: Type.Optional(Type.Boolean()), commune: Type.Optional(Commune) }, closed);
export const SignForBody = Type.Object({ userId: IdParam, publicName: Type.Optional(Type.Boolean()), commune: Type.Optional(Commune) }, closed);
export const CheckBody = Type.Object({ kept: Type.Boolean() }, closed);
export const OfflineEntryBody = Type.Object({ userId: IdParam, reference: Type.String({ maxLength: 100 }), commune: Type.Optional(Commune) }, closed);
export const ConfirmOfflineBody = Type.Object({ publicName: Type.Optional(Type.Boolean()) }, closed);

// ── Responses ─────────────────────────────────────────────────────────────

export const Created = Type.Object({ id: Type.String() });

/** A commitment's QR code: an SVG image of its page's absolute address. */
export const QrSvg = Type.Unsafe<string>({ type: 'string', description: 'an SVG image (image/svg+xml) of the QR code of the commitment page’s absolute address' });
export const WordingAnswer = Type.Object({ id: Type.String(), wording: Type.String() });

/** After a signature: the commitment's status and the milestones it just reached. */
export const SignAnswer = Type.Object({ status: StringEnum(STATUSES), notify: Type.Array(StringEnum(MILESTONES)) });
export type SignAnswer = Static<typeof SignAnswer>;

const TargetView = Type.Union([
  Type.Object({ kind: Type.Literal('count'), count: Type.Integer(), base: Type.Optional(Type.Integer()) }),
  Type.Object({ kind: Type.Literal('share'), share: Type.Number(), base: Type.Integer() }),
]);
const ScopeView = Type.Union([
  Type.Object({ kind: Type.Literal('territory'), target: TargetView }),
  Type.Object({ kind: Type.Literal('community'), communityId: Type.String(), target: TargetView }),
  Type.Object({ kind: Type.Literal('corridor'), corridorId: Type.String(), target: TargetView }),
  Type.Object({ kind: Type.Literal('per_commune'), communes: Type.Array(Type.Object({ commune: Type.String(), target: TargetView })) }),
]);

export const BucketProgressSchema = Type.Object({
  commune: Nullable(Type.String({ description: 'null outside a per-commune scope' })),
  required: Type.Integer(),
  signed: Type.Integer(),
  remaining: Type.Integer({ description: '"N more needed"; 0 once reached' }),
  neededShare: Nullable(Type.Number({ description: 'required ÷ base; null without a base' })),
  signedShare: Nullable(Type.Number()),
});
export const ProgressSchema = Type.Object({ buckets: Type.Array(BucketProgressSchema), remaining: Type.Integer(), fraction: Type.Number({ minimum: 0, maximum: 1 }), reached: Type.Boolean() });
export const AutomaticCountSchema = Type.Object({
  people: Type.Integer({ description: 'signers with a matching gesture in the action period' }),
  gestures: Type.Integer({ description: 'their matching gestures' }),
});
export const KeptRateSchema = Type.Object({ kept: Type.Integer(), answered: Type.Integer(), rate: Nullable(Type.Number({ description: 'kept ÷ answered; null before anyone answers' })) });

export const MySignatureSchema = Type.Object({
  signedAt: DateTime,
  entry: StringEnum(ENTRIES),
  publicName: Type.Boolean(),
  kept: Nullable(Type.Boolean()),
  checkedAt: Nullable(DateTime),
  automaticCount: Nullable(Type.Integer({ description: 'their matching gestures in the action period; null when the action has none or has not started' })),
});
export type MySignature = Static<typeof MySignatureSchema>;

/** A commitment as the viewer sees it; figures whole inside their group, else under the small-group rule (docs/privacy.md). */
export const CommitmentViewSchema = Type.Object({
  id: Type.String(),
  wording: Type.String(),
  action: StringEnum(ACTION_KINDS),
  scope: ScopeView,
  status: StringEnum(STATUSES),
  progress: GuardedSchema(ProgressSchema),
  signers: GuardedSchema(Type.Integer()),
  publicNames: Type.Array(Type.String()),
  signedByMe: Type.Boolean(),
  createdByMe: Type.Boolean(),
  mine: Nullable(MySignatureSchema),
  automatic: Nullable(GuardedSchema(AutomaticCountSchema)),
  keptRate: GuardedSchema(KeptRateSchema),
  canCheck: Type.Boolean(),
  canSignFor: Type.Boolean(),
  canEnterOffline: Type.Boolean(),
  signingDeadline: DateTime,
  actionStart: DateTime,
  actionEnd: DateTime,
  createdAt: DateTime,
});
export type CommitmentView = Static<typeof CommitmentViewSchema>;

/** One commitment as the API sends it: the view and where its figures come from. */
export const CommitmentSchema = Type.Object({ ...CommitmentViewSchema.properties, provenance: ProvenanceSchema });
export const CommitmentListSchema = Type.Object({ items: Type.Array(CommitmentSchema), provenance: ProvenanceSchema });
export const CheckAnswer = Type.Object({ kept: Type.Boolean(), keptRate: KeptRateSchema });

const OfflineState = StringEnum(['pending', 'confirmed'] as const);
export const OfflineAnswer = Type.Object({ id: Type.String(), state: OfflineState, status: StringEnum(STATUSES), notify: Type.Array(StringEnum(MILESTONES)) });
export type OfflineEntered = Static<typeof OfflineAnswer>;
export const WithdrawAnswer = Type.Object({ status: StringEnum(STATUSES) });
export type WithdrawAnswer = Static<typeof WithdrawAnswer>;
export const MyOfflineEntrySchema = Type.Object({
  id: Type.String(),
  commitmentId: Type.String(),
  wording: Type.String(),
  state: OfflineState,
  reference: Type.String(),
  enteredAt: DateTime,
  signingDeadline: DateTime,
});
export type MyOfflineEntry = Static<typeof MyOfflineEntrySchema>;
export const MyOfflineEntries = Type.Object({ items: Type.Array(MyOfflineEntrySchema) });
