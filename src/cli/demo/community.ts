import { sql } from 'drizzle-orm';
import { REACTIONS } from '../../contracts/community.ts';
import type { Locale } from '../../contracts/common.ts';
import type { Queryable } from '../../server/db/client.ts';
import { newId } from '../../server/db/ids.ts';
import { checkPost } from '../../server/modules/community/automod.ts';
import { celebrateMilestone } from '../../server/modules/community/celebrations.ts';
import { GUIDELINES_VERSION } from '../../server/modules/community/guidelines.ts';
import { openQueueItem } from '../../server/modules/community/queue-repo.ts';
import { renderPost } from '../../server/modules/community/render.ts';
import { searchVector } from '../../server/modules/community/search-vector.ts';
import { DEFAULT_MODERATION_SETTINGS } from '../../server/modules/community/settings.ts';
import { forumCategory } from '../../server/modules/community/tables.ts';
import { readOwnWords } from '../../server/modules/safety/crisis.ts';
import { openEscalation } from '../../server/modules/safety/paging.ts';
import type { SeededPerson } from './accounts.ts';
import type { SeededRandom } from './random.ts';
import type { DemoStep } from './seed.ts';

/**
 * The demo forum: the eight categories of a recovery community, a few weeks of topics and replies in English and
 * Spanish, supportive reactions, anonymous posts, and a moderation queue with something in each lane (needs care,
 * held by a rule, reported). Written directly with the same rendering, search vector and rules as real posts.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface CategoryPlan {
  slug: string;
  name: string;
  description: string;
  readAccess: 'public' | 'members' | 'group';
  postAccess: 'members' | 'group' | 'moderators';
  locale: Locale;
  celebrations?: boolean;
}

const CATEGORIES: CategoryPlan[] = [
  { slug: 'newcomers', name: 'Newcomers', description: 'New here? Say hello, ask anything. Nobody expects you to have it figured out.', readAccess: 'members', postAccess: 'members', locale: 'en' },
  { slug: 'daily-check-in', name: 'Daily Check-in Thread', description: 'One line a day: how you are, what you need, what went right.', readAccess: 'members', postAccess: 'members', locale: 'en' },
  { slug: 'cravings-and-triggers', name: 'Cravings and Triggers', description: 'When it is hard right now, and what gets people through.', readAccess: 'members', postAccess: 'members', locale: 'en' },
  { slug: 'milestones', name: 'Milestones', description: 'Days, months, years, and the small wins in between. Celebrations posted by members who opt in.', readAccess: 'members', postAccess: 'members', locale: 'en', celebrations: true },
  { slug: 'family-and-friends', name: 'Family and Friends', description: 'For the people who love someone in recovery, and for members talking about family.', readAccess: 'members', postAccess: 'members', locale: 'en' },
  { slug: 'smart-tools', name: 'SMART Tools', description: 'Cost-benefit analysis, urge logs, the ABCs. Anyone can read this category, even without an account.', readAccess: 'public', postAccess: 'members', locale: 'en' },
  { slug: '12-step-study', name: '12-Step Study', description: 'Step work together, for members of the Tuesday Night Step Study.', readAccess: 'group', postAccess: 'group', locale: 'en' },
  { slug: 'espanol', name: 'Español', description: 'Un espacio para conversar en español: preguntas, ánimo y experiencias.', readAccess: 'members', postAccess: 'members', locale: 'es' },
];

interface TopicPlan {
  category: string;
  title: string;
  body: string;
  replies: string[];
  pinned?: boolean;
}

const TOPICS: TopicPlan[] = [
  {
    category: 'newcomers',
    title: 'First week and I have no idea what I am doing',
    body: 'Hi everyone. Day 6 without drinking. My sister found this place for me. I am not sure what to say, I just did not want to be alone with it tonight.',
    replies: [
      'Welcome. Day 6 is real. You do not have to know what you are doing, showing up is the whole thing right now.',
      'I remember my first week. Evenings were the worst. Eat something, drink water, go to bed early. Boring advice that works.',
      'Glad you are here. There is a Monday night meeting online if you want to just listen. Nobody makes you talk.',
      'Thank you all. I read this three times already.',
    ],
  },
  {
    category: 'newcomers',
    title: 'Is it okay that I am on Suboxone?',
    body: 'Someone at a meeting told me I am not really clean because I take buprenorphine. It made me want to stop going. Is there room for people like me here?',
    replies: [
      'Yes. Completely. Medication is a pathway, not a shortcut. Whatever that person said, it is not how this community sees it.',
      'Four years on methadone here. I have a job, my kids are back with me. Nobody gets to grade your recovery.',
      'The guidelines here literally say every pathway is respected. Stay.',
    ],
  },
  {
    category: 'daily-check-in',
    title: 'Daily check-in: how are you today?',
    pinned: true,
    body: 'One line is enough. How are you, what do you need, what went right?',
    replies: [
      'Tired but steady. Went for a walk at lunch instead of scrolling.',
      'Day 41. Grumpy. Still here.',
      'Rough morning, better afternoon. Called my mentor, it helped.',
      'Made it through a family dinner without drinking. First one in years.',
      'Need to sleep more. HALT says tired and hungry, so: sandwich and bed.',
      'Good day. Got my 90-day chip at the Saturday meeting.',
      'Anxious about a court date next week. Writing it here so it is not only in my head.',
    ],
  },
  {
    category: 'cravings-and-triggers',
    title: 'Payday is my worst trigger',
    body: 'Every other Friday my brain starts negotiating by noon. What do you do when the money hits your account?',
    replies: [
      'I set up an automatic transfer to savings the same morning. Less cash in reach, fewer arguments with myself.',
      'Plan the evening before it starts. I book something with a person on payday: dinner, a meeting, anything.',
      'Play the tape forward. I picture Saturday morning, not Friday night.',
      'Urge surfing. It peaks and passes in about 20 minutes for me if I do not feed it.',
    ],
  },
  {
    category: 'cravings-and-triggers',
    title: 'Smelled it at a party and froze',
    body: 'Went to a birthday thing and someone opened a bottle of the exact wine I used to drink. I left after ten minutes. Proud? Embarrassed? Both?',
    replies: [
      'Proud. Leaving is a skill. You did the thing.',
      'Same thing happened to me with a beer brand at a ball game. It gets smaller over time, I promise.',
    ],
  },
  {
    category: 'milestones',
    title: 'One year today',
    body: 'A year ago I woke up in a hospital. Today I made breakfast for my daughter and drove her to school. Thank you, all of you.',
    replies: ['This made me cry at my desk. Congratulations.', 'One year! That is everything.', 'So happy for you and your daughter.'],
  },
  {
    category: 'milestones',
    title: '30 days, no big deal (it is a big deal)',
    body: 'Thirty days. I have not done thirty days since I was nineteen.',
    replies: ['It is a very big deal. Well done.', 'Thirty is huge. Keep going.'],
  },
  {
    category: 'family-and-friends',
    title: 'How do I support my brother without enabling him?',
    body: 'My brother is three months into recovery and keeps asking to borrow money. I want to help but I am scared. Where is the line?',
    replies: [
      'Al-Anon helped me figure out my own lines. Offering to pay a bill directly instead of cash was a good middle for us.',
      'From the other side: my family saying no to cash but yes to rides to meetings meant a lot.',
      'You can love him and still say no. Both are true.',
    ],
  },
  {
    category: 'smart-tools',
    title: 'My cost-benefit analysis, one year later',
    body: 'I found the CBA I wrote in my first week. **Benefits of using** was a long list then. Now the benefits of not using are longer.\n\n- sleep\n- money\n- my dog trusts me again',
    replies: ['Love this. Going to dig up my old one.', 'The dog line got me.', 'Doing a new CBA is a great milestone exercise.'],
  },
  {
    category: 'smart-tools',
    title: 'DISARM: naming the voice',
    body: 'I started naming the urge voice. Mine is called Kevin. "Kevin wants a drink" is easier to ignore than "I want a drink".',
    replies: ['Mine is called The Salesman.', 'This is genius and also very funny.'],
  },
  {
    category: '12-step-study',
    title: 'Step 4: how did you start?',
    body: 'I keep opening the notebook and closing it. How did you start your inventory?',
    replies: ['I started with resentments, one line each, no details. The details came later.', 'My sponsor said: start with the easy ones. Momentum matters.'],
  },
  {
    category: 'espanol',
    title: 'Primera semana sin consumir',
    body: 'Hola a todos. Llevo siete días. Me cuesta dormir y ando de mal humor, pero aquí sigo.',
    replies: [
      '¡Bienvenido! Siete días cuentan mucho. El sueño mejora, tenle paciencia.',
      'A mí me ayudó salir a caminar en la tarde y no tomar café después de las tres.',
      'Aquí estamos. Un día a la vez.',
    ],
  },
  {
    category: 'espanol',
    title: '¿Cómo le cuento a mi familia?',
    body: 'Quiero decirle a mi mamá que estoy en recuperación, pero me da miedo su reacción. ¿Cómo lo hicieron ustedes?',
    replies: [
      'Yo se lo escribí en una carta primero. Así pude decir todo sin que me interrumpieran.',
      'Elige un momento tranquilo. Y recuerda que su reacción no define tu recuperación.',
    ],
  },
  {
    category: 'espanol',
    title: 'Antojos en la noche',
    body: 'Las noches son lo más difícil para mí. ¿Qué hacen cuando llegan las ganas de consumir?',
    replies: ['Llamo a alguien de mi grupo, aunque sea para hablar de otra cosa.', 'Técnica 5-4-3-2-1: cinco cosas que veo, cuatro que toco… me regresa al momento.'],
  },
];

/** Posts that land in the moderation queue, one for each lane. */
const QUEUE = {
  reported: {
    category: 'cravings-and-triggers',
    topic: 'Payday is my worst trigger',
    body: 'You seem really cool. Want to grab a drink sometime? Text me at 505-555-0134, not on here.',
    reasons: [
      ['dating', 'This feels like someone trying to pick people up, and suggesting a drink here of all places.'],
      ['off_platform', ''],
    ] as const,
  },
  held: {
    category: 'newcomers',
    title: 'anyone around downtown',
    body: 'anyone selling percs near downtown? can pay cashapp $fastcash77 tonight',
  },
  reportedEs: {
    category: 'espanol',
    topic: 'Primera semana sin consumir',
    body: 'Deja la metadona de golpe, a mí me funcionó y los doctores solo quieren tenerte enganchado.',
    reason: ['medical_advice', 'Esto puede ser peligroso para alguien que esté empezando.'] as const,
  },
  care: {
    category: 'daily-check-in',
    body: 'Honestly I do not see the point anymore. I keep thinking everyone would be better off without me.',
  },
};

interface Post {
  id: string;
  topicId: string;
  number: number;
  authorId: string;
  anonymous: boolean;
  body: string;
  locale: Locale;
  createdAt: Date;
  status: 'visible' | 'held';
}

export const seedCommunity: DemoStep = async ({ db, random, people }) => {
  const now = Date.now();
  const members = people.filter((p) => p.roles.includes('member'));
  const byLocale = (l: Locale) => members.filter((p) => p.locale === l);
  const pick = (l: Locale, not: string[] = []) => {
    const pool = byLocale(l).filter((p) => !not.includes(p.id));
    return random.pick(pool.length ? pool : members);
  };
  const group = await stepStudyGroup(db);
  const counts = { categories: 0, topics: 0, posts: 0, anonymous: 0, reactions: 0, queue: 0, celebrations: 0 };

  await db.transaction(async (tx) => {
    const categoryIds = new Map<string, string>();
    for (const [i, c] of CATEGORIES.entries()) {
      if (c.readAccess === 'group' && !group) continue;
      const id = newId();
      const taken = await tx.execute(sql`select 1 from forum_category where slug = ${c.slug}`);
      await tx.insert(forumCategory).values({
        id,
        slug: taken.rows.length ? `${c.slug}-demo` : c.slug,
        name: c.name,
        description: c.description,
        readAccess: c.readAccess,
        postAccess: c.postAccess,
        groupId: c.readAccess === 'group' ? group!.id : null,
        locale: c.locale,
        celebrations: c.celebrations ?? false,
        position: i * 10,
      });
      categoryIds.set(c.slug, id);
      counts.categories++;
    }

    const posts: Post[] = [];
    const topics = new Map<string, { id: string; posts: Post[]; category: CategoryPlan }>();
    for (const t of TOPICS) {
      const categoryId = categoryIds.get(t.category);
      if (!categoryId) continue;
      const category = CATEGORIES.find((c) => c.slug === t.category)!;
      const posters = t.category === '12-step-study' ? group!.members : null;
      const author = posters ? random.pick(posters) : pick(category.locale);
      const started = new Date(now - random.int(2, 28) * DAY - random.int(0, 20) * HOUR);
      const topicId = newId();
      const anonymous = !t.pinned && random.chance(0.25);
      const first: Post = { id: newId(), topicId, number: 1, authorId: t.pinned ? people.find((p) => p.roles.includes('coordinator'))!.id : author.id, anonymous, body: t.body, locale: category.locale, createdAt: started, status: 'visible' };
      const list = [first];
      let at = started.getTime();
      for (const body of t.replies) {
        at += random.int(1, 30) * HOUR * (t.pinned ? 2 : 1);
        if (at > now - HOUR) at = now - random.int(1, 50) * 60_000;
        const replier = posters ? random.pick(posters) : pick(category.locale, [first.authorId]);
        list.push({ id: newId(), topicId, number: list.length + 1, authorId: replier.id, anonymous: random.chance(0.15), body, locale: category.locale, createdAt: new Date(at), status: 'visible' });
      }
      await insertTopic(tx, { id: topicId, categoryId, title: t.title, pinned: t.pinned ?? false, posts: list });
      topics.set(t.title, { id: topicId, posts: list, category });
      posts.push(...list);
      counts.topics++;
    }
    counts.anonymous = posts.filter((p) => p.anonymous).length;

    // Reactions: a few per post, never on one's own post.
    for (const p of posts) {
      const n = random.int(0, Math.min(6, members.length - 1));
      for (let i = 0; i < n; i++) {
        const who = random.pick(members);
        if (who.id === p.authorId) continue;
        const kind = random.weighted({ support: 5, me_too: 3, thanks: 2, celebrate: TOPICS.some((t) => t.category === 'milestones') ? 2 : 1 } as Record<(typeof REACTIONS)[number], number>);
        const res = await tx.execute(sql`insert into forum_reaction (post_id, user_id, kind, created_at) values (${p.id}, ${who.id}, ${kind}, ${new Date(p.createdAt.getTime() + HOUR)}) on conflict do nothing`);
        counts.reactions += res.rowCount ?? 0;
      }
    }

    // The moderation queue: a reported reply, a post held by the rules, a Spanish report, a member who needs care.
    const reported = topics.get(QUEUE.reported.topic);
    if (reported) {
      const author = pick('en', reported.posts.map((p) => p.authorId));
      const post = await addReply(tx, reported, { authorId: author.id, body: QUEUE.reported.body, at: new Date(now - 5 * HOUR) });
      const itemId = await openQueueItem(tx, { postId: post.id, kind: 'reported' });
      for (const [reason, note] of QUEUE.reported.reasons) {
        const reporter = pick('en', [author.id]);
        await tx.execute(sql`insert into forum_report (id, post_id, reporter_id, reason, note, queue_item_id) values (${newId()}, ${post.id}, ${reporter.id}, ${reason}, ${note}, ${itemId}) on conflict do nothing`);
      }
      counts.queue++;
    }
    const heldCategory = categoryIds.get(QUEUE.held.category);
    if (heldCategory) {
      const newcomer = members.find((p) => p.joinedDaysAgo <= 3) ?? pick('en');
      const verdict = checkPost({ title: QUEUE.held.title, body: QUEUE.held.body, trustLevel: 0, settings: DEFAULT_MODERATION_SETTINGS });
      const topicId = newId();
      const post: Post = { id: newId(), topicId, number: 1, authorId: newcomer.id, anonymous: false, body: QUEUE.held.body, locale: 'en', createdAt: new Date(now - 2 * HOUR), status: 'held' };
      await insertTopic(tx, { id: topicId, categoryId: heldCategory, title: QUEUE.held.title, pinned: false, posts: [post], status: 'held' });
      await openQueueItem(tx, { postId: post.id, kind: 'held', rules: verdict.rules });
      counts.queue++;
    }
    const es = topics.get(QUEUE.reportedEs.topic);
    if (es) {
      const author = pick('es', es.posts.map((p) => p.authorId));
      const post = await addReply(tx, es, { authorId: author.id, body: QUEUE.reportedEs.body, at: new Date(now - 9 * HOUR) });
      const itemId = await openQueueItem(tx, { postId: post.id, kind: 'reported' });
      const reporter = pick('es', [author.id]);
      await tx.execute(sql`insert into forum_report (id, post_id, reporter_id, reason, note, queue_item_id) values (${newId()}, ${post.id}, ${reporter.id}, ${QUEUE.reportedEs.reason[0]}, ${QUEUE.reportedEs.reason[1]}, ${itemId})`);
      counts.queue++;
    }
    const daily = [...topics.values()].find((t) => t.category.slug === QUEUE.care.category);
    if (daily) {
      const author = pick('en', [daily.posts[0]!.authorId]);
      const post = await addReply(tx, daily, { authorId: author.id, body: QUEUE.care.body, at: new Date(now - 40 * 60_000), anonymous: true });
      const reading = readOwnWords([QUEUE.care.body], 'en');
      let escalationId: string | null = null;
      if (reading) {
        const opened = await openEscalation(tx, { memberId: author.id, source: 'reply', sourceId: post.id, level: reading.level, categories: reading.categories, excerpt: reading.excerpt });
        escalationId = opened.id;
      }
      await openQueueItem(tx, { postId: post.id, kind: 'needs_care', escalationId });
      counts.queue++;
    }
    // Members who chose to celebrate: their latest milestone, if reached in the last three weeks, as the forum would post it.
    const recent = await tx.execute<{ userId: string; milestone: string; reachedOn: string }>(sql`
      select distinct on (m.user_id) m.user_id as "userId", m.milestone, m.reached_on::text as "reachedOn"
      from milestone_reached m join sobriety_period p on p.id = m.period_id join sobriety_track t on t.id = p.track_id
      where t.announce_milestones = 'yes' and m.reached_on >= current_date - 21
      order by m.user_id, m.reached_on desc limit 4`);
    for (const m of recent.rows) await celebrateMilestone(tx, m);
    counts.celebrations = recent.rows.length;

    counts.topics = (await tx.execute<{ n: number }>(sql`select count(*)::int as n from forum_topic t where t.category_id in (${inList([...categoryIds.values()])})`)).rows[0]!.n;
    counts.posts = (await tx.execute<{ n: number }>(sql`select count(*)::int as n from forum_post p join forum_topic t on t.id = p.topic_id where t.category_id in (${inList([...categoryIds.values()])})`)).rows[0]!.n;

    // Everyone who posted accepted the guidelines; their standing follows from how long they have been here.
    const posters = [...new Set((await tx.execute<{ id: string }>(sql`select distinct p.author_id as id from forum_post p join forum_topic t on t.id = p.topic_id where t.category_id in (${inList([...categoryIds.values()])}) and p.author_id is not null`)).rows.map((r) => r.id))];
    for (const id of posters) {
      const person = people.find((p) => p.id === id)!;
      await tx.execute(sql`insert into forum_guidelines_acceptance (user_id, version, accepted_at) values (${id}, ${GUIDELINES_VERSION}, ${new Date(now - Math.min(person.joinedDaysAgo, 28) * DAY)}) on conflict do nothing`);
      const level = person.joinedDaysAgo >= 14 ? 2 : person.joinedDaysAgo >= 1 ? 1 : 0;
      await tx.execute(sql`insert into forum_member (user_id, trust_level, topics_read, posts_created)
        values (${id}, ${level}, ${random.int(level * 15, level * 15 + 30)}, (select count(*) from forum_post where author_id = ${id}))
        on conflict (user_id) do nothing`);
    }
  });

  return {
    'forum categories': counts.categories,
    'forum topics': counts.topics,
    'forum posts': counts.posts,
    'anonymous posts': counts.anonymous,
    reactions: counts.reactions,
    'moderation queue items': counts.queue,
    'milestone celebrations': counts.celebrations,
  };
};

const inList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

/** The members-only step study group and its active members, for the group category. */
async function stepStudyGroup(db: Queryable): Promise<{ id: string; members: SeededPerson[] } | null> {
  const res = await db.execute<{ id: string; user_id: string }>(sql`select g.id, m.user_id from support_group g
    join group_member m on m.group_id = g.id and m.status = 'active'
    where g.visibility = 'members' and g.name ilike '%step study%' and g.archived_at is null order by g.created_at, g.id`);
  if (!res.rows.length) return null;
  const id = res.rows[0]!.id;
  const members = res.rows.filter((r) => r.id === id).map((r) => ({ id: r.user_id }) as SeededPerson);
  return members.length >= 2 ? { id, members } : null;
}

async function insertTopic(tx: Queryable, t: { id: string; categoryId: string; title: string; pinned: boolean; posts: Post[]; status?: 'visible' | 'held' }) {
  const first = t.posts[0]!;
  const last = t.posts[t.posts.length - 1]!;
  await tx.execute(sql`insert into forum_topic (id, category_id, author_id, anonymous, title, status, pinned_at, reply_count, last_number, last_posted_at, created_at, updated_at)
    values (${t.id}, ${t.categoryId}, ${first.authorId}, ${first.anonymous}, ${t.title}, ${t.status ?? 'visible'}, ${t.pinned ? first.createdAt : null},
      ${t.posts.length - 1}, ${t.posts.length}, ${last.createdAt}, ${first.createdAt}, ${last.createdAt})`);
  for (const p of t.posts) await insertPost(tx, p, p.number === 1 ? t.title : null);
}

async function insertPost(tx: Queryable, p: Post, title: string | null) {
  await tx.execute(sql`insert into forum_post (id, topic_id, number, author_id, anonymous, body, html, locale, search, status, created_at)
    values (${p.id}, ${p.topicId}, ${p.number}, ${p.authorId}, ${p.anonymous}, ${p.body}, ${renderPost(p.body)}, ${p.locale}, ${searchVector(p.locale, title, p.body)}, ${p.status}, ${p.createdAt})`);
}

async function addReply(tx: Queryable, topic: { id: string; posts: Post[]; category: CategoryPlan }, r: { authorId: string; body: string; at: Date; anonymous?: boolean }): Promise<Post> {
  const post: Post = { id: newId(), topicId: topic.id, number: topic.posts.length + 1, authorId: r.authorId, anonymous: r.anonymous ?? false, body: r.body, locale: topic.category.locale, createdAt: r.at, status: 'visible' };
  topic.posts.push(post);
  await tx.execute(sql`update forum_topic set reply_count = reply_count + 1, last_number = ${post.number}, last_posted_at = greatest(last_posted_at, ${r.at}) where id = ${topic.id}`);
  await insertPost(tx, post, null);
  return post;
}
