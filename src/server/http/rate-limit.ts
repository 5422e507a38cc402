import crypto from 'node:crypto';
import { and, count, eq, gt, lt, min, sql } from 'drizzle-orm';
import { newId } from '../db/ids.ts';
import { executePrepared } from '../db/prepared.ts';
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

export class RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly secret: string,
  ) {}

  /** Keys are keyed hashes: the table never holds an IP address or an email address. */
  private hash(key: string): string {
    return crypto.createHmac('sha256', this.secret).update(key).digest('base64url');
  }

  /** Throws 429 with Retry-After when the key has used up its window. */
  async check(rule: RateRule, key: string): Promise<void> {
    const since = new Date(Date.now() - rule.windowSeconds * 1000);
    const [row] = await this.db
      .select({ n: count(), oldest: min(rateEvent.createdAt) })
      .from(rateEvent)
      .where(and(eq(rateEvent.bucket, rule.bucket), eq(rateEvent.keyHash, this.hash(key)), gt(rateEvent.createdAt, since)));
    if (row && row.n >= rule.max && row.oldest) {
      const oldest = new Date(row.oldest).getTime();
      throw rateLimited((oldest + rule.windowSeconds * 1000 - Date.now()) / 1000);
    }
  }

  async record(rule: RateRule, key: string): Promise<void> {
    await this.db.insert(rateEvent).values({ bucket: rule.bucket, keyHash: this.hash(key) });
  }

  /**
   * Counts the attempt and refuses it once the window is used up, in one statement (it runs on every message sent):
   * the attempt is recorded only when the window still had room.
   */
  async consume(rule: RateRule, key: string): Promise<void> {
    const keyHash = this.hash(key);
    const res = await executePrepared<{ n: number; oldest: Date | string | null }>(this.db, 'rate_consume', sql`
      with used as (
        select count(*)::int as n, min(created_at) as oldest from rate_event
        where bucket = ${rule.bucket} and key_hash = ${keyHash} and created_at > now() - make_interval(secs => ${rule.windowSeconds})
      ),
      counted as (
        insert into rate_event (id, bucket, key_hash) select ${newId()}, ${rule.bucket}, ${keyHash} from used where used.n < ${rule.max}::int
      )
      select n, oldest from used`);
    const { n, oldest } = res.rows[0]!;
    if (n >= rule.max && oldest) throw rateLimited((new Date(oldest).getTime() + rule.windowSeconds * 1000 - Date.now()) / 1000);
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
