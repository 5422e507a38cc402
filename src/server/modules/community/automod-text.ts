/**
 * How the automatic rules read a post (pure, no I/O): a `view` (NFKC, lower-case, invisible characters gone) for
 * phone numbers and payment handles, and a `skeleton` (the view, plus look-alike letters, accents and leetspeak
 * folded and spaced-out letters joined) for words. Recovery talk names drugs all the time, so the sourcing rule
 * looks for an offer, a request or a call to action next to a substance, never for the substance alone.
 */

/** Format characters and fillers that show nothing (zero-width, bidi controls, tags, Hangul fillers, braille blank). */
const HIDDEN = /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFFA0]/gu;

/** Cyrillic and Greek letters that look like Latin ones: "xаnах" with Cyrillic а and х reads as xanax. */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ı: 'i', ɡ: 'g', ɑ: 'a',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');

/** Leetspeak, folded only inside a word (next to letters), so "$20", "90 days" and "m30s" keep their digits. */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l' };
const LEET_IN_WORD = /(?<=\p{L}|^|[^\p{L}\p{N}@$!|])[013457@$!|](?=\p{L})|(?<=\p{L}{2})\$(?![\p{L}\p{N}])/gu;

/** Four or more single letters with one or two separators between: "s e l l i n g", "x.a.n.a.x", "p-e-r-c-s". */
const SPACED = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*·•,/]{1,2}\p{L}(?![\p{L}\p{N}])){3,}/gu;

/** What every rule reads: NFKC (full-width and styled letters become plain), invisible characters gone, one apostrophe, lower case. */
export function view(text: string): string {
  return text.normalize('NFKC').replace(HIDDEN, '').replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'").toLowerCase();
}

/** The view with look-alikes, accents and leetspeak folded; returns the spaced-out runs it joined too. */
export function skeleton(text: string): { text: string; joined: string[] } {
  const folded = view(text)
    .replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(LEET_IN_WORD, (c) => LEET[c] ?? c);
  const joined: string[] = [];
  const out = folded.replace(SPACED, (run) => {
    const word = run.replace(/[^\p{L}]/gu, '');
    joined.push(word);
    return word;
  });
  return { text: out, joined };
}

// ── Sourcing ─────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Substances as people trade them, in English and Spanish slang (skeleton form: no accents). Words that are also
 * everyday words (ice, candy, bars, crystal in English, piedra, hielo, maria) are left out on purpose.
 */
const SUBSTANCES = [
  'xanax', 'xans?', 'xannies', 'zannies', 'xan\\s+bars', 'xanax\\s+bars', 'percs?', 'percocets?', 'perkys?', 'oxys?', 'oxies', 'oxycodone', 'oxycontin',
  'roxys?', 'roxies', 'norcos?', 'vicodin', 'hydros', 'dilaudid', 'opanas?', 'fent(?!\\s*test)', 'fentanyl(?!\\s*test)', 'fetty', 'heroin', 'dope',
  'coke(?!\\s*(?:zero|cans?|bottles?))', 'cocaine', 'blow(?!\\s*dry)', 'yayo', 'crack', 'meth', 'crystal\\s+meth', 'shards', 'molly', 'mdma', 'ecstasy', 'pressies', 'pills',
  'addys?', 'adderall', 'vyvanse', 'codeine', 'k-?pins', 'klonopins?', 'klonos', 'valiums?', 'benzos?', 'ketamine', 'special\\s+k',
  'shrooms', 'lsd', 'weed', 'carts', 'dabs', 'm30s?', '30s', 'blues\\s+m30', 'tramadol', 'gabapentin', 'gabbies', 'xylazine', 'tranq', 'dmt', 'ghb',
  // Spanish
  'perico', 'coca(?!\\s*-?\\s*cola)', 'cocaina', 'farlopa', 'cristal(?!\\s*(?:roto|rota|templado|de\\s+la|del))', 'crico', 'tachas?', 'extasis', 'mota',
  'marihuana', 'porros?', 'hachis', 'pastillas', 'pastis', 'rivotril', 'clonazepam', 'trankimazin', 'alprazolam', 'heroina', 'chiva', 'fentanilo',
  'fenta', 'oxicodona', 'ketamina', 'keta', 'tusi', 'anfetas?', 'anfetaminas?', 'metanfetamina', 'foli', 'creepy', 'cripy',
];
/** Medication for opioid use disorder: asking where to get it is treatment-seeking, so only explicit selling counts. */
const MOUD = ['suboxone', 'subs', 'subutex', 'methadone', 'metadona', 'bupe', 'buprenorphine', 'buprenorfina'];

const alt = (words: string[]) => `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`;
// A possessive is a name or a thing, not a substance: "who has Molly's number?".
const DRUG = `${alt(SUBSTANCES)}\\b(?!'s\\b)`;
const ANY_DRUG = `${alt([...SUBSTANCES, ...MOUD])}\\b(?!'s\\b)`;
/** After the substance: words that make it talk about recovery, not a trade ("anyone have xanax withdrawal tips?"). */
const NOT_TRADE =
  '(?!\\s*(?:withdrawals?|detox|taper\\w*|addict\\w*|cravings?|experiences?|recovery|story|stories|use|abuse|problems?|habit|relapses?|dreams?|side|induction|clinic|doctor|prescri\\w*|overdose|od|test\\w*|psychosis|comedown|induced|related|free|anonymous|support|alternatives?|organi[sz]ers?|box(?:es)?|abstinencia|adiccion|consumo|experiencia|recaida|ansiedad|sindrome))';
/** Later in the sentence: what makes "I have extra pills" a question about a prescription or getting rid of them. */
const NOT_OFFER =
  '(?![^.!?\\n]{0,60}(?:flush|dispos|get\\s+rid|throw|toss|take\\s+back|drop\\s+off|destroy|prescri|doctor|surgery|pharmac|tirar|deshacer|botar|ganas|miedo|cerca|receta|medic|doctor|psiquiatr|farmacia))';
const FILL = '(?:(?:some|any|a\\s+few|a\\s+couple|few|more|extra|good|cheap|real|legit|pressed|fire|quality|the|of|\\d+\\s*(?:mg)?s?|algo\\s+de|un\\s+poco\\s+de|de|del|buen[ao]?s?|mucho|mucha|harto|harta|la|el|las|los|unas?|unos?|mas|barat[ao]s?)\\s+){0,3}';

const EN = [
  // Offers: "selling xanax", "got extra percs", "I can get you oxys", "plug for molly", "for sale: percs".
  `(?:selling|sellin|(?:i|we)\\s+sell|for\\s+sale:?|got\\s+(?:plenty|extra|some\\s+extra|a\\s+lot|loads)(?:\\s+of)?|(?:have|has)\\s+(?:plenty|extra|some\\s+extra)(?:\\s+of)?|(?:can|could|will)\\s+(?:hook\\s+(?:you|u|ya)\\s+up\\s+with|get\\s+(?:you|u|ya))|hook\\s+(?:you|u|ya)\\s+up\\s+with|plug\\s+for)\\s+${FILL}${ANY_DRUG}${NOT_OFFER}`,
  `${ANY_DRUG}\\s+(?:(?:for|4)\\s+sale|in\\s+stock|on\\s+deck|available\\s+(?:now|today|tonight|here|dm|hmu))`,
  // Prices next to a substance: "percs 30s for $20", "xanax $5 each".
  `${ANY_DRUG}[\\s,:]*(?:\\d+\\s*(?:mg|s)?\\s*)?(?:(?:for|@|at|-|:)\\s*\\$\\s?\\d+|\\$\\s?\\d+\\s*(?:each|ea|a\\s+piece|(?:per|a|an|the)\\s+(?:pill|bar|tab|g|gram|oz|ounce|point|ball|zip)|/\\s*(?:pill|bar|tab|g|gram)))`,
  // Calls to action: "dm for percs", "hmu 4 xans", "text me on telegram for molly".
  `(?:dm|pm|inbox|message|msg|text|hmu|hit\\s+me\\s+up|hit\\s+me|contact\\s+me|add\\s+me|whatsapp|telegram|snap|wickr|signal|kik)(?:\\s+(?:me|us))?(?:\\s+(?:on|at)\\s+\\w+)?\\s+(?:for|4)\\s+${FILL}${ANY_DRUG}`,
  `${ANY_DRUG}(?:[\\s,/&+.!-]{1,3}(?:and|or|n|\\d+\\s*mg|\\d+s?|${ANY_DRUG})){0,8}[\\s,.!:;-]{1,3}(?:dm|hmu|pm|inbox\\s+me|text\\s+me|hit\\s+me\\s+up|message\\s+me)\\b(?!(?:\\s+me)?\\s+(?:if\\s+you\\s+(?:need|want)\\s+(?:to\\s+talk|someone|support|a\\s+friend)|to\\s+talk|anytime))`,
  // Requests: "who has pills", "anyone got xans?", "where can I get molly", "looking for percs".
  `(?:who|anyone|anybody|someone|somebody|any1|any\\s+one)\\s+(?:here\\s+|around\\s+here\\s+|in\\s+\\w+\\s+)?(?:got|has|have|selling|sells|sell|know\\s+(?:where|who)\\s+(?:to\\s+|i\\s+can\\s+|i\\s+could\\s+)?(?:get|buy|find|cop|score|sells?)|(?:can|could)\\s+(?:get|sell|hook)\\s+(?:me\\s+)?(?:up\\s+)?(?:with\\s+)?)\\s+${FILL}(?:${DRUG}|subs\\b|bupe\\b)${NOT_TRADE}`,
  `where\\s+(?:can|could|do|should|would)\\s+(?:i|we|you|u|one)\\s+(?:get|buy|find|cop|score|grab|pick\\s+up)\\s+${FILL}${DRUG}${NOT_TRADE}`,
  `where\\s+to\\s+(?:buy|cop|score|get)\\s+${FILL}${DRUG}${NOT_TRADE}`,
  `(?:looking|searching|tryna|trying)\\s+(?:to\\s+(?:buy|cop|score|get)|for)\\s+${FILL}${DRUG}${NOT_TRADE}`,
  // Dealers: "need a plug", "anyone know a dealer", "I'm your plug", "plug here".
  `(?:need|needs|looking\\s+for|searching\\s+for|anyone\\s+(?:got|have|know|knows)|who\\s+(?:has|knows|got|is)|whos|know\\s+of|recommend)\\s+(?:(?:a|an|the|any|some|good|new|local|reliable|trusted|legit)\\s+)*(?:plug|connect|dealer|supplier)s?\\b`,
  `(?:i\\s*am|im|i'm)\\s+(?:the|your|ur)\\s+(?:new\\s+|local\\s+)?(?:plug|connect)\\b`,
  `\\b(?:plug|connect)\\s+(?:here|available|taking\\s+orders|in\\s+town|open\\s+now)\\b`,
];

const ES = [
  // Offers: "vendo perico", "tengo cristal", "te consigo tachas", "se vende mota".
  `(?:vendo|vendemos|se\\s+vende|se\\s+venden|a\\s+la\\s+venta|tengo|tenemos|te\\s+consigo|les?\\s+consigo|te\\s+paso|te\\s+vendo|traigo|ofrezco)\\s+${FILL}${ANY_DRUG}${NOT_OFFER}`,
  // Requests: "¿quién tiene perico?", "alguien vende tachas", "dónde consigo cristal", "busco mota".
  `(?:quien|quienes|alguien|alguno|alguna)\\s+(?:me\\s+)?(?:tiene|tienen|vende|venden|consigue|pasa|sabe\\s+donde\\s+(?:conseguir|comprar|pillar|hay)|sabe\\s+quien\\s+vende)\\s+${FILL}${DRUG}${NOT_TRADE}`,
  `donde\\s+(?:puedo\\s+|se\\s+puede\\s+|podria\\s+)?(?:conseguir|comprar|pillar|consigo|compro|pillo|encuentro|encontrar|venden)\\s+${FILL}${DRUG}${NOT_TRADE}`,
  `(?:busco|compro|ando\\s+buscando|estoy\\s+buscando)\\s+${FILL}${DRUG}${NOT_TRADE}`,
  `(?:busco|necesito|ando\\s+buscando|estoy\\s+buscando|alguien\\s+(?:conoce|tiene|sabe\\s+de)|conoces)\\s+(?:(?:un|una|el|algun|buen|a)\\s+)*(?:camello|dealer|transa|jibaro|plug|proveedor|contacto\\s+para)\\b`,
  // Calls to action: "escríbeme para el perico", "md para tachas".
  `(?:escribeme|escribime|mandame|manda|enviame|hablame|contactame|md|dm|privado|al\\s+privado|por\\s+privado|whatsapp|wasap|telegram)\\s+(?:(?:un\\s+)?(?:md|dm|mensaje|privado|wasap|whatsapp)\\s+)?(?:para|x|por)\\s+${FILL}${ANY_DRUG}`,
];

const SOURCING = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...EN, ...ES].join('|')})`, 'gu');
/** A person telling their story: "I was selling xanax", "I used to have extra percs", "ya no vendo perico". */
const PAST_OR_NOT =
  /\b(?:was|were|used\s+to|use\s+to|would|wouldn'?t|stopped|quit|never|not|don'?t|didn'?t|no\s+longer|won'?t|can'?t|back\s+when|years\s+ago|nunca|ya\s+no|deje\s+de|solia|antes)\b[^.!?\n]*$/;
const NO_RIGHT_BEFORE = /\bno\s+$/;
/** A spaced-out run ("s e l l i n g x a n a x") has no word breaks left: look for an offer and a substance in it. */
const JOINED_OFFER = /(?:selling|sell|vendo|dmfor|hmufor|whohas|anyone(?:got|have|has)|tengo|forsale|quientiene)/;
const JOINED_DRUG = new RegExp(alt(SUBSTANCES.map((s) => s.replace(/\(\?![^)]*\)+|\\s\+|\\b/g, ''))));

/** True when the skeleton offers, asks for or points to a substance in the present tense. */
export function mentionsSourcing(s: { text: string; joined: string[] }): boolean {
  for (const m of s.text.matchAll(SOURCING)) {
    const before = s.text.slice(Math.max(0, m.index - 40), m.index);
    const sentence = before.slice(before.search(/[^.!?\n]*$/));
    if (!PAST_OR_NOT.test(sentence) && !NO_RIGHT_BEFORE.test(sentence)) return true;
  }
  return s.joined.some((run) => JOINED_OFFER.test(run) && JOINED_DRUG.test(run));
}

// ── Phone numbers and payment handles ─────────────────────────────────────────────────────────────────────────

const NUMBER_RUN = /(?<![\p{L}\p{N}+$€£#.,])(\+\s?)?\(?\d+\)?(?:[ \t.\-\u2010-\u2015]{1,3}\(?\d+\)?)*(?![\p{L}\p{N}%]|[.,/:]\d)/gu;
const COUNTED = /^\s*(?:days?|d[ií]as?|weeks?|semanas?|months?|meses|mes|years?|a[nñ]os?|hours?|horas?|chips?|steps?|pasos?)\b/u;
const DIGIT_WORDS: Record<string, string> = {
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  cero: '0', uno: '1', dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9',
};
const SPELLED = new RegExp(`\\b(?:${Object.keys(DIGIT_WORDS).join('|')})(?:[\\s,-]+(?:${Object.keys(DIGIT_WORDS).join('|')})){6,}\\b`);

function looksLikePhone(run: string, international: boolean): boolean {
  const digits = run.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (international) return digits.length >= 8;
  const groups = run.split(/\D+/).filter(Boolean);
  const seps = run.replace(/[\d()]/g, '').trim();
  if (groups.length === 1) return digits.length >= 9;
  const len = groups.map((g) => g.length);
  // Dates (12.05.2023, 2023-05-12) and year ranges (2019-2021).
  if (len.length === 3 && ((len[0]! <= 2 && len[1]! <= 2 && (len[2] === 2 || len[2] === 4)) || (len[0] === 4 && len[1]! <= 2 && len[2]! <= 2))) return false;
  if (len.length === 2 && groups.every((g) => /^(?:19|20)\d\d$/.test(g))) return false;
  // Ranges of pages or numbers: "1234-1240".
  if (len.length === 2 && len[0] === len[1] && Number(groups[1]) > Number(groups[0]) && Number(groups[1]) - Number(groups[0]) <= 100) return false;
  // Thousands written with dots (1.000.000).
  if (/^\.+$/.test(seps) && len[0]! <= 3 && len.slice(1).every((l) => l === 3)) return false;
  const singles = len.filter((l) => l === 1).length;
  // "5 5 5 1 2 3 4 5 6 7": spaced digits; otherwise only a leading country code may be a single digit.
  if (singles === len.length) return digits.length >= 8 && !'0123456789'.includes(digits) && !'9876543210'.includes(digits);
  return singles === 0 || (singles === 1 && len[0] === 1);
}

/** A phone number in US or international formats, in digits or spelled out; not dates, times, years, counts. */
export function hasPhoneNumber(v: string): boolean {
  for (const m of v.matchAll(NUMBER_RUN)) {
    // "30 60 90 180 365 days" is a list of milestones, not a number to call.
    if (COUNTED.test(v.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    if (looksLikePhone(m[0], Boolean(m[1]))) return true;
  }
  return SPELLED.test(v.replace(/\s+/g, ' '));
}

const PAY_SERVICE = '(?:venmo|cash\\s?app|zelle|pay\\s?pal|bizum|revolut|apple\\s?pay|google\\s?pay|mercado\\s?pago|nequi|daviplata|yape|plin|western\\s?union|moneygram)';
const PAYMENT = new RegExp(
  [
    // $cashtags (not amounts: "$20" has no letter) and the payment sites' personal links.
    '(?<![\\p{L}\\p{N}_$])\\$(?!(?:usd|mxn|eur|cad|ars|cop)\\b)\\p{L}[\\p{L}\\p{N}_-]{1,19}',
    '\\b(?:paypal\\.me|venmo\\.com|cash\\.app|cash\\.me|revolut\\.me|ko-fi\\.com|buymeacoffee\\.com)/',
    // "venmo @alex", "my cashapp: alex123", "zelle me", "send it to my paypal", "hazme un bizum".
    `\\b${PAY_SERVICE}\\s*(?:(?:is|es|at|to|al|a|handle|user(?:name)?|usuario)\\s*)?[:=]?\\s*@[\\p{L}\\p{N}_.-]{2,}`,
    `\\b${PAY_SERVICE}\\s*:\\s*[\\p{L}\\p{N}_.@-]{3,}`,
    `\\b(?:venmo|zelle|paypal|cash\\s?app|bizum)\\s+me\\b`,
    `\\b(?:send|pay|transfer|donate|tip|envia(?:me)?|manda(?:me)?|paga(?:me)?)\\b[^.!?\\n]{0,30}\\b(?:to|on|via|through|by|thru|al|por|a|en|con)\\s+(?:my|mi)\\s+${PAY_SERVICE}`,
    '\\b(?:hazme|mandame|enviame|me\\s+haces|me\\s+mandas)\\s+(?:un\\s+)?bizum\\b',
  ].join('|'),
  'u',
);

/** A $cashtag or a Venmo/Cash App/Zelle/PayPal/Bizum handle or request to pay there. */
export function hasPaymentHandle(v: string): boolean {
  return PAYMENT.test(v);
}

// ── Invisible characters and look-alikes left after normalization ─────────────────────────────────────────────

const EMOJI_SIDE = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]/u;
const LATIN = /\p{Script=Latin}/u;
const CONFUSABLE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/** How many joiners (outside emoji), leftover invisibles, stacked marks and mixed-script words the text holds. */
export function hiddenTricks(normalized: string): number {
  const chars = [...normalized.normalize('NFC')];
  let count = 0;
  chars.forEach((c, i) => {
    if (c === '\u200D') {
      if (!(EMOJI_SIDE.test(chars[i - 1] ?? '') && EMOJI_SIDE.test(chars[i + 1] ?? ''))) count++;
    } else if (/[\u200C\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u2800]/u.test(c) && !/[\u{E0020}-\u{E007F}]/u.test(c)) count++;
  });
  // "Zalgo" text: three or more marks stacked on one letter (emoji variation selectors and keycaps aside).
  count += (normalized.normalize('NFC').match(/[^\p{M}](?:(?![\uFE0E\uFE0F\u20E3])\p{M}){3,}/gu) ?? []).length;
  // A word mixing Latin with Cyrillic or Greek letters is a look-alike, never a real word ("μg" is only Greek + Latin
  // by the micro sign, so it is left out).
  for (const word of normalized.replace(/[µμ]/g, '').match(/\p{L}{3,}/gu) ?? []) if (LATIN.test(word) && CONFUSABLE_SCRIPT.test(word)) count += 3;
  return count;
}
