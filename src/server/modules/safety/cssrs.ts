/**
 * The C-SSRS screener (Columbia Suicide Severity Rating Scale, screen version, since-last-contact wording), as
 * quoted in the domain reference (§4). The English text is the instrument's own and must not be edited. The Spanish
 * text is Kindred's translation, kept faithful to the English and flagged as such: an instance that holds the
 * validated Spanish version from the Columbia Lighthouse Project should use that instead.
 */
export const CSSRS_KEYS = ['wishedDead', 'suicidalThoughts', 'method', 'intent', 'plan', 'behavior'] as const;
export type CssrsKey = (typeof CSSRS_KEYS)[number];

export interface CssrsQuestion {
  number: 1 | 2 | 3 | 4 | 5 | 6;
  en: string;
  es: string;
}

export const CSSRS_SPANISH_IS_TRANSLATION = true;

export const CSSRS: Record<CssrsKey, CssrsQuestion> = {
  wishedDead: {
    number: 1,
    en: 'Have you wished you were dead or wished you could go to sleep and not wake up?',
    es: '¿Has deseado estar muerto/a o has deseado poder dormirte y no despertar?',
  },
  suicidalThoughts: {
    number: 2,
    en: 'Have you actually had any thoughts of killing yourself?',
    es: '¿De verdad has tenido pensamientos de quitarte la vida?',
  },
  method: {
    number: 3,
    en: 'Have you been thinking about how you might do this?',
    es: '¿Has estado pensando en cómo podrías hacerlo?',
  },
  intent: {
    number: 4,
    en: 'Have you had these thoughts and had some intention of acting on them?',
    es: '¿Has tenido estos pensamientos y alguna intención de llevarlos a cabo?',
  },
  plan: {
    number: 5,
    en: 'Have you started to work out or worked out the details of how to kill yourself and do you intend to carry out this plan?',
    es: '¿Has empezado a planear o has planeado los detalles de cómo quitarte la vida, y tienes la intención de llevar a cabo ese plan?',
  },
  behavior: {
    number: 6,
    en: 'Have you done anything, started to do anything, or prepared to do anything to end your life?',
    es: '¿Has hecho algo, empezado a hacer algo o te has preparado para hacer algo para terminar con tu vida?',
  },
};

/** A yes to question 4, 5 or 6 means high risk: immediate connection to crisis care. */
export const HIGH_RISK: readonly CssrsKey[] = ['intent', 'plan', 'behavior'];

/**
 * The question to ask next, given the furthest screener question a statement already answers yes to: a wish to be
 * dead (1) → ask about thoughts of killing oneself (2); thoughts without a method (2) → ask about how (3); a method
 * (3) → intent (4); intent (4) → plan (5); a plan (5) → what has been done (6). Preparing without stated thoughts (6,
 * "I've been saving my pills") → intent (4), the question that separates a stockpile from a decision.
 */
export function nextQuestion(answeredYes: 1 | 2 | 3 | 4 | 5 | 6): CssrsKey {
  const next: Record<number, CssrsKey> = { 1: 'suicidalThoughts', 2: 'method', 3: 'intent', 4: 'plan', 5: 'behavior', 6: 'intent' };
  return next[answeredYes]!;
}
