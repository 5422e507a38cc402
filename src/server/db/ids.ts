import { type SQL, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';

/** Time-ordered UUIDs (v7) for every primary key: good index locality, no sequence to coordinate across nodes. */
export const newId = (): string => uuidv7();

/** Ids as one `uuid[]` parameter (an array literal: one statement text whatever the number of ids). */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;
