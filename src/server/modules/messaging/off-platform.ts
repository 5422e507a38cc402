/**
 * Pressure to move off Kindred, in English and Spanish (docs/messaging.md): a phone number, a payment handle, or a
 * request to talk on another app. Read in the first messages of a conversation with a new contact; the recipient
 * then sees a gentle safety note. It never blocks a message: people share numbers for good reasons too.
 */

/** Seven or more digits, allowing the separators people type: "(212) 555-0142", "+34 612 34 56 78", "555.0142". */
const PHONE = /(?:\+?\d[\s().-]{0,3}){7,15}/;
const DATES = /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g;
const PAYMENT = [
  /(^|[^\p{L}\p{N}])\$[a-z][a-z0-9_-]{1,20}\b/iu, // a $cashtag (not "$20")
  /\bvenmo\b/i,
  /\bpaypal(?:\.me)?\b/i,
  /\bzelle\b/i,
  /\bcash\s?app\b/i,
  /\bbizum\b/i,
];
const OTHER_APPS = [
  /\b(?:whats\s?app|wsp|wasap|telegram|signal|snapchat|insta(?:gram)?|kik|discord)\b/i,
  /\btext me\b/i,
  /\bcall me (?:at|on)\b/i,
  /\bescr[ií]beme (?:al|por)\b/i,
  /\bm[aá]ndame un (?:whats|wasap|mensaje)\b/i,
  /\bll[aá]mame al\b/i,
];

export function pressesOffPlatform(text: string): boolean {
  const plain = text.normalize('NFKC');
  // Dates are digits too ("2026-11-22", "22/11/2026"): not a number to call.
  const digits = plain.replace(DATES, ' ').match(PHONE)?.[0].replace(/\D/g, '') ?? '';
  if (digits.length >= 7) return true;
  return PAYMENT.some((r) => r.test(plain)) || OTHER_APPS.some((r) => r.test(plain));
}
