// @vitest-environment node
/** @module The outbox link and page are for admins: who counts as one. */
import { describe, expect, it } from 'vitest';
import type { Me } from '../core/types.ts';
import { isAdminSomewhere } from './use-dev-mail.ts';

const me = (roles: string[][]) => ({ territories: roles.map((r, i) => ({ slug: `t${i}`, name: `T${i}`, roles: r })) }) as unknown as Me;

describe('isAdminSomewhere', () => {
  it('is true for an admin of any territory, false for everyone else', () => {
    expect(isAdminSomewhere(me([['resident'], ['resident', 'admin']]))).toBe(true);
    expect(isAdminSomewhere(me([['resident', 'operator', 'mediator']]))).toBe(false);
    expect(isAdminSomewhere(me([]))).toBe(false);
    expect(isAdminSomewhere(null)).toBe(false);
    expect(isAdminSomewhere(undefined)).toBe(false);
  });
});
