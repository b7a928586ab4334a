/** @module The refusal when two people of a ride blocked each other (moderation/blocks.ts). */
import { AppError } from '../core/errors.ts';

/** 403 `blocked`: it does not say who blocked whom. */
export const blockedError = () => new AppError('forbidden', 'You cannot share a ride or messages with this person.', { reason: 'blocked' });
