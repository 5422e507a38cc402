import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earnedLevel, nextLevel, progress, PROMOTION, TRUST_LIMITS, type Activity, type TrustLevel } from './trust.ts';

const DAY = 86_400_000;
const now = new Date('2025-06-01T12:00:00Z');
const activity = (days: number, topicsRead: number, visiblePosts: number, recentModeration = false): Activity => ({
  accountCreatedAt: new Date(now.getTime() - days * DAY),
  topicsRead,
  visiblePosts,
  recentModeration,
});

describe('earnedLevel', () => {
  it('a brand-new account is level 0', () => {
    expect(earnedLevel(activity(0, 0, 0), now)).toBe(0);
  });

  it('level 1 needs a day and five topics read, and no posts', () => {
    expect(earnedLevel(activity(PROMOTION[1].days, PROMOTION[1].topicsRead, 0), now)).toBe(1);
    expect(earnedLevel(activity(PROMOTION[1].days - 0.01, PROMOTION[1].topicsRead, 0), now)).toBe(0);
    expect(earnedLevel(activity(PROMOTION[1].days, PROMOTION[1].topicsRead - 1, 0), now)).toBe(0);
  });

  it('level 2 needs two weeks, thirty topics read and five visible posts, each of them', () => {
    const { days, topicsRead, posts } = PROMOTION[2];
    expect(earnedLevel(activity(days, topicsRead, posts), now)).toBe(2);
    expect(earnedLevel(activity(days - 0.01, topicsRead, posts), now)).toBe(1);
    expect(earnedLevel(activity(days, topicsRead - 1, posts), now)).toBe(1);
    expect(earnedLevel(activity(days, topicsRead, posts - 1), now)).toBe(1);
  });

  it('moderation in the last 30 days holds the person below level 2, but not below level 1', () => {
    expect(earnedLevel(activity(100, 500, 100, true), now)).toBe(1);
    expect(earnedLevel(activity(0, 0, 0, true), now)).toBe(0);
  });
});

describe('nextLevel', () => {
  it('promotes when the activity earns it', () => {
    expect(nextLevel(0, false, activity(1, 5, 0), now)).toBe(1);
    expect(nextLevel(1, false, activity(14, 30, 5), now)).toBe(2);
    expect(nextLevel(0, false, activity(14, 30, 5), now)).toBe(2);
  });

  it('never demotes automatically (a quiet month, or moderation, keeps the level)', () => {
    expect(nextLevel(2, false, activity(0, 0, 0), now)).toBe(2);
    expect(nextLevel(2, false, activity(100, 500, 100, true), now)).toBe(2);
    expect(nextLevel(1, false, activity(0, 0, 0), now)).toBe(1);
  });

  it('recent moderation stops promotion to level 2', () => {
    expect(nextLevel(1, false, activity(100, 500, 100, true), now)).toBe(1);
  });

  it('a level set by a moderator stays, up or down', () => {
    expect(nextLevel(0, true, activity(100, 500, 100), now)).toBe(0);
    expect(nextLevel(1, true, activity(100, 500, 100), now)).toBe(1);
    expect(nextLevel(2, true, activity(0, 0, 0), now)).toBe(2);
  });

  it('level 3 is only ever given by moderators and is kept', () => {
    expect(nextLevel(3, false, activity(0, 0, 0, true), now)).toBe(3);
    expect(nextLevel(2, false, activity(10_000, 100_000, 100_000), now)).toBe(2);
  });

  it('never goes down, and never above 2 unless it already was 3 (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<TrustLevel>(0, 1, 2, 3),
        fc.boolean(),
        fc.record({
          ageDays: fc.double({ min: -5, max: 5_000, noNaN: true }),
          topicsRead: fc.nat(100_000),
          visiblePosts: fc.nat(100_000),
          recentModeration: fc.boolean(),
        }),
        (current, locked, a) => {
          const next = nextLevel(current, locked, activity(a.ageDays, a.topicsRead, a.visiblePosts, a.recentModeration), now);
          expect(next).toBeGreaterThanOrEqual(current);
          if (current !== 3) expect(next).toBeLessThanOrEqual(2);
          if (locked) expect(next).toBe(current);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('progress', () => {
  it('shows what the next level asks for', () => {
    expect(progress(0, activity(0.5, 2, 0), now)).toEqual({ level: 1, topicsRead: 2, topicsReadNeeded: 5, daysNeeded: 1, posts: 0, postsNeeded: 0 });
    expect(progress(1, activity(10.2, 12, 3), now)).toEqual({ level: 2, topicsRead: 12, topicsReadNeeded: 30, daysNeeded: 4, posts: 3, postsNeeded: 5 });
  });

  it('days needed never go below zero', () => {
    expect(progress(1, activity(400, 12, 3), now)?.daysNeeded).toBe(0);
  });

  it('is null at level 2 and above', () => {
    expect(progress(2, activity(0, 0, 0), now)).toBeNull();
    expect(progress(3, activity(0, 0, 0), now)).toBeNull();
  });
});

describe('TRUST_LIMITS', () => {
  it('limits lift as the level rises', () => {
    const keys = ['postsPerDay', 'linksPerPost', 'imagesPerPost', 'mentionsPerPost'] as const;
    for (const key of keys) {
      const values = ([0, 1, 2, 3] as const).map((l) => TRUST_LIMITS[l][key]);
      expect([...values].sort((a, b) => a - b)).toEqual(values);
    }
    expect(TRUST_LIMITS[0].imagesPerPost).toBe(0);
  });
});
