import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from '../helpers/app.ts';
import { runKindred } from '../helpers/cli.ts';

const fixture = path.resolve('test/fixtures/meeting-guide-sample.json');
const scratch = path.resolve('.tmp', `meetings-import-test-${process.pid}`);
let databaseUrl: string;
let server: http.Server;
let base: string;

/** Runs the command without blocking this process, so the test's own feed server can answer it. */
const run = (args: string[]) => runKindred(args, { env: { DATABASE_URL: databaseUrl } });

async function meetingCount(): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query('select count(*) as n from meeting')).rows[0].n);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  fs.mkdirSync(scratch, { recursive: true });
  fs.writeFileSync(path.join(scratch, 'not-json.json'), 'name,slug\nMonday,monday\n');
  fs.writeFileSync(path.join(scratch, 'object.json'), '{"meetings": []}');
  server = http.createServer((req, res) => {
    if (req.url === '/feed.json') return res.end(fs.readFileSync(fixture));
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  fs.rmSync(scratch, { recursive: true, force: true });
  await new Promise((r) => server.close(r));
});

describe('kindred meetings import', { timeout: 120_000 }, () => {
  test('imports a feed file with a report of every skipped row; a second run changes nothing', async () => {
    const first = await run(['meetings', 'import', fixture]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('7 created, 0 updated, 0 unchanged, 5 skipped.');
    expect(first.stdout).toContain('row 8: No slug');
    expect(first.stdout).toContain('row 9 (monday-night-big-book): Duplicate slug (first in row 1)');
    expect(await meetingCount()).toBe(7);

    const second = await run(['meetings', 'import', fixture]);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('0 created, 0 updated, 7 unchanged, 5 skipped.');
    expect(await meetingCount()).toBe(7);
  });

  test('reads a feed from an http address', async () => {
    const res = await run(['meetings', 'import', `${base}/feed.json`]);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('7 unchanged');
  });

  test.each([
    [['missing.json'], /missing\.json: cannot read the file \(ENOENT\)/],
    [['not-json.json'], /not-json\.json: the file is not JSON/],
    [['object.json'], /object\.json: the file is JSON, but not an array of meetings/],
  ])('a file that cannot be used exits 1 with a message: %j', async ([name], message) => {
    const res = await run(['meetings', 'import', path.join(scratch, name!)]);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(message);
    expect(res.stdout).toBe('');
  });

  test('an address that cannot be used exits 1 with a message; a missing argument is a usage error', async () => {
    const missing = await run(['meetings', 'import', `${base}/nothing.json`]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('The address answered with status 404');
    const ftp = await run(['meetings', 'import', 'ftp://example.org/feed.json']);
    expect(ftp.status).toBe(1);
    expect(ftp.stderr).toContain('Use an address starting with http:// or https://');
    const usage = await run(['meetings', 'import']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/missing required argument/i);
    expect(await meetingCount()).toBe(7);
  });
});
