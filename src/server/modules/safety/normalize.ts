/**
 * The text the crisis rules read: lower case, accents folded (á → a, ñ → n), apostrophes unified (’ ‘ ` ´ → '),
 * runs of whitespace collapsed to one space, and runs of three or more of the same letter collapsed to one
 * ("sooo" → "so", "dieee" → "die"; a doubled letter is kept, so "kill" and "feel" stay as they are). Every character
 * of the result remembers where it came from, so a match reports offsets into the text the person wrote.
 * One pass, no regular expressions: linear in the input whatever it contains.
 */
export interface Normalized {
  text: string;
  /** For each character of `text`, the offset of the first original character it stands for. */
  from: Int32Array;
  /** For each character of `text`, the offset just past the last original character it stands for. */
  to: Int32Array;
}

/** Lower-case, accent-free form of the Latin-1 and common Latin Extended-A letters; anything else is kept. */
const FOLD = new Map<number, number>();
function fold(chars: string, to: string) {
  for (const ch of chars) FOLD.set(ch.charCodeAt(0), to.charCodeAt(0));
}
fold('áàâäãåÁÀÂÄÃÅāĀ', 'a');
fold('éèêëÉÈÊËēĒ', 'e');
fold('íìîïÍÌÎÏīĪ', 'i');
fold('óòôöõÓÒÔÖÕōŌ', 'o');
fold('úùûüÚÙÛÜūŪ', 'u');
fold('ñÑ', 'n');
fold('çÇ', 'c');
fold('ýÿÝ', 'y');
fold('’‘`´ʼ′', "'");
fold('“”«»„', '"');
fold('¿¡', ' ');


// Reused between calls (the detector is synchronous and copies what it keeps), so a short text allocates only its
// result; grown when a longer text comes.
let pool = { codes: new Uint16Array(1024), from: new Int32Array(1024), to: new Int32Array(1024) };

export function normalize(input: string, start = 0, end = input.length): Normalized {
  const n = end - start;
  if (pool.codes.length < n) pool = { codes: new Uint16Array(n), from: new Int32Array(n), to: new Int32Array(n) };
  const { codes, from, to } = pool;
  let len = 0;
  let run = 0; // how many times the last kept letter has repeated in the original
  for (let i = start; i < end; i++) {
    let c = input.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c > 127) c = FOLD.get(c) ?? c;
    // Newlines end sentences, so they survive; other whitespace becomes one space.
    if (c !== 10 && (c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x200b)) c = 32;
    if (len > 0 && c === codes[len - 1] && (c === 32 || (c >= 97 && c <= 122))) {
      run++;
      if (c === 32 || run > 3) {
        to[len - 1] = i + 1;
        continue;
      }
      if (run === 3) {
        // A third repeat: the run is elongation, not a double letter, so the kept double becomes one.
        len--;
        to[len - 1] = i + 1;
        continue;
      }
      // run === 2: a double letter is kept as written.
    } else {
      run = 1;
    }
    codes[len] = c;
    from[len] = i;
    to[len] = i + 1;
    len++;
  }
  return { text: decode(codes, len), from: from.slice(0, len), to: to.slice(0, len) };
}

function decode(codes: Uint16Array, len: number): string {
  if (len <= 8192) return String.fromCharCode.apply(null, codes.subarray(0, len) as unknown as number[]);
  let out = '';
  for (let i = 0; i < len; i += 8192) out += String.fromCharCode(...codes.subarray(i, Math.min(len, i + 8192)));
  return out;
}
