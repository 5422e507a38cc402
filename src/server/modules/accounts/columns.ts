import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './tables.ts';

/** Column builders every domain's tables share (each call builds a fresh column). */

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A person a row belongs to: the row goes when their account does. */
export const personRef = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => user.id, { onDelete: 'cascade' });

/** Who did something: kept as null when their account is gone, so the record stays. */
export const byWhom = (name: string) => uuid(name).references(() => user.id, { onDelete: 'set null' });

/** A moment, with its time zone (nullable unless the table says otherwise). */
export const at = (name: string) => timestamp(name, { withTimezone: true });

/** A full-text search vector (drizzle has no built-in tsvector type). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
