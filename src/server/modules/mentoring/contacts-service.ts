import type { z } from 'zod';
import type { contactBody, feedbackBody, feedbackSummary } from '../../../contracts/mentoring.ts';
import { type Actor, authorize, type Rule } from '../../access.ts';
import { AppError, notFound, validationFailed } from '../../http/errors.ts';
import type { ServiceContext } from '../context.ts';
import { addDays, startOfMonth } from '../journey/dates.ts';
import { memberClock } from '../journey/member-clock.ts';
import { notificationsRepo } from '../notifications/repo.ts';
import { mentoringPolicy } from './policy.ts';
import { presentContact } from './presenters.ts';
import { contactRepo, mentorshipRepo } from './repo.ts';
import { mentoringSettingsRepo } from './settings.ts';

type Summary = z.infer<typeof feedbackSummary>;

const asMentor: Rule<{ mentorId: string }> = (a, m) => a.userId === m.mentorId;
const asMentee: Rule<{ menteeId: string }> = (a, m) => a.userId === m.menteeId;

/** Contacts are logged while the relationship is under way (a pause is still a relationship). */
const LOGGING = new Set(['active', 'paused']);

/**
 * The mentor's contact log and the mentee's feedback on it, and the coordinators' feedback summary. What each
 * viewer reads of a contact is decided by presentContact (notes, rating).
 */
export function createContactsService(ctx: ServiceContext) {
  const { db } = ctx;

  async function relationship(actor: Actor | null, id: string, rule: Rule<{ mentorId: string; menteeId: string }>) {
    const a = authorize(actor);
    const m = await mentorshipRepo.byId(db, id);
    if (!m) throw notFound();
    authorize(a, rule, m);
    return { a, m };
  }

  const settings = () => mentoringSettingsRepo.get(db);

  return {
    /** The relationship's contacts, newest first: its two people and coordinators. */
    async list(actor: Actor | null, mentorshipId: string) {
      const { a, m } = await relationship(actor, mentorshipId, mentoringPolicy.seeMentorship);
      const [rows, { coordinatorsSeeNotes }] = await Promise.all([contactRepo.list(db, m.id), settings()]);
      return { contacts: rows.map((c) => presentContact(c, a, m, { coordinatorsSeeNotes })), notesVisibleToCoordinators: coordinatorsSeeNotes };
    },

    /** The mentor logs a contact (not in the future, in the mentor's calendar, a day of slack for travel); the mentee is told. */
    async log(actor: Actor | null, mentorshipId: string, body: z.output<typeof contactBody>) {
      const { a, m } = await relationship(actor, mentorshipId, asMentor);
      if (!LOGGING.has(m.status)) throw new AppError('conflict', 'mentoringNotActive');
      const { today } = await memberClock(db, a);
      if (body.date > addDays(today, 1)) throw validationFailed({ date: 'dateInFuture' });
      const row = await db.transaction(async (tx) => {
        const saved = await contactRepo.insert(tx, {
          mentorshipId: m.id,
          mentorId: m.mentorId,
          date: body.date,
          durationMinutes: body.durationMinutes,
          mode: body.mode,
          topics: body.topics,
          topicsOther: body.topicsOther || null,
          notes: body.notes || null,
          nextStep: body.nextStep || null,
        });
        await notificationsRepo.add(tx, { userId: m.menteeId, kind: 'mentoring.contact_logged', subjectId: m.id, actorId: a.userId });
        return saved;
      });
      return presentContact(row, a, m, { coordinatorsSeeNotes: false });
    },

    /** The mentee rates a contact once (409 the second time); unsigned unless they choose to sign it. */
    async rate(actor: Actor | null, mentorshipId: string, contactId: string, body: z.output<typeof feedbackBody>) {
      const { a, m } = await relationship(actor, mentorshipId, asMentee);
      const c = await contactRepo.byId(db, m.id, contactId);
      if (!c) throw notFound();
      const added = await contactRepo.addFeedback(db, { contactId: c.id, mentorId: m.mentorId, rating: body.rating, comment: body.comment || null, signed: body.signed });
      if (!added) throw new AppError('conflict', 'mentoringFeedbackGiven');
      return presentContact((await contactRepo.byId(db, m.id, contactId))!, a, m, { coordinatorsSeeNotes: false });
    },

    /**
     * Per mentor: how many ratings, the average, the distribution, and the comments. A comment carries the mentee's
     * name only where they signed it, and only the month it was given (a day would point at one contact, and so at
     * one mentee).
     */
    async summary(actor: Actor | null): Promise<Summary> {
      authorize(actor, mentoringPolicy.coordinate, undefined);
      const ratings = await contactRepo.ratings(db);
      const names = await contactRepo.mentorNames(db, [...new Set(ratings.map((r) => r.mentorId))]);
      const byMentor = new Map<string, Summary['mentors'][number]>(
        names.map((n) => [n.id, { mentorId: n.id, displayName: n.name, ratings: 0, average: null, distribution: [0, 0, 0, 0, 0], comments: [] }]),
      );
      const totals = new Map<string, number>();
      for (const r of ratings) {
        const entry = byMentor.get(r.mentorId);
        if (!entry) continue;
        entry.ratings++;
        entry.distribution[r.rating - 1]!++;
        totals.set(r.mentorId, (totals.get(r.mentorId) ?? 0) + r.rating);
        if (r.comment) entry.comments.push({ rating: r.rating, comment: r.comment, date: startOfMonth(r.createdAt.toISOString().slice(0, 10)), signedBy: r.signed ? r.signedBy : null });
      }
      for (const entry of byMentor.values()) {
        if (entry.ratings) entry.average = Math.round(((totals.get(entry.mentorId) ?? 0) / entry.ratings) * 100) / 100;
      }
      return { mentors: [...byMentor.values()] };
    },
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
