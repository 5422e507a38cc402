import fs from 'node:fs/promises';
import { FEED_MAX_BYTES, FeedFetchError, fetchMeetingGuideFeed, importMeetingGuideFeed } from '../../server/modules/meetings/import-service.ts';
import { withDatabase } from '../database.ts';
import { CommandFailed } from '../errors.ts';

/** A feed from a file, or from an http(s) address with the same limits as the coordinators' import. */
async function readFeed(source: string): Promise<unknown[]> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    try {
      return await fetchMeetingGuideFeed(source);
    } catch (err) {
      if (err instanceof FeedFetchError) throw new CommandFailed(`${source}: ${err.message}`);
      throw err;
    }
  }
  let text: string;
  try {
    const stat = await fs.stat(source);
    if (stat.size > FEED_MAX_BYTES) throw new CommandFailed(`${source}: the feed is larger than 20 MB`);
    text = await fs.readFile(source, 'utf8');
  } catch (err) {
    if (err instanceof CommandFailed) throw err;
    throw new CommandFailed(`${source}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CommandFailed(`${source}: the file is not JSON`);
  }
  if (!Array.isArray(data)) throw new CommandFailed(`${source}: the file is JSON, but not an array of meetings`);
  return data;
}

/** `kindred meetings import FILE|URL`: creates or updates meetings by slug; running it again changes nothing. */
export async function meetingsImport(source: string) {
  const feed = await readFeed(source);
  const report = await withDatabase((database) => importMeetingGuideFeed(database.db, feed, { actorId: null, via: 'cli' }));
  process.stdout.write(`Imported ${source}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped.length} skipped.\n`);
  // Rows counted from 1, as a person counts them in the file.
  for (const s of report.skipped) process.stdout.write(`  row ${s.row + 1}${s.slug ? ` (${s.slug})` : ''}: ${s.reason}\n`);
}
