import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
type Tree = { [key: string]: string | Tree };

/**
 * Every key path (plural forms folded into one) with its placeholders ({{name}}), so a missing word or a renamed
 * placeholder in one language shows up.
 */
function entries(tree: Tree, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree)) {
    // Plural forms differ by language (Spanish has "many", English does not): compare the word, not its forms.
    const at = (prefix ? `${prefix}.${key}` : key).replace(/_(zero|one|two|few|many|other)$/, '');
    if (typeof value === 'string') out.set(at, [...new Set([...(out.get(at) ?? []), ...[...value.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!)])].sort());
    else for (const [k, v] of entries(value, at)) out.set(k, v);
  }
  return out;
}

const read = (file: string) => entries(JSON.parse(fs.readFileSync(path.join(here, file), 'utf8')) as Tree);
const pairs = fs
  .readdirSync(here)
  .filter((f) => /(^|-)en\.json$/.test(f))
  .map((en) => [en, en.replace(/en\.json$/, 'es.json')] as const);

describe('the English and Spanish catalogs', () => {
  test.each(pairs)('%s and %s have the same keys and the same placeholders', (enFile, esFile) => {
    const en = read(enFile);
    const es = read(esFile);
    expect([...en.keys()].filter((k) => !es.has(k)), `missing in ${esFile}`).toEqual([]);
    expect([...es.keys()].filter((k) => !en.has(k)), `missing in ${enFile}`).toEqual([]);
    const differing = [...en].filter(([k, p]) => es.has(k) && JSON.stringify(es.get(k)) !== JSON.stringify(p)).map(([k]) => k);
    expect(differing, 'placeholders differ').toEqual([]);
  });

  test('every catalog is found', () => {
    expect(pairs.map(([en]) => en).sort()).toEqual(['community-en.json', 'community-mod-en.json', 'coping-en.json', 'en.json', 'mentoring-admin-en.json', 'mentoring-en.json', 'messaging-en.json', 'resources-en.json']);
  });
});
