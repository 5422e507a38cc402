import readline from 'node:readline';
import { setupBody } from '../../contracts/accounts.ts';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { AppError } from '../../server/http/errors.ts';
import { auditRepo } from '../../server/modules/audit/repo.ts';
import { withDatabase } from '../database.ts';
import { UsageError } from '../errors.ts';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) return line;
    return '';
  }
  // Read without echo.
  process.stdout.write('Password (at least 10 characters): ');
  process.stdin.setRawMode(true);
  let value = '';
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          process.stdin.setRawMode(false);
          process.stdin.off('data', onData);
          process.stdin.pause();
          process.stdout.write('\n');
          return resolve(value);
        }
        if (ch === '\u0003') process.exit(130);
        value = ch === '\u007f' ? value.slice(0, -1) : value + ch;
      }
    };
    process.stdin.on('data', onData);
    process.stdin.resume();
  });
}

/** Creates a coordinator. The operator of the machine is trusted: this works whether or not one exists already. */
export async function adminCreate(opts: { email: string; name: string; locale: string }) {
  const password = await readPassword();
  const parsed = setupBody.safeParse({ email: opts.email, displayName: opts.name, password, locale: opts.locale });
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n'));
  }
  await withDatabase(async (database) => {
    const app = await buildApp({ config: loadConfig(), database, logger: false });
    try {
      const userId = await app.services.accounts.createVerifiedAccount(parsed.data, ['member', 'coordinator']);
      await auditRepo.record(database.db, { actorId: null, action: 'roles.changed', subjectId: userId, details: { added: ['coordinator'], removed: [], via: 'cli' } });
      process.stdout.write(`Coordinator ${parsed.data.displayName} <${parsed.data.email}> created.\n`);
    } catch (err) {
      if (err instanceof AppError) throw new UsageError(err.message);
      throw err;
    } finally {
      await app.close();
    }
  });
}
