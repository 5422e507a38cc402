import type { z } from 'zod';
import type { searchQuery, searchResults } from '../../../contracts/community.ts';
import type { Actor } from '../../access.ts';
import { notFound } from '../../http/errors.ts';
import type { ServiceContext } from '../context.ts';
import { isModerator } from './policy.ts';
import { presentAuthor } from './presenters.ts';
import { MARK_END, MARK_START, searchRepo } from './search-repo.ts';

type SearchQuery = z.infer<typeof searchQuery>;
type SearchResults = z.infer<typeof searchResults>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The post's HTML keeps its text escaped as entities; the headline is decoded to text before it is escaped again. */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/**
 * A headline as the web shows it: plain text, HTML-escaped, with the matched words in <mark>. Nothing else can be
 * markup: the text between the sentinels is escaped piece by piece and only the sentinels become tags.
 */
export function snippetHtml(headline: string): string {
  let out = '';
  let open = false;
  for (const part of headline.split(new RegExp(`([${MARK_START}${MARK_END}])`))) {
    if (part === MARK_START) {
      if (!open) out += '<mark>';
      open = true;
    } else if (part === MARK_END) {
      if (open) out += '</mark>';
      open = false;
    } else out += escapeHtml(decodeEntities(part));
  }
  // Tags became spaces in the headline: "**bold**," reads "bold ," until the space before punctuation goes.
  return (open ? `${out}</mark>` : out).replace(/\s+/g, ' ').replace(/ ([,.;:!?])/g, '$1').trim();
}

/**
 * Forum search (docs/community.md, "Search"): English and Spanish full-text search over the posts the searcher may
 * read. Signed-out readers search public categories; moderators also find held posts; hidden and deleted posts are
 * never found. Anonymous authors are shown through presentAuthor like everywhere else.
 */
export function createSearchService(ctx: Pick<ServiceContext, 'db'>) {
  const { db } = ctx;
  return {
    async search(actor: Actor | null, query: SearchQuery): Promise<SearchResults> {
      const categories = await searchRepo.readableCategories(db, actor, query.categoryId);
      // A category the searcher may not read is as absent as one that does not exist.
      if (query.categoryId && categories.length === 0) throw notFound();
      if (categories.length === 0) return { results: [] };
      const names = new Map(categories.map((c) => [c.id, c.name]));
      const hits = await searchRepo.search(db, {
        // PostgreSQL text cannot hold NUL; anything else is the query parser's to read (it never fails).
        q: query.q.replaceAll('\u0000', ' '),
        categoryIds: categories.map((c) => c.id),
        statuses: isModerator(actor) ? ['visible', 'held'] : ['visible'],
        limit: query.limit,
      });
      return {
        results: hits.map((h) => ({
          topicId: h.topic_id,
          postId: h.post_id,
          postNumber: h.number,
          title: h.title,
          category: { id: h.category_id, name: names.get(h.category_id)! },
          author: presentAuthor({ authorId: h.author_id, authorName: h.author_name, anonymous: h.anonymous }, actor),
          snippet: snippetHtml(h.headline),
          createdAt: new Date(h.created_at).toISOString(),
        })),
      };
    },
  };
}
