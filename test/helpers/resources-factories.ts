import { resourceInput } from '../../src/contracts/resources.ts';
import { normalizeResourceInput } from '../../src/server/modules/resources/entries-input.ts';
import { type EntryMeta, entriesRepo } from '../../src/server/modules/resources/entries-repo.ts';
import type { TestContext } from './app.ts';

/**
 * Directory entries written directly (through the same input normalisation as the API), for tests that need a
 * directory to exist: search, tips, the crisis screen. Creating entries through the API is tested in
 * resources/directory.test.ts. Never assume the directory is empty: the starter set is in every test database.
 */
export async function createEntry(ctx: TestContext, input: Record<string, unknown> = {}, meta: Partial<EntryMeta> = {}): Promise<string> {
  const parsed = resourceInput.parse({ name: `Entry ${Math.random().toString(36).slice(2, 8)}`, category: 'harm_reduction', ...input });
  const normalized = normalizeResourceInput(parsed, { phoneCountry: 'US' });
  if (!normalized.ok) throw new Error(`bad test entry: ${JSON.stringify(normalized.errors)}`);
  return entriesRepo.insert(ctx.database.db, normalized.value, { status: 'published', origin: 'coordinator', verifiedAt: new Date(), ...meta });
}
