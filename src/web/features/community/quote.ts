/**
 * The Markdown a quote puts in the reply box: "<name> wrote:" and the post's text as "> " lines. The text is read
 * from the post's rendered HTML with DOMParser, which builds an inert document (nothing in it runs or loads).
 */
const BLOCKS = new Set(['P', 'LI', 'H3', 'H4', 'H5', 'H6', 'PRE', 'TR', 'BLOCKQUOTE', 'HR']);
const MAX_QUOTE = 800;

function plainLines(html: string): string[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const lines: string[] = [];
  let current = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) current += node.textContent ?? '';
    else if (node instanceof Element) {
      if (node.tagName === 'BR') {
        lines.push(current);
        current = '';
        return;
      }
      // A quote inside the quoted post is left out: quoting a quote only piles them up.
      if (node.tagName === 'BLOCKQUOTE') return;
      node.childNodes.forEach(walk);
      if (BLOCKS.has(node.tagName)) {
        lines.push(current);
        current = '';
      }
    }
  };
  body.childNodes.forEach(walk);
  if (current) lines.push(current);
  return lines.map((l) => l.trimEnd()).filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''));
}

export function quoteMarkdown(html: string, heading: string): string {
  let text = plainLines(html).join('\n').trim();
  if (text.length > MAX_QUOTE) text = `${text.slice(0, MAX_QUOTE).trimEnd()}…`;
  return `${heading}\n${text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n')}\n\n`;
}
