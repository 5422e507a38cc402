import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';
import { buildWeb, webBuildIsStale } from '../web-build.ts';

export async function serve() {
  const config = loadConfig();
  if (webBuildIsStale()) {
    process.stdout.write('Building the web app (first start or sources changed)...\n');
    await buildWeb();
  }
  const server = await startServer(config);
  process.stdout.write(`\nKindred is running at ${config.publicUrl}\nPress Ctrl+C to stop.\n\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping Kindred...\n`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
