import crypto from 'node:crypto';
import { isCommonPassword } from '../../server/modules/accounts/passwords.ts';

const WORDS = [
  'amber', 'anchor', 'aspen', 'beacon', 'birch', 'bridge', 'canyon', 'cedar', 'clover', 'comet', 'coral', 'cricket',
  'delta', 'dune', 'ember', 'fern', 'fjord', 'garden', 'granite', 'harbor', 'hazel', 'heron', 'island', 'juniper',
  'kettle', 'lantern', 'linen', 'maple', 'meadow', 'mesa', 'nectar', 'orchard', 'otter', 'pebble', 'pine', 'prairie',
  'quartz', 'quill', 'raven', 'ribbon', 'river', 'saffron', 'sage', 'sparrow', 'spruce', 'summit', 'thistle',
  'timber', 'tulip', 'valley', 'velvet', 'walnut', 'willow', 'wren', 'yarrow', 'zephyr',
] as const;

/** One password for every demo account of a run: four words and two digits, easy to read off a screen. */
export function demoPassword(): string {
  for (;;) {
    const words = Array.from({ length: 4 }, () => WORDS[crypto.randomInt(WORDS.length)]!);
    const password = `${words.join('-')}-${crypto.randomInt(10, 100)}`;
    if (!isCommonPassword(password)) return password;
  }
}
