// Pure join and visibility rules, including properties that must hold for any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSeeCommunity, canSeeMembers, decideJoin, isOrganiser, JOIN_POLICIES, normaliseDomain, type JoinRules } from './model.ts';

const rules = (over: Partial<JoinRules> = {}): JoinRules => ({ visibility: 'public', joinPolicy: 'open', emailDomain: null, inviteCode: 'ABCDEF2345', ...over });

describe('decideJoin', () => {
  it('follows each join policy without an invite code', () => {
    expect(decideJoin(rules({ joinPolicy: 'open' }), {})).toEqual({ outcome: 'active' });
    expect(decideJoin(rules({ joinPolicy: 'approval' }), {})).toEqual({ outcome: 'pending' });
    expect(decideJoin(rules({ joinPolicy: 'invite' }), {}).outcome).toBe('refused');
  });

  it('admits an e-mail of the domain or a subdomain, and nothing that merely ends with the same letters', () => {
    const r = rules({ joinPolicy: 'email_domain', emailDomain: 'dijon.fr' });
    expect(decideJoin(r, { email: 'ana@dijon.fr' }).outcome).toBe('active');
    expect(decideJoin(r, { email: 'ana@MAIRIE.Dijon.fr' }).outcome).toBe('active');
    expect(decideJoin(r, { email: 'ana@notdijon.fr' }).outcome).toBe('refused');
    expect(decideJoin(r, {}).outcome).toBe('refused');
  });

  it('always admits the right invite code, whatever the policy and case', () => {
    fc.assert(
      fc.property(fc.constantFrom(...JOIN_POLICIES), fc.boolean(), (joinPolicy, lower) => {
        const r = rules({ joinPolicy, emailDomain: joinPolicy === 'email_domain' ? 'x.org' : null });
        const code = lower ? r.inviteCode.toLowerCase() : r.inviteCode;
        return decideJoin(r, { inviteCode: code }).outcome === 'active';
      }),
    );
  });

  it('always refuses a wrong invite code, naming the field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...JOIN_POLICIES), fc.stringMatching(/^[A-Z0-9]{6,20}$/), (joinPolicy, code) => {
        fc.pre(code !== 'ABCDEF2345');
        const d = decideJoin(rules({ joinPolicy }), { inviteCode: code });
        return d.outcome === 'refused' && d.field === '/inviteCode';
      }),
    );
  });
});

describe('visibility', () => {
  it('hides a private community from non-members only', () => {
    expect(canSeeCommunity('private', null)).toBe(false);
    expect(canSeeCommunity('private', { role: 'member', status: 'pending' })).toBe(true);
    expect(canSeeCommunity('public', null)).toBe(true);
  });

  it('shows member names to active members only, and organiser tools to active organisers only', () => {
    expect(canSeeMembers(null)).toBe(false);
    expect(canSeeMembers({ role: 'member', status: 'pending' })).toBe(false);
    expect(canSeeMembers({ role: 'member', status: 'active' })).toBe(true);
    expect(isOrganiser({ role: 'organiser', status: 'pending' })).toBe(false);
    expect(isOrganiser({ role: 'organiser', status: 'active' })).toBe(true);
  });

  it('normalises e-mail domains', () => {
    expect(normaliseDomain(' @Dijon.FR ')).toBe('dijon.fr');
  });
});
