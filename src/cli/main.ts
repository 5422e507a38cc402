import { Command, CommanderError } from 'commander';
import { ConfigError } from '../server/config.ts';
import { DataDirLockedError } from '../server/db/lock.ts';
import { CommandFailed, UsageError } from './errors.ts';

/** What commander calls: each command's own arguments, then its options and the command. */
type Action = (...args: any[]) => void | Promise<void>;
/**
 * A command's module is loaded when that command runs, so `match solve` or `safety assess` (no database) do not load
 * the server first.
 */
const lazy =
  (load: () => Promise<Action>): Action =>
  async (...args) => {
    await (await load())(...args);
  };

const program = new Command()
  .name('kindred')
  .description('Kindred: peer support for addiction recovery, self-hosted.\nConfiguration comes from environment variables (see README).')
  .exitOverride()
  .showHelpAfterError('(run `kindred --help` for usage)');

program.command('serve').description('Run Kindred (builds the web app if needed, migrates, listens)').action(lazy(async () => (await import('./commands/serve.ts')).serve));
program.command('migrate').description('Apply database migrations and exit').action(lazy(async () => (await import('./commands/migrate.ts')).migrate));
program
  .command('admin')
  .description('Administration')
  .command('create')
  .description('Create a coordinator account (password read from a prompt, or from standard input)')
  .requiredOption('--email <email>', 'email address')
  .requiredOption('--name <displayName>', 'display name')
  .option('--locale <locale>', 'en or es', 'en')
  .action(lazy(async () => (await import('./commands/admin-create.ts')).adminCreate));
program
  .command('outbox')
  .description('List mail in the development outbox (used when SMTP is not configured)')
  .option('--limit <n>', 'how many, newest first', '10')
  .action(lazy(async () => (await import('./commands/outbox.ts')).outbox));
program
  .command('meetings')
  .description('Meetings')
  .command('import')
  .description('Import meetings from a Meeting Guide JSON feed (a file or an http(s) address); running it again changes nothing')
  .argument('<source>', 'a JSON file or an http(s) URL')
  .action(lazy(async () => (await import('./commands/meetings.ts')).meetingsImport));
program
  .command('safety')
  .description('Safety')
  .command('assess')
  .description('Assess JSON lines {"id","text","locale"} from standard input for crisis signs; one JSON line out per line in (no database needed)')
  .action(lazy(async () => (await import('./commands/safety.ts')).safetyAssess));
program
  .command('match')
  .description('Mentor matching')
  .command('solve')
  .description('Read {"mentors","mentees","edges"} JSON from standard input; print the assignment matching the most mentees, then the best total score (no database needed)')
  .action(lazy(async () => (await import('./commands/match.ts')).matchSolve));
program
  .command('demo')
  .description('Fill this instance with a plausible demo community')
  .option('--people <n>', 'how many people', '72')
  .action(lazy(async () => (await import('./commands/demo.ts')).demo));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    const ok = ['commander.helpDisplayed', 'commander.help', 'commander.version', 'commander.executeSubCommandAsync'].includes(err.code);
    process.exit(ok ? 0 : 2);
  }
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof CommandFailed) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  // Anything else is a bug or a broken environment: say so and fail, never exit 0.
  process.stderr.write(`kindred: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n${err instanceof Error && err.cause instanceof Error ? `cause: ${err.cause.message}\n` : ""}`);
  process.exit(1);
}


