// Just the meetings benchmark, for working on the finder or the feed: `npx tsx bench/meetings-only.ts`. Prints the
// numbers; the recorded results come from the full `npm run bench`.
import fs from 'node:fs';
import { createInstance, startServer, stopEverything, stopServer } from './kindred.ts';
import { measureMeetings } from './meetings.ts';
import { runningEmbeddedUrl } from '../src/server/db/embedded.ts';

const envInt = (name: string, fallback: number) => Number.parseInt(process.env[name] ?? '', 10) || fallback;
const instance = await createInstance();
const server = await startServer(instance, 600_000);
try {
  const m = await measureMeetings(
    instance.url,
    runningEmbeddedUrl(instance.dataDir)!,
    { meetings: envInt('BENCH_MEETINGS', 100_000), feedMeetings: envInt('BENCH_FEED_MEETINGS', 10_000), finderRequests: envInt('BENCH_FINDER_REQUESTS', 1000) },
    (line) => process.stderr.write(`${line}\n`),
  );
  console.log(JSON.stringify({ feed: { firstAfterChangeMs: m.feed.firstAfterChangeMs, cached: m.feed.cached }, finder: { http: m.finder.http, inProcess: m.finder.inProcess } }, null, 1));
} finally {
  await stopServer(server, instance);
  await stopEverything(instance);
  fs.rmSync(instance.dataDir, { recursive: true, force: true });
}
