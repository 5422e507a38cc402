import { sql } from 'drizzle-orm';
import { isSupportedCountry } from 'libphonenumber-js/min';
import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import {
  type Resource,
  type ResourceInput,
  type ResourceSearchQuery,
  resourceInput,
  type resourceSettingsBody,
} from '../../../contracts/resources.ts';
import { type Actor, authorize } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import { notFound, validationFailed } from '../../http/errors.ts';
import type { MessageKey } from '../../http/messages.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { type InputError, type NormalizedResource, normalizeResourceInput } from './entries-input.ts';
import { type EntryRow, entriesRepo } from './entries-repo.ts';
import { joinHours } from './hours.ts';
import { countContribution } from './contributions.ts';
import { canReadEntry, isCoordinator, resourcesPolicy } from './policy.ts';
import { presentResource, presentTip } from './presenters.ts';
import { searchResources } from './search-repo.ts';
import { resourceSettingsFor, saveResourceSettings } from './settings.ts';
import { tipsRepo } from './tips-repo.ts';

/** 422 with every field's problem, in the request's language. */
export const inputFailed = (errors: InputError[]) => validationFailed(Object.fromEntries(errors.map((e): [string, MessageKey | string] => [e.field, e.key ?? e.message])));

/** An entry as the input it would have been written from: what a coordinator's change is merged into. */
export function inputOf(row: EntryRow): ResourceInput {
  return {
    name: row.name,
    category: row.category as ResourceInput['category'],
    description: row.description,
    audience: row.audience as ResourceInput['audience'],
    locale: row.locale,
    translations: row.translations,
    phone: row.phone,
    textLine: row.textNumber ? { number: row.textNumber, keyword: row.textKeyword } : null,
    website: row.website,
    address: row.address,
    location: row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lng: row.longitude } : null,
    hours: row.timeZone ? { timeZone: row.timeZone, alwaysOpen: row.alwaysOpen, periods: joinHours(row.hours) } : null,
    languages: row.languages,
    costs: row.costs as ResourceInput['costs'],
    costNote: row.costNote,
    eligibility: row.eligibility,
    inPerson: row.inPerson,
    online: row.online,
    crisisScreen: row.crisisScreen,
  };
}

/** Schema problems by field, as the error handler words them for a request body (unknown keys named one by one). */
function fieldsOf(issues: z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const i of issues) {
    const at = i.path.join('.');
    if (i.code === 'unrecognized_keys') for (const key of i.keys) fields[at ? `${at}.${key}` : key] = 'Unknown field';
    else fields[at || '_'] ??= i.message;
  }
  return fields;
}

async function isMentor(db: Queryable, userId: string): Promise<boolean> {
  const { rows } = await db.execute<{ yes: boolean }>(sql`select exists (select 1 from mentorship where mentor_id = ${userId} and status = 'active') as yes`);
  return rows[0]?.yes ?? false;
}

/** The directory: anyone searches and reads what they may; coordinators keep it; members suggest entries. */
export function createEntriesService(ctx: ServiceContext) {
  const { db } = ctx;
  const manage = (actor: Actor | null) => authorize(actor, resourcesPolicy.manage, undefined);

  async function normalized(input: ResourceInput): Promise<NormalizedResource> {
    const { phoneCountry } = await resourceSettingsFor(db);
    const result = normalizeResourceInput(input, { phoneCountry });
    if (!result.ok) throw inputFailed(result.errors);
    return result.value;
  }

  /** An entry the reader may open, or 404 (whether it exists is not theirs to learn). */
  async function readable(actor: Actor | null, id: string) {
    const row = await entriesRepo.find(db, id);
    if (!row || !canReadEntry(actor, row)) throw notFound();
    return row;
  }

  async function present(actor: Actor | null, id: string, locale: Locale): Promise<Resource> {
    const row = await readable(actor, id);
    const [settings, tips, rating, mentor] = await Promise.all([
      resourceSettingsFor(db),
      tipsRepo.forEntry(db, id, actor?.userId ?? null),
      tipsRepo.rating(db, id),
      actor ? isMentor(db, actor.userId) : false,
    ]);
    const published = row.status === 'published';
    return presentResource(row, {
      actor,
      locale,
      now: new Date(),
      phoneCountry: settings.phoneCountry,
      reverifyAfterDays: settings.reverifyAfterDays,
      verifierName: row.verifierName,
      tips: tips.map((t) => presentTip(t, actor)),
      rating,
      can: { edit: isCoordinator(actor), addTip: actor !== null && published, sendToMentee: mentor && published },
    });
  }

  return {
    async search(actor: Actor | null, query: ResourceSearchQuery, locale: Locale) {
      // Archived entries are the coordinators' to list (and bring back); anyone else asking gets 404.
      if (query.status === 'archived') authorize(actor, resourcesPolicy.manage, undefined);
      const { rows, total } = await searchResources(db, query, { signedIn: actor !== null, locale });
      return { resources: rows, total, page: query.page, pageSize: query.pageSize };
    },

    get: present,

    /** A coordinator's entry is published and verified by them at once. */
    async create(actor: Actor | null, input: ResourceInput, locale: Locale) {
      const a = manage(actor);
      const value = await normalized(input);
      const id = await db.transaction(async (tx) => {
        const created = await entriesRepo.insert(tx, value, { status: 'published', origin: 'coordinator', verifiedAt: new Date(), verifiedBy: a.userId });
        await auditRepo.record(tx, { actorId: a.userId, action: 'resources.entry_created', details: { resourceId: created } });
        return created;
      });
      return present(a, id, locale);
    },

    /** Any fields, merged with the entry and checked as a whole (a phone number alone is read in the instance's country). */
    async update(actor: Actor | null, id: string, patch: Record<string, unknown>, locale: Locale) {
      const a = manage(actor);
      const row = await entriesRepo.find(db, id);
      if (!row) throw notFound();
      const parsed = resourceInput.safeParse({ ...inputOf(row), ...patch });
      if (!parsed.success) {
        throw validationFailed(fieldsOf(parsed.error.issues));
      }
      const value = await normalized(parsed.data);
      await db.transaction(async (tx) => {
        await entriesRepo.replace(tx, id, value);
        // Field names only: what changed, never to what.
        await auditRepo.record(tx, { actorId: a.userId, action: 'resources.entry_changed', details: { resourceId: id, fields: Object.keys(patch).sort() } });
      });
      return present(a, id, locale);
    },

    async verify(actor: Actor | null, id: string, locale: Locale) {
      const a = manage(actor);
      const row = await entriesRepo.find(db, id);
      if (!row || row.status !== 'published') throw notFound();
      await db.transaction(async (tx) => {
        await entriesRepo.verify(tx, id, a.userId);
        await auditRepo.record(tx, { actorId: a.userId, action: 'resources.entry_verified', details: { resourceId: id } });
      });
      return present(a, id, locale);
    },

    /** Archived entries leave the directory and the crisis screen; reviewers can still open them. */
    async archive(actor: Actor | null, id: string) {
      const a = manage(actor);
      const row = await entriesRepo.find(db, id);
      if (!row) throw notFound();
      if (row.status === 'archived') return;
      await db.transaction(async (tx) => {
        await entriesRepo.archive(tx, id);
        await auditRepo.record(tx, { actorId: a.userId, action: 'resources.entry_archived', details: { resourceId: id } });
      });
    },

    /** A member's suggestion waits for a reviewer; it cannot put itself on the crisis screen or behind sign-in. */
    async suggest(actor: Actor | null, input: ResourceInput) {
      const a = authorize(actor, resourcesPolicy.contribute, undefined);
      const value = await normalized({ ...input, audience: 'public', crisisScreen: false });
      await countContribution(ctx, a);
      const id = await entriesRepo.insert(db, value, { status: 'suggested', origin: 'suggestion', suggestedBy: a.userId });
      return { id, status: 'suggested' as const };
    },

    async mySuggestions(actor: Actor | null) {
      const a = authorize(actor);
      const rows = await entriesRepo.suggestionsOf(db, a.userId);
      return { suggestions: rows.map((r) => ({ ...r, category: r.category as ResourceInput['category'], status: r.status as Resource['status'] })) };
    },

    async settings(actor: Actor | null) {
      manage(actor);
      return resourceSettingsFor(db);
    },

    async saveSettings(actor: Actor | null, patch: z.output<typeof resourceSettingsBody>) {
      const a = manage(actor);
      if (patch.phoneCountry && !isSupportedCountry(patch.phoneCountry)) throw validationFailed({ phoneCountry: 'Use a two-letter country code, such as US or MX' });
      return db.transaction(async (tx) => {
        const saved = await saveResourceSettings(tx, patch);
        await auditRepo.record(tx, { actorId: a.userId, action: 'resources.settings_changed', details: { fields: Object.keys(patch).sort(), ...saved } });
        return saved;
      });
    },
  };
}
