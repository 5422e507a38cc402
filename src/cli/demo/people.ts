import type { Locale, Role } from '../../contracts/common.ts';
import type { SeededRandom } from './random.ts';

/** `.invalid` is reserved (RFC 2606): mail to a demo account can never reach anyone. */
export const DEMO_EMAIL_DOMAIN = 'demo.kindred.invalid';

export interface DemoPerson {
  displayName: string;
  email: string;
  locale: Locale;
  timeZone: string;
  roles: Role[];
  /** Spreads sign-up dates over the past two years, so the people list looks lived in. */
  joinedDaysAgo: number;
}

type Origin = 'en' | 'es';

const FIRST_NAMES: Record<Origin, readonly string[]> = {
  en: [
    'Aaron', 'Alicia', 'Amber', 'Andre', 'Angela', 'Ashley', 'Ben', 'Brandon', 'Brianna', 'Caleb', 'Carla', 'Chris',
    'Crystal', 'Dana', 'Darnell', 'Dave', 'Denise', 'Derek', 'Destiny', 'Dominic', 'Donna', 'Dylan', 'Emily', 'Eric',
    'Erin', 'Frank', 'Gary', 'Grace', 'Heather', 'Holly', 'Ian', 'Jake', 'Jamal', 'Janelle', 'Jason', 'Jen', 'Jess',
    'Joe', 'Jordan', 'Josh', 'Justin', 'Kayla', 'Keisha', 'Kevin', 'Kim', 'Kyle', 'Lauren', 'Leah', 'Lisa', 'Marcus',
    'Megan', 'Melissa', 'Mike', 'Monique', 'Nate', 'Nicole', 'Pat', 'Rachel', 'Ray', 'Renee', 'Rob', 'Ryan', 'Sam',
    'Sarah', 'Sean', 'Shawn', 'Stacy', 'Steph', 'Terrell', 'Tiffany', 'Tina', 'Tom', 'Tony', 'Tyler', 'Vince', 'Wes',
    'Zach', "D'Andre", 'Mary-Kate', 'Hannah', 'Lena', 'Owen', 'Priya', 'Kenji', 'Mai',
  ],
  es: [
    'Adriana', 'Alejandro', 'Ana', 'Andrés', 'Beatriz', 'Carlos', 'Carmen', 'César', 'Claudia', 'Daniela', 'Diego',
    'Eduardo', 'Elena', 'Esteban', 'Fernando', 'Gabriela', 'Guadalupe', 'Héctor', 'Isabel', 'Javier', 'Jorge', 'José',
    'Juan', 'Julián', 'Leticia', 'Lorena', 'Lucía', 'Luis', 'Manuel', 'Marisol', 'Maribel', 'Mario', 'Miguel', 'Mónica',
    'Nayeli', 'Óscar', 'Pablo', 'Patricia', 'Rafael', 'Ramón', 'Raúl', 'Ricardo', 'Rocío', 'Rosa', 'Santiago',
    'Sergio', 'Sofía', 'Teresa', 'Valeria', 'Víctor', 'Ximena', 'Yesenia', 'Yadira', 'Iván', 'Noemí',
  ],
};

/** Names people pick for themselves in a peer community: one word, never a last name. */
const NICKNAMES: Record<Origin, readonly string[]> = {
  en: ['Sunny', 'Birdie', 'Tex', 'Jojo', 'Phoenix', 'Red', 'Sparrow', 'Bear', 'Scout', 'Hiker_Dan', 'Coach_K', 'Momma_T'],
  es: ['Chuy', 'Memo', 'Lupita', 'Nacho', 'Beto', 'Chayo', 'Paco', 'Toño', 'Chela', 'Pepe', 'Nena', 'Flaco'],
};

const INITIALS = [...'ABCDEFGHJKLMNOPRSTVWZ'];

const TIME_ZONES: Record<Origin, Readonly<Record<string, number>>> = {
  en: { 'America/New_York': 32, 'America/Chicago': 26, 'America/Denver': 12, 'America/Phoenix': 8, 'America/Los_Angeles': 22 },
  es: { 'America/New_York': 18, 'America/Chicago': 14, 'America/Phoenix': 10, 'America/Los_Angeles': 28, 'America/Puerto_Rico': 30 },
};

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: Math.max(0, n) }, (_, i) => make(i));

/**
 * Who holds which roles, in the proportions of a recovery community organization: mostly members, about one in
 * eight a peer supporter, a few facilitators (two of them also peer supporters), a few professionals working with
 * the program (not members themselves), two coordinators; the first facilitator moderates the forum.
 */
export function rolePlan(count: number): Role[][] {
  const professionals = Math.max(1, Math.round(count / 18));
  const facilitators = Math.max(1, Math.round(count / 18));
  const peerSupporters = Math.max(2, Math.round(count / 8)) - Math.min(2, facilitators);
  const plan: Role[][] = [
    ['member', 'coordinator'],
    ['member', 'coordinator'],
    ...times(professionals, (): Role[] => ['professional']),
    // The first facilitator also moderates the forum (a capability coordinators grant).
    ...times(facilitators, (i): Role[] =>
      i === 0 ? ['member', 'facilitator', 'peer_supporter', 'moderator'] : i < 2 ? ['member', 'facilitator', 'peer_supporter'] : ['member', 'facilitator'],
    ),
    // The last is a peer recovery specialist on staff rather than a member of the community.
    ...times(peerSupporters, (i): Role[] => (i === peerSupporters - 1 && i > 1 ? ['peer_supporter'] : ['member', 'peer_supporter'])),
  ];
  return [...plan, ...times(count - plan.length, (): Role[] => ['member'])];
}

function joinedDaysAgo(roles: Role[], random: SeededRandom): number {
  if (roles.includes('coordinator')) return random.int(500, 720);
  if (roles.length > 1 || !roles.includes('member')) return random.int(180, 700);
  return random.chance(0.15) ? random.int(0, 14) : random.int(15, 540);
}

/** "Marisol R." -> "marisol.r", "D'Andre" -> "dandre", "Toño" -> "tono". */
export function emailLocalPart(displayName: string): string {
  return displayName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

function displayNameFor(origin: Origin, random: SeededRandom): string {
  const shape = random.weighted({ firstAndInitial: 50, first: 38, nickname: 12 });
  if (shape === 'nickname') return random.pick(NICKNAMES[origin]);
  const first = random.pick(FIRST_NAMES[origin]);
  return shape === 'first' ? first : `${first} ${random.pick(INITIALS)}.`;
}

/** The demo community as data: the same count and random source give the same people. */
export function planPeople(count: number, random: SeededRandom): DemoPerson[] {
  const taken = new Set<string>();
  return rolePlan(count).map((roles) => {
    const origin: Origin = random.chance(0.4) ? 'es' : 'en';
    let displayName = displayNameFor(origin, random);
    // Display names and addresses stay unique: a second "Rosa" becomes "Rosa M.".
    while (taken.has(emailLocalPart(displayName))) {
      displayName = `${random.pick(FIRST_NAMES[origin])} ${random.pick(INITIALS)}.`;
    }
    const local = emailLocalPart(displayName);
    taken.add(local);
    return {
      displayName,
      email: `${local}@${DEMO_EMAIL_DOMAIN}`,
      locale: random.chance(origin === 'es' ? 0.65 : 0.05) ? 'es' : 'en',
      timeZone: random.weighted(TIME_ZONES[origin]),
      roles,
      joinedDaysAgo: joinedDaysAgo(roles, random),
    };
  });
}
