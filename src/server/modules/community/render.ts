import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown to safe HTML, on the server, for every post (docs/community.md). Two layers: markdown-it with raw HTML
 * off (a tag typed in a post is shown as text), then an allow-list sanitizer over what markdown-it produced, so a
 * parser bug cannot become a script. Links keep only http(s), mailto and tel and get rel="nofollow ugc noopener
 * noreferrer". Images are never fetched from elsewhere (that would tell a third party who reads the forum): they
 * become plain links. Headings start at h3, below the page's own.
 */

const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: true });
// linkify-it 6 no longer links bare domains by default; spam is mostly "example.com" and "www.example.com", and the
// trust limits must count them, so they become links (with the same rel and scheme rules as any other).
md.linkify.set({ fuzzyLink: true }).tlds(['app', 'dev', 'xyz', 'online', 'site', 'shop', 'club', 'top', 'live', 'link', 'store', 'info', 'bio'], true);
// Images become links to their source, so no reader's browser fetches anything from another site.
md.renderer.rules.image = (tokens, idx) => {
  const token = tokens[idx]!;
  const src = String(token.attrGet('src') ?? '');
  const alt = String(token.children?.map((c) => c.content).join('') || src);
  return `<a href="${md.utils.escapeHtml(src)}">${md.utils.escapeHtml(alt)}</a>`;
};

/** Characters that hide text or reorder it: removed before anything reads the body. Joiners inside emoji stay. */
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u2800\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]/g;
/** Tag characters carry hidden text ("ASCII smuggling"); only a flag like 🏴󠁧󠁢󠁳󠁣󠁴󠁿 (black flag + tags + cancel tag) keeps them. */
const TAGS = /(\u{1F3F4})?([\u{E0000}-\u{E007F}]+)/gu;
const FLAG_TAGS = /^[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{2,6}\u{E007F}$/u;
/** Runs of joiners (zero-width spam) shrink to one; a single joiner is how emoji like 👩‍👧 are built. */
const JOINER_RUNS = /[\u200C\u200D]{2,}/g;

/** The body as stored: invisible characters removed, line ends unified. */
export function normalizeBody(body: string): string {
  return body
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\0/g, '')
    .replace(INVISIBLE, '')
    .replace(TAGS, (_, flag: string | undefined, tags: string) => (flag && FLAG_TAGS.test(tags) ? flag + tags : (flag ?? '')))
    .replace(JOINER_RUNS, '\u200D')
    .trim();
}

const MENTION = /(^|[^\p{L}\p{N}_@])@(?:\[([\p{L}\p{M}\p{N} ._'-]{1,40})\]|([\p{L}\p{M}\p{N}._'-]{1,40}))/gu;

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 's', 'del', 'blockquote', 'ul', 'ol', 'li', 'code', 'pre', 'a', 'h3', 'h4', 'h5', 'h6', 'hr', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'], span: ['class'], th: ['style'], td: ['style'] },
  allowedClasses: { span: ['mention'] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow ugc noopener noreferrer' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
};

/** Wraps @mentions in a span (outside code) so the web can style them; nothing links to a profile. */
function markMentions(html: string): string {
  // Only text between tags, never inside <code> or <pre>.
  let inCode = 0;
  return html.replace(/(<[^>]+>)|([^<]+)/g, (_, tag: string | undefined, textPart: string | undefined) => {
    if (tag) {
      if (/^<(code|pre)\b/i.test(tag)) inCode++;
      else if (/^<\/(code|pre)>/i.test(tag)) inCode = Math.max(0, inCode - 1);
      return tag;
    }
    if (inCode) return textPart!;
    return textPart!.replace(MENTION, (_m, lead: string, bracketed?: string, plain?: string) => `${lead}<span class="mention">@${bracketed ?? plain}</span>`);
  });
}

/** The sanitized HTML shown for a post. */
export function renderPost(body: string): string {
  const raw = md.render(normalizeBody(body));
  return sanitizeHtml(markMentions(raw), SANITIZE).trim();
}

/** The display names mentioned (`@Name`, or `@[Name With Spaces]`), each once, case kept as written. */
export function extractMentions(body: string): string[] {
  const names = new Map<string, string>();
  const text = normalizeBody(body).replace(/```[\s\S]*?```|`[^`\n]*`/g, ' ');
  for (const m of text.matchAll(MENTION)) {
    const name = (m[2] ?? m[3] ?? '').trim().replace(/[.'-]+$/, '');
    if (name) names.set(name.toLocaleLowerCase(), name);
  }
  return [...names.values()];
}

/** What trust limits count in a body: links (explicit and bare), images, mentions. */
export function countContent(body: string): { links: number; images: number; mentions: number } {
  const text = normalizeBody(body);
  let links = 0;
  let images = 0;
  for (const block of md.parse(text, {})) {
    for (const t of block.children ?? []) {
      if (t.type === 'link_open') links++;
      if (t.type === 'image') images++;
    }
  }
  return { links, images, mentions: extractMentions(text).length };
}

/** The only entities the sanitizer writes in text; decoded in one pass so "&amp;lt;" stays "&lt;". */
const ENTITY_TEXT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Plain text of a post (for search snippets and the crisis detector): the rendered text without markup. */
export function plainText(html: string): string {
  const blocks = html
    // markdown-it puts a new line after block tags; they are layout, not text (code keeps its own: its > are &gt;).
    .replace(/>\n/g, '>')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(p|h\d|blockquote|pre|table|ul|ol)>/g, '\n\n')
    .replace(/<\/(li|tr)>/g, '\n')
    .replace(/<\/t[hd]>/g, ' ');
  return sanitizeHtml(blocks, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITY_TEXT[name] ?? '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
