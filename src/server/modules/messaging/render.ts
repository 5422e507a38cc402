import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { normalizeBody } from '../community/render.ts';

/**
 * A message's Markdown to safe HTML, on the server (docs/messaging.md). A narrower subset than the forum's:
 * paragraphs, line breaks, bold, italic, strike, inline code, code blocks, lists, quotes and links (http, https,
 * mailto, tel). No images, headings, tables, rules or raw HTML: a chat message is a few lines between two people.
 * Two layers as in the forum: markdown-it with raw HTML off, then an allow-list sanitizer over its output.
 */

const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: true });
md.disable(['heading', 'lheading', 'table', 'image', 'hr', 'html_block', 'html_inline']);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 's', 'del', 'blockquote', 'ul', 'ol', 'li', 'code', 'pre', 'a'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener noreferrer' } }) },
  // A link whose address was refused keeps its text, without the link.
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
};

/** The body as stored: invisible characters removed, line ends unified (the forum's normalisation). */
export const normalizeMessage = normalizeBody;

/** The sanitized HTML shown for a message. */
export function renderMessage(body: string): string {
  return sanitizeHtml(md.render(normalizeBody(body)), SANITIZE).trim();
}
