import type { z } from 'zod';
import type { reportMessageBody, resolveReportBody } from '../../../contracts/messaging.ts';
import { type Actor, authorize } from '../../access.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { openConversation } from './conversation-gate.ts';
import { createMessageWrites } from './message-writes.ts';
import { messagesRepo } from './messages-repo.ts';
import { isModerator } from './policy.ts';
import { type ReportRow, reportsRepo } from './reports-repo.ts';

/** Messages on each side of a reported one that go with it to the moderators. */
export const REPORT_CONTEXT = 5;
const NOBODY = '00000000-0000-0000-0000-000000000000';

const summary = (r: ReportRow) => ({
  id: r.id,
  reason: r.reason as z.infer<typeof reportMessageBody>['reason'],
  status: r.status,
  reportedAt: r.createdAt.toISOString(),
  sender: { id: r.senderId ?? NOBODY, displayName: r.senderName ?? '' },
});

const detail = (r: ReportRow) => ({
  report: summary(r),
  note: r.note,
  reporter: { id: r.reporterId ?? NOBODY, displayName: r.reporterName ?? '' },
  context: r.context.map((l) => ({ seq: l.seq, sender: { id: l.senderId ?? NOBODY, displayName: l.senderName }, body: l.body, createdAt: l.createdAt, reported: l.reported })),
  resolution: r.resolution,
  resolutionNote: r.resolutionNote,
});

/**
 * Reports of messages (docs/messaging.md). The reporter sends a copy of the message and up to five messages on
 * each side, taken now, so a later edit or deletion cannot hide it; moderators read that copy and nothing else of
 * the conversation, and every reading is in the audit log (ids only).
 */
export function createReportsService(ctx: ServiceContext) {
  const { db } = ctx;
  const writes = createMessageWrites(ctx);

  return {
    async report(actor: Actor | null, messageId: string, body: z.output<typeof reportMessageBody>) {
      const a = authorize(actor);
      const row = await messagesRepo.find(db, messageId);
      if (!row) throw notFound();
      const view = await openConversation(db, a.userId, row.conversationId, { light: true });
      // One's own words are not reported; they are deleted.
      if (row.senderId === a.userId) throw notFound();
      if (row.deletedAt) throw new AppError('conflict', 'messagingMessageDeleted');
      if (await reportsRepo.openBy(db, messageId, a.userId)) throw new AppError('conflict', 'messagingAlreadyReported');
      const lines = await reportsRepo.around(db, row.conversationId, row.seq, REPORT_CONTEXT, view.kind === 'group' ? a.userId : null);
      const context = lines.map((l) => ({ seq: l.seq, senderId: l.senderId, senderName: l.senderName ?? '', body: l.body, createdAt: l.createdAt.toISOString(), reported: l.seq === row.seq }));
      const id = await db.transaction(async (tx) => {
        const inserted = await reportsRepo.insert(tx, { messageId, conversationId: row.conversationId, reporterId: a.userId, senderId: row.senderId, reason: body.reason, note: body.note, context });
        if (!inserted) throw new AppError('conflict', 'messagingAlreadyReported');
        await auditRepo.record(tx, { actorId: a.userId, action: 'messaging.message_reported', subjectId: row.senderId, details: { reportId: inserted, messageId } });
        return inserted;
      });
      return { id };
    },

    async list(actor: Actor | null, status: 'open' | 'resolved') {
      authorize(actor, isModerator, undefined);
      return { reports: (await reportsRepo.list(db, status, 200)).map(summary) };
    },

    async detail(actor: Actor | null, id: string) {
      const a = authorize(actor, isModerator, undefined);
      const report = await reportsRepo.find(db, id);
      if (!report) throw notFound();
      await auditRepo.record(db, { actorId: a.userId, action: 'messaging.report_viewed', subjectId: report.senderId, details: { reportId: id } });
      return detail(report);
    },

    /** `message_removed` deletes the message as the moderator: it shows as deleted to everyone in the conversation. */
    async resolve(actor: Actor | null, id: string, body: z.output<typeof resolveReportBody>) {
      const a = authorize(actor, isModerator, undefined);
      await db.transaction(async (tx) => {
        const report = await reportsRepo.find(tx, id, true);
        if (!report) throw notFound();
        if (report.status === 'resolved') throw new AppError('conflict', 'messagingReportResolved');
        await reportsRepo.resolve(tx, id, { by: a.userId, resolution: body.resolution, note: body.note });
        if (body.resolution === 'message_removed' && report.messageId) {
          const locked = await messagesRepo.lock(tx, report.messageId);
          if (locked && !locked.deleted) {
            await messagesRepo.remove(tx, report.messageId, 'moderator');
            await writes.announce(tx, 'message.updated', { conversationId: report.conversationId!, id: report.messageId, seq: locked.seq, senderId: locked.senderId ?? NOBODY });
          }
        }
        await auditRepo.record(tx, { actorId: a.userId, action: 'messaging.report_resolved', subjectId: report.senderId, details: { reportId: id, resolution: body.resolution } });
      });
      const report = (await reportsRepo.find(db, id))!;
      return detail(report);
    },
  };
}

