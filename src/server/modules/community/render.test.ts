import { readFileSync } from 'node:fs';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { countContent, extractMentions, normalizeBody, plainText, renderPost } from './render.ts';
import { quickestMs } from '../../../../test/helpers/timing.ts';

/** What a rendered post may contain, and nothing else (mirrors the sanitizer's allow-list in render.ts). */
const ALLOWED: Record<string, string[]> = {
  p: [], br: [], strong: [], em: [], s: [], del: [], blockquote: [], ul: [], ol: ['start'], li: [], code: [], pre: [], a: ['href', 'rel'],
  h3: [], h4: [], h5: [], h6: [], hr: [], span: ['class'], table: [], thead: [], tbody: [], tr: [], th: ['style'], td: ['style'],
};
const SAFE_SCHEMES = ['http', 'https', 'mailto', 'tel'];
const REL = 'nofollow ugc noopener noreferrer';

/** The fixture's escapes: \n, \t, \0 and \u{HEX}; # lines are comments. */
function loadPayloads(): string[] {
  const file = readFileSync(new URL('../../../../test/fixtures/community/xss-payloads.txt', import.meta.url), 'utf8');
  return file
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) =>
      line
        .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
        .replace(/\\n/g, '\n')
        .replace(/\\t/g, '\t')
        .replace(/\\0/g, '\0'),
    );
}

/** The scheme a browser would follow: entities are decoded by the parser, then it strips controls and whitespace. */
function schemeOf(href: string): string | null {
  const cleaned = href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1] ?? null;
}

/** Every problem found in the rendered HTML, read as a browser would (structure, not string matching). */
function problems(html: string): string[] {
  const found: string[] = [];
  const elements = DomUtils.findAll(() => true, parseDocument(html).children);
  for (const el of elements) {
    const allowed = ALLOWED[el.name];
    if (!allowed) {
      found.push(`element <${el.name}>`);
      continue;
    }
    for (const [name, value] of Object.entries(el.attribs)) {
      if (name.startsWith('on')) found.push(`handler ${name} on <${el.name}>`);
      if (!allowed.includes(name)) found.push(`attribute ${name} on <${el.name}>`);
      if (name === 'style' && !/^text-align:\s*(left|right|center);?$/.test(value)) found.push(`style "${value}"`);
      if (name === 'class' && value !== 'mention') found.push(`class "${value}"`);
    }
    if (el.name === 'a') {
      const href = el.attribs.href;
      const scheme = href === undefined ? null : schemeOf(href);
      if (href === undefined) found.push('<a> without href');
      else if (scheme ? !SAFE_SCHEMES.includes(scheme) : href.trim().startsWith('//')) found.push(`href "${href}"`);
      if (el.attribs.rel !== REL) found.push(`rel "${el.attribs.rel}"`);
    }
  }
  return found;
}

const payloads = loadPayloads();

describe('renderPost against known XSS payloads', () => {
  it('has a real list to test against', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(80);
  });

  it.each(payloads.map((p) => [p]))('renders %j safely', (payload) => {
    const html = renderPost(payload);
    expect(problems(html)).toEqual([]);
    // The forbidden elements never appear, not even where the allow-list might one day grow.
    expect(DomUtils.findAll((el) => ['img', 'svg', 'iframe', 'script', 'style', 'math', 'meta', 'base', 'object', 'embed'].includes(el.name), parseDocument(html).children)).toEqual([]);
  });

  it('the structural check itself catches what it is meant to catch', () => {
    expect(problems('<img src=x onerror=alert(1)>')).toContain('element <img>');
    expect(problems('<p onclick="x">a</p>')).toContain('handler onclick on <p>');
    expect(problems(`<a href="&#106;avascript:alert(1)" rel="${REL}">x</a>`)).toContain('href "javascript:alert(1)"');
    expect(problems(`<a href=" \tjava\nscript:alert(1)" rel="${REL}">x</a>`)).toHaveLength(1);
    expect(problems('<a href="https://example.com">x</a>')).toContain('rel "undefined"');
    expect(problems('<td style="color:red">x</td>')).toContain('style "color:red"');
  });
});

describe('renderPost keeps what is meant to be there', () => {
  it('raw HTML is shown as text, not dropped', () => {
    const html = renderPost('<b>bold</b> & <script>alert(1)</script>');
    expect(html).toBe('<p>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('links keep http(s), mailto and tel, with the rel every link gets', () => {
    const html = renderPost('[site](https://example.org) [mail](mailto:a@example.org) [call](tel:+18006624357) <https://example.net>');
    const links = DomUtils.findAll((el) => el.name === 'a', parseDocument(html).children);
    expect(links.map((a) => a.attribs.href)).toEqual(['https://example.org', 'mailto:a@example.org', 'tel:+18006624357', 'https://example.net']);
    expect(links.every((a) => a.attribs.rel === REL)).toBe(true);
  });

  it('bare domains and www. addresses become links too (so trust limits can count them)', () => {
    const links = DomUtils.findAll((el) => el.name === 'a', parseDocument(renderPost('see smartrecovery.org or www.aa.org')).children);
    expect(links.map((a) => a.attribs.href)).toEqual(['http://smartrecovery.org', 'http://www.aa.org']);
  });

  it('images become plain links to their source; headings start at h3; tables keep their alignment', () => {
    expect(renderPost('![a chip](https://example.org/chip.png)')).toBe(`<p><a href="https://example.org/chip.png" rel="${REL}">a chip</a></p>`);
    expect(renderPost('# Big\n\n## Smaller')).toBe('<h3>Big</h3>\n<h4>Smaller</h4>');
    const html = renderPost('| Day | Feeling |\n|:-:|--:|\n| 1 | ok |');
    expect(html).toContain('<th style="text-align:center">Day</th>');
    expect(html).toContain('<td style="text-align:right">ok</td>');
    expect(problems(html)).toEqual([]);
  });

  it('a script in a code block is shown as code', () => {
    expect(renderPost('```\n<script>alert(1)</script>\n```')).toBe('<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>');
  });
});

describe('pathological input', () => {
  const cases: [string, string][] = [
    ['20,000 nested quotes', '>'.repeat(20_000) + ' deep'],
    ['20,000 chars of nested lists', '- '.repeat(10_000) + 'x'],
    ['5,000 stars', '*'.repeat(5_000)],
    ['5,000 alternating emphasis', '*a'.repeat(5_000)],
    ['10,000 open brackets', '['.repeat(10_000) + 'x' + ']('.repeat(3_000)],
    ['backticks', '`'.repeat(5_000) + 'x' + '`'.repeat(4_999)],
    ['a table of 2,000 columns', '|a'.repeat(2_000) + '|\n' + '|-'.repeat(2_000) + '|'],
    ['10,000 mentions', '@a '.repeat(6_600)],
    ['zero-width spam', 'x\u200B\u200D\u200C'.repeat(5_000)],
  ];
  it.each(cases)('%s renders in under a second, safely', (_name, body) => {
    const html = renderPost(body);
    const took = quickestMs(() => {
      plainText(renderPost(body));
      countContent(body);
      extractMentions(body);
    });
    expect(took).toBeLessThan(1000);
    expect(problems(html)).toEqual([]);
  });

  it('deep nesting is capped rather than rendered 20,000 levels deep', () => {
    const html = renderPost('>'.repeat(20_000) + ' deep');
    expect((html.match(/<blockquote>/g) ?? []).length).toBeLessThanOrEqual(100);
  });
});

describe('mentions', () => {
  it('render as a span outside code, and stay plain text inside code', () => {
    const html = renderPost('thanks @Maria and @[Ana Lucía]!\n\n`@inline` and\n\n```\n@fenced\n```');
    expect(html).toContain('<span class="mention">@Maria</span>');
    expect(html).toContain('<span class="mention">@Ana Lucía</span>');
    expect(html).toContain('<code>@inline</code>');
    expect(html).toContain('<code>@fenced\n</code>');
    expect(html).not.toContain('<span class="mention">@inline');
  });

  it('an email address is not a mention', () => {
    expect(renderPost('write to help@example.org')).not.toContain('mention');
    expect(extractMentions('write to help@example.org')).toEqual([]);
  });

  it('are extracted once each (case-insensitively), ignoring code and trailing punctuation', () => {
    expect(extractMentions('@Maria, @maria and @[Ana Lucía]. Also @Jo.')).toEqual(['maria', 'Ana Lucía', 'Jo']);
    expect(extractMentions('`@notme` and\n```\n@norme\n```\n@yes')).toEqual(['yes']);
  });
});

describe('countContent', () => {
  it('counts explicit links, autolinks, bare URLs and domains, images and mentions', () => {
    const body = '[a](https://a.example.com) <https://b.example.com> https://c.example.com/x www.d.org e.com ![img](https://f.example.com/x.png) @Maria @Jo';
    expect(countContent(body)).toEqual({ links: 5, images: 1, mentions: 2 });
  });

  it('does not count links inside code, or numbers and times that look like domains', () => {
    expect(countContent('`https://a.example.com` at 7.30, version 1.2.3, 90 days.')).toEqual({ links: 0, images: 0, mentions: 0 });
  });
});

describe('plainText', () => {
  it('is readable: one blank line between paragraphs, entities decoded, no markup', () => {
    const html = renderPost('First & "quoted" <b>.\n\n\n\n\nSecond line\nsame paragraph\n\n- one\n- two\n\n> quoted');
    expect(plainText(html)).toBe('First & "quoted" <b>.\n\nSecond line\nsame paragraph\n\none\ntwo\n\nquoted');
  });

  it('decodes entities once, keeps code lines, and reads tables row by row', () => {
    expect(plainText(renderPost('a &amp;lt; b'))).toBe('a &lt; b');
    expect(plainText(renderPost('```\nline1\n\nline2\n```\n\nafter'))).toBe('line1\n\nline2\n\nafter');
    expect(plainText(renderPost('| a | b |\n|--|--|\n| 1 | 2 |'))).toBe('a b\n1 2');
  });
});

describe('normalizeBody', () => {
  it('removes invisible characters, bidi controls, stray tags and null bytes; unifies line ends', () => {
    expect(normalizeBody('he\u200Bll\u00ADo\u202E \u2066w\u2060orld\uFEFF\0\r\nnext\u2028line\u{E0041}')).toBe('hello world\nnext\nline');
  });

  it('keeps emoji built with joiners, skin tones and flags intact', () => {
    const family = '👩\u200D👧';
    const flag = '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(normalizeBody(`${family} ${'👍🏽'} ${'🏳️\u200D🌈'} ${flag}`)).toBe(`${family} 👍🏽 🏳️\u200D🌈 ${flag}`);
  });

  it('shrinks runs of joiners to one', () => {
    expect(normalizeBody('a\u200D\u200D\u200C\u200Db')).toBe('a\u200Db');
  });
});
