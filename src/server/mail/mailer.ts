import { desc } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Locale } from '../../contracts/common.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Jobs } from '../jobs/queue.ts';
import { devOutbox } from './tables.ts';
import { render, type TemplateName } from './templates.ts';

export interface OutgoingMail {
  to: string;
  template: TemplateName;
  locale: Locale;
  vars: { url: string; name?: string };
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export const MAIL_JOB = 'mail.send';

type Rendered = { to: string; subject: string; text: string };

/**
 * With SMTP configured, mail is queued as a job (retried if the server is down). Without it, mail goes to the
 * development outbox table, listed by `kindred outbox`. Logs name the template, never the address or the link.
 */
export function createMailer(deps: { config: Config; db: Db; jobs?: Jobs; log: FastifyBaseLogger; instanceName: () => string }): Mailer {
  const { config, db, jobs, log } = deps;
  return {
    async send(mail) {
      const content = render(mail.template, mail.locale, { ...mail.vars, instance: deps.instanceName() });
      const message: Rendered = { to: mail.to, ...content };
      if (!config.smtp) {
        const [row] = await db
          .insert(devOutbox)
          .values({ to: message.to, subject: message.subject, text: message.text, template: mail.template })
          .returning({ id: devOutbox.id });
        log.info({ outboxId: row?.id, template: mail.template }, 'mail written to the development outbox (see `kindred outbox`)');
        return;
      }
      if (jobs) {
        await jobs.send(MAIL_JOB, message);
        log.info({ template: mail.template }, 'mail queued for SMTP delivery');
        return;
      }
      await deliverBySmtp(config, message);
    },
  };
}

export async function deliverBySmtp(config: Config, message: Rendered): Promise<void> {
  if (!config.smtp) throw new Error('SMTP is not configured');
  const transport = nodemailer.createTransport({
    host: config.smtp.host,
    port: config.smtp.port,
    secure: config.smtp.secure,
    auth: config.smtp.user ? { user: config.smtp.user, pass: config.smtp.password ?? '' } : undefined,
  });
  try {
    await transport.sendMail({ from: config.mailFrom, to: message.to, subject: message.subject, text: message.text });
  } finally {
    transport.close();
  }
}

export async function listOutbox(db: Db, limit = 20) {
  return db.select().from(devOutbox).orderBy(desc(devOutbox.createdAt)).limit(limit);
}
