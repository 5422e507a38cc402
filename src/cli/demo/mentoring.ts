import { eq } from 'drizzle-orm';
import { type Locale } from '../../contracts/common.ts';
import { PATHWAYS, STAGES } from '../../contracts/journey.ts';
import { AGE_BANDS, type AvailabilityWindow, CONTACT_MODES, CONTACT_TOPICS, GENDERS } from '../../contracts/mentoring.ts';
import type { Queryable } from '../../server/db/client.ts';
import { defaultTerms } from '../../server/modules/mentoring/agreement.ts';
import {
  contactFeedback,
  menteeRequest,
  mentoringConcern,
  mentoringContact,
  mentorProfile,
  mentorship,
  mentorshipAgreement,
} from '../../server/modules/mentoring/tables.ts';
import type { SeededPerson } from './accounts.ts';
import type { SeededRandom } from './random.ts';
import type { DemoStep } from './seed.ts';

type ContactMode = (typeof CONTACT_MODES)[number];

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** What mentors write about themselves, in their language: short, first person, no identifying detail. */
const SUMMARIES: Record<Locale, readonly string[]> = {
  en: [
    'Sober since my thirties after a long road with alcohol. I found my way through meetings and a lot of patience. Happy to listen first.',
    'In recovery from opioids on medication-assisted treatment. I know the stigma and I know it works. No judgement here.',
    'SMART Recovery helped me more than I expected. I like practical tools: plans for cravings, cost-benefit lists, small wins.',
    'Parent, cook, and in recovery from meth for six years. Relapsed twice before it stuck, so I will never give up on you.',
    'I came to recovery through my faith and through a group of stubborn friends. I am good at showing up on time.',
    'Harm reduction saved my life before abstinence did. I will meet you where you are.',
  ],
  es: [
    'Llevo años sin beber gracias a mi grupo y a mucha paciencia. Me gusta escuchar primero y hablar después.',
    'Me recupero de los opioides con tratamiento asistido con medicamentos. Conozco el estigma y sé que funciona.',
    'SMART Recovery me dio herramientas prácticas: planes para los antojos, pequeños logros, un día a la vez.',
    'Mamá, trabajadora y en recuperación desde hace seis años. Recaí antes de lograrlo, así que nunca me rindo contigo.',
    'Mi fe y mi grupo me sostuvieron. Soy buena para acompañar y para estar cuando se necesita.',
  ],
};

const NOTES: Record<Locale, readonly string[]> = {
  en: [
    'Talked through the weekend plan. Sounded steadier than last week.',
    'Hard week at work; we made a list of people to call when cravings hit.',
    'Went to a meeting together afterwards. Good energy.',
    'Mostly listened. Suggested sleeping before deciding anything big.',
    'Celebrated 60 days. Wants to start step work.',
  ],
  es: [
    'Hablamos del plan para el fin de semana. Se oye más tranquila que la semana pasada.',
    'Semana difícil en el trabajo; hicimos una lista de personas a quienes llamar cuando llegue el antojo.',
    'Fuimos juntos a una reunión después. Buen ánimo.',
    'Sobre todo escuché. Le sugerí dormir antes de decidir algo grande.',
    'Celebramos 60 días. Quiere empezar a trabajar los pasos.',
  ],
};
const NEXT_STEPS: Record<Locale, readonly string[]> = {
  en: ['Call on Thursday evening', 'Meet before the Saturday meeting', 'Text a check-in on Monday', 'Try the HALT check this week'],
  es: ['Llamar el jueves por la tarde', 'Vernos antes de la reunión del sábado', 'Mensaje de seguimiento el lunes', 'Probar la revisión HALT esta semana'],
};
const COMMENTS: Record<Locale, readonly string[]> = {
  en: ['Really helped to talk it through.', 'Felt heard.', 'A bit rushed this time.', 'Good ideas for the weekend.'],
  es: ['Me ayudó mucho hablarlo.', 'Me sentí escuchada.', 'Esta vez fue un poco a las prisas.', 'Buenas ideas para el fin de semana.'],
};
const DECLINE_MESSAGES: Record<Locale, string> = {
  en: "Thank you for asking me. I don't have the time you deserve right now; I hope you find a great match soon.",
  es: 'Gracias por pensar en mí. Ahora no tengo el tiempo que mereces; ojalá encuentres pronto a alguien ideal.',
};
const CONCERN_NOTES: Record<Locale, string> = {
  en: 'Has missed our last two calls and sounded low before that. Could someone from the program check in?',
  es: 'No contestó las dos últimas llamadas y antes se oía decaída. ¿Alguien del programa podría contactarla?',
};
const REQUEST_NOTES: Record<Locale, readonly string[]> = {
  en: ['Evenings are best. I would like someone who has been through early recovery with kids at home.', 'New to all this. Someone patient, please.', ''],
  es: ['Me queda mejor por las tardes. Busco a alguien que entienda lo que es empezar con hijos en casa.', 'Soy nueva en esto. Alguien con paciencia, por favor.', ''],
};

const languagesOf = (p: SeededPerson, random: SeededRandom) => (p.locale === 'es' ? (random.chance(0.6) ? ['es', 'en'] : ['es']) : random.chance(0.15) ? ['en', 'es'] : ['en']);
const someOf = <T>(random: SeededRandom, items: readonly T[], min: number, max: number) => {
  const pool = [...items];
  const out: T[] = [];
  for (let n = random.int(min, max); n > 0 && pool.length; n--) out.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  return out;
};

/** Two to four weekly windows, evenings and weekends mostly: when people in recovery with jobs are free. */
function windows(random: SeededRandom): AvailabilityWindow[] {
  const days = someOf(random, [0, 1, 2, 3, 4, 5, 6], 2, 4).sort();
  return days.map((day) => {
    const start = day === 0 || day === 6 ? random.int(9, 14) : random.int(17, 19);
    return { day, start: `${String(start).padStart(2, '0')}:00`, end: `${String(start + random.int(2, 3)).padStart(2, '0')}:00` };
  });
}

/** A date `days` before now, as YYYY-MM-DD (UTC is close enough for demo history). */
const dateOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Mentoring in every state: profiles for every peer supporter; agreements, contact logs and ratings for the active
 * relationships the journey step made; one paused; people waiting for a mentor (for the coordinators' proposal);
 * a request waiting for an answer, one accepted and waiting for signatures, declined, expired and ended ones; and
 * an open concern. Rows are written directly: they are history, not actions taken now.
 */
export const seedMentoring: DemoStep = async ({ db, random, people }) => {
  const now = Date.now();
  const byId = new Map(people.map((p) => [p.id, p]));
  const mentors = people.filter((p) => p.roles.includes('peer_supporter'));
  const active = await db.select().from(mentorship).where(eq(mentorship.status, 'active'));
  const open = new Map<string, number>();
  const bump = (mentorId: string) => open.set(mentorId, (open.get(mentorId) ?? 0) + 1);
  for (const m of active) bump(m.mentorId);

  const taken = new Set(active.map((m) => m.menteeId));
  const free = people.filter((p) => p.roles.length === 1 && p.roles[0] === 'member' && !taken.has(p.id));
  const nextFree = () => {
    const p = free.shift();
    if (p) taken.add(p.id);
    return p;
  };

  const requests: (typeof menteeRequest.$inferInsert)[] = [];
  const relationships: (typeof mentorship.$inferInsert)[] = [];
  const agreements: (typeof mentorshipAgreement.$inferInsert)[] = [];
  const contacts: (typeof mentoringContact.$inferInsert)[] = [];
  const ratings: (typeof contactFeedback.$inferInsert)[] = [];
  const concerns: (typeof mentoringConcern.$inferInsert)[] = [];
  const counts = { requested: 0, accepted: 0, paused: 0, declined: 0, expired: 0, ended: 0, waiting: 0 };

  const requestFor = (mentee: SeededPerson, status: 'waiting' | 'pending' | 'matched', since: number) => {
    const row = {
      id: crypto.randomUUID(),
      menteeId: mentee.id,
      status,
      pathways: someOf(random, PATHWAYS, 1, 2),
      languages: languagesOf(mentee, random),
      genderPreference: random.chance(0.25) ? random.pick(GENDERS) : null,
      timeZone: mentee.timeZone,
      availability: windows(random),
      contactModes: someOf(random, CONTACT_MODES, 1, 3),
      stage: random.pick(STAGES),
      note: random.pick(REQUEST_NOTES[mentee.locale]),
      createdAt: new Date(since),
      waitingSince: new Date(since),
      updatedAt: new Date(since),
    };
    requests.push(row);
    return row;
  };

  const signed = (id: string, locale: Locale, channels: ContactMode[], at: number, mentorSigned = true, menteeSigned = true) =>
    agreements.push({
      mentorshipId: id,
      version: 1,
      terms: defaultTerms(locale, channels),
      proposedBy: 'mentor',
      createdAt: new Date(at),
      mentorSignedAt: mentorSigned ? new Date(at + HOUR) : null,
      menteeSignedAt: menteeSigned ? new Date(at + 20 * HOUR) : null,
    });

  /** Contacts every few days from `from` to `to`, most of them rated by the mentee. */
  const logContacts = (m: { id: string; mentorId: string }, mentor: SeededPerson, menteeLocale: Locale, from: number, to: number) => {
    for (let t = from + random.int(1, 4) * DAY; t < to; t += random.int(4, 9) * DAY) {
      const id = crypto.randomUUID();
      contacts.push({
        id,
        mentorshipId: m.id,
        mentorId: m.mentorId,
        date: dateOf(t),
        durationMinutes: random.pick([15, 20, 30, 45, 60, 90]),
        mode: random.pick(CONTACT_MODES),
        topics: someOf(random, CONTACT_TOPICS.filter((c) => c !== 'other' && c !== 'crisis'), 1, 3),
        notes: random.chance(0.7) ? random.pick(NOTES[mentor.locale]) : null,
        nextStep: random.chance(0.8) ? random.pick(NEXT_STEPS[mentor.locale]) : null,
        createdAt: new Date(t + 2 * HOUR),
      });
      if (random.chance(0.6)) {
        const rating = random.weighted({ 5: 55, 4: 30, 3: 10, 2: 4, 1: 1 });
        ratings.push({
          contactId: id,
          mentorId: m.mentorId,
          rating: Number(rating),
          comment: random.chance(0.3) ? random.pick(COMMENTS[menteeLocale]) : null,
          signed: random.chance(0.3),
          createdAt: new Date(t + 26 * HOUR),
        });
      }
    }
  };

  // The journey step's active relationships: an agreement, contacts and ratings; one paused, one gone quiet.
  active.forEach((m, i) => {
    const mentor = byId.get(m.mentorId);
    if (!mentor) return;
    const started = m.startedAt?.getTime() ?? now - 30 * DAY;
    const req = requestFor(byId.get(m.menteeId)!, 'matched', started - 3 * DAY);
    const quiet = i === 1;
    relationships.push({ ...m, requestId: req.id, requestedAt: new Date(started - 2 * DAY), respondedAt: new Date(started - DAY) });
    signed(m.id, mentor.locale, ['phone', 'messages'], started - DAY);
    logContacts(m, mentor, byId.get(m.menteeId)?.locale ?? mentor.locale, started, quiet ? now - 24 * DAY : now - DAY);
    if (i === 2) {
      const paused = relationships.at(-1)!;
      paused.status = 'paused';
      paused.pausedAt = new Date(now - 5 * DAY);
      counts.paused++;
    }
    if (quiet) {
      concerns.push({ mentorshipId: m.id, mentorId: m.mentorId, menteeId: m.menteeId, kind: 'wellbeing', note: CONCERN_NOTES[mentor.locale], openedAt: new Date(now - 2 * DAY) });
    }
  });

  // More states, each with a mentor who has room.
  const roomy = () => mentors.find((p) => (open.get(p.id) ?? 0) < 3) ?? mentors[0];
  const addRelationship = (status: 'requested' | 'accepted' | 'declined' | 'expired' | 'ended', extra: Partial<typeof mentorship.$inferInsert> = {}) => {
    const mentee = nextFree();
    const mentor = roomy();
    if (!mentee || !mentor) return undefined;
    const since = now - random.int(status === 'ended' ? 120 : 1, status === 'ended' ? 300 : 2) * DAY;
    const reopened = status === 'declined' || status === 'expired';
    const req = requestFor(mentee, status === 'requested' ? 'pending' : reopened ? 'waiting' : 'matched', since - DAY);
    if (reopened) counts.waiting++;
    const row = {
      id: crypto.randomUUID(),
      mentorId: mentor.id,
      menteeId: mentee.id,
      requestId: req.id,
      status,
      origin: random.chance(0.3) ? ('coordinator' as const) : ('mentee' as const),
      requestedAt: new Date(since),
      expiresAt: status === 'requested' || status === 'expired' ? new Date(since + 72 * HOUR) : null,
      respondedAt: status === 'requested' || status === 'expired' ? null : new Date(since + 5 * HOUR),
      startedAt: status === 'ended' ? new Date(since + 2 * DAY) : null,
      ...extra,
    };
    relationships.push(row);
    if (status === 'requested' || status === 'accepted') bump(mentor.id);
    counts[status]++;
    return { row, mentor, mentee, since };
  };

  addRelationship('requested');
  const accepted = addRelationship('accepted');
  if (accepted) signed(accepted.row.id, accepted.mentor.locale, ['video', 'messages'], accepted.since + 6 * HOUR, true, false);
  const declined = addRelationship('declined');
  if (declined) declined.row.declineMessage = DECLINE_MESSAGES[declined.mentor.locale];
  addRelationship('expired');
  for (const reason of ['goals_met', 'moved_on', 'mismatch'] as const) {
    const ended = addRelationship('ended', { endReason: reason, endedBy: reason === 'mismatch' ? 'mentee' : 'mentor' });
    if (!ended) continue;
    const end = ended.since + random.int(40, 100) * DAY;
    ended.row.endedAt = new Date(end);
    signed(ended.row.id, ended.mentor.locale, ['in_person', 'phone'], ended.since + DAY);
    logContacts(ended.row, ended.mentor, ended.mentee.locale, ended.since + 2 * DAY, end);
  }
  // People waiting for a mentor, for the coordinators' proposal.
  for (let n = 0; n < 5; n++) {
    const mentee = nextFree();
    if (!mentee) break;
    requestFor(mentee, 'waiting', now - random.int(1, 9) * DAY);
    counts.waiting++;
  }

  // Profiles: room for everyone already mentored, most accepting and certified.
  const profiles = mentors.map((p) => ({
    userId: p.id,
    summary: random.pick(SUMMARIES[p.locale]),
    pathways: someOf(random, PATHWAYS, 1, 3),
    languages: languagesOf(p, random),
    gender: random.chance(0.85) ? random.pick(GENDERS) : null,
    ageBand: random.chance(0.7) ? random.pick(AGE_BANDS) : null,
    timeZone: p.timeZone,
    availability: windows(random),
    contactModes: someOf(random, CONTACT_MODES, 2, 4),
    capacity: Math.max(open.get(p.id) ?? 0, random.int(2, 5)),
    accepting: random.chance(0.85),
    certified: random.chance(0.8),
    updatedAt: new Date(now - random.int(1, 60) * DAY),
  }));

  await db.transaction(async (tx) => {
    await insert(tx, mentorProfile, profiles);
    await insert(tx, menteeRequest, requests);
    // The journey's active rows are updated in place (their request, agreement, pause); the others are new.
    for (const r of relationships) {
      if (active.some((a) => a.id === r.id)) await tx.update(mentorship).set(r).where(eq(mentorship.id, r.id!));
      else await tx.insert(mentorship).values(r);
    }
    await insert(tx, mentorshipAgreement, agreements);
    await insert(tx, mentoringContact, contacts);
    await insert(tx, contactFeedback, ratings);
    await insert(tx, mentoringConcern, concerns);
  });
  return {
    'mentor profiles': profiles.length,
    'mentees waiting for a mentor': counts.waiting,
    'mentor requests awaiting an answer': counts.requested,
    'relationships awaiting signatures': counts.accepted,
    'paused relationships': counts.paused,
    'ended relationships': counts.ended,
    'contacts logged': contacts.length,
    'contact ratings': ratings.length,
    'open concerns': concerns.length,
  };
};

async function insert<T extends { $inferInsert: unknown }>(db: Queryable, table: T, rows: T['$inferInsert'][]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(table as never).values(rows.slice(i, i + 500) as never);
}
