import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';
import { buildWeb, webBuildIsStale } from '../web-build.ts';

export async function serve() {
  const config = loadConfig();
  // Listen for Ctrl+C and SIGTERM from the very start: a signal during start-up waits for the start to finish (or
  // fail) and then shuts down, so the embedded PostgreSQL is never left running.
  let starting: Promise<unknown> = Promise.resolve();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping Kindred...\n`);
    const server = await starting.catch(() => undefined);
    if (server && typeof server === 'object' && 'close' in server) await (server as { close(): Promise<void> }).close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  if (webBuildIsStale()) {
    process.stdout.write('Building the web app (first start or sources changed)...\n');
    await buildWeb();
  }
  if (stopping) return;
  starting = startServer(config);
  await starting;
  if (!stopping) process.stdout.write(`\nKindred is running at ${config.publicUrl}\nPress Ctrl+C to stop.\n\n`);
}
