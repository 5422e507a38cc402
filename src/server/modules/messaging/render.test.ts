import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pressesOffPlatform } from './off-platform.ts';
import { isPlainLine, renderMessage, renderMessageInFull } from './render.ts';

describe('a message rendered', () => {
  test('the Markdown subset', () => {
    expect(renderMessage('**bold** *italic* ~~gone~~ `code`')).toBe('<p><strong>bold</strong> <em>italic</em> <s>gone</s> <code>code</code></p>');
    expect(renderMessage('one\ntwo')).toBe('<p>one<br />\ntwo</p>');
    expect(renderMessage('- a\n- b')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(renderMessage('> quoted')).toBe('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(renderMessage('```\nx < y\n```')).toBe('<pre><code>x &lt; y\n</code></pre>');
    expect(renderMessage('[site](https://example.org)')).toBe('<p><a href="https://example.org" rel="nofollow noopener noreferrer">site</a></p>');
    expect(renderMessage('call [me](tel:+12125550142)')).toContain('href="tel:+12125550142"');
  });

  test('no headings, images, tables, rules or raw HTML', () => {
    expect(renderMessage('# Big')).toBe('<p># Big</p>');
    expect(renderMessage('![alt](https://tracker.example/pixel.png)')).not.toContain('<img');
    expect(renderMessage('| a | b |\n|---|---|\n| 1 | 2 |')).not.toContain('<table');
    expect(renderMessage('---')).not.toContain('<hr');
    expect(renderMessage('<b>hi</b>')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>');
  });

  test.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '<a href="javascript:alert(1)">x</a>',
    '<svg onload=alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
    '"><script>alert(1)</script>',
    '[x](//evil.example)',
    '<style>body{display:none}</style>',
  ])('XSS payload %s is inert', (payload) => {
    const html = renderMessage(payload);
    // Every tag is one of the subset's, with no attribute but a safe link's href and rel.
    for (const tag of html.match(/<[^>]*>/g) ?? []) {
      expect(tag).toMatch(/^<\/?(p|br|strong|em|s|del|blockquote|ul|ol|li|code|pre|a)( href="(https?|mailto|tel):[^"]*" rel="nofollow noopener noreferrer")?\s*\/?>$/);
    }
    // What the person typed as markup is shown as text.
    expect(html.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
  });
});

describe('pressure to move off Kindred', () => {
  test.each([
    'text me at (212) 555-0142',
    'my number is +34 612 34 56 78',
    'send it to $sobermike',
    'I have venmo',
    'paypal.me/someone',
    'zelle works',
    'Cash App me',
    'hazme un bizum',
    "let's talk on WhatsApp",
    'add me on telegram',
    'my snapchat is x',
    'find me on instagram',
    'kik me',
    'join my discord',
    'escríbeme al 612345678',
    'mándame un whatsapp',
    'call me at 5550142',
  ])('flags %s', (text) => expect(pressesOffPlatform(text)).toBe(true));

  test.each(['See you at the Tuesday meeting', 'It costs $20', 'Day 45 today!', 'My date is 2026-11-22', 'the meeting on 11/22/2026', 'I called my sponsor'])(
    'leaves %s alone',
    (text) => expect(pressesOffPlatform(text)).toBe(false),
  );
});

describe('a plain line (the shortcut past Markdown and the sanitizer)', () => {
  test('is most of what people write, and nothing Markdown, HTML or a link could read', () => {
    for (const text of ['ok. thanks', 'Day 12 and still here!', 'love you ❤️ 🙏🏽', 'say "hi" to him', '¿cómo estás?', 'wait...', 'well-being (50%)'])
      expect(isPlainLine(text), text).toBe(true);
    for (const text of ['example.org', 'wait...what', '1. first', '- item', '> quote', '**bold**', 'a_b_c', 'mail me@x', 'see http://x', 'x < y', 'a & b', 'two\nlines', ':)', 'ok '])
      expect(isPlainLine(text), text).toBe(false);
  });

  // Characters people type, and every sign Markdown, HTML or the link finder reads.
  const chars = [...'abcxyzEÉñü019 .,!?¿¡\'"();%$-*_~`[]<>&@:/#|=+\\\n\t', '\u00a0', '\u0301', '❤', '\uFE0F', '🙏', '🏽', '\u200D', '™', 'org', 'www', 'http'];
  const anyText = fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((a) => a.join(''));
  const plainish = fc
    .tuple(fc.constantFrom('I', 'ok', 'Día', 'ñ'), fc.array(fc.constantFrom(...'abc ÉñE019.,!?¿¡\'"();%$-', '❤', '\uFE0F', '🏽', '\u200D', ' org', '.com'), { maxLength: 40 }))
    .map(([first, rest]) => first + rest.join(''));

  test('renders exactly as Markdown and the sanitizer would', () => {
    let shortcut = 0;
    fc.assert(
      fc.property(fc.oneof(anyText, plainish), (text) => {
        if (isPlainLine(text.trim())) shortcut++;
        expect(renderMessage(text)).toBe(renderMessageInFull(text));
      }),
      { numRuns: 3000 },
    );
    expect(shortcut).toBeGreaterThan(300); // the comparison covered the shortcut, not only the full path
  });
});

describe('sanitize-html as patched (patches/sanitize-html+2.16.0.patch)', () => {
  test('its frames are plain objects, not instances of a constructor made anew by each call', async () => {
    // Unpatched, each call's `new Frame` gave V8 new hidden classes in the old generation that kept the call's garbage
    // through young collections: most of what a send promoted (bench/README.md, messaging, thirteenth round).
    const { default: sanitizeHtml } = await import('sanitize-html');
    const prototypes = new Set<unknown>();
    const keep = (html: string) =>
      sanitizeHtml(html, {
        allowedTags: ['p', 'a'],
        exclusiveFilter: (frame) => {
          prototypes.add(Object.getPrototypeOf(frame));
          return false;
        },
      });
    expect(keep('<p>one <a href="https://example.org">link</a></p>')).toBe('<p>one <a href="https://example.org">link</a></p>');
    keep('<p>two</p>');
    expect([...prototypes]).toEqual([Object.prototype]);
  });
});
