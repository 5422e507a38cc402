import { sql } from 'drizzle-orm';
import type { Actor } from '../../server/access.ts';
import { createConversationsService } from '../../server/modules/messaging/conversations-service.ts';
import { createMessagesService } from '../../server/modules/messaging/messages-service.ts';
import { createMessagingSettingsService } from '../../server/modules/messaging/settings.ts';
import type { SeededPerson } from './accounts.ts';
import type { DemoStep } from './seed.ts';

/**
 * The demo's messages, written through the messaging services as the people themselves: a few mentors and mentees
 * talking between meetings, one group's chat turned on by its facilitator, and a message request from someone new
 * that asks to move to another app (so the recipient sees the safety note).
 */

const MENTORSHIP_LINES = {
  en: [
    ['mentee', 'Hi! Rough afternoon, but I made it to the 6pm meeting.'],
    ['mentor', 'That is the hard part done. What helped you get there?'],
    ['mentee', 'I called my sister first, like we talked about. Then the urge passed.'],
    ['mentor', 'Proud of you. Same time for our check-in on Thursday?'],
  ],
  es: [
    ['mentee', '¡Hola! Tarde difícil, pero llegué a la reunión de las 6.'],
    ['mentor', 'Eso ya es lo más difícil. ¿Qué te ayudó a llegar?'],
    ['mentee', 'Llamé primero a mi hermana, como hablamos. Luego se me pasaron las ganas.'],
    ['mentor', 'Me alegra mucho. ¿Nos vemos el jueves a la misma hora?'],
  ],
} as const;

const GROUP_LINES = {
  en: ['Welcome to our group chat. Be kind, keep what is shared here in the group.', 'Anyone going early on Saturday? I can bring coffee.', 'Count me in. **Thank you** all for last week.'],
  es: ['Bienvenidos al chat del grupo. Con respeto, y lo que se comparte aquí queda en el grupo.', '¿Alguien va temprano el sábado? Puedo llevar café.', 'Cuenten conmigo. **Gracias** a todos por la semana pasada.'],
} as const;

const REQUEST_LINE = {
  en: 'Hey, saw your post in the forum. Add me on WhatsApp so we can talk there?',
  es: 'Hola, vi tu publicación en el foro. ¿Me agregas por WhatsApp para hablar allí?',
} as const;

const actorOf = (p: SeededPerson): Actor => ({ userId: p.id, sessionId: '', roles: new Set(p.roles) });

export const seedMessaging: DemoStep = async ({ app, db, people }) => {
  const ctx = app.services.ctx;
  const conversations = createConversationsService(ctx);
  const messages = createMessagesService(ctx);
  const settings = createMessagingSettingsService(ctx);
  const byId = new Map(people.map((p) => [p.id, p]));
  let sent = 0;

  const pairs = await db.execute<{ mentor_id: string; mentee_id: string }>(sql`
    select mentor_id, mentee_id from mentorship where status = 'active' order by started_at, id limit 3`);
  let talks = 0;
  for (const { mentor_id, mentee_id } of pairs.rows) {
    const mentor = byId.get(mentor_id);
    const mentee = byId.get(mentee_id);
    if (!mentor || !mentee) continue;
    const lines = MENTORSHIP_LINES[mentee.locale === 'es' ? 'es' : 'en'];
    const started = await conversations.create(actorOf(mentee), { participants: [mentor.id], message: lines[0][1] });
    const id = started.body.conversation.id;
    for (const [who, text] of lines.slice(1)) await messages.send(actorOf(who === 'mentor' ? mentor : mentee), id, text);
    // The mentor has read it all; the mentee has the last reply waiting.
    await conversations.read(actorOf(mentor), id, lines.length);
    sent += lines.length;
    talks++;
  }

  // One group's chat: its facilitator turns it on and says hello; two members answer.
  const group = await db.execute<{ group_id: string; user_id: string; role: string }>(sql`
    select gm.group_id, gm.user_id, gm.role from group_member gm
    where gm.status = 'active' and gm.group_id = (
      select f.group_id from group_member f where f.role = 'facilitator' and f.status = 'active'
      and (select count(*) from group_member m where m.group_id = f.group_id and m.status = 'active' and m.role = 'member') >= 2
      order by f.group_id limit 1)
    order by gm.role desc, gm.created_at, gm.user_id`);
  const facilitator = group.rows.find((r) => r.role === 'facilitator');
  let groupChats = 0;
  if (facilitator) {
    const lead = byId.get(facilitator.user_id)!;
    await settings.setGroupChat(actorOf(lead), facilitator.group_id, true);
    const chat = await conversations.create(actorOf(lead), { groupId: facilitator.group_id });
    const lines = GROUP_LINES[lead.locale === 'es' ? 'es' : 'en'];
    const members = group.rows.filter((r) => r.role === 'member').slice(0, 2).map((r) => byId.get(r.user_id)!);
    const speakers = [lead, ...members];
    for (const [i, text] of lines.entries()) await messages.send(actorOf(speakers[i % speakers.length]!), chat.body.conversation.id, text);
    sent += lines.length;
    groupChats++;
  }

  // A message request between two members with no relationship, pressing to move to another app.
  const strangers = await db.execute<{ a: string; b: string }>(sql`
    select a.id as a, b.id as b from "user" a, "user" b
    where a.id = any(${`{${people.map((p) => p.id).join(',')}}`}::uuid[]) and b.id = any(${`{${people.map((p) => p.id).join(',')}}`}::uuid[]) and a.id < b.id
      and not exists (select 1 from user_role r where r.user_id in (a.id, b.id) and r.role <> 'member')
      and not exists (select 1 from mentorship m where (m.mentor_id, m.mentee_id) in ((a.id, b.id), (b.id, a.id)))
      and not exists (select 1 from group_member x join group_member y on y.group_id = x.group_id where x.user_id = a.id and y.user_id = b.id)
    order by a.id, b.id limit 1`);
  let requests = 0;
  const pair = strangers.rows[0];
  if (pair) {
    const from = byId.get(pair.a)!;
    await conversations.create(actorOf(from), { participants: [pair.b], message: REQUEST_LINE[from.locale === 'es' ? 'es' : 'en'] });
    sent++;
    requests++;
  }
  return { 'mentor and mentee conversations': talks, 'group chats': groupChats, 'message requests': requests, messages: sent };
};
