import { describe, expect, test } from 'vitest';
import { pressesOffPlatform } from './off-platform.ts';
import { renderMessage } from './render.ts';

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
