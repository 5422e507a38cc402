import { listOutbox } from '../../server/mail/mailer.ts';
import { withDatabase } from '../database.ts';
import { UsageError } from '../errors.ts';

export async function outbox(opts: { limit: string }) {
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit must be a whole number from 1 to 500');
  const mails = await withDatabase((database) => listOutbox(database.db, limit));
  if (mails.length === 0) {
    process.stdout.write('The development outbox is empty.\n');
    return;
  }
  for (const mail of mails.reverse()) {
    process.stdout.write(`── ${mail.createdAt.toISOString()}  to: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n\n`);
  }
}
