import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/helpers/app.ts';
import { Client } from '../../../test/helpers/client.ts';
import { PASSWORD, uniqueEmail } from '../../../test/helpers/factories.ts';
import { freePort } from '../db/embedded.ts';
import { deliverBySmtp, listOutbox, MAIL_JOB } from './mailer.ts';

type Received = { from: string; to: string[]; data: string };
const received: Received[] = [];
let smtp: SMTPServer;
let port: number;
let ctx: TestContext;

beforeAll(async () => {
  port = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString()));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  ctx = await createTestApp({ smtp: { host: '127.0.0.1', port, secure: false }, mailFrom: 'Kindred <hello@kindred.example.org>' }, { withJobs: true });
  // The same wiring as `kindred serve`: mail goes through the PostgreSQL job queue to the SMTP server.
  await ctx.jobs!.work<{ to: string; subject: string; text: string }>(MAIL_JOB, (m) => deliverBySmtp(ctx.config, m));
});
afterAll(async () => {
  await ctx?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

test('with SMTP configured, a verification mail is delivered through the job queue and not kept in the outbox', async () => {
  const email = uniqueEmail('smtp');
  const res = await new Client(ctx.app).post('/api/v1/auth/sign-up', { displayName: 'Inés', email, password: PASSWORD, locale: 'es' });
  expect(res.statusCode).toBe(202);
  const deadline = Date.now() + 20_000;
  while (!received.some((m) => m.to.includes(email)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const mail = received.find((m) => m.to.includes(email));
  expect(mail, 'mail delivered').toBeDefined();
  expect(mail!.from).toBe('hello@kindred.example.org');
  expect(mail!.data).toContain('Subject: Confirma tu correo');
  // Bodies are quoted-printable: undo soft line breaks and =3D before looking for the link.
  const body = mail!.data.replace(/=\r?\n/g, '').replaceAll('=3D', '=');
  expect(body).toContain(`${ctx.config.publicUrl}/verify-email?token=`);
  expect((await listOutbox(ctx.database.db, 100)).filter((m) => m.to === email)).toHaveLength(0);
});
