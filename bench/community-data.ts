// The community benchmark's data: a forum of ~1,000,000 posts (~100,000 topics in 8 categories, ~10% in Spanish) built
// from phrase pools drawn by the seeded random source, then assembled inside PostgreSQL with generate_series (one
// INSERT ... SELECT per table, no row-by-row inserts), and one topic with 200 replies for the topic page.
import pg from 'pg';
import { SeededRandom } from '../src/cli/demo/random.ts';
import { renderPost } from '../src/server/modules/community/render.ts';

export interface CommunityLoad {
  posts: number;
  topics: number;
  spanishPosts: number;
  authors: number;
  loadMs: number;
  stepsMs: Record<string, number>;
  /** VACUUM ANALYZE and CHECKPOINT after the load (statistics for the planner, no autovacuum during the runs). */
  settleMs: number;
  /** forum_post with its indexes, and its GIN index alone. */
  postBytes: number;
  searchIndexBytes: number;
}

/** Ids the measurements need: people to search as, the 200-reply topic and its category. */
export interface CommunityWorld {
  memberId: string;
  groupMemberId: string;
  moderatorId: string;
  groupId: string;
  categories: Array<{ id: string; slug: string; readAccess: string }>;
}

const SEED = 20260606;

const pick = <T>(r: SeededRandom, items: readonly T[]) => r.pick(items);

// ── Phrase pools: the words members of a recovery forum write, in English and Spanish ──

const EN = {
  time: ['evenings', 'weekends', 'mornings', 'nights after work', 'Friday nights', 'paydays', 'the holidays', 'Sunday afternoons', 'lunch breaks'],
  trigger: [
    'a fight with my partner', 'payday', 'a stressful day at work', 'seeing old friends', 'the smell of beer', 'driving past the bar',
    'a family dinner', 'being alone on a Saturday', 'the anniversary of my dad passing', 'a bad night of sleep', 'a wedding', 'a work party',
    'the football game', 'my ex texting me', 'a doctor appointment', 'the liquor store on my street',
  ],
  tool: [
    'called my sponsor', 'went for a walk', 'played the tape forward', 'went to a meeting', 'wrote in my journal', 'did a HALT check',
    'texted my peer supporter', 'made a cost-benefit analysis', 'took a cold shower', 'prayed', 'practiced urge surfing', 'ate something',
    'went to the gym', 'read the Big Book', 'called the warmline', 'meditated for ten minutes', 'made a cup of tea',
  ],
  feeling: ['shame', 'loneliness', 'anxiety', 'boredom', 'anger', 'guilt', 'hope', 'relief', 'restlessness', 'grief', 'gratitude', 'fear', 'pride', 'exhaustion'],
  feelingAdj: ['lonely', 'anxious', 'bored', 'angry', 'hopeful', 'grateful', 'restless', 'tired', 'proud', 'scared', 'calm', 'raw', 'numb', 'overwhelmed'],
  person: ['my mom', 'my brother', 'my partner', 'my boss', 'an old friend', 'my kids', 'my roommate', 'my sister', 'my dad', 'my therapist', 'my wife', 'my husband'],
  meeting: ['AA meeting', 'NA meeting', 'SMART Recovery meeting', 'Refuge Recovery meeting', 'Al-Anon meeting', 'online meeting', 'home group meeting', 'Celebrate Recovery meeting'],
  med: ['buprenorphine', 'methadone', 'naltrexone', 'Suboxone', 'Vivitrol', 'acamprosate', 'gabapentin'],
  win: [
    'paid off a debt', 'slept through the night', 'got my license back', 'reconnected with my daughter', 'ran a 5k', 'started a new job',
    'cooked a real dinner', 'laughed at a party without drinking', 'told my family the truth', 'opened the mail without panic', 'finished a book',
  ],
  grat: ['my sponsor', 'this forum', 'a quiet morning', 'my dog', 'coffee with a friend', 'the people at my home group', 'a second chance', 'my health'],
  substance: ['alcohol', 'opioids', 'pills', 'meth', 'cocaine', 'weed', 'gambling', 'drinking', 'using'],
};

const EN_SENTENCES = [
  'Day {n} today and {time} are still the hardest part.',
  'I had a strong craving after {trigger} but I {tool} instead.',
  '{Person} asked me to go out and I said no for the first time.',
  'Going to an {meeting} tonight helped more than I expected.',
  'Has anyone else struggled with {feeling} in early recovery?',
  'My sponsor told me to {toolBase} when the {feeling} gets loud.',
  'I relapsed after {n} days and I feel {feelingAdj}, but I am back.',
  'Cravings hit hardest on {time}, so I plan ahead.',
  'Grateful for {grat} today.',
  '{n} days sober and I finally {win}.',
  'Urge surfing from SMART worked for me after {trigger}.',
  'Working step {step} with my sponsor this week.',
  'Treatment with {med} has given me my life back.',
  'The holidays with {person} are going to be hard this year.',
  'I cannot sleep and the anxiety keeps me up at night.',
  'One day at a time is the only way I know how to do this.',
  'Does anyone have tips for dealing with {trigger}?',
  '{Person} does not understand why I cannot just have one drink.',
  'I went to my first meeting today and I was so nervous.',
  'I {tool} instead of picking up.',
  'Feeling {feelingAdj} tonight and I wanted to say it somewhere safe.',
  'The craving passed after about twenty minutes, like they said it would.',
  'Stopping {substance} was the hardest thing I have ever done.',
  'I keep thinking about {substance} when I am {feelingAdj}.',
  'Thank you all for the support, it means more than you know.',
  'Me too. {time} are rough for me as well.',
  'You are not alone in this, I felt the same at {n} days.',
  'Be gentle with yourself, recovery is not a straight line.',
  'What helped me was to {toolBase} every single time.',
  'My counselor suggested a gratitude list and it actually helps.',
  'I told {person} I am in recovery and they were kind about it.',
  'Harm reduction kept me alive long enough to get here.',
  'I carry naloxone now, just in case, for anyone.',
  'Still here, still sober, still {feelingAdj}.',
  'HALT: hungry, angry, lonely, tired. I was all four yesterday.',
  'The pink cloud wore off and now it is just regular life.',
];

const ES = {
  sent: ['solo', 'sola', 'ansioso', 'ansiosa', 'esperanzado', 'agradecida', 'cansado', 'triste', 'tranquila', 'orgulloso', 'nerviosa', 'perdido'],
  accion: ['llame a alguien', 'salga a caminar', 'escriba en mi diario', 'vaya a una reunión', 'respire profundo', 'rece', 'coma algo', 'me dé una ducha fría'],
  grupo: ['AA', 'NA', 'SMART', 'Al-Anon', 'Narcóticos Anónimos', 'Alcohólicos Anónimos', 'la comunidad'],
  persona: ['mi mamá', 'mi hermano', 'mi pareja', 'mi jefe', 'un viejo amigo', 'mis hijos', 'mi esposa', 'mi papá', 'mi hermana'],
  detonante: ['una pelea con mi pareja', 'el día de pago', 'un día pesado en el trabajo', 'ver a los viejos amigos', 'una fiesta familiar', 'pasar frente a la cantina', 'estar solo el sábado'],
  grat: ['mi padrino', 'este foro', 'una mañana tranquila', 'mi perro', 'un café con una amiga', 'mi grupo base', 'una segunda oportunidad', 'mi salud'],
  sustancia: ['el alcohol', 'las pastillas', 'la cocaína', 'el cristal', 'la marihuana', 'el juego', 'la bebida'],
};

const ES_SENTENCES = [
  'Hoy tengo muchas ganas de consumir y no sé qué hacer.',
  'Llevo {n} días sin beber y me siento {sent}.',
  'Las noches son lo más difícil para mí.',
  'Mi padrino me dijo que {accion} cuando vengan los antojos.',
  'Fui a mi primera reunión de {grupo} y me sentí {sent}.',
  'Tuve una recaída después de {n} días, pero aquí estoy otra vez.',
  'Gracias a {grat} por estar ahí.',
  '¿Alguien más se siente {sent} los fines de semana?',
  'Estoy consumiendo menos desde que empecé el tratamiento.',
  'Mi familia no entiende por qué no puedo tomar solo una cerveza.',
  'Un día a la vez, como dicen en las reuniones.',
  'Las ganas de beber pasan si llamo a alguien.',
  'Sólo por hoy no voy a consumir.',
  'Después de {detonante} tuve muchas ganas, pero no consumí.',
  'Dejar {sustancia} fue lo más difícil de mi vida.',
  'Hablé con {persona} sobre mi recuperación y me escuchó.',
  'No estás solo, yo también me sentí así a los {n} días.',
  'La recuperación no es una línea recta, tenle paciencia a tu proceso.',
  'Hoy cumplo {n} días limpio y quería compartirlo con ustedes.',
  'Me ayuda mucho escribir en mi diario antes de dormir.',
  'Los fines de semana son los más duros para mí.',
  'Extraño a mis amigos de antes, pero no extraño consumir.',
];

const EN_TITLES = [
  'Day {n} and struggling with {feeling}', 'First meeting tomorrow', 'Cravings after {trigger}', '{n} days today!', 'How do you handle {time}?',
  'Tips for {trigger}?', 'Talking to {person} about my recovery', 'Back after a relapse', 'Urge surfing really works', 'Step {step} questions',
  'Sleep in early recovery', 'Grateful today', 'Anyone on {med}?', 'Feeling {feelingAdj} tonight', 'Holidays sober with {person}',
  'What got you through the first week?', 'Cravings at {n} days', 'My {meeting} experience', 'Rebuilding trust with {person}', 'Small win: I {win}',
];

const ES_TITLES = [
  'Día {n} y con ganas de consumir', 'Mi primera reunión', '¿Cómo manejan los antojos?', 'Recaída después de {n} días', 'Agradecido por hoy',
  'La familia y la recuperación', 'Me siento {sent} hoy', '{n} días limpio', '¿Qué les ayudó la primera semana?', 'Hablando con {persona}',
];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function fill(r: SeededRandom, template: string, lang: 'en' | 'es'): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    if (slot === 'n') return String(pick(r, [1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 100, 180, 365, 500, 1000]));
    if (slot === 'step') return String(r.int(1, 12));
    if (lang === 'es') return pick(r, ES[slot as keyof typeof ES]);
    if (slot === 'Person') return cap(pick(r, EN.person));
    if (slot === 'toolBase') return pick(r, EN.tool).replace(/^called/, 'call').replace(/^went/, 'go').replace(/^wrote/, 'write').replace(/^did/, 'do').replace(/^(\w+?)ed\b/, '$1');
    return pick(r, EN[slot as keyof typeof EN]);
  });
}

/** Made-up place names (Lake Moravel, Tasquin Valley): the rare words, each in a handful of posts. */
function rareWords(r: SeededRandom, count: number): string[] {
  const syllables = ['mor', 'av', 'el', 'tas', 'quin', 'bre', 'lo', 'van', 'dri', 'ku', 'sel', 'ot', 'ra', 'fen', 'zu', 'mi', 'gar', 'pol', 'ith', 'ne'];
  const words = new Set<string>();
  while (words.size < count) {
    let w = '';
    for (let i = r.int(3, 4); i > 0; i--) w += pick(r, syllables);
    words.add(w);
  }
  return [...words];
}

/** The pools handed to PostgreSQL; the same seed gives the same forum on every run. */
export function phrasePools(seed = SEED) {
  const r = new SeededRandom(seed);
  const many = (n: number, make: () => string) => Array.from({ length: n }, make);
  return {
    enSentences: many(4000, () => fill(r, pick(r, EN_SENTENCES), 'en')),
    esSentences: many(1200, () => fill(r, pick(r, ES_SENTENCES), 'es')),
    enTitles: many(2000, () => fill(r, pick(r, EN_TITLES), 'en')),
    esTitles: many(500, () => fill(r, pick(r, ES_TITLES), 'es')),
    rare: rareWords(r, 5000).map(cap),
  };
}

/** The bench's demo-like categories: three read by members only, one by a group's members, four public. */
const CATEGORIES = [
  { slug: 'newcomers', name: 'Newcomers', read: 'public', locale: 'en', weight: 14 },
  { slug: 'daily-check-in', name: 'Daily Check-in Thread', read: 'public', locale: 'en', weight: 20 },
  { slug: 'cravings-and-triggers', name: 'Cravings and Triggers', read: 'members', locale: 'en', weight: 18 },
  { slug: 'milestones', name: 'Milestones', read: 'public', locale: 'en', weight: 8 },
  { slug: 'family-and-friends', name: 'Family and Friends', read: 'members', locale: 'en', weight: 10 },
  { slug: 'smart-tools', name: 'SMART Tools', read: 'members', locale: 'en', weight: 9 },
  { slug: 'twelve-step-study', name: '12-Step Study', read: 'group', locale: 'en', weight: 12 },
  { slug: 'espanol', name: 'Español', read: 'public', locale: 'es', weight: 9 },
] as const;


export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A deterministic draw in [0, 1) for row `k`, draw `j` (PostgreSQL's own hash, seeded). */
const draw = (k: string, j: string) => `((abs(hashint8extended((${k}) * 16 + (${j}), ${SEED})) % 1000003)::float8 / 1000003)`;

/**
 * Loads the forum: `authors` people, the categories, `topics` topics and `posts` posts in all (openings included),
 * replies spread over the topics with a few busy ones, bodies of 1-6 sentences from the pools, 2% of posts naming a
 * rare place, 5% anonymous, ~2% held, hidden or deleted, created over three years and inserted in time order with
 * UUIDv7 ids of their creation time (as the app writes them). html is the body in one paragraph (the pools hold no
 * Markdown or markup), search the same vector searchVector() computes. The GIN index is dropped for the load and
 * built again afterwards with its own definition (a bulk build is several times faster than a million inserts).
 */
export async function loadCommunityData(
  url: string,
  opts: { posts: number; topics: number; authors: number },
  progress: (line: string) => void = () => {},
): Promise<CommunityLoad> {
  const pools = phrasePools();
  return withClient(url, async (client) => {
    const started = performance.now();
    const stepsMs: Record<string, number> = {};
    let mark = started;
    const step = (name: string) => {
      const t = performance.now();
      stepsMs[name] = t - mark;
      progress(`community: ${name} ${((t - mark) / 1000).toFixed(1)} s`);
      mark = t;
    };
    const q = (text: string, values?: unknown[]) => client.query(text, values);
    await q('begin');
    await q('set local synchronous_commit = off');
    await q(`set local work_mem = '256MB'`);
    await q(`set local maintenance_work_mem = '1GB'`);
    await q(
      `insert into "user" (id, name, email, email_verified, locale)
       select gen_random_uuid(), 'Forum member ' || i, 'bench-forum-' || i || '@example.invalid', true, case when i % 8 = 0 then 'es' else 'en' end
       from generate_series(1, $1::int) i`,
      [opts.authors],
    );
    await q(`insert into user_role (user_id, role) select id, 'member' from "user" where email like 'bench-forum-%'`);
    await q(`create temp table bench_author on commit drop as
      select (row_number() over (order by email))::int as n, id from "user" where email like 'bench-forum-%'`);
    await q('create unique index on bench_author (n)');
    const group = await q(
      `insert into support_group (id, slug, name, pathway, visibility, membership)
       values (gen_random_uuid(), 'bench-step-study', 'Step study', 'twelve_step', 'members', 'approval') returning id`,
    );
    const groupId = group.rows[0].id as string;
    // Every tenth author belongs to the group that reads 12-Step Study.
    await q(`insert into group_member (group_id, user_id) select $1, id from bench_author where n % 10 = 0`, [groupId]);
    const ids: string[] = [];
    for (const [i, c] of CATEGORIES.entries()) {
      const { rows } = await q(
        `insert into forum_category (id, slug, name, description, read_access, post_access, group_id, locale, position)
         values (gen_random_uuid(), $1, $2, 'A place to talk.', $3, $4, $5, $6, $7) returning id`,
        [c.slug, c.name, c.read, c.read === 'group' ? 'group' : 'members', c.read === 'group' ? groupId : null, c.locale, i],
      );
      ids.push(rows[0].id as string);
    }
    const weights = CATEGORIES.map((c) => c.weight);
    const bounds = weights.map((_, i) => weights.slice(0, i).reduce((a, b) => a + b, 0));
    await q(
      `create temp table bench_category on commit drop as
       select * from unnest($1::uuid[], $2::text[], $3::int[], $4::int[]) as x(id, locale, lo, hi)`,
      [ids, CATEGORIES.map((c) => c.locale), bounds, bounds.map((b, i) => b + weights[i]!)],
    );
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    // The pools as keyed tables: subscripting a large text[] walks it from the start on every access.
    await q(`create temp table bench_phrase on commit drop as
      select 'en' as lang, 's' as kind, i::int - 1 as i, s from unnest($1::text[]) with ordinality x(s, i)
      union all select 'es', 's', i::int - 1, s from unnest($2::text[]) with ordinality x(s, i)
      union all select 'en', 't', i::int - 1, s from unnest($3::text[]) with ordinality x(s, i)
      union all select 'es', 't', i::int - 1, s from unnest($4::text[]) with ordinality x(s, i)
      union all select 'any', 'r', i::int - 1, s from unnest($5::text[]) with ordinality x(s, i)`,
      [pools.enSentences, pools.esSentences, pools.enTitles, pools.esTitles, pools.rare],
    );
    await q('create unique index on bench_phrase (kind, lang, i)');
    await q('analyze bench_phrase');
    const poolSize = { en: pools.enSentences.length, es: pools.esSentences.length, enT: pools.enTitles.length, esT: pools.esTitles.length, rare: pools.rare.length };
    step('people and categories');

    // Topics, oldest first over three years; a twentieth of them draw a fifth of all replies (busy threads).
    await q(
      `create temp table bench_topic on commit drop as
       select i, c.id as category_id,
              case when c.locale = 'es' or ${draw('i', '1')} < 0.012 then 'es' else 'en' end as locale,
              1 + floor(${draw('i', '2')} * $2)::int as author_n,
              ${draw('i', '3')} < 0.05 as anonymous,
              case when ${draw('i', '4')} < 0.01 then 'held' when ${draw('i', '4')} < 0.015 then 'hidden' when ${draw('i', '4')} < 0.018 then 'deleted' else 'visible' end as status,
              now() - interval '1095 days' * (1 - i::float8 / $1) - interval '1 minute' * floor(${draw('i', '5')} * 600) as created_at,
              (5 + floor(${draw('i', '6')} * 720))::int as gap_minutes,
              null::uuid as id
       from generate_series(1, $1::int) i
       join bench_category c on floor(${draw('i', '0')} * ${totalWeight}) >= c.lo and floor(${draw('i', '0')} * ${totalWeight}) < c.hi`,
      [opts.topics, opts.authors],
    );
    await q('update bench_topic set id = uuidv7(created_at - now())');
    await q('create unique index on bench_topic (i)');
    // Each post's own key for its draws: openings 2^22 + topic, replies 2^23 + k (apart from the topics' draws).
    const replies = opts.posts - opts.topics;
    await q(
      `create temp table bench_post on commit drop as
       select t.i as topic_i, 1 as number, t.created_at, t.locale, t.author_n, t.anonymous, t.status, 4194304 + t.i::bigint as key from bench_topic t
       union all
       select r.topic_i, (1 + row_number() over (partition by r.topic_i order by r.key))::int,
              null, null, 1 + floor(${draw('r.key', '2')} * $3)::int, ${draw('r.key', '3')} < 0.05,
              case when ${draw('r.key', '4')} < 0.006 then 'held' when ${draw('r.key', '4')} < 0.011 then 'hidden' when ${draw('r.key', '4')} < 0.014 then 'deleted' else 'visible' end,
              r.key
       from (select key, case when ${draw('key', '1')} < 0.2 then 1 + 20 * floor(${draw('key', '0')} * ($2 / 20))::int
                              else 1 + floor(${draw('key', '0')} * $2)::int end as topic_i
             from (select 8388608 + k::bigint as key from generate_series(1, $1::int) k) keys) r`,
      [replies, opts.topics, opts.authors],
    );
    await q(
      `update bench_post p set locale = t.locale,
         created_at = least(t.created_at + interval '1 minute' * t.gap_minutes * (p.number - 1), now() - interval '1 minute' * ${draw('p.key', '5')})
       from bench_topic t where t.i = p.topic_i and p.number > 1`,
    );
    step('shape');

    const gin = await q(`select indexdef from pg_indexes where indexname = 'forum_post_search_idx'`);
    await q('drop index forum_post_search_idx');
    await q(
      `insert into forum_topic (id, category_id, author_id, anonymous, title, status, reply_count, last_number, last_posted_at, created_at, updated_at)
       select t.id, t.category_id, a.id, t.anonymous,
              (select s from bench_phrase where kind = 't' and lang = t.locale and i = floor(${draw('t.i', '7')} * (case when t.locale = 'es' then ${poolSize.esT} else ${poolSize.enT} end))::int),
              t.status, 0, 1, t.created_at, t.created_at, t.created_at
       from bench_topic t join bench_author a on a.n = t.author_n order by t.created_at`,
    );
    step('topics');

    // Bodies: 1-6 sentences, common ones drawn more often (a power of the draw), 2% with a rare place name.
    // One indexed lookup per sentence (a join over generate_series would be planned as a hash of the whole pool).
    const sentence = (lang: string, size: number, j: number) =>
      `(select s from bench_phrase where kind = 's' and lang = '${lang}' and i = floor(power(${draw('b.key', String(j + 8))}, 1.6) * ${size})::int)`;
    const sentences = (lang: string, size: number) =>
      `concat_ws(' ', ${[0, 1, 2, 3, 4, 5].map((j) => (j === 0 ? sentence(lang, size, j) : `case when b.sentences > ${j} then ${sentence(lang, size, j)} end`)).join(', ')})`;
    await q(
      `insert into forum_post (id, topic_id, number, author_id, anonymous, body, html, locale, search, status, created_at)
       select uuidv7(p.created_at - now()), p.topic_id, p.number, p.author_id, p.anonymous, p.body, '<p>' || p.body || '</p>', p.locale,
              setweight(to_tsvector(p.cfg, coalesce(p.title, '')), 'A') || setweight(to_tsvector(p.cfg, p.body), 'B'), p.status, p.created_at
       from (
         select b.*, t.id as topic_id, a.id as author_id, case when b.number = 1 then f.title end as title,
                (case when b.locale = 'es' then 'spanish' else 'english' end)::regconfig as cfg,
                case when b.locale = 'es' then ${sentences('es', poolSize.es)} else ${sentences('en', poolSize.en)} end
                || case when ${draw('b.key', '6')} < 0.02 then
                     (case when b.locale = 'es' then ' Nos vimos cerca de ' else ' We met up near ' end)
                     || (select s from bench_phrase where kind = 'r' and i = floor(${draw('b.key', '7')} * ${poolSize.rare})::int) || '.'
                   else '' end as body
         from (select bp.*, 1 + (case when ${draw('bp.key', '15')} < 0.15 then 0 when ${draw('bp.key', '15')} < 0.45 then 1
                                       when ${draw('bp.key', '15')} < 0.75 then 2 when ${draw('bp.key', '15')} < 0.9 then 3
                                       when ${draw('bp.key', '15')} < 0.97 then 4 else 5 end) as sentences
               from bench_post bp) b
         join bench_topic t on t.i = b.topic_i
         join forum_topic f on f.id = t.id
         join bench_author a on a.n = b.author_n
       ) p order by p.created_at`,
    );
    step('posts');
    await q(
      `update forum_topic f set last_number = s.last_number, reply_count = s.replies, last_posted_at = coalesce(s.last_posted_at, f.created_at)
       from (select topic_id, max(number) as last_number, count(*) filter (where number > 1 and status = 'visible')::int as replies,
                    max(created_at) filter (where status = 'visible') as last_posted_at
             from forum_post group by topic_id) s
       where s.topic_id = f.id`,
    );
    step('topic counts');
    await q(gin.rows[0].indexdef as string);
    step('search index');
    await q('commit');
    step('commit');
    const loadMs = performance.now() - started;
    const settling = performance.now();
    await q('vacuum (analyze) forum_post, forum_topic, forum_category, "user", user_role, group_member');
    await q('checkpoint');
    const settleMs = performance.now() - settling;
    const { rows } = await q(
      `select (select count(*) from forum_post)::int as posts, (select count(*) from forum_topic)::int as topics,
              (select count(*) from forum_post where locale = 'es')::int as es,
              pg_total_relation_size('forum_post')::bigint as bytes, pg_relation_size('forum_post_search_idx')::bigint as gin`,
    );
    const r = rows[0];
    return {
      posts: r.posts,
      topics: r.topics,
      spanishPosts: r.es,
      authors: opts.authors,
      loadMs,
      stepsMs,
      settleMs,
      postBytes: Number(r.bytes),
      searchIndexBytes: Number(r.gin),
    };
  });
}

/** The people the measurements act as, and the categories. */
export async function communityWorld(url: string): Promise<CommunityWorld> {
  return withClient(url, async (client) => {
    const author = async (clause: string) => (await client.query(`select id from "user" where email like 'bench-forum-%' and ${clause} order by email limit 1`)).rows[0].id as string;
    const groupId = (await client.query(`select id from support_group where slug = 'bench-step-study'`)).rows[0].id as string;
    const memberId = await author(`not exists (select 1 from group_member g where g.user_id = "user".id)`);
    const groupMemberId = await author(`exists (select 1 from group_member g where g.user_id = "user".id)`);
    const moderatorId = await author(`id not in ('${memberId}', '${groupMemberId}')`);
    const categories = (await client.query(`select id, slug, read_access as "readAccess" from forum_category order by position`)).rows;
    return { memberId, groupMemberId, moderatorId, groupId, categories };
  });
}

const REPLY_BODIES = [
  'Me too. **Evenings** are the hardest for me as well.\n\nWhat helps: calling my sponsor before 6pm, every day.',
  'You are not alone in this. At 30 days I felt exactly the same.',
  '> The craving passed after about twenty minutes\n\nThis. Urge surfing works if you let it.',
  'Sending support. One day at a time.',
  'I keep a list on my phone:\n\n1. HALT check\n2. Text someone\n3. Walk around the block\n4. Eat something',
  'Thank you for sharing this, @Forum member 12. It helped me tonight.',
  'My counselor suggested [this worksheet](https://example.org/worksheet) and it actually helps.',
  'Proud of you. 🎉 Keep going.',
];

/**
 * A topic with `replies` replies in Cravings and Triggers (members read it), written like the app writes them
 * (Markdown rendered by renderPost, the search vector, numbered), by many authors, some anonymous, with reactions.
 */
export async function createPageTopic(url: string, replies: number): Promise<string> {
  return withClient(url, async (client) => {
    const r = new SeededRandom(SEED + 1);
    const category = (await client.query(`select id from forum_category where slug = 'cravings-and-triggers'`)).rows[0].id as string;
    const authors = (await client.query(`select id from "user" where email like 'bench-forum-%' order by email limit 300`)).rows.map((x) => x.id as string);
    const title = 'Evenings are the hardest part: what works for you?';
    const bodies = Array.from({ length: replies + 1 }, (_, i) => (i === 0 ? 'Day 12. Evenings after work are when the cravings hit. What do you do at 6pm?' : pick(r, REPLY_BODIES)));
    await client.query('begin');
    const topicId = (
      await client.query(
        `insert into forum_topic (id, category_id, author_id, title, status, reply_count, last_number, last_posted_at)
         values (uuidv7(), $1, $2, $3, 'visible', $4, $4 + 1, now()) returning id`,
        [category, authors[0], title, replies],
      )
    ).rows[0].id as string;
    await client.query(
      `insert into forum_post (id, topic_id, number, author_id, anonymous, body, html, locale, search, created_at)
       select uuidv7(interval '1 minute' * (x.n - $6::int)), $1, x.n, x.author, x.anonymous, x.body, x.html, 'en',
              setweight(to_tsvector('english', case when x.n = 1 then $5 else '' end), 'A') || setweight(to_tsvector('english', x.body), 'B'),
              now() - interval '1 minute' * ($6::int - x.n)
       from unnest($2::text[], $3::text[], $4::uuid[], $7::boolean[]) with ordinality as x(body, html, author, anonymous, n)`,
      [
        topicId,
        bodies,
        bodies.map((b) => renderPost(b)),
        bodies.map((_, i) => authors[i % authors.length]),
        title,
        replies + 1,
        bodies.map((_, i) => i > 0 && i % 11 === 0),
      ],
    );
    // A few supportive reactions on most posts, from other people.
    await client.query(
      `insert into forum_reaction (post_id, user_id, kind)
       select p.id, u.id, (array['support', 'me_too', 'celebrate', 'thanks'])[1 + (p.number + u.n) % 4]
       from forum_post p cross join lateral (select id, n from (select id, row_number() over (order by id) n from "user" where email like 'bench-forum-%' limit 40) a
                                             where (a.n + p.number) % 9 = 0) u
       where p.topic_id = $1 and p.author_id <> u.id`,
      [topicId],
    );
    await client.query('commit');
    await client.query('analyze forum_post, forum_reaction');
    return topicId;
  });
}
