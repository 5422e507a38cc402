import crypto from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { newId } from '../db/ids.ts';
import { executePrepared } from '../db/prepared.ts';
import { Batcher } from '../db/batcher.ts';
import type { Db } from '../db/client.ts';
import { rateEvent } from '../modules/instance/tables.ts';
import { rateLimited } from './errors.ts';

export interface RateRule {
  bucket: string;
  max: number;
  windowSeconds: number;
}

/** The limits Kindred enforces. Counted in PostgreSQL so they hold across server instances and restarts. */
export const rateRules = {
  signInFailuresPerAccount: { bucket: 'sign_in_fail_account', max: 10, windowSeconds: 15 * 60 },
  signInFailuresPerIp: { bucket: 'sign_in_fail_ip', max: 10, windowSeconds: 15 * 60 },
  signUpPerIp: { bucket: 'sign_up_ip', max: 10, windowSeconds: 60 * 60 },
  resetRequestsPerIp: { bucket: 'reset_ip', max: 5, windowSeconds: 15 * 60 },
  verificationMailPerIp: { bucket: 'verify_mail_ip', max: 5, windowSeconds: 15 * 60 },
  verificationMailPerAccount: { bucket: 'verify_mail_account', max: 3, windowSeconds: 60 * 60 },
  setupPerIp: { bucket: 'setup_ip', max: 10, windowSeconds: 15 * 60 },
  proofIssuePerAccount: { bucket: 'proof_issue_account', max: 20, windowSeconds: 24 * 60 * 60 },
  // Unknown or revoked verification codes: stops guessing without slowing an office that checks many records.
  proofLookupMissesPerIp: { bucket: 'proof_lookup_miss_ip', max: 30, windowSeconds: 10 * 60 },
  // Tips, reviews, suggested entries and strategies from one member, all waiting for the same few reviewers.
  resourceContributionsPerAccount: { bucket: 'resource_contribution_account', max: 30, windowSeconds: 24 * 60 * 60 },
} as const satisfies Record<string, RateRule>;

/** One attempt to count: the rule and the keyed hash of its key. */
export interface Attempt {
  rule: RateRule;
  keyHash: string;
}

/** How much of its window an attempt's key `i` (bucket, key_hash, secs) has used, as `w`, in a batched statement. */
const usedInWindow = sql`lateral (
  select count(*)::int as used, min(r.created_at) as oldest from rate_event r
  where r.bucket = i.bucket and r.key_hash = i.key_hash and r.created_at > now() - make_interval(secs => i.secs)) w`;

export interface Window {
  used: number;
  oldest: Date | null;
}
/** A window as a statement answers it (`used`, `oldest`), also for limits counted elsewhere (a sender's messages). */
export const windowOf = (r: { used: number; oldest: Date | string | null }): Window => ({ used: r.used, oldest: r.oldest === null ? null : new Date(r.oldest) });

/**
 * 429 with Retry-After (when the oldest attempt leaves the window) once the window is used up. Also for limits
 * counted from the records they limit (a sender's messages: messaging's send).
 */
export function refuseWhenUsedUp(rule: Pick<RateRule, 'max' | 'windowSeconds'>, { used, oldest }: Window) {
  if (used >= rule.max && oldest) throw rateLimited((oldest.getTime() + rule.windowSeconds * 1000 - Date.now()) / 1000);
}

export class RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly secret: string,
  ) {}

  /** Keys are keyed hashes: the table never holds an IP address or an email address. */
  private hash(key: string): string {
    return crypto.createHmac('sha256', this.secret).update(key).digest('base64url');
  }

  /**
   * Throws 429 with Retry-After when the key has used up its window. Records nothing. Checks arriving together are
   * read in one statement (a send checks its sender's window on every message).
   */
  async check(rule: RateRule, key: string): Promise<void> {
    refuseWhenUsedUp(rule, await this.checks.submit(this.attempt(rule, key)));
  }

  /** The row an attempt is counted as, for a statement that records it with what it allows (a message's append). */
  attempt(rule: RateRule, key: string): Attempt {
    return { rule, keyHash: this.hash(key) };
  }

  private readonly checks = new Batcher((items: Attempt[]) => this.usedMany(items), { max: 64, concurrency: 2 });

  private async usedMany(items: Attempt[]): Promise<Window[]> {
    const col = <T>(f: (a: Attempt) => T) => sql.param(items.map(f));
    const res = await executePrepared<{ used: number; oldest: Date | string | null }>(this.db, 'rate_used', sql`
      select w.used, w.oldest
      from unnest(${col((a) => a.rule.bucket)}::text[], ${col((a) => a.keyHash)}::text[], ${col((a) => a.rule.windowSeconds)}::int[])
        with ordinality as i(bucket, key_hash, secs, n), ${usedInWindow}
      order by i.n`);
    return res.rows.map(windowOf);
  }

  async record(rule: RateRule, key: string): Promise<void> {
    await this.db.insert(rateEvent).values({ bucket: rule.bucket, keyHash: this.hash(key) });
  }

  /**
   * Counts the attempt and refuses it once the window is used up. The attempt is recorded only when the window still
   * had room. Attempts arriving together are counted in one statement. (Messages are counted from the message table
   * instead: a sender's messages in the window are the attempts.)
   */
  async consume(rule: RateRule, key: string): Promise<void> {
    refuseWhenUsedUp(rule, await this.consumes.submit(this.attempt(rule, key)));
  }

  private readonly consumes = new Batcher((items: Attempt[]) => this.consumeMany(items), {
    max: 64,
    concurrency: 2,
    // Two attempts on one key in one statement would not count each other.
    key: (a) => `${a.rule.bucket}:${a.keyHash}`,
  });

  private async consumeMany(items: Attempt[]): Promise<Window[]> {
    const col = <T>(f: (a: Attempt) => T) => sql.param(items.map(f));
    const res = await executePrepared<{ n: number; used: number; oldest: Date | string | null }>(this.db, 'rate_consume', sql`
      with input as (
        select * from unnest(${col(() => newId())}::uuid[], ${col((a) => a.rule.bucket)}::text[], ${col((a) => a.keyHash)}::text[],
          ${col((a) => a.rule.max)}::int[], ${col((a) => a.rule.windowSeconds)}::int[]) with ordinality as t(id, bucket, key_hash, max, secs, n)
      ),
      used as (
        select i.*, w.used, w.oldest from input i, ${usedInWindow}
      ),
      counted as (insert into rate_event (id, bucket, key_hash) select id, bucket, key_hash from used where used.used < used.max)
      select n::int, used.used, used.oldest from used order by n`);
    return res.rows.map(windowOf);
  }

  async clear(rule: RateRule, key: string): Promise<void> {
    await this.db.delete(rateEvent).where(and(eq(rateEvent.bucket, rule.bucket), eq(rateEvent.keyHash, this.hash(key))));
  }

  /** Drops events older than the longest window (run by the maintenance job). */
  async prune(): Promise<number> {
    const longest = Math.max(...Object.values(rateRules).map((r) => r.windowSeconds));
    const res = await this.db.delete(rateEvent).where(lt(rateEvent.createdAt, new Date(Date.now() - longest * 1000)));
    return res.rowCount ?? 0;
  }
}
