// The journey benchmark's data: 10,000 members with 100 check-ins each (1,000,000 rows), a recovery date with two
// setbacks and the milestones on record for each, loaded inside PostgreSQL with generate_series; then the member the
// routes are measured as, and EXPLAIN ANALYZE of the queries those routes run.
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../src/server/db/schema.ts';
import type { Db } from '../src/server/db/client.ts';
import { checkInsRepo } from '../src/server/modules/journey/check-ins-repo.ts';
import { addDays, todayIn } from '../src/server/modules/journey/dates.ts';
import { sobrietyRepo } from '../src/server/modules/journey/sobriety-repo.ts';

export interface JourneyLoad {
  members: number;
  checkIns: number;
  tracks: number;
  periods: number;
  milestones: number;
  /** Inserting everything, in ms. */
  loadMs: number;
  /** Where the load time went: members, check-ins, recovery dates, milestones, commit. */
  stepsMs: Record<string, number>;
  /**
   * VACUUM ANALYZE of the loaded tables and a CHECKPOINT afterwards, in ms: the planner gets its statistics and the
   * autovacuum and checkpoint a million new rows would set off do not run during the measurement.
   */
  settleMs: number;
  /** check_in's size on disk with its indexes. */
  checkInBytes: number;
}

/** One query a measured route runs, as EXPLAIN ANALYZE saw it for the measured member. */
export interface QueryPlan {
  route: string;
  /** The query's first words, to tell them apart in the report. */
  query: string;
  executionMs: number;
  planningMs: number;
  /** Scans and joins, e.g. "Index Scan on check_in using check_in_user_date". */
  nodes: string[];
  /** A sequential scan on a table with more than a few thousand rows: a missing index. */
  seqScans: string[];
  /** The whole text plan, for the report's details. */
  text: string;
}

const GRATITUDE = ['A quiet morning.', 'My sister called.', 'Made it to the meeting.', 'Slept well.', 'A walk after work.', 'Coffee with a friend.', 'Paid a bill on time.', 'Cooked dinner.'];
const LABELS = ['alcohol', 'opioids', 'cannabis', 'gambling'];
const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Puerto_Rico'];

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Loads `members` members, each with `checkInsPerMember` daily check-ins ending within the last three weeks, one
 * recovery date with three periods (two setbacks) and the milestones each period reached. Ids come from
 * gen_random_uuid() (the app's own are UUIDv7: time-ordered), everything in one transaction.
 */
export async function loadJourneyData(url: string, opts: { members: number; checkInsPerMember: number }): Promise<JourneyLoad> {
  return withClient(url, async (client) => {
    const started = performance.now();
    const stepsMs: Record<string, number> = {};
    let mark = started;
    const step = (name: string) => {
      const t = performance.now();
      stepsMs[name] = t - mark;
      mark = t;
    };
    await client.query('begin');
    // Only the bench's own data: a crash loses nothing that matters, and the commit does not wait for the disk.
    await client.query('set local synchronous_commit = off');
    await client.query(`create temp table bench_member on commit drop as
      select i, gen_random_uuid() as id, gen_random_uuid() as track_id from generate_series(1, $1::int) i`, [opts.members]);
    await client.query(
      `insert into "user" (id, name, email, email_verified, locale, time_zone, created_at, updated_at)
       select id, 'Member ' || i, 'bench-member-' || i || '@bench.invalid', true,
              case when i % 3 = 0 then 'es' else 'en' end, ($1::text[])[1 + i % 5], now() - (i % 700) * interval '1 day', now()
         from bench_member`,
      [ZONES],
    );
    await client.query(`insert into user_role (user_id, role) select id, 'member' from bench_member`);
    step('members');
    // Mood and craving move together (craving high when mood is low); a trigger, a meeting or a gratitude line
    // on some days.
    const checkIns = await client.query(
      `insert into check_in (id, user_id, local_date, mood, craving, triggers, used, hours_slept, meetings, gratitude, created_at, updated_at)
       select gen_random_uuid(), m.id, current_date - (d + m.i % 21), v.mood, greatest(0, least(10, 10 - 2 * v.mood + (random() * 3)::int)),
              case when v.r < 0.3 then array['stress'] when v.r < 0.4 then array['loneliness', 'boredom'] else '{}'::text[] end,
              case when v.r > 0.995 then 'yes' when v.r > 0.99 then 'prefer_not_to_say' else 'no' end,
              case when v.r < 0.6 then 5 + (random() * 8)::int / 2.0 end,
              (v.r < 0.35)::int,
              case when v.r < 0.45 then ($2::text[])[1 + (random() * 7)::int] end,
              now() - d * interval '1 day', now() - d * interval '1 day'
         from bench_member m
        -- Lateral, so the rows come member by member and the (user_id, local_date) index is written in order
        -- without sorting a million rows; d in the subquery gives every row its own random values.
        cross join lateral generate_series(0, $1::int - 1 + 0 * m.i) d
        cross join lateral (select 1 + (random() * 4)::int + 0 * d as mood, random() + 0 * d as r) v`,
      [opts.checkInsPerMember, GRATITUDE],
    );
    step('check-ins');
    const tracks = await client.query(
      `insert into sobriety_track (id, user_id, label, announce_milestones, created_at)
       select track_id, id, ($1::text[])[1 + i % 4], case when i % 3 = 0 then 'yes' else 'no' end, now() - interval '400 days' from bench_member`,
      [LABELS],
    );
    // Three periods: started 400-700 days ago, a setback 100-150 days later, another 60-100 days after that.
    const periods = await client.query(
      `insert into sobriety_period (id, track_id, user_id, started_on, ended_on, setback_note, created_at)
       select gen_random_uuid(), m.track_id, m.id, p.started_on, p.ended_on, p.note, now()
         from bench_member m
        cross join lateral (select current_date - (400 + m.i % 300) as s1) a
        cross join lateral (select a.s1 + 100 + m.i % 50 as s2) b
        cross join lateral (select b.s2 + 60 + m.i % 40 as s3) c
        cross join lateral (values (a.s1, b.s2, 'A hard week. Starting again.'), (b.s2, c.s3, null), (c.s3, null::date, null)) p(started_on, ended_on, note)`,
    );
    step('recovery dates');
    const milestones = await client.query(
      `insert into milestone_reached (period_id, milestone, user_id, reached_on, created_at)
       select p.id, k.key, p.user_id, (p.started_on + k.span)::date, now()
         from sobriety_period p
         join bench_member m on m.id = p.user_id
        cross join (values ('1d', interval '1 day'), ('7d', interval '7 days'), ('30d', interval '30 days'), ('60d', interval '60 days'),
                           ('90d', interval '90 days'), ('6m', interval '6 months'), ('9m', interval '9 months'), ('1y', interval '12 months'),
                           ('18m', interval '18 months'), ('2y', interval '24 months')) k(key, span)
        where (p.started_on + k.span)::date <= coalesce(p.ended_on - 1, current_date)`,
    );
    step('milestones');
    await client.query('commit');
    step('commit');
    const loadMs = performance.now() - started;
    const settling = performance.now();
    await client.query('vacuum (analyze) "user", user_role, check_in, sobriety_track, sobriety_period, milestone_reached');
    await client.query('checkpoint');
    const settleMs = performance.now() - settling;
    const { rows } = await client.query<{ bytes: string }>(`select pg_total_relation_size('check_in') as bytes`);
    return {
      members: opts.members,
      checkIns: checkIns.rowCount ?? 0,
      tracks: tracks.rowCount ?? 0,
      periods: periods.rowCount ?? 0,
      milestones: milestones.rowCount ?? 0,
      loadMs,
      stepsMs,
      settleMs,
      checkInBytes: Number(rows[0]!.bytes),
    };
  });
}

/**
 * Makes the signed-up account a plain member in `timeZone` with a check-in on most of the last `days` days and a
 * recovery date with two setbacks. Returns its id and today's date in its zone.
 */
export async function prepareMeasuredMember(url: string, email: string, opts: { timeZone: string; days: number }) {
  const today = todayIn(opts.timeZone);
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ id: string }>(`select id from "user" where lower(email) = lower($1)`, [email]);
    const userId = rows[0]?.id;
    if (!userId) throw new Error(`no account ${email}`);
    await client.query('begin');
    await client.query(`update "user" set time_zone = $2 where id = $1`, [userId, opts.timeZone]);
    // `kindred admin create` makes a coordinator; the measured person is a member like the others.
    await client.query(`delete from user_role where user_id = $1 and role <> 'member'`, [userId]);
    await client.query(`insert into user_role (user_id, role) values ($1, 'member') on conflict do nothing`, [userId]);
    // Every one of the last 90 days (the measured range is full: the largest answer), gaps before that; the last
    // one today.
    await client.query(
      `insert into check_in (id, user_id, local_date, mood, craving, triggers, used, hours_slept, meetings, gratitude, notes)
       select gen_random_uuid(), $1, $2::date - d, 2 + d % 4, 8 - 2 * (d % 4), case when d % 3 = 0 then array['stress', 'tiredness'] else '{}' end,
              'no', 6.5 + (d % 3) / 2.0, (d % 2), ($4::text[])[1 + d % 8], case when d % 5 = 0 then 'Called my sponsor after work.' end
         from generate_series(0, $3::int - 1) d where d < 90 or d % 9 <> 8`,
      [userId, today, opts.days, GRATITUDE],
    );
    const trackId = (await client.query<{ id: string }>(`insert into sobriety_track (id, user_id, label, created_at) values (gen_random_uuid(), $1, 'alcohol', now() - interval '300 days') returning id`, [userId])).rows[0]!.id;
    const [s1, s2, s3] = [addDays(today, -300), addDays(today, -200), addDays(today, -95)];
    await client.query(
      `insert into sobriety_period (id, track_id, user_id, started_on, ended_on, setback_note) values
         (gen_random_uuid(), $1, $2, $3::date, $4::date, 'A wedding, and I thought one would be fine. Day one again.'),
         (gen_random_uuid(), $1, $2, $4::date, $5::date, null),
         (gen_random_uuid(), $1, $2, $5::date, null, null)`,
      [trackId, userId, s1, s2, s3],
    );
    await client.query('commit');
    const { rows: counted } = await client.query<{ n: number }>(`select count(*)::int as n from check_in where user_id = $1`, [userId]);
    return { userId, today, checkIns: counted[0]!.n, periods: 3 };
  });
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Plan Rows'?: number; Plans?: PlanNode[] };

function describeNodes(node: PlanNode, out: { nodes: string[]; seqScans: string[] }, tableRows: Map<string, number>) {
  const on = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
  const using = node['Index Name'] ? ` using ${node['Index Name']}` : '';
  if (/Scan|Join|Aggregate|Sort|WindowAgg/.test(node['Node Type'])) out.nodes.push(`${node['Node Type']}${on}${using}`);
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && (tableRows.get(node['Relation Name']) ?? 0) > 5000) {
    out.seqScans.push(`${node['Relation Name']} (${(tableRows.get(node['Relation Name']) ?? 0).toLocaleString('en-US')} rows)`);
  }
  for (const child of node.Plans ?? []) describeNodes(child, out, tableRows);
}

/**
 * Runs the repository functions behind the two routes for the measured member, records the SQL they send, and
 * EXPLAIN ANALYZEs each statement with its parameters. The services' memberClock reads the actor's cached profile,
 * so these are all the queries a request runs.
 */
export async function explainJourneyQueries(url: string, userId: string, range: { from: string; to: string; today: string }): Promise<QueryPlan[]> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const captured: Array<{ route: string; sql: string; params: unknown[] }> = [];
    let route = '';
    // Recorded at the pool: the hot paths send named statements straight to pg, past drizzle's logger.
    const send = pool.query.bind(pool) as (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
    pool.query = ((config: string | pg.QueryConfig, values?: unknown[]) => {
      const text = typeof config === 'string' ? config : config.text;
      captured.push({ route, sql: text, params: (typeof config === 'string' ? values : config.values) ?? [] });
      return typeof config === 'string' ? send(config, values) : send(config.text, config.values);
    }) as typeof pool.query;
    const db = drizzle(pool, { schema }) as Db;
    route = 'check-ins';
    await checkInsRepo.rangeWithStreak(db, userId, range.from, range.to, range.today);
    route = 'sobriety';
    await sobrietyRepo.tracksOf(db, userId);
    pool.query = send as typeof pool.query;

    const { rows: sizes } = await pool.query<{ relname: string; n: string }>(`select relname, n_live_tup as n from pg_stat_user_tables`);
    const tableRows = new Map(sizes.map((s) => [s.relname, Number(s.n)]));
    const plans: QueryPlan[] = [];
    for (const q of captured) {
      // Twice: the first run warms the cache, the second is the steady state the load test sees.
      await pool.query(`explain (analyze, buffers, format json) ${q.sql}`, q.params);
      const json = (await pool.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }> }>(`explain (analyze, buffers, format json) ${q.sql}`, q.params)).rows[0]!['QUERY PLAN'][0]!;
      const text = (await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${q.sql}`, q.params)).rows.map((r) => r['QUERY PLAN']).join('\n');
      const out = { nodes: [] as string[], seqScans: [] as string[] };
      describeNodes(json.Plan, out, tableRows);
      plans.push({
        route: q.route,
        query: q.sql.replace(/\s+/g, ' ').trim().slice(0, 90),
        executionMs: json['Execution Time'],
        planningMs: json['Planning Time'],
        nodes: out.nodes,
        seqScans: out.seqScans,
        text,
      });
    }
    return plans;
  } finally {
    await pool.end();
  }
}
