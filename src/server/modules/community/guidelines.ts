/**
 * The community guidelines a person accepts before their first post. Acceptance is recorded with GUIDELINES_VERSION:
 * raise it when the meaning of a rule changes (everyone accepts again), not for a typo.
 */
export const GUIDELINES_VERSION = 1;

export type GuidelinesLocale = 'en' | 'es';
export interface GuidelineRule {
  key: string;
  title: string;
  text: string;
}
export interface GuidelinesText {
  version: number;
  title: string;
  intro: string;
  rules: GuidelineRule[];
}

type Texts = Omit<GuidelinesText, 'version' | 'rules'> & { rules: Record<RuleKey, Omit<GuidelineRule, 'key'>> };

/** The order they are shown in: what keeps people safe first, then how we treat each other, then where help is. */
export const GUIDELINE_KEYS = [
  'no_sourcing',
  'no_medical_advice',
  'no_dating',
  'no_outing',
  'no_off_platform_pressure',
  'every_pathway',
  'be_kind',
  'crisis_help',
  'anonymity',
] as const;
type RuleKey = (typeof GUIDELINE_KEYS)[number];

const TEXTS: Record<GuidelinesLocale, Texts> = {
  en: {
    title: 'Community guidelines',
    intro:
      'This is a place for people in recovery, and for the people who love them, to support each other. Everyone here is welcome, on any day, however that day is going. These few agreements keep it safe enough to be honest.',
    rules: {
      no_sourcing: {
        title: 'No sourcing or selling',
        text: 'Never offer, ask for, buy, sell or point anyone to alcohol, drugs or prescriptions here, not even as a joke. Talking about your own use and what it cost you is part of recovery and welcome; helping someone get using is not.',
      },
      no_medical_advice: {
        title: 'Share experience, not medical advice',
        text: 'Say what worked for you and how it felt. Don’t tell someone to start, stop or change a medication or dose, or present a treatment as a fact for everyone. Withdrawal can be dangerous: for anything medical, please talk to a doctor, nurse or pharmacist.',
      },
      no_dating: {
        title: 'No dating or solicitation',
        text: 'This is not a place to look for a partner, flirt, or sell anything, including services, coaching or products. Early recovery is a tender time; let people come here just for support.',
      },
      no_outing: {
        title: 'What is said here stays here',
        text: 'Share your own story, not anyone else’s. Don’t post someone’s name, photo, workplace or anything that could identify them, and don’t repeat what a member shared here anywhere else.',
      },
      no_off_platform_pressure: {
        title: 'No pressure to move elsewhere',
        text: 'Don’t push anyone to message privately, swap phone numbers or join another app or group. Someone who wants more support can ask for a peer supporter or mentor here, where it is safe.',
      },
      every_pathway: {
        title: 'Every pathway is respected',
        text: 'People recover in many ways: twelve-step, SMART, faith, medication for opioid or alcohol use (MOUD/MAT), harm reduction, or their own path. Someone on medication is in recovery. Share what works for you without putting down what works for others.',
      },
      be_kind: {
        title: 'Be kind, never shaming',
        text: 'Slips and relapses happen, and whoever comes back after one deserves a warm welcome. Disagree gently, with no insults, labels or lectures. If a post upsets you, report it and let a moderator handle it.',
      },
      crisis_help: {
        title: 'If you are in crisis, reach out now',
        text: 'People here are peers, not a crisis service, and may not see your post in time. If you might hurt yourself or someone else, or have taken too much, use the SOS button or call your local crisis line or emergency number right away.',
      },
      anonymity: {
        title: 'About posting anonymously',
        text: 'You can post anonymously: other members see “Anonymous member” instead of your name. Moderators can still see who wrote every post, so they can keep everyone safe and reach out if someone is in danger.',
      },
    },
  },
  es: {
    title: 'Normas de la comunidad',
    intro:
      'Este es un espacio para que las personas en recuperación, y quienes las quieren, se apoyen entre sí. Aquí cabe todo el mundo, cualquier día y como sea que vaya ese día. Estos pocos acuerdos lo mantienen lo bastante seguro como para poder hablar con sinceridad.',
    rules: {
      no_sourcing: {
        title: 'Nada de conseguir ni vender sustancias',
        text: 'Aquí no se ofrece, se pide, se compra ni se vende alcohol, drogas ni medicamentos, ni se dice a nadie dónde conseguirlos, ni siquiera en broma. Hablar de tu propio consumo y de lo que te costó forma parte de la recuperación y es bienvenido; ayudar a alguien a consumir, no.',
      },
      no_medical_advice: {
        title: 'Comparte tu experiencia, no consejos médicos',
        text: 'Cuenta lo que te sirvió a ti y cómo te sentiste. No le digas a nadie que empiece, deje o cambie un medicamento o su dosis, ni presentes un tratamiento como una verdad para todos. La abstinencia puede ser peligrosa: para cualquier tema médico, consulta con tu médico, enfermería o farmacia.',
      },
      no_dating: {
        title: 'Sin ligar ni vender',
        text: 'Esto no es un sitio para buscar pareja, coquetear ni ofrecer nada a la venta, tampoco servicios, coaching o productos. Los primeros tiempos de la recuperación son delicados; deja que la gente venga solo a buscar apoyo.',
      },
      no_outing: {
        title: 'Lo que se dice aquí, aquí se queda',
        text: 'Cuenta tu historia, no la de otras personas. No publiques el nombre, la foto, el trabajo ni nada que permita reconocer a alguien, y no repitas fuera lo que otra persona compartió aquí.',
      },
      no_off_platform_pressure: {
        title: 'Sin presionar para hablar en otro sitio',
        text: 'No insistas en que alguien te escriba en privado, te dé su teléfono o se una a otra aplicación o grupo. Quien necesite más apoyo puede pedir aquí un compañero de apoyo o un mentor, con la seguridad de este espacio.',
      },
      every_pathway: {
        title: 'Todos los caminos merecen respeto',
        text: 'Hay muchas formas de recuperarse: los doce pasos, SMART, la fe, la medicación para el consumo de opioides o de alcohol (tratamiento asistido con medicación), la reducción de daños o un camino propio. Quien toma medicación también está en recuperación. Comparte lo que te funciona sin menospreciar lo que les funciona a los demás.',
      },
      be_kind: {
        title: 'Con cariño, sin avergonzar a nadie',
        text: 'Las recaídas pasan, y quien vuelve después de una merece que lo recibamos con calidez. Si no estás de acuerdo, dilo con suavidad, sin insultos, etiquetas ni sermones. Si una publicación te hace daño, denúnciala y deja que la modere el equipo de moderación.',
      },
      crisis_help: {
        title: 'Si estás en crisis, pide ayuda ya',
        text: 'Quienes están aquí son compañeros, no un servicio de crisis, y puede que no vean tu mensaje a tiempo. Si crees que podrías hacerte daño o hacérselo a alguien, o si has tomado demasiado, pulsa el botón SOS o llama enseguida a la línea de crisis o al número de emergencias de tu zona.',
      },
      anonymity: {
        title: 'Sobre publicar de forma anónima',
        text: 'Puedes publicar de forma anónima: los demás miembros verán «Miembro anónimo» en lugar de tu nombre. El equipo de moderación sí puede ver quién escribió cada publicación, para cuidar de todas las personas y poder ayudar si alguien corre peligro.',
      },
    },
  },
};

/** The guidelines in the reader's language, rules in their fixed order. */
export function guidelinesFor(locale: GuidelinesLocale): GuidelinesText {
  const t = TEXTS[locale] ?? TEXTS.en;
  return { version: GUIDELINES_VERSION, title: t.title, intro: t.intro, rules: GUIDELINE_KEYS.map((key) => ({ key, ...t.rules[key] })) };
}
