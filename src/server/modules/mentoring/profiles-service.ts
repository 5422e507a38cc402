import type { z } from 'zod';
import type { MentorProfile, mentorAdminBody, mentorProfileBody } from '../../../contracts/mentoring.ts';
import { type Actor, authorize } from '../../access.ts';
import { notFound } from '../../http/errors.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { type MentorFacts, mentorAvailable } from './matching.ts';
import { effectiveCapacity, mentoringPolicy } from './policy.ts';
import { type ProfileRow, profilesRepo } from './profiles-repo.ts';
import { mentoringSettingsRepo } from './settings.ts';

/** What the matching rules read from a profile row. */
export const mentorFacts = (r: ProfileRow): MentorFacts => ({
  userId: r.userId,
  isPeerSupporter: r.isPeerSupporter,
  pathways: r.pathways,
  languages: r.languages,
  gender: r.gender,
  timeZone: r.timeZone,
  availability: r.availability,
  contactModes: r.contactModes,
  capacity: r.capacity,
  capacityCap: r.capacityCap,
  accepting: r.accepting,
  certified: r.certified,
  open: r.open,
});

/**
 * A profile as its owner and coordinators see it. `activeMentees` counts every relationship holding a place
 * (requested, accepted, active, paused), so free places are capacity minus it.
 */
export function presentProfile(r: ProfileRow, requireCertification: boolean): MentorProfile {
  return {
    userId: r.userId,
    displayName: r.displayName,
    summary: r.summary,
    pathways: r.pathways as MentorProfile['pathways'],
    languages: r.languages,
    gender: r.gender as MentorProfile['gender'],
    genderDescription: r.genderDescription,
    ageBand: r.ageBand as MentorProfile['ageBand'],
    timeZone: r.timeZone,
    availability: r.availability,
    contactModes: r.contactModes as MentorProfile['contactModes'],
    capacity: r.capacity,
    capacityCap: r.capacityCap,
    activeMentees: r.open,
    accepting: r.accepting,
    certified: r.certified,
    available: r.isPeerSupporter && mentorAvailable(r, requireCertification),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Mentor profiles: the peer supporter's own, and the coordinators' view and part (certification, cap). */
export function createProfilesService(ctx: ServiceContext) {
  const { db } = ctx;

  const present = async (row: ProfileRow) => presentProfile(row, (await mentoringSettingsRepo.get(db)).requireCertification);

  return {
    async mine(actor: Actor | null): Promise<MentorProfile> {
      const a = authorize(actor, mentoringPolicy.mentor, undefined);
      const row = await profilesRepo.find(db, a.userId);
      if (!row) throw notFound();
      return present(row);
    },

    async save(actor: Actor | null, body: z.output<typeof mentorProfileBody>): Promise<MentorProfile> {
      const a = authorize(actor, mentoringPolicy.mentor, undefined);
      await profilesRepo.save(db, a.userId, { ...body, genderDescription: body.genderDescription || null });
      return present((await profilesRepo.find(db, a.userId))!);
    },

    async list(actor: Actor | null): Promise<{ mentors: MentorProfile[] }> {
      authorize(actor, mentoringPolicy.coordinate, undefined);
      const { requireCertification } = await mentoringSettingsRepo.get(db);
      return { mentors: (await profilesRepo.list(db)).map((r) => presentProfile(r, requireCertification)) };
    },

    /** Certification and the cap on capacity; audited with the values before and after. */
    async administer(actor: Actor | null, mentorId: string, body: z.output<typeof mentorAdminBody>): Promise<MentorProfile> {
      const a = authorize(actor, mentoringPolicy.coordinate, undefined);
      return db.transaction(async (tx) => {
        if (!(await profilesRepo.lock(tx, mentorId))) throw notFound();
        const before = (await profilesRepo.find(tx, mentorId))!;
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        const values: Parameters<typeof profilesRepo.updateAdmin>[2] = {};
        if (body.certified !== undefined && body.certified !== before.certified) {
          changes.certified = { from: before.certified, to: body.certified };
          Object.assign(values, body.certified ? { certified: true, certifiedBy: a.userId, certifiedAt: new Date() } : { certified: false, certifiedBy: null, certifiedAt: null });
        }
        if (body.capacityCap !== undefined && body.capacityCap !== before.capacityCap) {
          changes.capacityCap = { from: before.capacityCap, to: body.capacityCap };
          values.capacityCap = body.capacityCap;
        }
        if (Object.keys(changes).length) {
          await profilesRepo.updateAdmin(tx, mentorId, values);
          await auditRepo.record(tx, {
            actorId: a.userId,
            action: 'mentoring.mentor_changed',
            subjectId: mentorId,
            details: { ...changes, effectiveCapacity: effectiveCapacity({ capacity: before.capacity, capacityCap: values.capacityCap !== undefined ? values.capacityCap : before.capacityCap }) },
          });
        }
        return presentProfile((await profilesRepo.find(tx, mentorId))!, (await mentoringSettingsRepo.get(tx)).requireCertification);
      });
    },
  };
}
