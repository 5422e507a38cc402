import crypto from 'node:crypto';
import { meetingLimits } from '../../../contracts/meetings.ts';

/** A URL-safe slug from a name: accents folded, lowercase, words joined by hyphens ("Grupo Esperanza" → grupo-esperanza). */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, meetingLimits.slugMax - 8)
    .replace(/-+$/, '');
  return base || 'meeting';
}

/** The name's slug, or with -2, -3... when taken, or a random suffix after a few tries (the unique index decides). */
export async function uniqueSlug(name: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  const base = slugify(name);
  for (let n = 1; n <= 5; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  return `${base}-${crypto.randomBytes(3).toString('hex')}`;
}
