// `kindred serve` without the web app build: the community benchmark loads API routes only, so a checkout whose web
// sources are being changed (a rebuild, or a build that does not pass yet) still measures the server as it runs.
// Spawned by bench/community.ts as `node --import tsx bench/community-server.ts`, configured by the environment.
import { loadConfig } from '../src/server/config.ts';
import { startServer } from '../src/server/main.ts';

const server = await startServer(loadConfig());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().finally(() => process.exit(0));
  });
}
