import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { attendanceProof, meeting, meetingAttendance, supportGroup } from './tables.ts';

export type ProofRow = typeof attendanceProof.$inferSelect;
export type NewProof = Omit<typeof attendanceProof.$inferInsert, 'id' | 'createdAt' | 'revokedAt'>;

/** One attended meeting with what a proof may copy from it. The conference link and phone are never read. */
export interface AttendedRow {
  localDate: string;
  startsAt: Date;
  method: string;
  meetingName: string;
  groupName: string;
  timeZone: string;
  attendance: string;
  locationName: string;
  formattedAddress: string | null;
  approximateAddress: string;
}

const own = (userId: string, id: string) => and(eq(attendanceProof.id, id), eq(attendanceProof.userId, userId));

export const proofRepo = {
  /** The member's attendance with its local date in [from, to], in the order the meetings started. */
  async attendedBetween(db: Queryable, userId: string, from: string, to: string): Promise<AttendedRow[]> {
    return db
      .select({
        localDate: meetingAttendance.localDate,
        startsAt: meetingAttendance.startsAt,
        method: meetingAttendance.method,
        meetingName: meeting.name,
        groupName: supportGroup.name,
        timeZone: meeting.timeZone,
        attendance: meeting.attendance,
        locationName: meeting.locationName,
        formattedAddress: meeting.formattedAddress,
        approximateAddress: meeting.approximateAddress,
      })
      .from(meetingAttendance)
      .innerJoin(meeting, eq(meeting.id, meetingAttendance.meetingId))
      .innerJoin(supportGroup, eq(supportGroup.id, meeting.groupId))
      .where(and(eq(meetingAttendance.userId, userId), sql`${meetingAttendance.localDate} between ${from} and ${to}`))
      .orderBy(asc(meetingAttendance.startsAt), asc(meetingAttendance.meetingId));
  },

  async insert(db: Queryable, values: NewProof): Promise<ProofRow> {
    const [row] = await db.insert(attendanceProof).values(values).returning();
    return row!;
  },

  async listOwn(db: Queryable, userId: string): Promise<ProofRow[]> {
    return db.select().from(attendanceProof).where(eq(attendanceProof.userId, userId)).orderBy(desc(attendanceProof.createdAt), desc(attendanceProof.id));
  },

  async findOwn(db: Queryable, userId: string, id: string): Promise<ProofRow | undefined> {
    const [row] = await db.select().from(attendanceProof).where(own(userId, id));
    return row;
  },

  /** Revoking twice keeps the first time. False when the member has no such proof. */
  async revoke(db: Queryable, userId: string, id: string): Promise<boolean> {
    const rows = await db
      .update(attendanceProof)
      .set({ revokedAt: sql`coalesce(${attendanceProof.revokedAt}, now())` })
      .where(own(userId, id))
      .returning({ id: attendanceProof.id });
    return rows.length === 1;
  },

  /** A proof anyone may verify: issued and not revoked. */
  async findValidByCode(db: Queryable, code: string): Promise<ProofRow | undefined> {
    const [row] = await db
      .select()
      .from(attendanceProof)
      .where(and(eq(attendanceProof.code, code), isNull(attendanceProof.revokedAt)));
    return row;
  },
};
