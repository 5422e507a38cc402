import { DateTime } from 'luxon';
import type { Locale } from '../../contracts/common.ts';
import {
  checkInBody,
  copingStrategyBody,
  goalBody,
  PATHWAYS,
  safetyPlanBody,
  type SHARE_CATEGORIES,
  type STAGES,
  TRIGGERS,
  USED,
} from '../../contracts/journey.ts';
import type { Queryable } from '../../server/db/client.ts';
import { newId } from '../../server/db/ids.ts';
import { todayIn } from '../../server/modules/journey/dates.ts';
import { milestonesThrough } from '../../server/modules/journey/milestones.ts';
import {
  checkIn,
  copingStrategy,
  goal,
  goalEntry,
  journeyConsent,
  milestoneReached,
  recoveryProfile,
  safetyPlan,
  sobrietyPeriod,
  sobrietyTrack,
  stageAssessment,
} from '../../server/modules/journey/tables.ts';
import { mentorship } from '../../server/modules/mentoring/tables.ts';
import type { SeededPerson } from './accounts.ts';
import type { SeededRandom } from './random.ts';
import type { DemoStep } from './seed.ts';

/**
 * Recovery journeys for the demo members: sobriety tracks with their history (setbacks kept, never erased), months
 * of daily check-ins, a recovery profile with its stage-of-change history, goals, coping strategies, safety plans,
 * and mentorships with what the mentee shares. These are historical records, so the rows are written directly
 * (there is no service for a back-dated check-in); every row hangs off a demo person and cascades with them.
 */

type Stage = (typeof STAGES)[number];
type Trigger = (typeof TRIGGERS)[number];
type Category = (typeof SHARE_CATEGORIES)[number];
type Substance = 'alcohol' | 'opioids' | 'cannabis' | 'gambling';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table (check_in, 13 columns). */
const CHUNK = 1000;

// ── Words, in each language ───────────────────────────────────────────────────────────────────────────────────

const TRACK_LABELS: Record<Locale, Record<Substance, string>> = {
  en: { alcohol: 'alcohol', opioids: 'opioids', cannabis: 'cannabis', gambling: 'gambling' },
  es: { alcohol: 'alcohol', opioids: 'opioides', cannabis: 'cannabis', gambling: 'juego' },
};
const OTHER_RECOVERING_FROM: Record<Locale, readonly string[]> = {
  en: ['nicotine', 'cocaine', 'methamphetamine', 'benzodiazepines'],
  es: ['nicotina', 'cocaína', 'metanfetamina', 'benzodiacepinas'],
};

/** Short gratitude lines. A person never sees the same line twice within GRATITUDE_SPACING entries. */
export const GRATITUDE: Record<Locale, readonly string[]> = {
  en: [
    'Slept through the night for once.',
    'Coffee on the porch before anyone else woke up.',
    'My sister called just to check on me.',
    'A long walk by the river after work.',
    'The guy at the meeting who saved me a seat.',
    'My kid laughed at my terrible joke.',
    'Paid the electric bill on time.',
    'Cooked a real dinner, not takeout.',
    'My sponsor picked up on the first ring.',
    'Rain on the window while I read.',
    'Got through a rough afternoon without giving in.',
    'The dog was so happy to see me.',
    'A coworker asked how I was and meant it.',
    'Fixed the leaky faucet myself.',
    'Fresh sheets.',
    'The sunset on the drive home.',
    'Someone new at group said my share helped.',
    'Forty minutes at the gym. Felt strong.',
    'Mom and I had a real conversation.',
    'Being able to remember last night.',
    'A clear head this morning.',
    'Pancakes with the kids on Saturday.',
    'Finished a whole book this week.',
    'My counselor noticed the progress.',
    'A quiet evening, no drama.',
    'Texted an old friend and she wrote back.',
    'Warm soup at the church supper.',
    'Put twenty dollars in savings instead of spending it.',
    'Planted tomatoes in the back yard.',
    'Music in the car, windows down.',
    'Laughed so hard at group I cried.',
    'Woke up rested. Still feels new.',
    'A good cry, and then everything felt lighter.',
    'Made my bed. Small win.',
    'The barista remembered my name.',
    'Walked past my old spot and kept walking.',
    'Got a callback about the job.',
    "Grandma's recipe turned out right.",
    'Sat in the sun on my lunch break.',
    'My roommate made me tea when I was struggling.',
    'An honest talk with my mentor.',
    'Trusted with the car keys again.',
    'Nobody had to worry about me today.',
    'Helped a neighbor carry groceries up the stairs.',
  ],
  es: [
    'Mi hermana me llamó solo para saber cómo estaba.',
    'Un café tranquilo antes de que todos despertaran.',
    'Dormí toda la noche de corrido.',
    'Una caminata larga después del trabajo.',
    'El señor de la junta que me guardó un lugar.',
    'Mi hijo se rió con mi chiste malo.',
    'Pagué la luz a tiempo.',
    'Cociné una cena de verdad, nada de comida rápida.',
    'Mi padrino contestó al primer timbre.',
    'La lluvia en la ventana mientras leía.',
    'Pasé una tarde difícil sin ceder.',
    'El perro se puso feliz de verme.',
    'Una compañera del trabajo me preguntó cómo estaba, y de verdad.',
    'Arreglé yo la llave que goteaba.',
    'Sábanas limpias.',
    'El atardecer de camino a casa.',
    'Alguien nuevo en el grupo dijo que mi testimonio le ayudó.',
    'Cuarenta minutos en el gimnasio. Me sentí fuerte.',
    'Mi mamá y yo platicamos de verdad.',
    'Poder acordarme de anoche.',
    'La cabeza despejada esta mañana.',
    'Hotcakes con los niños el sábado.',
    'Terminé un libro entero esta semana.',
    'Mi consejera notó mi avance.',
    'Una noche tranquila, sin pleitos.',
    'Le escribí a una vieja amiga y me contestó.',
    'El caldito de la cena de la parroquia.',
    'Guardé veinte dólares en vez de gastarlos.',
    'Sembré jitomates en el patio.',
    'Música en el carro con las ventanas abiertas.',
    'Me reí tanto en el grupo que lloré.',
    'Desperté con energía. Todavía se siente nuevo.',
    'Lloré un rato y después todo pesaba menos.',
    'Tendí la cama. Una pequeña victoria.',
    'En la cafetería ya se saben mi nombre.',
    'Pasé por mi antiguo rumbo y seguí caminando.',
    'Me llamaron para la entrevista de trabajo.',
    'La receta de mi abuela me salió igualita.',
    'Un rato al sol en mi hora de comida.',
    'Mi compañero de cuarto me hizo un té cuando más lo necesitaba.',
    'Una plática honesta con mi mentor.',
    'Me volvieron a confiar las llaves del carro.',
    'Hoy nadie tuvo que preocuparse por mí.',
    'Le ayudé a la vecina a subir el mandado.',
  ],
};
const GRATITUDE_SPACING = 20;

/** Private notes on a setback: kind to oneself, never ashamed. */
const SETBACK_NOTES: Record<Locale, readonly string[]> = {
  en: [
    'Bad week at work and I went back to old habits. Called my sponsor the next morning. Starting again.',
    "It was the anniversary of Dad's passing. I'm not going to beat myself up. Day one again.",
    'Went to a party I knew I should skip. Lesson: I need an exit plan.',
    'Stopped going to meetings for a few weeks and it crept up on me. Back now.',
    'My back pain got bad and I used. Talking to my doctor about other options.',
    'Slipped after a fight with my partner. One night does not erase the months before it.',
    'Payday, home alone, old friends texting. I know the pattern now.',
    "I was lonely and didn't reach out. Next time I call someone first.",
    "Thought I could handle just one. I couldn't. That's okay, I'm still here.",
    'Rough couple of days after losing the job. Back to basics: meetings, sleep, food.',
    "The holidays were hard. I'm proud I told my group the truth.",
    'Three nights without sleep and I gave in. Getting help with the insomnia.',
  ],
  es: [
    'Una semana pesada en el trabajo y volví a lo de antes. Al día siguiente le llamé a mi padrino. Empiezo de nuevo.',
    'Era el aniversario de la muerte de mi papá. No me voy a castigar. Otra vez día uno.',
    'Fui a una fiesta que sabía que debía evitar. Aprendí que necesito un plan para salirme.',
    'Dejé de ir a las juntas unas semanas y me fue ganando. Ya regresé.',
    'El dolor de espalda se puso feo y consumí. Voy a hablar con mi doctor de otras opciones.',
    'Recaí después de un pleito con mi pareja. Una noche no borra los meses de antes.',
    'Día de pago, a solas en casa, los amigos de antes mandando mensajes. Ya conozco el patrón.',
    'Me sentía sin nadie y no pedí ayuda. La próxima vez llamo a alguien primero.',
    'Creí que podía con una nada más. No pude. Está bien, sigo aquí.',
    'Un par de días difíciles después de perder el trabajo. De vuelta a lo básico: juntas, dormir, comer.',
    'Las fiestas de fin de año estuvieron duras. Me da orgullo haberle dicho la verdad a mi grupo.',
    'Tres noches sin dormir y cedí. Estoy buscando ayuda para el insomnio.',
  ],
};

const HARD_DAY_NOTES: Record<Locale, readonly string[]> = {
  en: [
    'Craving hit hard after dinner. Went for a walk and it passed.',
    'Called my sponsor instead of driving to the old place.',
    'Anxious all day, not sure why. Tomorrow is new.',
    'Argued with my ex on the phone. Did my breathing after.',
    'Tired and cranky. Early night.',
    'Saw an ad that got to me. Changed the channel and texted my mentor.',
    'Gave my card to my brother for the weekend. Urges were loud.',
    'Everything felt heavy. Ate something, showered, went to bed.',
    'Wanted to isolate. Made myself go to the meeting anyway.',
    'Old friend called asking to hang out. Said no.',
    'Played the tape forward. It helped, barely.',
    'Hard day. Still counts.',
  ],
  es: [
    'Las ganas me pegaron fuerte después de cenar. Salí a caminar y se pasaron.',
    'Le llamé a mi padrino en vez de ir al lugar de antes.',
    'Ansiedad todo el día, no sé por qué. Mañana es otro día.',
    'Discutí con mi ex por teléfono. Después hice mis respiraciones.',
    'Cansancio y mal humor. Me dormí temprano.',
    'Vi un anuncio que me movió todo. Cambié de canal y le escribí a mi mentor.',
    'Le dejé mi tarjeta a mi hermano el fin de semana. Las ganas estaban fuertes.',
    'Todo pesaba. Comí algo, me bañé y me acosté.',
    'Quería encerrarme. Fui a la junta de todos modos.',
    'Un amigo de antes me invitó a salir. Le dije que no.',
    'Pensé en cómo terminaría la noche. Me ayudó, apenas.',
    'Día difícil. Igual cuenta.',
  ],
};

const GOOD_DAY_NOTES: Record<Locale, readonly string[]> = {
  en: [
    'Felt like myself today.',
    'Helped set up chairs before the meeting.',
    'Good session with my counselor.',
    'Cleaned the whole apartment.',
    'Shared at group for the first time in a while.',
    'Went to bed at a decent hour.',
    'Cooked for my mom.',
    'Work was busy but I stayed steady.',
  ],
  es: [
    'Hoy me sentí yo.',
    'Ayudé a acomodar las sillas antes de la junta.',
    'Buena sesión con mi consejera.',
    'Limpié todo el departamento.',
    'Compartí en el grupo después de mucho tiempo.',
    'Me acosté a una hora decente.',
    'Le cociné a mi mamá.',
    'Mucho trabajo, pero me mantuve en paz.',
  ],
};

const TRIGGER_NOTES: Record<Locale, readonly string[]> = {
  en: ['Work deadline', 'Family dinner', 'Drove past the bar', 'Back pain flared up', "Friend's birthday", 'Bills came in', 'Long weekend alone', 'Ran into an old using buddy'],
  es: ['Entrega en el trabajo', 'Comida familiar', 'Pasé frente a la cantina', 'Me volvió el dolor de espalda', 'Cumpleaños de un amigo', 'Llegaron los recibos', 'Fin de semana largo a solas', 'Me encontré a un cuate de antes'],
};

const COPING: Record<Locale, ReadonlyArray<{ title: string; steps: string[] }>> = {
  en: [
    { title: 'Urge surfing', steps: ['Notice where the craving sits in my body', 'Breathe and watch it rise like a wave', 'Remind myself it peaks and passes in 20 to 30 minutes'] },
    { title: 'Call someone', steps: ['Open my list of three people', 'Call until someone picks up', 'Say out loud what is going on'] },
    { title: 'Play the tape forward', steps: ['Picture the first hour', 'Picture the next morning', 'Picture who I would have to tell'] },
    { title: 'Get moving', steps: ['Shoes on, out the door', 'Walk for 15 minutes', 'Drink a glass of water when I get back'] },
    { title: 'HALT check', steps: ['Am I hungry, angry, lonely or tired?', 'Eat something, name the feeling, text someone, or rest'] },
    { title: 'Box breathing', steps: ['Breathe in for 4', 'Hold for 4', 'Breathe out for 4', 'Hold for 4, four rounds'] },
    { title: 'Change the scene', steps: ['Leave the room or the place', 'Go somewhere with people around', 'Stay at least 30 minutes'] },
    { title: 'Gratitude list', steps: ['Write three things that went okay today', "Read last week's list"] },
    { title: 'Get to a meeting', steps: ['Look up the next one', 'Go, even if late', 'Stay for coffee after'] },
  ],
  es: [
    { title: 'Surfear las ganas', steps: ['Notar en qué parte del cuerpo siento las ganas', 'Respirar y verlas subir como una ola', 'Recordar que llegan al máximo y pasan en 20 o 30 minutos'] },
    { title: 'Llamar a alguien', steps: ['Abrir mi lista de tres personas', 'Llamar hasta que alguien conteste', 'Decir en voz alta lo que me pasa'] },
    { title: 'Adelantar la película', steps: ['Imaginar la primera hora', 'Imaginar la mañana siguiente', 'Imaginar a quién tendría que contárselo'] },
    { title: 'Moverme', steps: ['Ponerme los tenis y salir', 'Caminar 15 minutos', 'Tomar un vaso de agua al regresar'] },
    { title: 'Revisar HALT', steps: ['¿Tengo hambre, enojo, soledad o cansancio?', 'Comer algo, nombrar lo que siento, escribirle a alguien o descansar'] },
    { title: 'Respiración en caja', steps: ['Inhalar contando 4', 'Sostener 4', 'Exhalar contando 4', 'Sostener 4, cuatro veces'] },
    { title: 'Cambiar de lugar', steps: ['Salir del cuarto o del lugar', 'Ir a donde haya gente', 'Quedarme por lo menos 30 minutos'] },
    { title: 'Lista de gratitud', steps: ['Escribir tres cosas que salieron bien hoy', 'Leer la lista de la semana pasada'] },
    { title: 'Ir a una junta', steps: ['Buscar la próxima', 'Ir aunque llegue tarde', 'Quedarme al café después'] },
  ],
};

const SAFETY: Record<
  Locale,
  {
    warningSigns: string[];
    distractions: string[];
    helpers: string[];
    counselor: string[];
    crisisLine: string;
    saferEnvironment: string[];
    reasons: string[];
  }
> = {
  en: {
    warningSigns: ['Skipping meals and meetings', 'Not answering my phone', 'Thinking "what is the point"', 'Romanticizing the old days', 'Staying up all night', 'Pulling away from my family'],
    distractions: ['The coffee shop on Main Street', 'The library', 'Walking the dog at the park', 'Calling my cousin', 'The gym', 'Sunday dinner at my aunt’s'],
    helpers: ['My sister', 'My sponsor', 'Mom', 'My best friend', 'My neighbor', 'My brother'],
    counselor: ['My counselor', 'Dr. Patel (prescriber)', 'Clinic nurse line', 'My case manager'],
    crisisLine: '988 Suicide & Crisis Lifeline',
    saferEnvironment: ['No alcohol in the house', 'Gave my extra medication to the pharmacy take-back', 'Deleted the numbers of people I used with', 'Self-excluded from the casino and betting apps', 'My partner keeps the car keys at night'],
    reasons: ['My kids', 'Being someone my family can count on', 'My health', 'Getting my license back', 'The person I am becoming', 'My dog'],
  },
  es: {
    warningSigns: ['Dejar de comer y de ir a las juntas', 'No contestar el teléfono', 'Pensar "para qué"', 'Extrañar los tiempos de antes', 'Desvelarme toda la noche', 'Alejarme de mi familia'],
    distractions: ['La cafetería de la esquina', 'La biblioteca', 'Sacar al perro al parque', 'Llamarle a mi prima', 'El gimnasio', 'La comida del domingo con mi tía'],
    helpers: ['Mi hermana', 'Mi padrino', 'Mi mamá', 'Mi mejor amigo', 'La vecina', 'Mi hermano'],
    counselor: ['Mi consejera', 'Dra. Ramírez (médica)', 'Línea de enfermería de la clínica', 'Mi trabajadora social'],
    crisisLine: '988 Línea de Prevención del Suicidio y Crisis (opción en español)',
    saferEnvironment: ['Nada de alcohol en la casa', 'Llevé las medicinas que sobraban a la farmacia', 'Borré los números de con quienes consumía', 'Me autoexcluí del casino y de las apps de apuestas', 'Mi pareja guarda las llaves del carro en la noche'],
    reasons: ['Mis hijos', 'Ser alguien con quien mi familia pueda contar', 'Mi salud', 'Recuperar mi licencia', 'La persona en la que me estoy convirtiendo', 'Mi perro'],
  },
};

interface GoalTemplate {
  title: Record<Locale, (target: number) => string>;
  measure: 'check_ins' | 'meetings' | 'mentor_contacts' | 'self_reported';
  period: 'week' | 'month';
  target: [number, number];
}
const GOALS: GoalTemplate[] = [
  { title: { en: () => 'Check in every day', es: () => 'Hacer mi registro todos los días' }, measure: 'check_ins', period: 'week', target: [5, 7] },
  { title: { en: (n) => `Go to ${n} meetings a week`, es: (n) => `Ir a ${n} juntas por semana` }, measure: 'meetings', period: 'week', target: [2, 5] },
  { title: { en: () => 'Talk with my mentor every week', es: () => 'Hablar con mi mentor cada semana' }, measure: 'mentor_contacts', period: 'week', target: [1, 2] },
  { title: { en: (n) => `Walk 30 minutes, ${n} days a week`, es: (n) => `Caminar 30 minutos, ${n} días por semana` }, measure: 'self_reported', period: 'week', target: [3, 5] },
  { title: { en: () => 'Read recovery literature', es: () => 'Leer literatura de recuperación' }, measure: 'self_reported', period: 'month', target: [8, 15] },
  { title: { en: () => 'Call someone in recovery', es: () => 'Llamar a alguien en recuperación' }, measure: 'self_reported', period: 'week', target: [2, 3] },
];

// ── Plan ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** Everything the step writes, by table, in an order that respects the foreign keys. */
export interface JourneyRows {
  tracks: (typeof sobrietyTrack.$inferInsert)[];
  periods: (typeof sobrietyPeriod.$inferInsert)[];
  milestones: (typeof milestoneReached.$inferInsert)[];
  checkIns: (typeof checkIn.$inferInsert)[];
  profiles: (typeof recoveryProfile.$inferInsert)[];
  stages: (typeof stageAssessment.$inferInsert)[];
  goals: (typeof goal.$inferInsert)[];
  goalEntries: (typeof goalEntry.$inferInsert)[];
  coping: (typeof copingStrategy.$inferInsert)[];
  safetyPlans: (typeof safetyPlan.$inferInsert)[];
  mentorships: (typeof mentorship.$inferInsert)[];
  consents: (typeof journeyConsent.$inferInsert)[];
}

/** Local dates as whole days since 1970-01-01: plain integers, no time zone, no DST. */
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/** Roughly normal, mean 0, standard deviation 1 (the sum of four uniforms). */
const gauss = (random: SeededRandom) => (random.next() + random.next() + random.next() + random.next() - 2) * 1.732;

/** Draws from a pool, never repeating an item within the last `spacing` draws. */
class Spaced<T> {
  private recent: T[] = [];
  constructor(
    private readonly items: readonly T[],
    private readonly random: SeededRandom,
    private readonly spacing: number,
  ) {}

  next(): T {
    const fresh = this.items.filter((item) => !this.recent.includes(item));
    const item = this.random.pick(fresh.length > 0 ? fresh : this.items);
    this.recent.push(item);
    if (this.recent.length > Math.min(this.spacing, this.items.length - 1)) this.recent.shift();
    return item;
  }
}

function pickDistinct<T>(random: SeededRandom, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  return out;
}

interface Period {
  id: string;
  start: number;
  end: number | null;
  note: string | null;
}
interface Track {
  id: string;
  substance: Substance;
  createdDay: number;
  periods: Period[];
}

/** A person's clock: today in their zone, and instants at a local hour of a local day (never in the future). */
function clockOf(person: SeededPerson, now: Date) {
  const today = dayOf(todayIn(person.timeZone, now));
  const offsetMinutes = DateTime.fromJSDate(now).setZone(person.timeZone).offset;
  const joined = dayOf(todayIn(person.timeZone, new Date(now.getTime() - person.joinedDaysAgo * DAY_MS)));
  const at = (day: number, hour: number, minute = 0) =>
    new Date(Math.min(now.getTime() - 60_000, day * DAY_MS + (hour * 60 + minute - offsetMinutes) * 60_000));
  return { today, joined, at };
}

/** How long ago the current recovery date is, for a track without setbacks: days to years. */
function soberDaysAgo(random: SeededRandom): number {
  const bucket = random.weighted({ days: 12, months: 33, year: 35, years: 20 });
  if (bucket === 'days') return random.int(2, 30);
  if (bucket === 'months') return random.int(31, 180);
  if (bucket === 'year') return random.int(181, 730);
  return random.int(731, 3650);
}

function planTracks(random: SeededRandom, today: number, joined: number): Track[] {
  const substances = [random.weighted({ alcohol: 45, opioids: 25, cannabis: 14, gambling: 16 } satisfies Record<Substance, number>)];
  if (random.chance(0.28)) {
    const second = random.weighted({ alcohol: 40, opioids: 15, cannabis: 35, gambling: 10 } satisfies Record<Substance, number>);
    if (second !== substances[0]) substances.push(second);
  }
  return substances.map((substance, i) => {
    const createdDay = Math.min(today, joined + random.int(0, 7));
    // Setbacks are recorded in Kindred, so only after the track exists; a member of a few weeks has none yet.
    const room = today - 3 - (createdDay + 5);
    const setbacks: number[] = [];
    if (room >= 20 && random.chance(i === 0 ? 0.42 : 0.15)) {
      const latest = today - 3 - random.int(0, Math.min(room, 280));
      setbacks.push(latest);
      if (random.chance(0.35) && latest - (createdDay + 5) >= 30) setbacks.unshift(latest - random.int(20, Math.min(latest - createdDay - 5, 240)));
    }
    const firstStart = setbacks.length > 0 ? createdDay - random.int(0, 400) : today - soberDaysAgo(random);
    const starts = [firstStart, ...setbacks];
    const periods = starts.map(
      (start, k): Period => ({ id: newId(), start, end: setbacks[k] ?? null, note: null }),
    );
    return { id: newId(), substance, createdDay: Math.max(Math.min(createdDay, today), Math.min(firstStart, today)), periods };
  });
}

/** A person's journey: their tracks, check-ins and the rest. Appends to `rows`; returns facts mentoring uses. */
function planMember(person: SeededPerson, random: SeededRandom, now: Date, rows: JourneyRows, opts: { mentored: boolean }) {
  const lang = person.locale;
  const { today, joined, at } = clockOf(person, now);
  const userId = person.id;
  const facts = { checkIns: 0, hasTracks: false, hasGoals: false, hasSafetyPlan: false };

  // Sobriety tracks.
  const tracks = random.chance(0.88) ? planTracks(random, today, joined) : [];
  for (const track of tracks) {
    const createdAt = at(track.createdDay, random.int(8, 22), random.int(0, 59));
    rows.tracks.push({ id: track.id, userId, label: TRACK_LABELS[lang][track.substance], announceMilestones: random.chance(0.4) ? 'yes' : 'no', createdAt });
    const notes = new Spaced(SETBACK_NOTES[lang], random, 6);
    for (const period of track.periods) {
      if (period.end !== null) period.note = random.chance(0.8) ? notes.next() : null;
      const periodCreated = period === track.periods[0] ? createdAt : at(period.start, random.int(7, 23), random.int(0, 59));
      rows.periods.push({
        id: period.id,
        trackId: track.id,
        userId,
        startedOn: isoOf(period.start),
        endedOn: period.end === null ? null : isoOf(period.end),
        setbackNote: period.note,
        createdAt: periodCreated,
      });
      const until = period.end === null ? today : period.end - 1;
      for (const m of milestonesThrough(isoOf(period.start), isoOf(until)).reached) {
        rows.milestones.push({ periodId: period.id, userId, milestone: m.key, reachedOn: m.on, createdAt: at(Math.max(dayOf(m.on), track.createdDay), 9) });
      }
    }
  }
  const primary = tracks[0];
  facts.hasTracks = primary !== undefined;
  const setbackDays = tracks.flatMap((t) => t.periods.filter((p) => p.end !== null).map((p) => p.end!));

  // Recovery profile.
  const pathways = new Set<(typeof PATHWAYS)[number]>();
  if (random.chance(0.8)) {
    const count = random.weighted({ one: 50, two: 38, three: 12 });
    const weights = { twelve_step: 34, smart_recovery: 18, medication_assisted: 14, faith_based: 10, secular: 9, harm_reduction: tracks.length === 0 ? 40 : 10, other: 3 };
    if (primary?.substance === 'opioids' && random.chance(0.65)) pathways.add('medication_assisted');
    while (pathways.size < { one: 1, two: 2, three: 3 }[count]) pathways.add(random.weighted(weights));
    const recoveringFrom = [...new Set(tracks.map((t) => TRACK_LABELS[lang][t.substance]))];
    if (random.chance(0.15)) recoveringFrom.push(random.pick(OTHER_RECOVERING_FROM[lang]));
    const languages = lang === 'es' ? (random.chance(0.6) ? ['es', 'en'] : ['es']) : random.chance(0.1) ? ['en', 'es'] : ['en'];
    rows.profiles.push({ userId, pathways: PATHWAYS.filter((p) => pathways.has(p)), recoveringFrom, languages, updatedAt: at(joined + random.int(0, 10), 20) });

    // Stage of change, self-assessed now and then: people move forward, and back after a setback.
    const stages: Array<{ stage: Stage; day: number }> = [];
    const current = primary?.periods.at(-1);
    if (!primary || !current) {
      // The first member without a recovery date starts at precontemplation, so the demo shows every stage whatever
      // the date it runs on (the chances alone left it out on some days).
      const walksEveryStage = !rows.stages.some((r) => r.stage === 'precontemplation') && today - joined >= 30;
      stages.push({ stage: random.chance(0.15) || walksEveryStage ? 'precontemplation' : 'contemplation', day: joined });
      if (walksEveryStage) stages.push({ stage: 'contemplation', day: joined + 7 });
      if (random.chance(0.6) || walksEveryStage) stages.push({ stage: 'preparation', day: joined + random.int(10, Math.max(11, today - joined)) });
    } else {
      const first = primary.periods[0]!;
      stages.push({ stage: first.start >= joined ? 'preparation' : joined - first.start >= 180 ? 'maintenance' : 'action', day: joined });
      for (const period of primary.periods) {
        if (period.start > joined) stages.push({ stage: 'action', day: period.start + random.int(0, 3) });
        if (period.start + 180 > joined && period.start + 180 <= (period.end ?? today)) stages.push({ stage: 'maintenance', day: period.start + 180 + random.int(0, 20) });
      }
    }
    let last: Stage | undefined;
    for (const s of stages.filter((x) => x.day <= today).sort((a, b) => a.day - b.day)) {
      if (s.stage === last) continue;
      rows.stages.push({ userId, stage: s.stage, assessedAt: at(s.day, random.int(8, 22), random.int(0, 59)) });
      last = s.stage;
    }
  }

  // Daily check-ins.
  if (random.chance(0.92)) {
    const firstStart = primary?.periods[0]!.start;
    const start = Math.max(joined + random.int(0, 5), today - random.int(150, 365), firstStart === undefined ? -Infinity : firstStart - random.int(0, 21));
    const end = random.chance(0.08) ? today - random.int(4, 30) : random.chance(0.5) ? today : today - 1;
    const diligence = 0.65 + random.next() * 0.32;
    const resilience = random.next() - 0.5;
    const tau = random.int(40, 100);
    const meetingRate = pathways.has('twelve_step') || pathways.has('smart_recovery') ? 0.3 + random.next() * 0.45 : 0.04 + random.next() * 0.25;
    const hour = random.int(7, 22);
    const triggerWeights = Object.fromEntries(TRIGGERS.map((t) => [t, 1])) as Record<Trigger, number>;
    for (const t of pickDistinct(random, TRIGGERS, 3)) triggerWeights[t] = 6;
    if (tracks.some((t) => t.substance === 'gambling')) triggerWeights.money += 6;
    if (tracks.some((t) => t.substance === 'opioids')) triggerWeights.pain += 5;
    const harmReduction = pathways.has('harm_reduction') && tracks.length === 0;
    const noTrackOffset = random.int(0, 200);
    const gratitude = new Spaced(GRATITUDE[lang], random, GRATITUDE_SPACING);
    const hardNotes = new Spaced(HARD_DAY_NOTES[lang], random, 8);
    const goodNotes = new Spaced(GOOD_DAY_NOTES[lang], random, 5);
    // Two slowly moving states: one drives craving and mood together, the other only mood.
    let z = 0;
    let w = 0;
    let gap = 0;
    for (let day = start; day <= end; day++) {
      // Each day's state carries over a little into the next: good and bad stretches, not white noise.
      z = 0.65 * z + 0.75 * gauss(random);
      w = 0.5 * w + 0.85 * gauss(random);
      const setbackToday = setbackDays.includes(day);
      if (gap > 0 && !setbackToday) {
        gap--;
        continue;
      }
      if (!setbackToday && random.chance(0.01)) {
        gap = random.int(1, 8);
        continue;
      }
      const weekday = (day + 4) % 7; // 0 is Sunday: 1970-01-01 was a Thursday
      const weekend = weekday === 0 || weekday === 6;
      if (!setbackToday && !random.chance(weekend ? diligence - 0.08 : diligence)) continue;

      const period = primary?.periods.findLast((p) => p.start <= day);
      const beforeRecovery = primary !== undefined && period === undefined;
      const daysIn = primary === undefined ? day - start + noTrackOffset : period === undefined ? 0 : day - period.start;
      const recovered = 1 - Math.exp(-daysIn / tau);
      let toSetback = Infinity;
      let sinceSetback = Infinity;
      for (const s of setbackDays) {
        if (s > day) toSetback = Math.min(toSetback, s - day);
        else sinceSetback = Math.min(sinceSetback, day - s);
      }
      const before = toSetback <= 7 ? (8 - toSetback) / 8 : 0;
      const after = sinceSetback <= 4 ? (5 - sinceSetback) / 5 : 0;
      const spike = random.chance(0.03) ? random.int(3, 5) : 0;
      const craving = clamp(Math.round(6.2 - 5 * recovered - resilience + 1.4 * z + spike + 4 * before + 2 * after + (beforeRecovery ? 1.5 : 0)), 0, 10);
      const mood = clamp(Math.round(2.4 + 1.6 * recovered + 0.6 * resilience - 0.32 * z + 0.55 * w - 0.12 * spike - 1.3 * before - 1.2 * after + (weekend ? 0.15 : 0)), 1, 5);
      const used: (typeof USED)[number] = setbackToday
        ? random.chance(0.85)
          ? 'yes'
          : 'prefer_not_to_say'
        : beforeRecovery
          ? random.chance(0.35)
            ? 'yes'
            : 'no'
          : harmReduction && random.chance(0.02 + 0.1 * (1 - recovered))
            ? 'yes'
            : random.chance(0.004)
              ? 'prefer_not_to_say'
              : 'no';

      const triggerCount = craving >= 6 ? random.int(1, 3) : craving >= 3 ? (random.chance(0.55) ? 1 : 0) : random.chance(0.1) ? 1 : 0;
      const triggers = new Set<Trigger>();
      const weights = weekend ? { ...triggerWeights, celebration: triggerWeights.celebration * 3 } : triggerWeights;
      while (triggers.size < triggerCount) triggers.add(random.weighted(weights));
      const meetingChance = Math.min(0.95, meetingRate * (1 + (1 - recovered) * 0.5));
      const hard = craving >= 7 || mood <= 2 || used === 'yes';
      const body = checkInBody.parse({
        mood,
        craving,
        triggers: TRIGGERS.filter((t) => triggers.has(t)),
        triggerNote: triggers.size > 0 && random.chance(0.08) ? random.pick(TRIGGER_NOTES[lang]) : undefined,
        used,
        hoursSlept: random.chance(0.65) ? clamp(Math.round((6.8 + 0.35 * (mood - 3) + 1.1 * gauss(random)) * 2) / 2, 3, 10) : undefined,
        meetings: random.chance(meetingChance) ? (random.chance(0.12) ? 2 : 1) : 0,
        gratitude: random.chance(mood >= 3 ? 0.42 : 0.22) ? gratitude.next() : undefined,
        notes: hard ? (random.chance(0.3) ? hardNotes.next() : undefined) : random.chance(0.04) ? goodNotes.next() : undefined,
      });
      const createdAt = at(day, hour + random.int(-1, 1), random.int(0, 59));
      const edited = random.chance(0.1) ? new Date(Math.min(now.getTime() - 1000, createdAt.getTime() + random.int(10, 180) * 60_000)) : createdAt;
      rows.checkIns.push({
        userId,
        localDate: isoOf(day),
        mood: body.mood,
        craving: body.craving,
        triggers: body.triggers,
        triggerNote: body.triggerNote ?? null,
        used: body.used,
        hoursSlept: body.hoursSlept ?? null,
        meetings: body.meetings,
        gratitude: body.gratitude ?? null,
        notes: body.notes ?? null,
        createdAt,
        updatedAt: edited,
      });
      facts.checkIns++;
    }
  }

  // Goals.
  if (random.chance(0.55)) {
    const templates = pickDistinct(random, GOALS.filter((g) => g.measure !== 'mentor_contacts' || opts.mentored), random.int(1, 3));
    for (const template of templates) {
      const target = random.int(...template.target);
      const id = newId();
      const createdDay = Math.min(today, joined + random.int(0, Math.max(0, today - joined - 7)));
      const body = goalBody.parse({ title: template.title[lang](target), measure: template.measure, target, period: template.period });
      rows.goals.push({ id, userId, ...body, createdAt: at(createdDay, 20), archivedAt: random.chance(0.08) ? at(today - random.int(1, 20), 21) : null });
      if (template.measure !== 'self_reported') continue;
      const perDay = (target / (template.period === 'week' ? 7 : 30)) * (0.6 + random.next() * 0.5);
      for (let day = Math.max(createdDay, today - 90); day <= today; day++) {
        if (random.chance(perDay)) rows.goalEntries.push({ goalId: id, userId, localDate: isoOf(day), amount: 1, createdAt: at(day, 21) });
      }
    }
    facts.hasGoals = templates.length > 0;
  }

  // Coping toolbox and safety plan: more often for someone who has been through a setback.
  if (random.chance(0.45)) {
    pickDistinct(random, COPING[lang], random.int(2, 4)).forEach((strategy, position) => {
      const body = copingStrategyBody.parse(strategy);
      const createdAt = at(joined + random.int(0, Math.max(0, today - joined)), 20);
      rows.coping.push({ userId, title: body.title, steps: body.steps, position, createdAt, updatedAt: createdAt });
    });
  }
  if (random.chance(setbackDays.length > 0 ? 0.6 : 0.3)) {
    const words = SAFETY[lang];
    const phone = () => `(${random.pick(['212', '312', '602', '213', '787', '720'])}) 555-01${String(random.int(0, 99)).padStart(2, '0')}`;
    const sections = safetyPlanBody.parse({
      warningSigns: pickDistinct(random, words.warningSigns, random.int(2, 4)),
      copingAlone: pickDistinct(random, COPING[lang], random.int(2, 3)).map((c) => c.title),
      distractions: pickDistinct(random, words.distractions, random.int(2, 3)),
      helpers: pickDistinct(random, words.helpers, random.int(1, 3)).map((name) => ({ name, phone: phone() })),
      professionals: [...pickDistinct(random, words.counselor, random.int(1, 2)).map((name) => ({ name, phone: phone() })), { name: words.crisisLine, phone: '988' }],
      saferEnvironment: pickDistinct(random, words.saferEnvironment, random.int(1, 2)),
      reasons: pickDistinct(random, words.reasons, random.int(2, 3)),
    });
    rows.safetyPlans.push({ userId, sections, updatedAt: at(today - random.int(0, Math.max(0, today - joined)), 21) });
    facts.hasSafetyPlan = true;
  }
  return facts;
}

interface Pairing {
  mentor: SeededPerson;
  mentee: SeededPerson;
}

/**
 * Several peer supporters each mentor one to three members, in the mentee's language where possible. Mentees are
 * plain members who have been around for at least two weeks.
 */
function planPairings(people: SeededPerson[], random: SeededRandom): Pairing[] {
  const mentors = people.filter((p) => p.roles.includes('peer_supporter'));
  const open = people.filter((p) => p.roles.length === 1 && p.roles[0] === 'member' && p.joinedDaysAgo >= 14);
  const pairings: Pairing[] = [];
  for (const mentor of mentors) {
    if (pairings.length > 0 && !random.chance(0.75)) continue;
    for (let n = random.int(1, 3); n > 0 && open.length > 0; n--) {
      const sameLanguage = open.filter((p) => p.locale === mentor.locale);
      const mentee = random.pick(sameLanguage.length > 0 && random.chance(0.85) ? sameLanguage : open);
      open.splice(open.indexOf(mentee), 1);
      pairings.push({ mentor, mentee });
    }
  }
  return pairings;
}

/** The demo journeys as rows. Pure: the same people, random source and `now` give the same rows (ids aside). */
export function planJourneys(people: SeededPerson[], random: SeededRandom, now: Date): JourneyRows {
  const rows: JourneyRows = {
    tracks: [],
    periods: [],
    milestones: [],
    checkIns: [],
    profiles: [],
    stages: [],
    goals: [],
    goalEntries: [],
    coping: [],
    safetyPlans: [],
    mentorships: [],
    consents: [],
  };
  const pairings = planPairings(people, random);
  const mentees = new Set(pairings.map((p) => p.mentee.id));
  const facts = new Map<string, ReturnType<typeof planMember>>();
  for (const person of people) {
    // A few members never open their journey; mentees all have one.
    if (!person.roles.includes('member') || (!random.chance(0.93) && !mentees.has(person.id))) continue;
    facts.set(person.id, planMember(person, random, now, rows, { mentored: mentees.has(person.id) }));
  }

  pairings.forEach(({ mentor, mentee }, i) => {
    const { today, at } = clockOf(mentee, now);
    const since = today - random.int(3, Math.max(3, Math.min(mentee.joinedDaysAgo, mentor.joinedDaysAgo) - 1));
    const startedAt = at(since, random.int(9, 20));
    rows.mentorships.push({ mentorId: mentor.id, menteeId: mentee.id, status: 'active', startedAt });

    // What the mentee shares with their mentor: most share something, and the first always does.
    const has = facts.get(mentee.id);
    if (i > 0 && !random.chance(0.7)) return;
    const shared: Category[] = [];
    if (i === 0 || (has?.hasTracks && random.chance(0.8))) shared.push('sobriety');
    if (i === 0 || (has && has.checkIns > 0 && random.chance(0.7))) shared.push('check_ins');
    if (has?.hasGoals && random.chance(0.45)) shared.push('goals');
    if (has?.hasSafetyPlan && random.chance(0.4)) shared.push('safety_plan');
    for (const category of shared) {
      rows.consents.push({ userId: mentee.id, category, grantee: 'mentor', grantedAt: at(Math.min(today, since + random.int(0, 14)), 21) });
    }
    // Now and then a member shared something for a while and took it back: the history keeps both.
    if (has?.hasGoals && !shared.includes('goals') && random.chance(0.3)) {
      const granted = Math.min(today - 1, since + random.int(0, 10));
      rows.consents.push({ userId: mentee.id, category: 'goals', grantee: 'mentor', grantedAt: at(granted, 20), revokedAt: at(Math.min(today, granted + random.int(1, 30)), 22) });
    }
  });
  return rows;
}

async function insertAll<T extends { $inferInsert: unknown }>(db: Queryable, table: T, rows: T['$inferInsert'][]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Every table passed here is a PgTable; drizzle's insert() types want the concrete one.
    await db.insert(table as never).values(rows.slice(i, i + CHUNK) as never);
  }
}

export const seedJourneys: DemoStep = async ({ db, random, people }) => {
  const rows = planJourneys(people, random, new Date());
  await db.transaction(async (tx) => {
    await insertAll(tx, sobrietyTrack, rows.tracks);
    await insertAll(tx, sobrietyPeriod, rows.periods);
    await insertAll(tx, milestoneReached, rows.milestones);
    await insertAll(tx, checkIn, rows.checkIns);
    await insertAll(tx, recoveryProfile, rows.profiles);
    await insertAll(tx, stageAssessment, rows.stages);
    await insertAll(tx, goal, rows.goals);
    await insertAll(tx, goalEntry, rows.goalEntries);
    await insertAll(tx, copingStrategy, rows.coping);
    await insertAll(tx, safetyPlan, rows.safetyPlans);
    await insertAll(tx, mentorship, rows.mentorships);
    await insertAll(tx, journeyConsent, rows.consents);
  });
  const members = new Set(rows.checkIns.map((c) => c.userId));
  return {
    'sobriety tracks': rows.tracks.length,
    'setbacks on record': rows.periods.filter((p) => p.endedOn !== null).length,
    'check-ins': rows.checkIns.length,
    'members checking in': members.size,
    'recovery profiles': rows.profiles.length,
    goals: rows.goals.length,
    'coping strategies': rows.coping.length,
    'safety plans': rows.safetyPlans.length,
    'active mentorships': rows.mentorships.length,
    'categories shared with a mentor': rows.consents.filter((c) => !c.revokedAt).length,
  };
};
