import type { CopingLibraryStrategy } from '../../../contracts/resources.ts';
import type { Db } from '../../db/client.ts';

/** Placeholder until the library helper writes it: members' strategies waiting for review, oldest first. */
export async function listPendingStrategies(_db: Db): Promise<CopingLibraryStrategy[]> {
  return [];
}
