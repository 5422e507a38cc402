import { stringify } from 'csv-stringify/sync';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { EXPORT_SECTIONS, journeyExport } from '../../../contracts/journey.ts';
import { type Actor, authorize } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import type { ServiceContext } from '../context.ts';
import { attendanceProof, meeting, meetingAttendance, meetingRsvp, supportGroup } from '../meetings/tables.ts';
import { presentCheckIn } from './check-ins-service.ts';
import { memberClock } from './member-clock.ts';
import { plansRepo } from './plans-repo.ts';
import { presentSafetyPlan } from './plans-service.ts';
import { sharingRepo } from './sharing-repo.ts';
import { checkIn, goal, goalEntry, milestoneReached, recoveryProfile, sobrietyPeriod, sobrietyTrack, stageAssessment } from './tables.ts';

/**
 * The member's download of everything in their journey: one JSON document, or one CSV per section. Archived goals
 * and tracks are included; nothing is computed that the member could not recompute from the rows.
 */

type JourneyExport = z.infer<typeof journeyExport>;
type Meetings = JourneyExport['meetings'];
export type ExportSection = (typeof EXPORT_SECTIONS)[number];
type Cell = string | number | null;

/** SQL for the export: every journey row of one member, archived ones included. */
const exportRepo = {
  profile: async (db: Queryable, userId: string) => (await db.select().from(recoveryProfile).where(eq(recoveryProfile.userId, userId)))[0],
  stages: (db: Queryable, userId: string) =>
    db.select().from(stageAssessment).where(eq(stageAssessment.userId, userId)).orderBy(asc(stageAssessment.assessedAt), asc(stageAssessment.id)),
  tracks: (db: Queryable, userId: string) =>
    db.select().from(sobrietyTrack).where(eq(sobrietyTrack.userId, userId)).orderBy(asc(sobrietyTrack.createdAt), asc(sobrietyTrack.id)),
  periods: (db: Queryable, userId: string) =>
    db.select().from(sobrietyPeriod).where(eq(sobrietyPeriod.userId, userId)).orderBy(asc(sobrietyPeriod.startedOn), asc(sobrietyPeriod.createdAt)),
  milestones: (db: Queryable, userId: string) =>
    db.select().from(milestoneReached).where(eq(milestoneReached.userId, userId)).orderBy(asc(milestoneReached.reachedOn)),
  checkIns: (db: Queryable, userId: string) => db.select().from(checkIn).where(eq(checkIn.userId, userId)).orderBy(asc(checkIn.localDate)),
  goals: (db: Queryable, userId: string) => db.select().from(goal).where(eq(goal.userId, userId)).orderBy(asc(goal.createdAt), asc(goal.id)),
  entries: (db: Queryable, userId: string) =>
    db.select().from(goalEntry).where(eq(goalEntry.userId, userId)).orderBy(asc(goalEntry.localDate), asc(goalEntry.createdAt)),
  // Meetings and groups archived since are included: the member was there all the same.
  attendance: (db: Queryable, userId: string) =>
    db
      .select({
        date: meetingAttendance.localDate,
        startsAt: meetingAttendance.startsAt,
        meeting: meeting.name,
        group: supportGroup.name,
        timeZone: meeting.timeZone,
        attendance: meeting.attendance,
        method: meetingAttendance.method,
        recordedAt: meetingAttendance.recordedAt,
      })
      .from(meetingAttendance)
      .innerJoin(meeting, eq(meeting.id, meetingAttendance.meetingId))
      .innerJoin(supportGroup, eq(supportGroup.id, meeting.groupId))
      .where(eq(meetingAttendance.userId, userId))
      .orderBy(asc(meetingAttendance.startsAt), asc(meetingAttendance.id)),
  rsvps: (db: Queryable, userId: string) =>
    db
      .select({ date: meetingRsvp.localDate, meeting: meeting.name, group: supportGroup.name, createdAt: meetingRsvp.createdAt })
      .from(meetingRsvp)
      .innerJoin(meeting, eq(meeting.id, meetingRsvp.meetingId))
      .innerJoin(supportGroup, eq(supportGroup.id, meeting.groupId))
      .where(eq(meetingRsvp.userId, userId))
      .orderBy(asc(meetingRsvp.localDate), asc(meeting.name)),
  proofs: (db: Queryable, userId: string) =>
    db.select().from(attendanceProof).where(eq(attendanceProof.userId, userId)).orderBy(asc(attendanceProof.createdAt), asc(attendanceProof.id)),
};

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula: a leading quote
 * keeps it text (CSV formula injection).
 */
export function neutralizeFormula(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180 CSV with a header row; a byte-order mark so spreadsheets read accents right. With CRLF rows the library
 * quotes only fields holding CRLF, so any line break in a field is matched explicitly.
 */
export function toCsv(columns: string[], rows: Cell[][]): string {
  return stringify(
    rows.map((row) => row.map(neutralizeFormula)),
    { header: true, columns, bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function createJourneyExport(ctx: ServiceContext) {
  const { db } = ctx;

  async function gather(userId: string, timeZone: string): Promise<JourneyExport> {
    const [profile, stages, tracks, periods, milestones, checkIns, goals, entries, strategies, plan, consents, attendance, rsvps, proofs] = await Promise.all([
      exportRepo.profile(db, userId),
      exportRepo.stages(db, userId),
      exportRepo.tracks(db, userId),
      exportRepo.periods(db, userId),
      exportRepo.milestones(db, userId),
      exportRepo.checkIns(db, userId),
      exportRepo.goals(db, userId),
      exportRepo.entries(db, userId),
      plansRepo.strategies.list(db, userId),
      plansRepo.safetyPlan.find(db, userId),
      sharingRepo.consentsOf(db, userId),
      exportRepo.attendance(db, userId),
      exportRepo.rsvps(db, userId),
      exportRepo.proofs(db, userId),
    ]);
    const periodTrack = new Map(periods.map((p) => [p.id, p.trackId]));
    return {
      exportedAt: new Date().toISOString(),
      timeZone,
      profile: profile
        ? { pathways: profile.pathways, recoveringFrom: profile.recoveringFrom, languages: profile.languages, updatedAt: profile.updatedAt.toISOString() }
        : null,
      stageHistory: stages.map((s) => ({ stage: s.stage, assessedAt: s.assessedAt.toISOString() })),
      tracks: tracks.map((t) => ({
        id: t.id,
        label: t.label,
        announceMilestones: t.announceMilestones === 'yes',
        createdAt: t.createdAt.toISOString(),
        archivedAt: iso(t.archivedAt),
        periods: periods.filter((p) => p.trackId === t.id).map((p) => ({ startedOn: p.startedOn, endedOn: p.endedOn, setbackNote: p.setbackNote })),
        milestones: milestones.filter((m) => periodTrack.get(m.periodId) === t.id).map((m) => ({ milestone: m.milestone, reachedOn: m.reachedOn })),
      })),
      checkIns: checkIns.map(presentCheckIn),
      goals: goals.map((g) => ({
        id: g.id,
        title: g.title,
        measure: g.measure,
        target: g.target,
        period: g.period,
        createdAt: g.createdAt.toISOString(),
        archivedAt: iso(g.archivedAt),
        entries: entries.filter((e) => e.goalId === g.id).map((e) => ({ date: e.localDate, amount: e.amount, createdAt: e.createdAt.toISOString() })),
      })),
      copingStrategies: strategies,
      safetyPlan: presentSafetyPlan(plan),
      consents: consents.map((c) => ({
        category: c.category as JourneyExport['consents'][number]['category'],
        grantee: 'mentor' as const,
        grantedAt: c.grantedAt.toISOString(),
        revokedAt: iso(c.revokedAt),
      })),
      meetings: {
        attendance: attendance.map((r) => ({
          ...r,
          startsAt: r.startsAt.toISOString(),
          attendance: r.attendance as Meetings['attendance'][number]['attendance'],
          method: r.method as Meetings['attendance'][number]['method'],
          recordedAt: r.recordedAt.toISOString(),
        })),
        rsvps: rsvps.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
        // The entries copied into each proof are left out: they are the attendance rows above.
        proofs: proofs.map((p) => ({
          code: p.code,
          from: p.fromDate,
          to: p.toDate,
          holderName: p.holderName,
          includeMeetingNames: p.includeMeetingNames,
          includeLocations: p.includeLocations,
          createdAt: p.createdAt.toISOString(),
          revokedAt: iso(p.revokedAt),
        })),
      },
    };
  }

  /** One table of the export as CSV rows. */
  function csvOf(section: ExportSection, data: JourneyExport): { columns: string[]; rows: Cell[][] } {
    switch (section) {
      case 'check_ins':
        return {
          columns: ['date', 'mood', 'craving', 'triggers', 'trigger_note', 'used', 'hours_slept', 'meetings', 'gratitude', 'notes'],
          rows: data.checkIns.map((c) => [c.date, c.mood, c.craving, c.triggers.join(';'), c.triggerNote, c.used, c.hoursSlept, c.meetings, c.gratitude, c.notes]),
        };
      case 'sobriety':
        return {
          columns: ['track', 'started_on', 'ended_on', 'setback_note', 'track_archived_at'],
          rows: data.tracks.flatMap((t) => t.periods.map((p) => [t.label, p.startedOn, p.endedOn, p.setbackNote, t.archivedAt])),
        };
      case 'goals':
        // One row per entry; a goal without entries still has its row.
        return {
          columns: ['goal', 'measure', 'target', 'period', 'created_at', 'archived_at', 'entry_date', 'entry_amount'],
          rows: data.goals.flatMap((g) => {
            const base: Cell[] = [g.title, g.measure, g.target, g.period, g.createdAt, g.archivedAt];
            return g.entries.length ? g.entries.map((e) => [...base, e.date, e.amount]) : [[...base, null, null]];
          }),
        };
      case 'coping_strategies':
        return {
          columns: ['position', 'title', 'steps'],
          rows: data.copingStrategies.map((s, i) => [i + 1, s.title, s.steps.join('\n')]),
        };
      case 'meetings':
        return {
          columns: ['date', 'starts_at', 'meeting', 'group', 'time_zone', 'attendance', 'method', 'recorded_at'],
          rows: data.meetings.attendance.map((a) => [a.date, a.startsAt, a.meeting, a.group, a.timeZone, a.attendance, a.method, a.recordedAt]),
        };
    }
  }

  return {
    async json(actor: Actor | null): Promise<{ filename: string; body: JourneyExport }> {
      const a = authorize(actor);
      const { timeZone, today } = await memberClock(db, a);
      return { filename: `kindred-journey-${today}.json`, body: await gather(a.userId, timeZone) };
    },

    async csv(actor: Actor | null, section: ExportSection): Promise<{ filename: string; body: string }> {
      const a = authorize(actor);
      const { timeZone, today } = await memberClock(db, a);
      const { columns, rows } = csvOf(section, await gather(a.userId, timeZone));
      return { filename: `kindred-${section.replaceAll('_', '-')}-${today}.csv`, body: toCsv(columns, rows) };
    },
  };
}

export type JourneyExportService = ReturnType<typeof createJourneyExport>;
