import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { ResourceInput } from '../../../contracts/resources.ts';
import { normalizeResourceInput } from './entries-input.ts';
import { entriesRepo } from './entries-repo.ts';

/**
 * The directory a fresh instance starts with: national services in the United States (numbers from
 * shared/reference/domain.md §5, reviewed as of STARTER_VERIFIED_AT). They are ordinary entries afterwards: coordinators
 * edit, archive or replace them.
 *
 * For another country: archive these on the admin page (or through the API) and import your own lines, or change
 * this list before the first start. What usually needs replacing is marked "COUNTRY" below: phone numbers (stored
 * normalised: E.164 such as +18006624357, or a short code such as 988), websites, languages and the time zone of
 * the 24/7 lines. The three crisis lines (crisisScreen) also show on the crisis screen and the SOS page for
 * readers of their languages. A removed entry never comes back: the starter set is given once per version (starter.ts).
 */

/** Bump when entries are added to the starter set; instances that had an older version receive only what is new. */
export const STARTER_DIRECTORY_VERSION = 1;

/** When the starter set was last reviewed against the organisations' own pages (shown as "last verified"). */
export const STARTER_VERIFIED_AT = new Date('2026-11-01T00:00:00Z');

export const STARTER_EXTERNAL_PREFIX = 'kindred-starter:';

export type StarterEntry = ResourceInput & {
  /** Stored as `kindred-starter:<externalId>`, so an export and re-import recognises the entry. */
  externalId: string;
  /** The STARTER_DIRECTORY_VERSION that added it (1 when absent). */
  since?: number;
};

/** COUNTRY: 24/7 national lines answer in every US time zone; the zone only anchors "open now" (always true). */
const ALWAYS_OPEN = { timeZone: 'America/New_York', alwaysOpen: true, periods: [] };

/** What an entry says when it does not say otherwise. */
const NONE = {
  audience: 'public',
  locale: 'en',
  phone: null,
  textLine: null,
  website: null,
  address: null,
  location: null,
  hours: null,
  costNote: null,
  eligibility: null,
  inPerson: false,
  online: false,
  crisisScreen: false,
} as const;

export const STARTER_DIRECTORY: readonly StarterEntry[] = [
  {
    ...NONE,
    externalId: '988-lifeline',
    name: '988 Suicide & Crisis Lifeline',
    category: 'crisis_lines',
    description:
      'Call or text 988, any time, day or night, if you are thinking about suicide, are in emotional distress, or are worried about someone. A trained counselor listens and helps you through the moment. You can also chat at 988lifeline.org. Press 1 for the Veterans Crisis Line, 2 for Spanish.',
    translations: {
      es: {
        name: '988 Línea de Prevención del Suicidio y Crisis',
        description:
          'Llama o envía un mensaje de texto al 988, a cualquier hora del día o de la noche, si piensas en el suicidio, estás pasando por una crisis emocional o te preocupa alguien. Una persona capacitada te escucha y te acompaña en ese momento. También puedes chatear en 988lifeline.org. Marca 2 para hablar en español.',
      },
    },
    // COUNTRY: a short code kept as it is (normalizePhone keeps digits-only 3-6 long).
    phone: '988',
    textLine: { number: '988', keyword: null },
    website: 'https://988lifeline.org/',
    hours: ALWAYS_OPEN,
    languages: ['en', 'es'],
    costs: ['free'],
    online: true,
    crisisScreen: true,
  },
  {
    ...NONE,
    externalId: 'samhsa-helpline',
    name: 'SAMHSA National Helpline',
    category: 'crisis_lines',
    description:
      'Free, confidential treatment referral and information, 24 hours a day, 365 days a year, in English and Spanish, for you or someone in your family facing a substance use or mental health problem. They connect you with treatment, support groups and community services near you. You do not have to give your name. TTY: 1-800-487-4889.',
    translations: {
      es: {
        name: 'Línea Nacional de Ayuda de SAMHSA',
        description:
          'Orientación gratuita y confidencial sobre tratamiento, las 24 horas, los 365 días del año, en español e inglés, para ti o para alguien de tu familia que enfrenta un problema de consumo de sustancias o de salud mental. Te ponen en contacto con tratamiento, grupos de apoyo y servicios cerca de ti. No tienes que dar tu nombre. TTY: 1-800-487-4889.',
      },
    },
    // COUNTRY: 1-800-662-HELP (4357) in E.164.
    phone: '+18006624357',
    website: 'https://www.samhsa.gov/find-help/helplines/national-helpline',
    hours: ALWAYS_OPEN,
    languages: ['en', 'es'],
    costs: ['free'],
    crisisScreen: true,
  },
  {
    ...NONE,
    externalId: 'crisis-text-line',
    name: 'Crisis Text Line',
    category: 'crisis_lines',
    description:
      'Text HOME to 741741 from anywhere in the United States, any time, to reach a trained volunteer crisis counselor by text. Good for when talking out loud is too hard or not safe. In Spanish: text AYUDA to 741741.',
    translations: {
      es: {
        name: 'Crisis Text Line',
        description:
          'Envía AYUDA al 741741 para hablar por mensajes de texto con una persona voluntaria capacitada en crisis, en español, desde cualquier lugar de Estados Unidos y a cualquier hora. Sirve cuando hablar en voz alta es demasiado difícil o no es seguro. En inglés: envía HOME al 741741.',
      },
    },
    // COUNTRY: a short code and the keyword to send.
    textLine: { number: '741741', keyword: 'HOME' },
    website: 'https://crisistextline.org/',
    hours: ALWAYS_OPEN,
    languages: ['en', 'es'],
    costs: ['free'],
    crisisScreen: true,
  },
  {
    ...NONE,
    externalId: 'findtreatment-gov',
    name: 'FindTreatment.gov',
    category: 'treatment_detox',
    description:
      'The federal government’s confidential locator for treatment of substance use and mental health problems. Search by address to see detox, outpatient and residential programs, medication for opioid use disorder, and how each one can be paid for. If you would rather talk to a person, call the SAMHSA National Helpline at 1-800-662-4357.',
    translations: {
      es: {
        name: 'FindTreatment.gov',
        description:
          'El buscador confidencial del gobierno federal para encontrar tratamiento por consumo de sustancias y salud mental. Busca por dirección para ver programas de desintoxicación, ambulatorios y residenciales, medicamentos para el trastorno por consumo de opioides y cómo se puede pagar cada uno. Si prefieres hablar con una persona, llama a la Línea Nacional de Ayuda de SAMHSA al 1-800-662-4357, también en español.',
      },
    },
    // COUNTRY: your country's official treatment finder.
    website: 'https://findtreatment.gov/',
    languages: ['en'],
    costs: ['free'],
    costNote: 'Free to search; the cost of treatment depends on the program.',
    online: true,
  },
  {
    ...NONE,
    externalId: 'smart-recovery',
    name: 'SMART Recovery',
    category: 'mutual_aid',
    description:
      'Free mutual-support meetings, in person and online, built on practical tools for handling urges, changing habits and building a life you want. Open to anyone who wants to change their relationship with alcohol, drugs or other addictive behaviors, alongside any other pathway, including medication.',
    translations: {
      es: {
        name: 'SMART Recovery',
        description:
          'Reuniones gratuitas de apoyo mutuo, presenciales y en línea, basadas en herramientas prácticas para manejar los impulsos, cambiar hábitos y construir la vida que quieres. Abiertas a cualquier persona que quiera cambiar su relación con el alcohol, las drogas u otras conductas adictivas, junto con cualquier otro camino, incluida la medicación. Consulta en el sitio web qué reuniones hay en tu idioma.',
      },
    },
    website: 'https://smartrecovery.org/',
    languages: ['en'],
    costs: ['free'],
    inPerson: true,
    online: true,
  },
  {
    ...NONE,
    externalId: 'alcoholics-anonymous',
    name: 'Alcoholics Anonymous',
    category: 'mutual_aid',
    description:
      'A fellowship of people who share their experience, strength and hope to stay sober and help others recover from alcoholism. Meetings in person and online, in many languages. The only requirement for membership is a desire to stop drinking. Find a meeting on the website or in the Meeting Guide app.',
    translations: {
      es: {
        name: 'Alcohólicos Anónimos',
        description:
          'Una comunidad de personas que comparten su experiencia, fortaleza y esperanza para mantenerse sobrias y ayudar a otras a recuperarse del alcoholismo. Reuniones presenciales y en línea, en muchos idiomas, también en español. El único requisito para ser miembro es el deseo de dejar la bebida. Busca una reunión en el sitio web o en la aplicación Meeting Guide.',
      },
    },
    // The fellowships below are international: keep them, or point to your country's service office.
    website: 'https://www.aa.org/',
    languages: ['en', 'es'],
    costs: ['free'],
    costNote: 'No dues or fees; groups may pass a basket for voluntary contributions.',
    eligibility: 'Anyone with a desire to stop drinking.',
    inPerson: true,
    online: true,
  },
  {
    ...NONE,
    externalId: 'narcotics-anonymous',
    name: 'Narcotics Anonymous',
    category: 'mutual_aid',
    description:
      'A fellowship of people for whom drugs had become a major problem, meeting regularly to help each other stay clean. Meetings in person and online, around the world and in many languages. The only requirement for membership is a desire to stop using.',
    translations: {
      es: {
        name: 'Narcóticos Anónimos',
        description:
          'Una comunidad de personas para quienes las drogas se habían convertido en un problema importante, que se reúnen con regularidad para ayudarse a mantenerse limpias. Reuniones presenciales y en línea, en todo el mundo y en muchos idiomas, también en español. El único requisito para ser miembro es el deseo de dejar de consumir.',
      },
    },
    website: 'https://na.org/',
    languages: ['en', 'es'],
    costs: ['free'],
    costNote: 'No dues or fees; groups may pass a basket for voluntary contributions.',
    eligibility: 'Anyone with a desire to stop using.',
    inPerson: true,
    online: true,
  },
  {
    ...NONE,
    externalId: 'al-anon',
    name: 'Al-Anon Family Groups',
    category: 'family_support',
    description:
      'Mutual support for families and friends of people whose drinking worries them, whether or not that person is still drinking. Meetings in person, online and by phone; Alateen is for younger members. You do not need to talk about anyone else’s choices to come: the meetings are about you.',
    translations: {
      es: {
        name: 'Grupos de Familia Al-Anon',
        description:
          'Apoyo mutuo para familiares y amistades de personas cuya forma de beber les preocupa, siga bebiendo o no. Reuniones presenciales, en línea y por teléfono, también en español; Alateen es para los miembros más jóvenes. No hace falta hablar de las decisiones de otra persona para venir: las reuniones tratan de ti.',
      },
    },
    website: 'https://al-anon.org/',
    languages: ['en', 'es'],
    costs: ['free'],
    eligibility: 'Relatives and friends of someone with a drinking problem.',
    inPerson: true,
    online: true,
  },
  {
    ...NONE,
    externalId: 'nar-anon',
    name: 'Nar-Anon Family Groups',
    category: 'family_support',
    description:
      'Mutual support for relatives and friends of someone with a drug problem. Members share what has helped them find some peace and take care of themselves, whatever the person they love is doing. Meetings in person and online.',
    translations: {
      es: {
        name: 'Grupos de Familia Nar-Anon',
        description:
          'Apoyo mutuo para familiares y amistades de alguien con un problema de drogas. Los miembros comparten lo que les ha ayudado a encontrar algo de paz y a cuidarse, haga lo que haga la persona que quieren. Reuniones presenciales y en línea.',
      },
    },
    website: 'https://www.nar-anon.org/',
    languages: ['en', 'es'],
    costs: ['free'],
    eligibility: 'Relatives and friends of someone with a drug problem.',
    inPerson: true,
    online: true,
  },
  {
    ...NONE,
    externalId: 'naloxone-guidance',
    name: 'Naloxone: how to respond to an overdose',
    category: 'harm_reduction',
    description:
      'Naloxone (Narcan is one brand) can reverse an opioid overdose, including fentanyl. Signs of an overdose: the person will not wake up or respond to their name or a hard rub on the breastbone; breathing is slow, noisy or has stopped; lips or fingertips are blue or gray; pupils are tiny. What to do: 1. Call 911. 2. Give naloxone: for the nasal spray, lay them on their back and spray one dose into a nostril. If there is no response after 2 to 3 minutes, give another dose. 3. If they are not breathing, give rescue breaths. 4. Put them on their side in the recovery position so they will not choke. 5. Stay with them until help arrives: naloxone can wear off before the opioids do. If you are not sure it is an opioid overdose, give it anyway; it does not harm someone who has not taken opioids. In the US the nasal spray is sold in pharmacies without a prescription, and many health departments and harm reduction programs give it away free.',
    translations: {
      es: {
        name: 'Naloxona: cómo responder a una sobredosis',
        description:
          'La naloxona (Narcan es una marca) puede revertir una sobredosis de opioides, incluido el fentanilo. Señales de sobredosis: la persona no despierta ni responde a su nombre ni a un frotamiento fuerte en el esternón; respira lento, con ruidos, o no respira; tiene los labios o las puntas de los dedos azules o grises; las pupilas muy pequeñas. Qué hacer: 1. Llama al 911. 2. Da naloxona: con el aerosol nasal, acuesta a la persona boca arriba y aplica una dosis en una fosa nasal. Si no responde en 2 o 3 minutos, da otra dosis. 3. Si no respira, dale respiración de rescate. 4. Ponla de lado, en posición de recuperación, para que no se ahogue. 5. Quédate con ella hasta que llegue la ayuda: el efecto de la naloxona puede pasar antes que el de los opioides. Si no sabes si es una sobredosis de opioides, dala de todos modos; no hace daño a quien no ha tomado opioides. En Estados Unidos el aerosol nasal se vende en farmacias sin receta, y muchos departamentos de salud y programas de reducción de daños lo regalan.',
      },
    },
    // COUNTRY: the emergency number in the text (911) and an official page of your own health service.
    website: 'https://www.samhsa.gov/substance-use/treatment/overdose-prevention',
    // The guidance is the description itself, written in both languages; the linked page is in English.
    languages: ['en', 'es'],
    costs: ['free'],
    online: true,
  },
];

type Tx = Pick<NodePgDatabase, 'execute' | 'insert'>;

/**
 * Inserts the entries added after `fromVersion` through the same normalisation as a coordinator's entry. One whose
 * external id is already taken (an instance that imported another's export) is left alone.
 */
export async function insertStarterDirectory(tx: Tx, fromVersion: number): Promise<void> {
  const entries = STARTER_DIRECTORY.filter((e) => (e.since ?? 1) > fromVersion);
  const ids = entries.map((e) => `${STARTER_EXTERNAL_PREFIX}${e.externalId}`);
  if (ids.length === 0) return;
  const taken = await tx.execute<{ externalId: string }>(
    sql`select external_id as "externalId" from resource where external_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
  );
  const present = new Set(taken.rows.map((r) => r.externalId));
  for (const { externalId, since: _since, ...input } of entries) {
    const id = `${STARTER_EXTERNAL_PREFIX}${externalId}`;
    if (present.has(id)) continue;
    const normalized = normalizeResourceInput(input, { phoneCountry: 'US' });
    // The list above is ours: an entry that does not pass is a mistake to fix here, not something to skip quietly.
    if (!normalized.ok) throw new Error(`Starter entry ${externalId}: ${normalized.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
    await entriesRepo.insert(tx, normalized.value, { status: 'published', origin: 'starter', externalId: id, verifiedAt: STARTER_VERIFIED_AT });
  }
}
