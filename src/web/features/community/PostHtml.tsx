/**
 * A post's text as the server rendered it. The html comes only from the server's Markdown renderer, which turns raw
 * HTML into text and then passes the result through an allow-list sanitizer (src/server/modules/community/render.ts:
 * no scripts, no event handlers, no styles but table alignment, links limited to http(s), mailto and tel). The API
 * never returns anything else as a post's text, so it is shown as HTML here and nowhere is client text rendered so.
 */
export function PostHtml({ html, lang, className }: { html: string; /** The post's own language, for screen readers. */ lang: string; className: string }) {
  return <div className={className} lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
