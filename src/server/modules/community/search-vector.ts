import { type SQL, sql } from 'drizzle-orm';

/** The text-search configuration for a post's language. */
export const regconfig = (locale: string) => (locale === 'es' ? 'spanish' : 'english');

/**
 * The full-text vector stored with a post, in the post's own language: the topic's title (weight A, opening posts
 * only) and the body (weight B). Computed by PostgreSQL when the post is written or edited.
 */
export function searchVector(locale: string, title: string | null, body: string): SQL {
  const cfg = regconfig(locale);
  return sql`setweight(to_tsvector(${cfg}::regconfig, ${title ?? ''}), 'A') || setweight(to_tsvector(${cfg}::regconfig, ${body}), 'B')`;
}
