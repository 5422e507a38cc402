// The resources benchmark's data: 50,000 directory entries spread over the United States like real services (drawn
// to ~300 city centres by population, gaussian jitter growing with the city), in every category, ~15% written in
// Spanish, half with opening hours in the city's zone. Names and descriptions are assembled from phrase pools by the
// seeded random source, so every run loads the same directory; rows go in with unnest() in batches.
import crypto from 'node:crypto';
import pg from 'pg';
import { SeededRandom } from '../src/cli/demo/random.ts';
import { RESOURCE_CATEGORIES, type ResourceCategory } from '../src/contracts/resources.ts';
import { CITIES, type City } from './meetings.ts';

const SEED = 20261122;
const US_CITIES = CITIES.filter((c) => c.country === 'USA');

// ── Phrase pools ──────────────────────────────────────────────────────────────────────────────────────────────

const ADJ_EN = ['New Hope', 'Serenity', 'Harbor', 'Cedar', 'Pathways', 'Bridgeway', 'Lighthouse', 'Riverbend', 'Summit', 'Haven', 'Crossroads', 'Fresh Start', 'Open Door', 'Phoenix', 'Northstar', 'Willow', 'Maple', 'Horizon', 'Compass', 'Gateway'];
const ADJ_ES = ['Nueva Esperanza', 'Serenidad', 'Renacer', 'Nueva Vida', 'Amanecer', 'El Camino', 'La Luz', 'Fe y Esperanza', 'Puerta Abierta', 'Raíces'];
const STREETS = ['Main St', 'Oak Ave', 'Church St', 'Elm St', 'Park Ave', 'Maple Ave', 'Lake St', 'Hill Rd', 'Washington Blvd', 'Martin Luther King Jr Dr', 'Broadway', '2nd Ave'];

type Pools = Record<ResourceCategory, { names: string[]; sentences: string[] }>;

const EN: Pools = {
  crisis_lines: {
    names: ['{city} Crisis Line', '{city} Warmline', 'Peer Support Warmline of {city}', '{city} Mobile Crisis Team', '{region} Suicide Prevention Line', '{adj} Crisis Support'],
    sentences: ['Call or text any time to talk with a trained crisis counselor.', 'A mobile crisis team can come to you when it is not safe to wait.', 'The warmline is answered by peers who have been there, for when you need to talk before it becomes a crisis.', 'Interpreters are available in more than 150 languages.'],
  },
  treatment_detox: {
    names: ['{adj} Recovery Center', '{city} Detox', '{adj} House Treatment Center', '{city} Outpatient Recovery Program', '{adj} Springs Residential Treatment', 'Withdrawal Management at {city} General'],
    sentences: ['Medically supervised detox with nurses on site around the clock.', 'Intensive outpatient program three evenings a week, so you can keep working.', 'Residential treatment for 28 to 90 days, with family sessions on weekends.', 'Same-day assessments for alcohol, opioid and stimulant use.'],
  },
  medication_treatment: {
    names: ['{city} Opioid Treatment Program', '{adj} Methadone Clinic', 'Bridge Clinic {city}', '{city} Buprenorphine Walk-in', '{adj} MAT Clinic'],
    sentences: ['Buprenorphine started the same day, with a prescriber on call for questions.', 'Methadone dosing every morning, take-homes as you build time.', 'Naltrexone and Vivitrol injections for alcohol and opioid use disorder.', 'No one is turned away for a positive test or a missed visit.'],
  },
  mental_health: {
    names: ['{city} Community Mental Health Center', '{adj} Counseling Services', 'Behavioral Health of {city}', '{city} Trauma Recovery Clinic'],
    sentences: ['Counseling for depression, anxiety and trauma alongside substance use.', 'Psychiatric care and medication management for co-occurring disorders.', 'Group therapy for grief, anger and stress, open to anyone in recovery.', 'Telehealth appointments available in the evenings.'],
  },
  harm_reduction: {
    names: ['{city} Syringe Services Program', '{adj} Harm Reduction Collective', 'Naloxone Distribution {city}', '{city} Drug Checking Service', 'Fentanyl Test Strips {city}'],
    sentences: ['Free naloxone (Narcan) kits and a ten-minute training on responding to an overdose.', 'Sterile supplies, fentanyl test strips and safer-use kits, no questions asked.', 'Drug checking so you know what is in your supply.', 'Wound care and HIV and hepatitis C testing on site.'],
  },
  housing: {
    names: ['{adj} Sober Living', '{city} Recovery Residence', '{city} Emergency Shelter', '{adj} House for Women', 'Oxford House {street}', '{adj} Transitional Housing'],
    sentences: ['Sober living house with house meetings every week and a peer house manager.', 'Emergency shelter beds every night, first come first served from 7 pm.', 'Transitional housing for up to two years for people leaving treatment.', 'Recovery housing for mothers with children under twelve.'],
  },
  employment: {
    names: ['{city} Second Chance Jobs', 'Recovery Works {city}', '{city} Workforce Center', '{adj} Employment Partners'],
    sentences: ['Job coaching and resume help for people in recovery and people with records.', 'Paid training in construction, food service and warehouse work.', 'Employers who hire people in recovery and support time off for treatment.', 'Help getting an ID, a birth certificate and work clothes.'],
  },
  legal_aid: {
    names: ['{city} Legal Aid Society', 'Record Clearing Clinic {city}', '{region} Reentry Legal Desk', '{adj} Justice Project'],
    sentences: ['Free legal help with expungement, fines and license reinstatement.', 'Advice on drug court, probation conditions and treatment alternatives.', 'Help with eviction notices, custody and benefits appeals.', 'Walk-in legal clinic on the first Tuesday of the month.'],
  },
  food: {
    names: ['{city} Food Bank', '{street} Community Pantry', '{adj} Kitchen Free Meals', '{city} Mobile Food Market'],
    sentences: ['Free groceries once a week; bring a bag if you can.', 'Hot meals every day at noon, no sign-up needed.', 'Help applying for SNAP and WIC benefits.', 'Fresh produce from local farms on Saturdays.'],
  },
  transport: {
    names: ['{city} Rides to Recovery', '{region} Medicaid Transportation', '{adj} Wheels Volunteer Drivers', '{city} Transit Reduced Fare Program'],
    sentences: ['Free rides to treatment, meetings and court dates; book a day ahead.', 'Bus passes for people in treatment or looking for work.', 'Volunteer drivers for medical appointments in rural areas.', 'Medicaid covers rides to methadone and buprenorphine visits.'],
  },
  family_support: {
    names: ['{city} Family Recovery Group', 'Parents of Loved Ones {city}', '{adj} Families Circle', '{city} Kinship Care Support'],
    sentences: ['A weekly group for parents, partners and children of people who use drugs or alcohol.', 'CRAFT training: ways to help a loved one toward treatment without giving up on yourself.', 'Support for grandparents raising grandchildren.', 'Grief support for families who lost someone to an overdose.'],
  },
  mutual_aid: {
    names: ['{city} Area Intergroup', '{adj} SMART Recovery Group', '{city} Recovery Dharma Sangha', '{adj} Celebrate Recovery', '{city} All Recovery Meeting', '{adj} Group of Narcotics Anonymous'],
    sentences: ['Meetings every day of the week in person and online, open to newcomers.', 'A peer-led meeting for any pathway to recovery, medication included.', 'Meditation and inquiry meetings for people recovering from addiction.', 'Find a meeting, a sponsor or a ride to your first meeting.'],
  },
};

const ES: Pools = {
  crisis_lines: { names: ['Línea de Crisis de {city}', 'Línea de Apoyo Emocional {city}', 'Línea {adj}'], sentences: ['Llama o envía un mensaje a cualquier hora para hablar con una persona capacitada en crisis.', 'Te atienden en español, de día y de noche.', 'Un equipo móvil puede ir a donde estás si no es seguro esperar.'] },
  treatment_detox: { names: ['Centro de Recuperación {adj}', 'Desintoxicación {city}', 'Programa Ambulatorio {adj}'], sentences: ['Desintoxicación con supervisión médica las 24 horas.', 'Tratamiento ambulatorio por las tardes para que puedas seguir trabajando.', 'Evaluación el mismo día para el consumo de alcohol y opioides.'] },
  medication_treatment: { names: ['Clínica de Metadona {city}', 'Programa de Buprenorfina {adj}'], sentences: ['Buprenorfina desde el primer día, con personal que habla español.', 'Dosis de metadona todas las mañanas.', 'Nadie es rechazado por una prueba positiva.'] },
  mental_health: { names: ['Centro de Salud Mental {adj}', 'Consejería Familiar {city}'], sentences: ['Consejería para la depresión, la ansiedad y el trauma.', 'Terapia de grupo en español los jueves por la tarde.', 'Citas por video disponibles.'] },
  harm_reduction: { names: ['Reducción de Daños {city}', 'Programa de Naloxona {adj}', 'Intercambio de Jeringas {city}'], sentences: ['Kits de naloxona (Narcan) gratis y una breve capacitación sobre sobredosis.', 'Material estéril y tiras para detectar fentanilo, sin preguntas.', 'Pruebas de VIH y hepatitis C en el lugar.'] },
  housing: { names: ['Casa de Recuperación {adj}', 'Albergue {adj}', 'Vivienda Sobria {city}'], sentences: ['Casa de vida sobria con reuniones semanales.', 'Camas de emergencia cada noche a partir de las 7 pm.', 'Vivienda de transición para madres con hijos.'] },
  employment: { names: ['Empleos Segunda Oportunidad {city}', 'Centro de Empleo {adj}'], sentences: ['Ayuda con el currículum y entrevistas para personas en recuperación.', 'Capacitación pagada en construcción y cocina.', 'Ayuda para obtener identificación y documentos.'] },
  legal_aid: { names: ['Asistencia Legal {city}', 'Clínica Legal {adj}'], sentences: ['Ayuda legal gratuita para limpiar antecedentes y recuperar la licencia.', 'Orientación sobre inmigración, desalojos y custodia.', 'Clínica sin cita el primer martes de cada mes.'] },
  food: { names: ['Banco de Alimentos {city}', 'Despensa Comunitaria {adj}', 'Comedor {adj}'], sentences: ['Despensa gratuita una vez por semana.', 'Comida caliente todos los días al mediodía.', 'Ayuda para solicitar SNAP y WIC.'] },
  transport: { names: ['Transporte a Tratamiento {city}', 'Viajes Solidarios {adj}'], sentences: ['Viajes gratis a tratamiento, reuniones y citas en la corte.', 'Pases de autobús para personas en tratamiento.', 'Medicaid cubre el transporte a citas médicas.'] },
  family_support: { names: ['Grupo de Familias {adj}', 'Padres en Recuperación {city}'], sentences: ['Grupo semanal para madres, padres y parejas de personas que consumen.', 'Apoyo en el duelo para familias que perdieron a alguien por sobredosis.', 'Reuniones en español los sábados.'] },
  mutual_aid: { names: ['Grupo {adj} de AA', 'Grupo {adj} de NA', 'Reunión en Español {city}'], sentences: ['Reuniones todos los días, presenciales y en línea, abiertas a recién llegados.', 'Un grupo de apoyo mutuo para cualquier camino de recuperación.', 'Encuentra una reunión o un padrino.'] },
};

const GENERIC_EN = ['Walk-ins welcome on weekday mornings.', 'Bring a photo ID if you have one; no one is turned away without one.', 'Peer recovery coaches on staff.', 'Medicaid and most insurance accepted; sliding-scale fees for everyone else.', 'Spanish-speaking staff available.', 'Wheelchair accessible, near a bus stop.', 'Call ahead to check availability.', 'Serving {city} and nearby towns.'];
const GENERIC_ES = ['Se atiende sin cita por las mañanas.', 'Trae una identificación si tienes; nadie es rechazado sin ella.', 'Personal de apoyo entre pares.', 'Se acepta Medicaid; tarifas según ingresos.', 'Acceso para sillas de ruedas.', 'Llama antes para confirmar.', 'Atendemos a {city} y pueblos cercanos.'];

const AREA_CODES = ['212', '312', '213', '415', '617', '713', '214', '305', '404', '206', '303', '602', '215', '202', '612', '503', '702', '314', '412', '816'];
const COST_SETS = [['free'], ['free'], ['sliding_scale'], ['insurance', 'medicaid'], ['medicaid'], ['sliding_scale', 'insurance', 'medicaid'], ['paid', 'insurance'], []];

type Hours = { alwaysOpen: boolean; rows: Array<{ day: number; opens: number; closes: number }> };
const weekdays = (opens: number, closes: number) => [1, 2, 3, 4, 5].map((day) => ({ day, opens, closes }));
const HOURS: Array<[number, () => Hours]> = [
  [40, () => ({ alwaysOpen: false, rows: weekdays(540, 1020) })],
  [20, () => ({ alwaysOpen: false, rows: [...weekdays(480, 1200), { day: 6, opens: 540, closes: 780 }] })],
  [12, () => ({ alwaysOpen: false, rows: [1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: 600, closes: 1080 })) })],
  [10, () => ({ alwaysOpen: true, rows: [] })],
  [10, () => ({ alwaysOpen: false, rows: weekdays(1020, 1260) })],
  // An overnight shelter: 19:00-07:00 every night, stored as two rows a night (the table's rule).
  [8, () => ({ alwaysOpen: false, rows: [1, 2, 3, 4, 5, 6, 7].flatMap((day) => [{ day, opens: 1140, closes: 1440 }, { day: (day % 7) + 1, opens: 0, closes: 420 }]) })],
];

const HOURS_WEIGHTS = Object.fromEntries(HOURS.map(([w], i) => [String(i), w])) as Record<string, number>;

export interface ResourcesLoad {
  entries: number;
  spanish: number;
  located: number;
  withHours: number;
  published: number;
  membersOnly: number;
  perCategory: Record<string, number>;
  loadMs: number;
  settleMs: number;
  /** resource with its indexes, and its search index alone. */
  tableBytes: number;
  searchIndexBytes: number;
}

const fill = (template: string, v: { city: string; region: string; adj: string; street: string }) =>
  template.replace('{city}', v.city).replace('{region}', v.region).replace('{adj}', v.adj).replace('{street}', v.street);
const slug = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A city drawn in proportion to its population, and a point around it (Box–Muller jitter, wider for bigger cities). */
function placeNear(r: SeededRandom, cities: City[], totalPop: number) {
  let roll = r.next() * totalPop;
  const city = cities.find((c) => (roll -= c.populationK) < 0) ?? cities.at(-1)!;
  const sigmaKm = 2 + 2.5 * Math.sqrt(city.populationK / 100);
  const [u, v] = [1 - r.next(), r.next()];
  const z1 = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  const z2 = Math.sqrt(-2 * Math.log(u)) * Math.sin(2 * Math.PI * v);
  return { city, lat: city.lat + (z1 * sigmaKm) / 111, lng: city.lng + (z2 * sigmaKm) / (111 * Math.cos((city.lat * Math.PI) / 180)) };
}

type Row = {
  id: string; name: string; category: string; description: string; audience: string; status: string; locale: string; translations: string;
  phone: string | null; textNumber: string | null; textKeyword: string | null; website: string | null; address: string | null;
  latitude: number | null; longitude: number | null; timeZone: string | null; alwaysOpen: boolean; languages: string; costs: string;
  inPerson: boolean; online: boolean; externalId: string; verifiedAt: string | null;
};

/** One entry, drawn with the seeded source: the category evenly, Spanish ~15% (more in the border and coastal states). */
function entry(r: SeededRandom, n: number, totalPop: number): { row: Row; hours: Hours | null } {
  const category = RESOURCE_CATEGORIES[n % RESOURCE_CATEGORIES.length]!;
  const located = !r.chance(0.02);
  const place = placeNear(r, US_CITIES, totalPop);
  const spanish = r.chance(['TX', 'CA', 'FL', 'NM', 'AZ', 'NY', 'IL', 'NJ'].includes(place.city.region) ? 0.24 : 0.06);
  const v = { city: place.city.name, region: place.city.region, adj: r.pick(spanish ? ADJ_ES : ADJ_EN), street: r.pick(STREETS) };
  const own = spanish ? ES : EN;
  const other = spanish ? EN : ES;
  const describe = (pools: Pools, generic: string[]) =>
    [r.pick(pools[category].sentences), r.pick(pools[category].sentences), fill(r.pick(generic), v)].filter((s, i, all) => all.indexOf(s) === i).join(' ');
  const name = fill(r.pick(own[category].names), v);
  const translated = r.chance(spanish ? 0.5 : 0.1);
  const translations = translated ? { [spanish ? 'en' : 'es']: { name: fill(r.pick(other[category].names), v), description: describe(other, spanish ? GENERIC_EN : GENERIC_ES) } } : {};
  const crisis = category === 'crisis_lines';
  // Half the entries have hours; most crisis lines answer around the clock.
  const hoursValue: Hours | null = crisis && r.chance(0.7) ? { alwaysOpen: true, rows: [] } : r.chance(0.5) ? HOURS[Number(r.weighted(HOURS_WEIGHTS))]![1]() : null;
  const languages = spanish ? ['es', ...(r.chance(0.6) ? ['en'] : [])] : ['en', ...(r.chance(0.25) ? ['es'] : []), ...(r.chance(0.03) ? [r.pick(['zh', 'vi', 'ru', 'ko', 'ar'])] : [])];
  const row: Row = {
    id: crypto.randomUUID(),
    name,
    category,
    description: describe(own, spanish ? GENERIC_ES : GENERIC_EN),
    audience: r.chance(0.1) ? 'members' : 'public',
    status: r.weighted({ published: 97, archived: 2, suggested: 1 }),
    locale: spanish ? 'es' : 'en',
    translations: JSON.stringify(translations),
    phone: r.chance(0.85) ? `+1${r.pick(AREA_CODES)}555${String(r.int(0, 9999)).padStart(4, '0')}` : null,
    textNumber: r.chance(crisis ? 0.5 : 0.05) ? String(r.int(100000, 999999)) : null,
    textKeyword: null,
    website: r.chance(0.7) ? `https://${slug(name).slice(0, 40)}.example.org/` : null,
    address: located ? `${r.int(100, 9899)} ${v.street}, ${place.city.name}, ${place.city.region}` : null,
    latitude: located ? place.lat : null,
    longitude: located ? place.lng : null,
    timeZone: hoursValue ? place.city.timeZone : null,
    alwaysOpen: hoursValue?.alwaysOpen ?? false,
    languages: `{${languages.join(',')}}`,
    costs: `{${r.pick(COST_SETS).join(',')}}`,
    inPerson: located,
    online: !located || r.chance(0.15),
    externalId: `bench:${n}`,
    verifiedAt: r.chance(0.8) ? new Date(Date.UTC(2025, 0, 1) + r.int(0, 700) * 86_400_000).toISOString() : null,
  };
  if (row.textNumber) row.textKeyword = spanish ? 'AYUDA' : r.pick(['HELP', 'HOME', 'TALK']);
  return { row, hours: hoursValue };
}

const COLUMNS: Array<[keyof Row, string, string]> = [
  ['id', 'id', 'uuid'], ['name', 'name', 'text'], ['category', 'category', 'text'], ['description', 'description', 'text'], ['audience', 'audience', 'text'],
  ['status', 'status', 'text'], ['locale', 'locale', 'text'], ['translations', 'translations', 'jsonb'], ['phone', 'phone', 'text'],
  ['textNumber', 'text_number', 'text'], ['textKeyword', 'text_keyword', 'text'], ['website', 'website', 'text'], ['address', 'address', 'text'],
  ['latitude', 'latitude', 'float8'], ['longitude', 'longitude', 'float8'], ['timeZone', 'time_zone', 'text'], ['alwaysOpen', 'always_open', 'bool'],
  ['languages', 'languages', 'text[]'], ['costs', 'costs', 'text[]'], ['inPerson', 'in_person', 'bool'], ['online', 'online', 'bool'],
  ['externalId', 'external_id', 'text'], ['verifiedAt', 'verified_at', 'timestamptz'],
];

/** Inserts `count` entries (external ids `bench:<n>`) and their opening rows in one transaction, then VACUUM ANALYZE. */
export async function loadResources(url: string, count: number, progress: (line: string) => void): Promise<ResourcesLoad> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const r = new SeededRandom(SEED);
    const totalPop = US_CITIES.reduce((s, c) => s + c.populationK, 0);
    const started = performance.now();
    await client.query('begin');
    await client.query('set local synchronous_commit = off');
    const batch = 2500;
    for (let from = 0; from < count; from += batch) {
      const drawn = Array.from({ length: Math.min(batch, count - from) }, (_, i) => entry(r, from + i, totalPop));
      // One array parameter per column; text[] columns travel as their literal and are cast per row.
      const arrays = COLUMNS.map(([key, , type]) => ({ type, values: drawn.map((d) => d.row[key]) }));
      const casts = COLUMNS.map(([, col, type], i) => (type === 'text[]' || type === 'jsonb' ? `c${i}::${type} as ${col}` : `c${i} as ${col}`));
      await client.query(
        `insert into resource (${COLUMNS.map(([, col]) => col).join(', ')}, origin)
         select ${casts.join(', ')}, 'import' from unnest(${arrays.map((a, i) => `$${i + 1}::${a.type === 'text[]' || a.type === 'jsonb' ? 'text' : a.type}[]`).join(', ')})
           as t(${COLUMNS.map((_, i) => `c${i}`).join(', ')})`,
        arrays.map((a) => a.values),
      );
      const hours = drawn.flatMap((d) => (d.hours ? d.hours.rows.map((h) => [d.row.id, h.day, h.opens, h.closes] as const) : []));
      if (hours.length) {
        await client.query(`insert into resource_hours (resource_id, day, opens, closes) select * from unnest($1::uuid[], $2::smallint[], $3::smallint[], $4::smallint[])`, [
          hours.map((h) => h[0]),
          hours.map((h) => h[1]),
          hours.map((h) => h[2]),
          hours.map((h) => h[3]),
        ]);
      }
      if ((from / batch) % 4 === 3) progress(`resources: ${from + drawn.length} entries`);
    }
    await client.query('commit');
    const loadMs = performance.now() - started;
    const settling = performance.now();
    await client.query('vacuum (analyze) resource, resource_hours');
    await client.query('checkpoint');
    const settleMs = performance.now() - settling;
    return { ...(await describe(client)), loadMs, settleMs };
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

/** What the loaded directory holds: counts, categories and sizes. */
async function describe(client: pg.Client): Promise<Omit<ResourcesLoad, 'loadMs' | 'settleMs'>> {
  const { rows } = await client.query<Record<string, number>>(`
    select count(*)::int as entries, count(*) filter (where locale = 'es')::int as spanish, count(latitude)::int as located,
           count(*) filter (where time_zone is not null)::int as "withHours", count(*) filter (where status = 'published')::int as published,
           count(*) filter (where audience = 'members')::int as "membersOnly",
           pg_total_relation_size('resource')::bigint::float8 as "tableBytes", pg_relation_size('resource_search_idx')::float8 as "searchIndexBytes"
      from resource where external_id like 'bench:%'`);
  const { rows: cats } = await client.query<{ category: string; n: number }>(`select category, count(*)::int as n from resource where external_id like 'bench:%' group by category order by category`);
  const s = rows[0]!;
  return {
    entries: s.entries!, spanish: s.spanish!, located: s.located!, withHours: s.withHours!, published: s.published!, membersOnly: s.membersOnly!,
    perCategory: Object.fromEntries(cats.map((c) => [c.category, c.n])), tableBytes: s.tableBytes!, searchIndexBytes: s.searchIndexBytes!,
  };
}

/** A directory loaded by an earlier run (a kept data directory), described like a fresh load. */
export async function describeLoaded(url: string): Promise<Omit<ResourcesLoad, 'loadMs' | 'settleMs'>> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await describe(client);
  } finally {
    await client.end();
  }
}

/** How many bench entries a (kept) database already holds. */
export async function loadedResources(url: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<{ n: number }>(`select count(*)::int as n from resource where external_id like 'bench:%'`)).rows[0]!.n;
  } finally {
    await client.end();
  }
}

export { US_CITIES };
