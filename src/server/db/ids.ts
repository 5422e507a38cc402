import { uuidv7 } from 'uuidv7';

/** Time-ordered UUIDs (v7) for every primary key: good index locality, no sequence to coordinate across nodes. */
export const newId = (): string => uuidv7();
