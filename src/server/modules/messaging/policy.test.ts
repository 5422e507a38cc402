import { describe, expect, test } from 'vitest';
import { currentBasis, type DirectState, directSend, NO_FACTS, type PairFacts, shownBasis } from './policy.ts';

const ME = 'me';
const THEM = 'them';
const facts = (f: Partial<PairFacts> = {}): PairFacts => ({ ...NO_FACTS, ...f });
const conv = (c: Partial<DirectState> = {}): DirectState => ({ status: 'active', basis: 'mentorship', requestedBy: null, ...c });

describe('who may write in a direct conversation', () => {
  test.each([
    ['active mentorship', conv(), facts({ mentorship: true }), { ok: true }],
    ['mentorship ended, nothing else', conv(), facts(), { ok: false, reason: 'unavailable' }],
    ['mentorship ended, but staff now', conv(), facts({ staff: true }), { ok: true }],
    ['staff', conv({ basis: 'staff' }), facts({ staff: true }), { ok: true }],
    ['staff no longer', conv({ basis: 'staff' }), facts(), { ok: false, reason: 'unavailable' }],
    ['an accepted request', conv({ basis: 'request' }), facts(), { ok: true }],
    ['my waiting request', conv({ basis: 'request', status: 'requested', requestedBy: ME }), facts(), { ok: false, reason: 'pending' }],
    ['my ignored request (looks the same)', conv({ basis: 'request', status: 'ignored', requestedBy: ME }), facts(), { ok: false, reason: 'pending' }],
    ['their request: replying accepts', conv({ basis: 'request', status: 'requested', requestedBy: THEM }), facts(), { ok: true, becomes: { status: 'active', basis: 'request' } }],
    ['my request, then a mentorship', conv({ basis: 'request', status: 'requested', requestedBy: ME }), facts({ mentorship: true }), { ok: true, becomes: { status: 'active', basis: 'mentorship' } }],
    ['I blocked them', conv(), facts({ mentorship: true, blockedByMe: true }), { ok: false, reason: 'unavailable' }],
    ['they blocked me', conv({ basis: 'request' }), facts({ blockedMe: true }), { ok: false, reason: 'unavailable' }],
  ] as const)('%s', (_, c, f, expected) => {
    expect(directSend(c, ME, f)).toEqual(expected);
  });

  test('mentorship is the strongest basis; the shown basis is the one that holds now', () => {
    expect(currentBasis(facts({ mentorship: true, staff: true }))).toBe('mentorship');
    expect(currentBasis(facts())).toBeNull();
    expect(shownBasis(conv({ basis: 'request' }), facts({ staff: true }))).toBe('staff');
    expect(shownBasis(conv({ basis: 'mentorship' }), facts())).toBe('mentorship');
  });
});
