import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import type { crisisResource } from '../../../contracts/journey.ts';
import type { crisisResourcesBody } from '../../../contracts/safety.ts';
import { type Actor, authorize } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import { auditRepo } from '../audit/repo.ts';
import { withDirectoryLines } from '../resources/crisis-lines.ts';
import type { ServiceContext } from '../context.ts';
import { DEFAULT_CRISIS_RESOURCES } from './crisis-resources.ts';
import { type CrisisResourceRow, crisisResourcesRepo } from './crisis-resources-repo.ts';
import { safetyPolicy } from './policy.ts';

type Resource = z.infer<typeof crisisResource>;

const present = (r: CrisisResourceRow): Resource => ({
  id: r.id,
  name: r.name,
  description: r.description,
  phone: r.phone,
  sms: r.smsNumber ? { number: r.smsNumber, body: r.smsBody } : null,
  url: r.url,
  emergency: r.emergency,
});

/**
 * The lines members see in a language: the instance's own when configured, else Kindred's defaults; then the
 * directory's crisis lines not already listed (resources/crisis-lines.ts). `directory: false` for the coordinators'
 * editor, which edits the configured lines only.
 */
export async function crisisResourcesFor(db: Queryable, locale: Locale, opts: { directory?: boolean } = {}): Promise<{ configured: boolean; resources: Resource[] }> {
  const rows = await crisisResourcesRepo.forLocale(db, locale);
  const base = rows.length > 0 ? { configured: true, resources: rows.map(present) } : { configured: false, resources: DEFAULT_CRISIS_RESOURCES[locale] };
  if (opts.directory === false) return base;
  return { ...base, resources: await withDirectoryLines(db, locale, base.resources, base.configured) };
}

/** In an emergency the emergency lines (911, overdose steps) come first; otherwise the configured order. */
export const emergencyFirst = (resources: Resource[]) => [...resources.filter((r) => r.emergency), ...resources.filter((r) => !r.emergency)];

/** Coordinators configure each language's crisis lines; everyone reads them. */
export function createCrisisResourcesService(ctx: ServiceContext) {
  const { db } = ctx;
  const coordinator = (actor: Actor | null) => authorize(actor, safetyPolicy.coordinate, undefined);

  return {
    async list(locale: Locale) {
      return { resources: (await crisisResourcesFor(db, locale)).resources };
    },

    async adminList(actor: Actor | null, locale: Locale) {
      coordinator(actor);
      return { locale, ...(await crisisResourcesFor(db, locale, { directory: false })) };
    },

    /** Replaces the list for a language (audited: counts only); an empty list returns to the defaults. */
    async replace(actor: Actor | null, locale: Locale, body: z.output<typeof crisisResourcesBody>) {
      const a = coordinator(actor);
      await db.transaction(async (tx) => {
        await crisisResourcesRepo.replace(
          tx,
          locale,
          body.resources.map((r) => ({
            name: r.name,
            description: r.description,
            phone: r.phone || null,
            smsNumber: r.sms?.number || null,
            smsBody: r.sms ? r.sms.body || null : null,
            url: r.url || null,
            emergency: r.emergency,
          })),
        );
        await auditRepo.record(tx, { actorId: a.userId, action: 'safety.crisis_resources_changed', details: { locale, count: body.resources.length } });
      });
      return { locale, ...(await crisisResourcesFor(db, locale, { directory: false })) };
    },
  };
}
