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

/**
 * One line of words and plain punctuation, starting with a letter (or ¿ ¡): nothing Markdown, HTML or the link
 * finder reads (no * _ ~ ` [ < & @ : /, no dot before a letter as in "example.org", no list or quote at the start).
 * Most chat messages are such a line, and their HTML is the line in a paragraph, exactly what markdown-it and the
 * sanitizer give (render.test.ts compares the two on generated text) at a small part of the cost.
 */
const PLAIN_LINE = /^[\p{L}¿¡][\p{L}\p{M}\p{N}\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200D\uFE0F .,!?¿¡'"();%$-]*(?<! )$/u;
const DOT_BEFORE_WORD = /\.(?![ .]|$)/;
export const isPlainLine = (text: string) => PLAIN_LINE.test(text) && !DOT_BEFORE_WORD.test(text);

const inFull = (text: string) => sanitizeHtml(md.render(text), SANITIZE).trim();

/** The sanitized HTML shown for a message. */
export function renderMessage(body: string): string {
  const text = normalizeBody(body);
  return isPlainLine(text) ? `<p>${text}</p>` : inFull(text);
}

/** Markdown and the sanitizer whatever the text: what the plain line's shortcut is held to (render.test.ts). */
export const renderMessageInFull = (body: string) => inFull(normalizeBody(body));
