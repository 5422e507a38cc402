import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { newId } from '../../db/ids.ts';
import { at, byWhom, createdAt, personRef, tsvector, updatedAt } from '../accounts/columns.ts';


/**
 * A directory entry (docs/resources.md). Phone numbers are stored normalised (E.164, or a short code such as 988);
 * text is stored without HTML. `search` is generated from the name and descriptions in both languages, so every
 * writer keeps it right without thinking about it.
 */
export const resource = pgTable(
  'resource',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    name: text('name').notNull(),
    category: text('category').notNull(),
    description: text('description').notNull().default(''),
    audience: text('audience').notNull().default('public'),
    status: text('status').notNull().default('published'),
    origin: text('origin').notNull(),
    /** The language name and description are written in; `translations` holds the other: { es: { name, description } }. */
    locale: text('locale').notNull().default('en'),
    translations: jsonb('translations').$type<Partial<Record<'en' | 'es', { name: string; description: string }>>>().notNull().default({}),
    phone: text('phone'),
    textNumber: text('text_number'),
    textKeyword: text('text_keyword'),
    website: text('website'),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** Null: hours unknown. Periods are in `resource_hours`. */
    timeZone: text('time_zone'),
    alwaysOpen: boolean('always_open').notNull().default(false),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    costs: text('costs').array().notNull().default(sql`'{}'::text[]`),
    costNote: text('cost_note'),
    eligibility: text('eligibility'),
    inPerson: boolean('in_person').notNull().default(false),
    online: boolean('online').notNull().default(false),
    crisisScreen: boolean('crisis_screen').notNull().default(false),
    /** A stable key from an imported file (or the starter set), so importing the same file again updates. */
    externalId: text('external_id'),
    verifiedAt: at('verified_at'),
    verifiedBy: byWhom('verified_by'),
    /** The member who suggested it; kept private (reviewers see the suggestion, not who made it). */
    suggestedBy: byWhom('suggested_by'),
    reviewedBy: byWhom('reviewed_by'),
    reviewedAt: at('reviewed_at'),
    reviewNote: text('review_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** The one-degree cell of the location ((floor(lat) + 90) * 360 + floor(lng) + 180): searches near a point look
     * up the few cells their box touches, with the category, before reading any entry. */
    geoCell: integer('geo_cell').generatedAlwaysAs(sql`((floor(latitude)::int + 90) * 360 + floor(longitude)::int + 180)`),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(translations->'es'->>'name', '') || ' ' || coalesce(translations->'en'->>'name', '')), 'A') || setweight(to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, '') || ' ' || coalesce(translations->'en'->>'description', '')), 'B') || setweight(to_tsvector('spanish', coalesce(translations->'es'->>'name', '') || ' ' || coalesce(translations->'es'->>'description', '') || ' ' || coalesce(description, '')), 'C')`,
    ),
  },
  (t) => [
    // No pending list: a bulk import would otherwise leave new rows outside the index until vacuum, and searches
    // would read the whole table meanwhile. Entries are written rarely; reads must stay fast.
    index('resource_search_idx').using('gin', t.search).with({ fastupdate: false }),
    index('resource_category_idx').on(t.status, t.category),
    // Searches near a point read published entries in a latitude/longitude box; the other columns a search filters
    // and orders on ride along so the box is answered from the index alone (bench/README.md, the directory search).
    index('resource_cell_idx').on(t.geoCell, t.category).where(sql`status = 'published'`),
    index('resource_near_idx')
      .on(t.latitude, t.longitude, t.audience, t.category, t.alwaysOpen, t.timeZone, t.online, t.id, t.name, t.phone, t.textNumber)
      .where(sql`status = 'published'`),
    uniqueIndex('resource_external_id').on(t.externalId),
    check('resource_category', sql`${t.category} in ('crisis_lines', 'treatment_detox', 'medication_treatment', 'mental_health', 'harm_reduction', 'housing', 'employment', 'legal_aid', 'food', 'transport', 'family_support', 'mutual_aid')`),
    check('resource_audience', sql`${t.audience} in ('public', 'members')`),
    check('resource_status', sql`${t.status} in ('published', 'suggested', 'rejected', 'archived')`),
    check('resource_origin', sql`${t.origin} in ('starter', 'coordinator', 'suggestion', 'import')`),
    check('resource_location_pair', sql`(${t.latitude} is null) = (${t.longitude} is null)`),
  ],
);

/** Opening periods in the entry's time zone, minutes from midnight; a period past midnight is stored as two. */
export const resourceHours = pgTable(
  'resource_hours',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resource.id, { onDelete: 'cascade' }),
    /** ISO weekday, 1 Monday ... 7 Sunday. */
    day: smallint('day').notNull(),
    opens: smallint('opens').notNull(),
    closes: smallint('closes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.day, t.opens] }),
    check('resource_hours_day', sql`${t.day} between 1 and 7`),
    check('resource_hours_span', sql`${t.opens} >= 0 and ${t.opens} < ${t.closes} and ${t.closes} <= 1440`),
  ],
);

/** A member's tip or review of an entry: shown without a name, after a coordinator or moderator approves it. */
export const resourceTip = pgTable(
  'resource_tip',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resource.id, { onDelete: 'cascade' }),
    /** The tip is the author's own writing: it goes with their account. */
    authorId: personRef('author_id'),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    rating: smallint('rating'),
    status: text('status').notNull().default('pending'),
    reviewedBy: byWhom('reviewed_by'),
    reviewedAt: at('reviewed_at'),
    reviewNote: text('review_note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('resource_tip_resource_idx').on(t.resourceId, t.status),
    index('resource_tip_pending_idx').on(t.status, t.createdAt),
    check('resource_tip_kind', sql`${t.kind} in ('tip', 'review')`),
    check('resource_tip_status', sql`${t.status} in ('pending', 'approved', 'rejected')`),
    check('resource_tip_rating', sql`(${t.kind} = 'review') = (${t.rating} is not null) and (${t.rating} is null or ${t.rating} between 1 and 5)`),
  ],
);

/** A coping strategy in the shared library: the starter set (`key`), peer-written ones, or from a named programme. */
export const copingLibraryStrategy = pgTable(
  'coping_library_strategy',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    /** The starter set's key ("urge-surfing"), the same in both languages; null for members' strategies. */
    key: text('key'),
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    whenHelps: text('when_helps').array().notNull(),
    steps: text('steps').array().notNull(),
    source: text('source').notNull(),
    programme: text('programme'),
    status: text('status').notNull().default('pending'),
    /** Kept when the author's account goes: others may have saved it and found it helpful. */
    authorId: byWhom('author_id'),
    reviewedBy: byWhom('reviewed_by'),
    reviewedAt: at('reviewed_at'),
    reviewNote: text('review_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('coping_library_key').on(t.key, t.locale),
    index('coping_library_status_idx').on(t.status, t.locale),
    index('coping_library_when_idx').using('gin', t.whenHelps),
    check('coping_library_source', sql`${t.source} in ('kindred', 'peer', 'programme')`),
    check('coping_library_status', sql`${t.status} in ('pending', 'approved', 'rejected', 'hidden')`),
  ],
);

/** "This helped me": counted in public, who marked it is never shown. */
export const copingLibraryHelped = pgTable(
  'coping_library_helped',
  {
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => copingLibraryStrategy.id, { onDelete: 'cascade' }),
    userId: personRef('user_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.strategyId, t.userId] }), index('coping_library_helped_user_idx').on(t.userId)],
);
