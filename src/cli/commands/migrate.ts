import { withDatabase } from '../database.ts';

export async function migrate() {
  // withDatabase applies the migrations before it calls back.
  await withDatabase(async () => {});
  process.stdout.write('Database is up to date.\n');
}
