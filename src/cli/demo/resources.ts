import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { copingLibraryInput, resourceInput } from '../../contracts/resources.ts';
import type { Queryable } from '../../server/db/client.ts';
import { plansRepo } from '../../server/modules/journey/plans-repo.ts';
import { normalizeResourceInput } from '../../server/modules/resources/entries-input.ts';
import { entriesRepo } from '../../server/modules/resources/entries-repo.ts';
import { libraryRepo } from '../../server/modules/resources/library-repo.ts';
import { STARTER_EXTERNAL_PREFIX } from '../../server/modules/resources/starter-directory.ts';
import { tipsRepo } from '../../server/modules/resources/tips-repo.ts';
import type { SeededPerson } from './accounts.ts';
import type { SeededRandom } from './random.ts';
import type { DemoStep } from './seed.ts';

/**
 * The demo's resources: a handful of local services around Chicago (where most demo meetings are; fictitious names,
 * addresses and 555-01xx numbers at plausible coordinates) beside the starter set, members' tips and reviews (some
 * approved, some waiting), a suggested entry waiting for review, and peer-written coping strategies with "this
 * helped me" marks and a few saved to toolboxes. Written through the same normalisation and repos as the services.
 */

/** Marks the demo's own entries, so a failed run can take them back (seed.ts `undo`). */
export const DEMO_RESOURCE_PREFIX = 'kindred-demo:';

const CHI = 'America/Chicago';
const weekdays = (opens: string, closes: string) => [1, 2, 3, 4, 5].map((day) => ({ day, opens, closes }));

type EntryPlan = z.input<typeof resourceInput> & { slug: string };

const LOCAL_ENTRIES: EntryPlan[] = [
  {
    slug: 'lakeview-harm-reduction',
    name: 'Lakeview Harm Reduction Drop-in',
    category: 'harm_reduction',
    description: 'Free naloxone kits and a ten-minute training on how to use them, fentanyl test strips, and someone to talk to. No ID, no questions.',
    translations: { es: { name: 'Centro de reducción de daños de Lakeview', description: 'Kits de naloxona gratis con una capacitación de diez minutos para usarlos, tiras para detectar fentanilo y alguien con quien hablar. Sin identificación ni preguntas.' } },
    phone: '(312) 555-0142',
    address: '3300 N Halsted Bend, Chicago, IL 60657, USA',
    location: { lat: 41.94233, lng: -87.64921 },
    hours: { timeZone: CHI, periods: [...weekdays('10:00', '18:00'), { day: 6, opens: '12:00', closes: '16:00' }] },
    languages: ['en', 'es'],
    costs: ['free'],
    inPerson: true,
  },
  {
    slug: 'pilsen-clinica-moud',
    name: 'Clínica Comunitaria Pilsen: tratamiento con medicamentos',
    category: 'medication_treatment',
    locale: 'es',
    description: 'Buprenorfina y acompañamiento para el trastorno por consumo de opioides, con personal que habla español. Citas el mismo día casi siempre.',
    translations: { en: { name: 'Pilsen Community Clinic: medication treatment', description: 'Buprenorphine and support for opioid use disorder, with Spanish-speaking staff. Same-day appointments most days.' } },
    phone: '312-555-0178',
    address: '1866 S Loomis Row, Chicago, IL 60608, USA',
    location: { lat: 41.85679, lng: -87.66098 },
    hours: { timeZone: CHI, periods: weekdays('08:00', '17:00') },
    languages: ['es', 'en'],
    costs: ['sliding_scale', 'medicaid', 'insurance'],
    costNote: 'Nobody is turned away for inability to pay.',
    inPerson: true,
  },
  {
    slug: 'northside-recovery-housing',
    name: 'Northside Recovery Housing Network',
    category: 'housing',
    description: 'Referrals to recovery residences on the North Side, with an intake call to find a house that fits your pathway (medication welcome in most houses).',
    audience: 'members',
    phone: '312-555-0163',
    website: 'https://recovery-housing.example.org',
    address: '4470 N Broadway Court, Chicago, IL 60640, USA',
    location: { lat: 41.96241, lng: -87.65531 },
    hours: { timeZone: CHI, periods: weekdays('09:00', '17:00') },
    languages: ['en'],
    costs: ['sliding_scale'],
    eligibility: 'Adults in recovery from alcohol or drug use.',
    inPerson: true,
  },
  {
    slug: 'second-chance-jobs',
    name: 'Second Chance Jobs Desk',
    category: 'employment',
    description: 'Drop-in help with résumés, interviews and employers who hire people with records or gaps in their work history.',
    translations: { es: { name: 'Oficina de empleo Segunda Oportunidad', description: 'Ayuda sin cita con currículum, entrevistas y empresas que contratan a personas con antecedentes o huecos en su historial laboral.' } },
    address: '5440 S Blackstone Walk, Chicago, IL 60615, USA',
    location: { lat: 41.79701, lng: -87.59012 },
    hours: { timeZone: CHI, periods: [2, 4].map((day) => ({ day, opens: '13:00', closes: '16:00' })) },
    languages: ['en', 'es'],
    costs: ['free'],
    inPerson: true,
  },
  {
    slug: 'evening-peer-warmline',
    name: 'Evening Peer Warmline',
    category: 'mental_health',
    description: 'Not a crisis line: a peer in recovery to talk to in the evening, when the day gets heavy. In a crisis, call or text 988.',
    translations: { es: { name: 'Línea de apoyo entre pares por la noche', description: 'No es una línea de crisis: una persona en recuperación con quien hablar por la noche, cuando el día pesa. En una crisis, llama o escribe al 988.' } },
    phone: '312-555-0199',
    // Every evening from six to two in the morning: each period runs past midnight.
    hours: { timeZone: CHI, periods: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '18:00', closes: '02:00' })) },
    languages: ['en', 'es'],
    costs: ['free'],
  },
  {
    slug: 'westside-food-pantry',
    name: 'Westside Food Pantry',
    category: 'food',
    description: 'Groceries once a week, fresh produce when there is some. Bring a bag.',
    translations: { es: { name: 'Despensa de alimentos Westside', description: 'Comestibles una vez por semana y verdura fresca cuando hay. Trae una bolsa.' } },
    address: '420 S Marion Path, Oak Park, IL 60302, USA',
    location: { lat: 41.88241, lng: -87.79951 },
    hours: { timeZone: CHI, periods: [{ day: 3, opens: '16:00', closes: '19:00' }, { day: 6, opens: '09:00', closes: '12:00' }] },
    languages: ['en'],
    costs: ['free'],
    inPerson: true,
  },
  {
    slug: 'expungement-clinic',
    name: 'Record Expungement Evening Clinic',
    category: 'legal_aid',
    description: 'Volunteer lawyers help you find out whether your record can be sealed or expunged, and file the paperwork with you.',
    address: '2640 N Kedzie Terrace, Chicago, IL 60647, USA',
    location: { lat: 41.92951, lng: -87.70688 },
    hours: { timeZone: CHI, periods: [{ day: 4, opens: '17:00', closes: '20:00' }] },
    languages: ['en', 'es'],
    costs: ['free'],
    inPerson: true,
  },
];

/** A member's suggestion waiting for a reviewer: never listed until approved. */
const SUGGESTION: z.input<typeof resourceInput> = {
  name: 'Bridgeport Community Fridge',
  category: 'food',
  description: 'A fridge outside the church on 31st: take what you need, leave what you can. Restocked most mornings.',
  address: '3100 S Halsted Bend, Chicago, IL 60608, USA',
  location: { lat: 41.83822, lng: -87.64651 },
  costs: ['free'],
  inPerson: true,
};

interface TipPlan {
  entry: string;
  locale: 'en' | 'es';
  kind: 'tip' | 'review';
  body: string;
  rating?: number;
  approved: boolean;
}

/** `entry` is a local slug or a starter entry's external id after "kindred-starter:". */
const TIPS: TipPlan[] = [
  { entry: 'lakeview-harm-reduction', locale: 'en', kind: 'tip', body: 'Ask for two kits: one for home and one for the car.', approved: true },
  { entry: 'lakeview-harm-reduction', locale: 'en', kind: 'review', body: 'Kind people, nobody lectured me. Left with naloxone and a plan.', rating: 5, approved: true },
  { entry: 'pilsen-clinica-moud', locale: 'es', kind: 'tip', body: 'Pidan la tarifa según ingresos, no siempre la ofrecen de entrada.', approved: true },
  { entry: 'pilsen-clinica-moud', locale: 'es', kind: 'review', body: 'Me atendieron en español y el mismo día. La espera fue larga, pero valió la pena.', rating: 4, approved: true },
  { entry: 'northside-recovery-housing', locale: 'en', kind: 'tip', body: 'Call on Monday morning: that is when they know which beds opened up.', approved: false },
  { entry: 'second-chance-jobs', locale: 'en', kind: 'tip', body: 'Bring a printed copy of your record if you have it, it saves a second visit.', approved: true },
  { entry: 'evening-peer-warmline', locale: 'es', kind: 'tip', body: 'Los martes suele haber alguien que habla español.', approved: false },
  { entry: 'samhsa-helpline', locale: 'en', kind: 'tip', body: 'Have your ZIP code ready. They found me a place with a sliding-scale fee.', approved: true },
  { entry: '988-lifeline', locale: 'es', kind: 'review', body: 'Marqué el 2 y me contestaron en español en pocos minutos.', rating: 5, approved: true },
];

type StrategyPlan = z.input<typeof copingLibraryInput> & { approved: boolean };

const PEER_STRATEGIES: StrategyPlan[] = [
  {
    title: 'The grocery store lap',
    summary: 'When the evening craving hits, I go walk the aisles of a bright, busy store.',
    whenHelps: ['cravings', 'loneliness'],
    steps: ['Grab your keys and go to the nearest big store that is open.', 'Walk every aisle slowly, no list.', 'Buy one thing you like to eat.', 'Text someone on the way home.'],
    approved: true,
  },
  {
    title: 'Dishes as meditation',
    summary: 'Warm water, one dish at a time. My hands are busy and my head gets quiet.',
    whenHelps: ['stress', 'boredom', 'anger'],
    steps: ['Fill the sink with warm water.', 'Wash one dish at a time and notice the feel of it.', 'When your mind wanders, bring it back to the dish.'],
    approved: true,
  },
  {
    title: 'Cuenta regresiva con mi hija',
    summary: 'Cuando me entran las ganas, le marco a mi hija y contamos juntos los días que llevo.',
    whenHelps: ['cravings', 'loneliness'],
    steps: ['Llama a alguien que te quiera y que sepa de tu recuperación.', 'Cuéntale cuántos días llevas.', 'Pídele que te cuente algo de su día.', 'Cuelga cuando las ganas hayan bajado.'],
    locale: 'es',
    approved: true,
  },
  {
    title: 'Cost-benefit analysis',
    summary: 'Write out what using gives you and costs you, short and long term, and keep it on your phone.',
    whenHelps: ['cravings', 'triggers'],
    steps: ['Draw four boxes: benefits of using, costs of using, benefits of not using, costs of not using.', 'Fill each box honestly, short term and long term.', 'Read it when an urge shows up.'],
    source: 'programme',
    programme: 'SMART Recovery',
    approved: true,
  },
  {
    title: 'Shower and a clean shirt',
    summary: 'A reset button for a day that went wrong.',
    whenHelps: ['stress', 'halt'],
    steps: ['Take a warm shower.', 'Put on clean clothes, even if you are staying in.', 'Make a cup of tea and sit somewhere different.'],
    approved: false,
  },
];

export const seedResources: DemoStep = async ({ db, random, people }) => {
  const members = people.filter((p) => p.roles.includes('member') && !p.roles.includes('coordinator') && !p.roles.includes('moderator'));
  const coordinator = people.find((p) => p.roles.includes('coordinator'))!;
  const reviewer = people.find((p) => p.roles.includes('moderator')) ?? coordinator;
  const speaking = (locale: 'en' | 'es') => members.filter((p) => p.locale === locale);
  const someone = (locale: 'en' | 'es') => random.pick(speaking(locale).length ? speaking(locale) : members);

  return db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const { slug, ...plan } of LOCAL_ENTRIES) {
      const value = normalized(plan);
      ids.set(slug, await entriesRepo.insert(tx, value, { status: 'published', origin: 'coordinator', externalId: `${DEMO_RESOURCE_PREFIX}${slug}`, verifiedAt: new Date(), verifiedBy: coordinator.id }));
    }
    const suggester = someone('en');
    await entriesRepo.insert(tx, normalized(SUGGESTION), { status: 'suggested', origin: 'suggestion', externalId: `${DEMO_RESOURCE_PREFIX}suggested-fridge`, suggestedBy: suggester.id });

    const starter = await tx.execute<{ id: string; externalId: string }>(
      sql`select id, external_id as "externalId" from resource where origin = 'starter' and status = 'published'`,
    );
    for (const row of starter.rows) ids.set(row.externalId.replace(STARTER_EXTERNAL_PREFIX, ''), row.id);
    let tips = 0;
    for (const t of TIPS) {
      const resourceId = ids.get(t.entry);
      if (!resourceId) continue; // a starter entry a coordinator removed before the demo was added
      await tipsRepo.insert(tx, {
        resourceId,
        authorId: someone(t.locale).id,
        kind: t.kind,
        body: t.body,
        rating: t.rating ?? null,
        status: t.approved ? 'approved' : 'pending',
        reviewedBy: t.approved ? reviewer.id : null,
      });
      tips++;
    }

    const peer = new Set<string>();
    for (const { approved, ...plan } of PEER_STRATEGIES) {
      const s = copingLibraryInput.parse(plan);
      const id = await libraryRepo.insert(tx, {
        ...s,
        authorId: someone(s.locale).id,
        status: approved ? 'approved' : 'pending',
        ...(approved ? { reviewedBy: reviewer.id, reviewedAt: new Date() } : {}),
      });
      if (approved) peer.add(id);
    }

    const helped = await markHelped(tx, members, peer, random);
    const saved = await saveToToolboxes(tx, members.slice(0, 4));
    return {
      'local directory entries': LOCAL_ENTRIES.length,
      'resource tips and reviews': tips,
      'suggested entries': 1,
      'peer-written strategies': PEER_STRATEGIES.length,
      '"this helped me" marks': helped,
      'strategies saved to toolboxes': saved,
    };
  });
};

function normalized(plan: z.input<typeof resourceInput>) {
  const result = normalizeResourceInput(resourceInput.parse(plan), { phoneCountry: 'US' });
  if (!result.ok) throw new Error(`Demo entry ${plan.name}: ${result.errors.map((e) => e.field).join(', ')}`);
  return result.value;
}

/**
 * Members mark approved strategies in their language as helpful, up to three each; peer-written ones come up more
 * often, so the library's "most helped" order is not simply the starter set's.
 */
async function markHelped(tx: Queryable, members: SeededPerson[], peer: Set<string>, random: SeededRandom) {
  const { rows } = await tx.execute<{ id: string; locale: string }>(sql`select id, locale from coping_library_strategy where status = 'approved' order by key nulls last, title, locale`);
  let marks = 0;
  for (const person of members) {
    const pool = rows.filter((r) => r.locale === person.locale).flatMap((r) => (peer.has(r.id) ? [r.id, r.id, r.id] : [r.id]));
    const choices = new Set<string>();
    for (let i = 0; i < 3; i++) if (pool.length && random.chance(0.6)) choices.add(random.pick(pool));
    for (const id of choices) {
      await libraryRepo.setHelped(tx, id, person.id, true);
      marks++;
    }
  }
  return marks;
}

/** A few members saved "urge surfing" in their language, as the library's save does: appended and linked. */
async function saveToToolboxes(tx: Queryable, savers: SeededPerson[]) {
  for (const person of savers) {
    const { rows } = await tx.execute<{ id: string; title: string; steps: string[] }>(
      sql`select id, title, steps from coping_library_strategy where key = 'urge-surfing' and locale = ${person.locale}`,
    );
    const strategy = rows[0];
    if (!strategy) continue;
    const item = await plansRepo.strategies.append(tx, person.id, { title: strategy.title, steps: strategy.steps });
    await libraryRepo.linkToolboxItem(tx, item.id, strategy.id);
  }
  return savers.length;
}
