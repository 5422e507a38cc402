import { describe, expect, it } from 'vitest';
import { GUIDELINE_KEYS, GUIDELINES_VERSION, guidelinesFor } from './guidelines.ts';

describe('guidelinesFor', () => {
  it.each(['en', 'es'] as const)('%s: the current version, every rule in order, none empty', (locale) => {
    const g = guidelinesFor(locale);
    expect(g.version).toBe(GUIDELINES_VERSION);
    expect(g.rules.map((r) => r.key)).toEqual([...GUIDELINE_KEYS]);
    for (const text of [g.title, g.intro, ...g.rules.flatMap((r) => [r.title, r.text])]) expect(text.trim().length).toBeGreaterThan(5);
  });

  it('the Spanish text is its own, not the English one', () => {
    const en = guidelinesFor('en');
    const es = guidelinesFor('es');
    es.rules.forEach((rule, i) => expect(rule.text).not.toBe(en.rules[i]!.text));
    expect(es.title).toBe('Normas de la comunidad');
  });

  it('says plainly that moderators can see who wrote an anonymous post, and where crisis help is', () => {
    const rule = (locale: 'en' | 'es', key: string) => guidelinesFor(locale).rules.find((r) => r.key === key)!.text;
    expect(rule('en', 'anonymity')).toMatch(/Moderators can still see who wrote/);
    expect(rule('es', 'anonymity')).toMatch(/moderación sí puede ver quién escribió/);
    expect(rule('en', 'crisis_help')).toMatch(/SOS button/);
    expect(rule('es', 'crisis_help')).toMatch(/botón SOS/);
    expect(rule('en', 'every_pathway')).toMatch(/MOUD\/MAT/);
  });
});
