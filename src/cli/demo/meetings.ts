import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { groupBody, type MeetingTypeCode, meetingBody } from '../../contracts/meetings.ts';
import type { Queryable } from '../../server/db/client.ts';
import { newId } from '../../server/db/ids.ts';
import { addDays, todayIn } from '../../server/modules/journey/dates.ts';
import { type MeetingTimes, type OccurrenceOverride, occurrenceOn, occurrencesBetween, weekdayOf } from '../../server/modules/meetings/recurrence.ts';
import { meetingColumns } from '../../server/modules/meetings/service.ts';
import { slugify } from '../../server/modules/meetings/slugs.ts';
import { groupMember, meeting, meetingAttendance, meetingOccurrence, meetingRsvp, supportGroup } from '../../server/modules/meetings/tables.ts';
import type { SeededPerson } from './accounts.ts';
import type { SeededRandom } from './random.ts';
import type { DemoStep } from './seed.ts';

/**
 * Groups and meetings for the demo: home groups, SMART, Refuge Recovery, a family group, a Spanish-language group,
 * young people's and women's groups, an online international group and a members-only step study, with their
 * meetings in several zones, some exceptions and themed topics, facilitators and members, and the RSVPs and past
 * attendance of a few members (so "My meetings" and proof of attendance have something to show).
 * Every group and meeting passes the same schemas as one made through the API. Addresses are made up.
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** How far back the attendance history goes. */
const HISTORY_DAYS = 56;

type GroupInput = z.input<typeof groupBody>;
type MeetingInput = Omit<z.input<typeof meetingBody>, 'groupId'>;
type Venue = { name: string; formattedAddress: string; latitude: number; longitude: number; region: string };

/** An exception by position: 0 is the next regular occurrence, -1 the last one held. */
interface ExceptionSpec {
  nth: number;
  cancelled?: true;
  topic?: string;
  moveTo?: { days: number; startTime: string; endTime: string };
}
interface MeetingSpec extends MeetingInput {
  types: MeetingTypeCode[];
  exceptions?: ExceptionSpec[];
}
interface GroupSpec {
  key: GroupKey;
  group: GroupInput;
  meetings: MeetingSpec[];
}
type GroupKey = 'lakeview' | 'esperanza' | 'smart' | 'refuge' | 'sandia' | 'family' | 'young' | 'women' | 'borders' | 'stepStudy';

// ── Places (fictitious street addresses at plausible coordinates) ────────────────────────────────────────────────

const CHI = 'America/Chicago';
const ABQ = 'America/Denver';
const PHX = 'America/Phoenix';

const V = {
  lakeview: { name: 'Lakeview Community Church, lower level', formattedAddress: '3150 N Halsted Bend, Chicago, IL 60657, USA', latitude: 41.93921, longitude: -87.64903, region: 'North Side' },
  logan: { name: 'Logan Square Recovery Clubhouse', formattedAddress: '2621 N Kedzie Terrace, Chicago, IL 60647, USA', latitude: 41.92914, longitude: -87.70712, region: 'Northwest Side' },
  pilsen: { name: 'Centro Comunitario Pilsen, salón 2', formattedAddress: '1842 S Loomis Row, Chicago, IL 60608, USA', latitude: 41.85713, longitude: -87.66124, region: 'Pilsen' },
  hydePark: { name: 'Hyde Park Neighborhood House', formattedAddress: '5431 S Blackstone Walk, Chicago, IL 60615, USA', latitude: 41.79662, longitude: -87.58981, region: 'South Side' },
  uptown: { name: 'Uptown Library annex, community room', formattedAddress: '4455 N Broadway Court, Chicago, IL 60640, USA', latitude: 41.96187, longitude: -87.65504, region: 'North Side' },
  evanston: { name: 'Evanston Friends Meetinghouse', formattedAddress: '1020 Sherman Grove, Evanston, IL 60201, USA', latitude: 42.04512, longitude: -87.68771, region: 'North Shore' },
  oakPark: { name: 'Oak Park Wellness Commons', formattedAddress: '415 S Marion Path, Oak Park, IL 60302, USA', latitude: 41.88263, longitude: -87.79984, region: 'West Suburbs' },
  nobHill: { name: 'Nob Hill Fellowship Hall', formattedAddress: '3512 Central Mesa Ave NE, Albuquerque, NM 87106, USA', latitude: 35.08061, longitude: -106.61043, region: 'Nob Hill' },
  sandia: { name: 'Sandia Heights Clubhouse', formattedAddress: '8920 Tramway Vista Rd NE, Albuquerque, NM 87122, USA', latitude: 35.17312, longitude: -106.52634, region: 'Northeast Heights' },
  oldTown: { name: 'Old Town Recovery Center', formattedAddress: '2011 Mountain Plaza Rd NW, Albuquerque, NM 87104, USA', latitude: 35.09621, longitude: -106.66974, region: 'Old Town' },
  westside: { name: 'Westside Community Center, room B', formattedAddress: '5901 Paseo del Rio NW, Albuquerque, NM 87120, USA', latitude: 35.15014, longitude: -106.70203, region: 'Westside' },
  tingley: { name: 'Riverside Park, north picnic shelter', formattedAddress: '1800 Tingley Shore Dr SW, Albuquerque, NM 87104, USA', latitude: 35.09342, longitude: -106.68057, region: 'Old Town' },
  roosevelt: { name: "Roosevelt Row Women's Center", formattedAddress: '815 N 3rd Palm St, Phoenix, AZ 85004, USA', latitude: 33.45824, longitude: -112.07011, region: 'Downtown Phoenix' },
  arcadia: { name: 'Arcadia Community Church, fireside room', formattedAddress: '4102 E Camelback Grove, Phoenix, AZ 85018, USA', latitude: 33.50953, longitude: -111.99142, region: 'Arcadia' },
} satisfies Record<string, Venue>;

const room = (v: Venue, notes = '') => ({ ...v, notes });
/** Zoom, with its Chicago dial-in and the meeting ID as the pause-and-code dial string. */
const zoom = (id: string, pwd: string, urlNotes = 'Passcode is in the link. Cameras optional; please use a first name.') => ({
  url: `https://zoom.us/j/${id}?pwd=${pwd}`,
  urlNotes,
  phone: `+13126266799,,${id}#`,
  phoneNotes: `Meeting ID ${id}; press # when asked for a participant ID.`,
});
const jitsi = (name: string) => ({ url: `https://meet.jit.si/${name}`, urlNotes: 'No account or app needed; use a first name only.', phone: null, phoneNotes: '' });
const weekly = (...days: number[]) => ({ kind: 'weekly' as const, days });
const once = (date: string) => ({ kind: 'once' as const, date });

/** The first date on or after `date` that falls on `weekday`. */
const onOrAfter = (date: string, weekday: number) => addDays(date, (weekday - weekdayOf(date) + 7) % 7);

// ── The catalog ──────────────────────────────────────────────────────────────────────────────────────────────────

/** The groups and their meetings; one-off dates are placed around `now`. */
export function demoGroups(now: Date): GroupSpec[] {
  const chicagoToday = todayIn(CHI, now);
  const abqToday = todayIn(ABQ, now);
  // Recovery Month is September: the third Saturday, this year's if it is still ahead.
  const year = Number(abqToday.slice(0, 4));
  const picnicIn = (y: number) => onOrAfter(`${y}-09-15`, 6);
  const picnic = picnicIn(year) >= abqToday ? picnicIn(year) : picnicIn(year + 1);

  return [
    {
      key: 'lakeview',
      group: {
        name: 'Lakeview Serenity Home Group',
        description: 'An Alcoholics Anonymous home group meeting since 1987 in the church basement on Halsted. Coffee is on from 6:30.',
        pathway: 'twelve_step',
        fellowship: 'Alcoholics Anonymous',
        languages: ['en'],
        visibility: 'public',
        membership: 'open',
      },
      meetings: [
        {
          name: 'Lakeview Serenity Morning',
          schedule: weekly(1, 2, 3, 4, 5),
          startTime: '07:00',
          endTime: '08:00',
          timeZone: CHI,
          attendance: 'hybrid',
          location: room(V.lakeview, 'Side door on the alley; the ramp is next to the bike rack.'),
          conference: zoom('84512390417', 'TGFrZXZpZXc'),
          types: ['O', 'D', 'DR', 'X', 'XB'],
          notes: 'The chair reads the day’s reflection and the floor opens. Shares of about three minutes so everyone gets a turn.',
          readings: 'Daily Reflections; How It Works; the Promises at the close.',
          exceptions: [{ nth: 6, cancelled: true }, { nth: 2, topic: 'Gratitude' }, { nth: -3, cancelled: true }],
        },
        {
          name: 'Lakeview Big Book Study',
          schedule: weekly(2),
          startTime: '19:30',
          endTime: '20:30',
          timeZone: CHI,
          attendance: 'in_person',
          location: room(V.lakeview),
          types: ['C', 'B', 'ST', 'X'],
          notes: 'We read a few pages aloud, going around the room, and discuss. Loaner books on the back table.',
          readings: 'Alcoholics Anonymous (the Big Book), a chapter over several weeks.',
          exceptions: [
            { nth: 0, topic: 'Chapter 5: How It Works' },
            { nth: 1, topic: 'Chapter 6: Into Action' },
            { nth: 2, topic: 'Chapter 7: Working With Others' },
          ],
        },
        {
          name: 'Lakeview Saturday Night Speaker',
          schedule: weekly(6),
          startTime: '20:00',
          endTime: '21:30',
          timeZone: CHI,
          attendance: 'in_person',
          location: room(V.lakeview),
          types: ['O', 'SP', 'BE', 'X'],
          notes: 'One speaker shares for about 40 minutes, then open sharing. Newcomers are introduced to a sponsor list.',
        },
        {
          name: 'Friday Candlelight',
          schedule: weekly(5),
          startTime: '22:00',
          endTime: '23:00',
          timeZone: CHI,
          attendance: 'in_person',
          location: room(V.lakeview, 'Enter through the main doors; we meet in the chapel.'),
          types: ['O', 'D', 'CAN', 'MED'],
          notes: 'Lights low, a short meditation, then discussion.',
        },
        {
          name: 'Midnight Oasis',
          schedule: weekly(6),
          startTime: '23:30',
          endTime: '00:30',
          timeZone: CHI,
          attendance: 'online',
          approximateAddress: 'Chicago, IL, USA',
          conference: zoom('86620413355', 'TWlkbmlnaHQ'),
          types: ['O', 'D'],
          notes: 'For the hard hours of Saturday night. Runs past midnight.',
        },
        {
          name: 'Lakeview Anniversary Speaker Night',
          schedule: once(onOrAfter(addDays(chicagoToday, 9), 6)),
          startTime: '18:00',
          endTime: '20:30',
          timeZone: CHI,
          attendance: 'hybrid',
          location: room(V.lakeview, 'Potluck from 6; bring a dish if you can, come either way.'),
          conference: zoom('84512390417', 'TGFrZXZpZXc'),
          types: ['O', 'SP', 'H', 'X'],
          notes: 'The group’s anniversary: three speakers, birthday chips and cake.',
        },
      ],
    },
    {
      key: 'esperanza',
      group: {
        name: 'Grupo Esperanza',
        description: 'Grupo de Alcohólicos Anónimos de habla hispana en Pilsen. Juntas abiertas; todos son bienvenidos.',
        pathway: 'twelve_step',
        fellowship: 'Alcohólicos Anónimos',
        languages: ['es'],
        visibility: 'public',
        membership: 'open',
      },
      meetings: [
        {
          name: 'Grupo Esperanza: Junta de Recuperación',
          schedule: weekly(1, 3, 5),
          startTime: '19:00',
          endTime: '20:30',
          timeZone: CHI,
          attendance: 'in_person',
          location: room(V.pilsen, 'Entrada por la calle 18; el salón está en el segundo piso.'),
          types: ['O', 'D', 'S', 'X'],
          notes: 'Junta de discusión. Se lee el Preámbulo y Cómo Trabaja; después hay tribuna libre.',
          readings: 'Preámbulo; Cómo Trabaja; Reflexiones Diarias.',
          exceptions: [{ nth: 3, cancelled: true }, { nth: 1, topic: 'El Primer Paso' }],
        },
        {
          name: 'Estudio del Libro Grande',
          schedule: weekly(0),
          startTime: '10:00',
          endTime: '11:30',
          timeZone: CHI,
          attendance: 'hybrid',
          location: room(V.pilsen),
          conference: zoom('87133920582', 'RXNwZXJhbnph', 'La contraseña está en el enlace. Usa solo tu nombre de pila.'),
          types: ['C', 'B', 'S', 'ST'],
          notes: 'Leemos y comentamos un capítulo del Libro Grande cada mes.',
          readings: 'Alcohólicos Anónimos (el Libro Grande).',
        },
        {
          name: 'Esperanza en Línea (Ciudad de México)',
          schedule: weekly(2, 4),
          startTime: '20:00',
          endTime: '21:00',
          timeZone: 'America/Mexico_City',
          attendance: 'online',
          approximateAddress: 'Ciudad de México, CDMX, México',
          conference: zoom('83390217746', 'Q0RNWA', 'La contraseña está en el enlace.'),
          types: ['O', 'D', 'S'],
          notes: 'Junta en línea con compañeros de México y de Chicago.',
        },
        {
          name: 'Esperanza Madrid',
          schedule: weekly(6),
          startTime: '19:00',
          endTime: '20:00',
          timeZone: 'Europe/Madrid',
          attendance: 'online',
          approximateAddress: 'Madrid, España',
          conference: jitsi('GrupoEsperanzaMadrid'),
          types: ['O', 'S', 'LIT'],
          notes: 'Para quienes viven en España o tienen familia allá. Hora de Madrid.',
        },
        {
          name: 'Junta de Oradores de Grupo Esperanza',
          schedule: once(onOrAfter(addDays(chicagoToday, -20), 6)),
          startTime: '17:00',
          endTime: '19:00',
          timeZone: CHI,
          attendance: 'in_person',
          location: room(V.pilsen),
          types: ['O', 'SP', 'S'],
          notes: 'Tres compañeros comparten su historia. Habrá tamales y café.',
        },
      ],
    },
    {
      key: 'smart',
      group: {
        name: 'Chicago SMART Recovery',
        description: 'Science-based, self-empowering mutual help. Facilitated meetings using the SMART 4-Point Program.',
        pathway: 'smart_recovery',
        fellowship: 'SMART Recovery',
        languages: ['en'],
        visibility: 'public',
        membership: 'open',
      },
      meetings: [
        {
          name: 'SMART Recovery Logan Square',
          schedule: weekly(3),
          startTime: '18:30',
          endTime: '20:00',
          timeZone: CHI,
          attendance: 'in_person',
          location: room(V.logan, 'Street parking; the clubhouse is the storefront with the green awning.'),
          types: ['O', 'D', 'A', 'X'],
          customTypes: ['SMART Recovery', 'Cross talk'],
          notes: 'Check-in, an agenda set by the group, a tool worked through together (cost-benefit analysis, ABC), check-out.',
          exceptions: [{ nth: 0, topic: 'The ABC tool for urges' }],
        },
        {
          name: 'SMART Recovery Online Evening',
          schedule: weekly(4),
          startTime: '19:00',
          endTime: '20:30',
          timeZone: CHI,
          attendance: 'online',
          approximateAddress: 'Chicago, IL, USA',
          conference: zoom('89027741630', 'U01BUlQ'),
          types: ['O', 'D', 'A'],
          customTypes: ['SMART Recovery'],
          notes: 'Same format as in person. Waiting room opens ten minutes early.',
        },
        {
          name: 'SMART Family & Friends',
          schedule: weekly(6),
          startTime: '10:00',
          endTime: '11:30',
          timeZone: CHI,
          attendance: 'hybrid',
          location: room(V.evanston),
          conference: zoom('81164529903', 'RmFtaWx5'),
          types: ['O', 'D', 'A'],
          customTypes: ['Family & Friends'],
          notes: 'For people who love someone with an addiction. CRAFT-based tools for communicating and self-care.',
        },
        {
          name: 'SMART Recovery Hyde Park Lunchtime',
          schedule: weekly(1),
          startTime: '12:00',
          endTime: '13:00',
          timeZone: CHI,
          attendance: 'inactive',
          location: room(V.hydePark),
          types: ['O', 'D', 'A', 'TC'],
          notes: 'On hold while the neighborhood house is renovated; we plan to be back in the spring. Join us online on Thursdays.',
        },
      ],
    },
    {
      key: 'refuge',
      group: {
        name: 'Refuge Recovery Albuquerque',
        description: 'A Buddhist-inspired, secular path to recovery from addiction. Meditation, reading and sharing.',
        pathway: 'secular',
        fellowship: 'Refuge Recovery',
        languages: ['en'],
        visibility: 'public',
        membership: 'open',
      },
      meetings: [
        {
          name: 'Refuge Recovery Nob Hill',
          schedule: weekly(2),
          startTime: '18:30',
          endTime: '20:00',
          timeZone: ABQ,
          attendance: 'in_person',
          location: room(V.nobHill, 'Cushions and chairs both available.'),
          types: ['O', 'MED', 'A', 'LIT', 'X'],
          notes: '20-minute guided meditation, a reading, then sharing on the reading.',
          readings: 'Refuge Recovery: A Buddhist Path to Recovering from Addiction.',
          exceptions: [{ nth: 1, moveTo: { days: 1, startTime: '18:30', endTime: '20:00' }, topic: 'Loving-kindness practice' }],
        },
        {
          name: 'Refuge Sunday Sit',
          schedule: weekly(0),
          startTime: '09:00',
          endTime: '10:30',
          timeZone: ABQ,
          attendance: 'hybrid',
          location: room(V.nobHill),
          conference: jitsi('RefugeSundaySitABQ'),
          types: ['O', 'MED', 'A'],
          notes: 'A longer sit (40 minutes) followed by a short dharma talk and discussion.',
        },
        {
          name: 'Refuge Recovery Westside',
          schedule: weekly(4),
          startTime: '19:00',
          endTime: '20:00',
          timeZone: ABQ,
          attendance: 'in_person',
          location: room(V.westside),
          types: ['O', 'MED', 'A', 'BE'],
          notes: 'Newcomer-focused: the Four Truths and Eightfold Path explained in plain words.',
        },
        {
          name: 'Secular Recovery Online (Mountain Time)',
          schedule: weekly(6),
          startTime: '11:00',
          endTime: '12:00',
          timeZone: ABQ,
          attendance: 'online',
          approximateAddress: 'Albuquerque, NM, USA',
          conference: jitsi('SecularRecoveryMountain'),
          types: ['O', 'D', 'A'],
          notes: 'Open to any path. No higher-power language required.',
        },
      ],
    },
    {
      key: 'sandia',
      group: {
        name: 'Sandia Sunrise Group',
        description: 'Early-morning AA home group in the foothills, with a noon meeting in Old Town on weekdays.',
        pathway: 'twelve_step',
        fellowship: 'Alcoholics Anonymous',
        languages: ['en'],
        visibility: 'public',
        membership: 'open',
      },
      meetings: [
        {
          name: 'Sandia Sunrise',
          schedule: weekly(0, 1, 2, 3, 4, 5, 6),
          startTime: '06:30',
          endTime: '07:30',
          timeZone: ABQ,
          attendance: 'in_person',
          location: room(V.sandia, 'Breakfast burritos on Saturdays; pay what you can.'),
          types: ['O', 'D', 'DR', 'BRK'],
          notes: 'Every day of the year, holidays included.',
          readings: 'Daily Reflections.',
        },
        {
          name: 'Sandia Step Study',
          schedule: weekly(3),
          startTime: '19:00',
          endTime: '20:00',
          timeZone: ABQ,
          attendance: 'in_person',
          location: room(V.sandia),
          types: ['C', 'ST', '12x12'],
          notes: 'One step a month from the Twelve and Twelve.',
          exceptions: [
            { nth: 0, topic: 'Step 4' },
            { nth: 1, topic: 'Step 4 (continued)' },
            { nth: 2, topic: 'Step 5' },
          ],
        },
        {
          name: 'Old Town Noon',
          schedule: weekly(1, 2, 3, 4, 5),
          startTime: '12:00',
          endTime: '13:00',
          timeZone: ABQ,
          attendance: 'hybrid',
          location: room(V.oldTown),
          conference: zoom('85570364418', 'Tm9vbg'),
          types: ['O', 'D', 'X', 'XB'],
          notes: 'A lunch-hour meeting; come and go as work allows.',
          exceptions: [{ nth: 4, cancelled: true }],
        },
        {
          name: 'Recovery Month Picnic',
          schedule: once(picnic),
          startTime: '11:00',
          endTime: '15:00',
          timeZone: ABQ,
          attendance: 'in_person',
          location: room(V.tingley, 'Look for the purple balloons. Shade, restrooms and parking by the pond.'),
          types: ['O', 'OUT', 'CF', 'SP'],
          notes: 'Celebrating National Recovery Month with families: food, games for the kids, a speaker at noon.',
        },
      ],
    },
    {
      key: 'family',
      group: {
        name: 'Family Circle',
        description: 'An Al-Anon family group for relatives and friends of people with a drinking or drug problem.',
        pathway: 'twelve_step',
        fellowship: 'Al-Anon',
        languages: ['en', 'es'],
        visibility: 'public',
        membership: 'open',
      },
      meetings: [
        {
          name: 'Family Circle Oak Park',
          schedule: weekly(4),
          startTime: '19:00',
          endTime: '20:30',
          timeZone: CHI,
          attendance: 'in_person',
          location: room(V.oakPark),
          types: ['O', 'D', 'BE', 'LIT', 'X'],
          languages: ['en'],
          notes: 'First-timers get a newcomer packet and a few minutes with a longtime member after the meeting.',
          readings: 'One Day at a Time in Al-Anon; the Suggested Welcome.',
        },
        {
          name: 'Family Circle Online',
          schedule: weekly(0),
          startTime: '18:00',
          endTime: '19:00',
          timeZone: CHI,
          attendance: 'online',
          approximateAddress: 'Chicago, IL, USA',
          conference: zoom('82209917364', 'RmFtQ2lyY2xl'),
          types: ['O', 'D', 'LIT'],
          languages: ['en'],
          notes: 'Sunday evening check-in for family members.',
        },
        {
          name: 'Parents Together',
          schedule: weekly(2),
          startTime: '19:00',
          endTime: '20:00',
          timeZone: CHI,
          attendance: 'hybrid',
          location: room(V.evanston),
          conference: zoom('82209917365', 'UGFyZW50cw'),
          types: ['C', 'D'],
          languages: ['en'],
          notes: 'For parents of a son or daughter with a substance use problem.',
        },
        {
          name: 'Círculo Familiar en Español',
          schedule: weekly(3),
          startTime: '19:30',
          endTime: '20:30',
          timeZone: CHI,
          attendance: 'in_person',
          location: room(V.pilsen),
          types: ['O', 'D', 'S'],
          languages: ['es'],
          notes: 'Para familiares y amigos. Se comparte en español.',
        },
      ],
    },
    {
      key: 'young',
      group: {
        name: "Young People's Recovery Chicago",
        description: 'Meetings by and for people in their teens, twenties and early thirties. All paths welcome.',
        pathway: 'twelve_step',
        fellowship: 'Alcoholics Anonymous',
        languages: ['en'],
        visibility: 'public',
        membership: 'open',
      },
      meetings: [
        {
          name: 'YP Friday Night',
          schedule: weekly(5),
          startTime: '20:00',
          endTime: '21:30',
          timeZone: CHI,
          attendance: 'in_person',
          location: room(V.uptown),
          types: ['O', 'D', 'Y', 'LGBTQ'],
          notes: 'Fellowship afterwards at the diner on the corner.',
        },
        {
          name: 'YP Online Hangout',
          schedule: weekly(3),
          startTime: '21:00',
          endTime: '22:00',
          timeZone: CHI,
          attendance: 'online',
          approximateAddress: 'Chicago, IL, USA',
          conference: zoom('88450217730', 'WVBoYW5n'),
          types: ['O', 'D', 'Y'],
          notes: 'Cameras on if you can. Breakout rooms for newcomers.',
        },
        {
          name: 'YP Sunday Brunch',
          schedule: weekly(0),
          startTime: '11:00',
          endTime: '12:30',
          timeZone: CHI,
          attendance: 'in_person',
          location: room(V.logan),
          types: ['O', 'D', 'Y', 'BRK'],
          notes: 'Bagels and coffee provided.',
        },
        {
          name: "Young People's Step Study",
          schedule: weekly(1),
          startTime: '19:00',
          endTime: '20:00',
          timeZone: CHI,
          attendance: 'hybrid',
          location: room(V.hydePark),
          conference: zoom('88450217731', 'WVBzdGVw'),
          types: ['C', 'ST', 'Y'],
          notes: 'Working the steps together with a sponsor in the room.',
          exceptions: [{ nth: 0, topic: 'Step 1: powerlessness, in our own words' }],
        },
      ],
    },
    {
      key: 'women',
      group: {
        name: 'Women in Recovery Phoenix',
        description: 'A women’s group with meetings downtown and in Arcadia, and an online meeting on Saturday mornings.',
        pathway: 'twelve_step',
        fellowship: 'Alcoholics Anonymous',
        languages: ['en', 'es'],
        visibility: 'public',
        membership: 'open',
      },
      meetings: [
        {
          name: "Women's Serenity Circle",
          schedule: weekly(2),
          startTime: '18:00',
          endTime: '19:00',
          timeZone: PHX,
          attendance: 'in_person',
          location: room(V.roosevelt, 'Childcare in the next room; let us know by Monday.'),
          types: ['W', 'C', 'D', 'CF', 'BA'],
          languages: ['en'],
          notes: 'A closed women’s meeting. Babysitting available.',
          exceptions: [{ nth: 0, moveTo: { days: 0, startTime: '18:30', endTime: '19:30' } }],
        },
        {
          name: "Women's Big Book",
          schedule: weekly(4),
          startTime: '12:00',
          endTime: '13:00',
          timeZone: PHX,
          attendance: 'hybrid',
          location: room(V.arcadia),
          conference: jitsi('WomensBigBookPHX'),
          types: ['W', 'B', 'O'],
          languages: ['en'],
        },
        {
          name: 'Sisters in Sobriety',
          schedule: weekly(6),
          startTime: '09:00',
          endTime: '10:00',
          timeZone: PHX,
          attendance: 'online',
          approximateAddress: 'Phoenix, AZ, USA',
          conference: jitsi('SistersInSobrietyAZ'),
          types: ['W', 'O', 'D'],
          languages: ['en'],
          notes: 'Arizona time all year: no daylight saving here.',
        },
        {
          name: 'Mujeres en Recuperación',
          schedule: weekly(0),
          startTime: '17:00',
          endTime: '18:00',
          timeZone: PHX,
          attendance: 'in_person',
          location: room(V.roosevelt),
          types: ['W', 'O', 'D', 'S'],
          languages: ['es'],
          notes: 'Junta de mujeres en español.',
        },
      ],
    },
    {
      key: 'borders',
      group: {
        name: 'Recovery Without Borders',
        description: 'An online-only international group: meetings round the clock for people anywhere, in English and Spanish.',
        pathway: 'other',
        fellowship: 'All recovery',
        languages: ['en', 'es'],
        visibility: 'public',
        membership: 'open',
      },
      meetings: [
        {
          name: 'Borderless Morning',
          schedule: weekly(1, 2, 3, 4, 5),
          startTime: '08:00',
          endTime: '09:00',
          timeZone: 'America/New_York',
          attendance: 'online',
          approximateAddress: 'New York, NY, USA',
          conference: zoom('81933045211', 'Qm9yZGVy'),
          types: ['O', 'D'],
          languages: ['en'],
          notes: 'Any path, any substance or behavior. Eastern time.',
        },
        {
          name: 'West Coast Night Owls',
          schedule: weekly(0, 1, 2, 3, 4, 5, 6),
          startTime: '22:00',
          endTime: '23:00',
          timeZone: 'America/Los_Angeles',
          attendance: 'online',
          approximateAddress: 'Los Angeles, CA, USA',
          conference: zoom('81933045212', 'T3dscw'),
          types: ['O', 'D', 'XT'],
          languages: ['en'],
          notes: 'The last meeting of the night in the lower 48. Cross talk welcome if asked for.',
        },
        {
          name: 'Desert Daylight',
          schedule: weekly(1, 3, 5),
          startTime: '12:00',
          endTime: '13:00',
          timeZone: PHX,
          attendance: 'online',
          approximateAddress: 'Phoenix, AZ, USA',
          conference: jitsi('DesertDaylightRecovery'),
          types: ['O', 'D'],
          languages: ['en'],
        },
        {
          name: 'Encuentro Internacional',
          schedule: weekly(0, 6),
          startTime: '18:00',
          endTime: '19:00',
          timeZone: 'Europe/Madrid',
          attendance: 'online',
          approximateAddress: 'Madrid, España',
          conference: zoom('81933045213', 'RW5jdWVudHJv', 'La contraseña está en el enlace.'),
          types: ['O', 'D', 'S'],
          languages: ['es'],
          notes: 'Compañeros de España y de las Américas. Hora de Madrid.',
        },
        {
          name: 'Mountain Time Meditation',
          schedule: weekly(2, 4),
          startTime: '07:00',
          endTime: '07:45',
          timeZone: ABQ,
          attendance: 'online',
          approximateAddress: 'Denver, CO, USA',
          conference: jitsi('MountainMeditationRecovery'),
          types: ['MED', '11', 'O'],
          languages: ['en'],
        },
        {
          name: 'Lunch Break Online',
          schedule: weekly(1, 2, 3, 4, 5),
          startTime: '12:15',
          endTime: '13:00',
          timeZone: CHI,
          attendance: 'online',
          approximateAddress: 'Chicago, IL, USA',
          conference: zoom('81933045214', 'THVuY2g'),
          types: ['O', 'D'],
          languages: ['en'],
        },
      ],
    },
    {
      key: 'stepStudy',
      group: {
        name: 'Tuesday Night Step Study',
        description: 'A closed step-study group. Ask to join; a facilitator will welcome you. Links are shared with members.',
        pathway: 'twelve_step',
        fellowship: 'Alcoholics Anonymous',
        languages: ['en'],
        visibility: 'members',
        membership: 'approval',
        conferenceVisibility: 'group_members',
      },
      meetings: [
        {
          name: 'Tuesday Night Step Study',
          schedule: weekly(2),
          startTime: '19:00',
          endTime: '20:30',
          timeZone: CHI,
          attendance: 'hybrid',
          location: room(V.uptown),
          conference: zoom('87766120048', 'U3RlcFN0dWR5'),
          types: ['C', 'ST', '12x12'],
          notes: 'Bring your workbook. We pair up for the last half hour.',
          exceptions: [{ nth: 0, topic: 'Step 8: the list' }, { nth: 1, topic: 'Step 9: amends' }],
        },
        {
          name: 'Step Study Sunday Review',
          schedule: weekly(0),
          startTime: '19:00',
          endTime: '20:00',
          timeZone: CHI,
          attendance: 'online',
          approximateAddress: 'Chicago, IL, USA',
          conference: zoom('87766120049', 'UmV2aWV3'),
          types: ['C', 'ST'],
        },
        {
          name: 'Sponsorship Workshop',
          schedule: once(onOrAfter(addDays(chicagoToday, 4), 0)),
          startTime: '14:00',
          endTime: '16:00',
          timeZone: CHI,
          attendance: 'hybrid',
          location: room(V.uptown),
          conference: zoom('87766120050', 'V29ya3Nob3A'),
          types: ['C', 'ST'],
          notes: 'What a sponsor does and does not do; how to ask. For members of the step study.',
        },
      ],
    },
  ];
}

// ── Planning rows ────────────────────────────────────────────────────────────────────────────────────────────────

type GroupRow = typeof supportGroup.$inferInsert & { id: string };
type MeetingRow = typeof meeting.$inferInsert & { id: string };
type OverrideRow = typeof meetingOccurrence.$inferInsert;

export interface MeetingsPlan {
  groups: GroupRow[];
  members: (typeof groupMember.$inferInsert)[];
  meetings: MeetingRow[];
  overrides: OverrideRow[];
  rsvps: (typeof meetingRsvp.$inferInsert)[];
  attendance: (typeof meetingAttendance.$inferInsert)[];
}

interface PlannedMeeting {
  row: MeetingRow;
  times: MeetingTimes;
  overrides: OccurrenceOverride[];
  groupKey: GroupKey;
}

/** The person each role's sample is (seed.ts `summarize`): the one holding the fewest other roles. */
const sampleOf = (people: SeededPerson[], role: SeededPerson['roles'][number]) =>
  people.filter((p) => p.roles.includes(role)).sort((a, b) => a.roles.length - b.roles.length)[0];

const timesOf = (row: MeetingRow): MeetingTimes => ({ days: row.days ?? [], onceOn: row.onceOn ?? null, startTime: row.startTime, endTime: row.endTime, timeZone: row.timeZone });

/** Regular dates around now: `ahead[0]` is the next to start, `behind[0]` the last to have ended. */
function regularDates(times: MeetingTimes, now: Date) {
  const all = occurrencesBetween(times, new Date(now.getTime() - HISTORY_DAYS * DAY_MS), new Date(now.getTime() + 60 * DAY_MS));
  return { ahead: all.filter((o) => o.start > now).map((o) => o.date), behind: all.filter((o) => o.end <= now).map((o) => o.date).reverse() };
}

function exceptionRows(meetingId: string, times: MeetingTimes, specs: ExceptionSpec[], now: Date): OverrideRow[] {
  const { ahead, behind } = regularDates(times, now);
  return specs.flatMap((s) => {
    const localDate = s.nth >= 0 ? ahead[s.nth] : behind[-s.nth - 1];
    if (!localDate) return [];
    const moved = s.moveTo ? { movedDate: addDays(localDate, s.moveTo.days), movedStart: s.moveTo.startTime, movedEnd: s.moveTo.endTime } : {};
    const status = s.cancelled ? 'cancelled' : s.moveTo ? 'moved' : 'scheduled';
    return [{ meetingId, localDate, status, topic: s.topic ?? null, movedDate: null, movedStart: null, movedEnd: null, ...moved }];
  });
}

const asOverride = (r: OverrideRow): OccurrenceOverride => ({
  localDate: r.localDate,
  status: r.status as OccurrenceOverride['status'],
  movedDate: r.movedDate ?? null,
  movedStart: r.movedStart ?? null,
  movedEnd: r.movedEnd ?? null,
  topic: r.topic ?? null,
});

/** The demo's groups and meetings as rows, and who belongs, RSVPs and attended: the same seed gives the same plan. */
export function planMeetings(people: SeededPerson[], random: SeededRandom, now: Date): MeetingsPlan {
  const plan: MeetingsPlan = { groups: [], members: [], meetings: [], overrides: [], rsvps: [], attendance: [] };
  const planned: PlannedMeeting[] = [];
  const groupIds = new Map<GroupKey, string>();

  for (const spec of demoGroups(now)) {
    const id = newId();
    groupIds.set(spec.key, id);
    const g = groupBody.parse(spec.group);
    plan.groups.push({ id, slug: slugify(g.name), ...g });
    for (const { exceptions = [], ...input } of spec.meetings) {
      // The same rules as a meeting made in the app; a mistake in this catalog stops the demo.
      const body = meetingBody.parse({ ...input, groupId: id });
      const row: MeetingRow = { id: newId(), groupId: id, slug: slugify(body.name), ...meetingColumns(body) };
      const times = timesOf(row);
      const overrides = exceptionRows(row.id, times, exceptions, now);
      plan.meetings.push(row);
      plan.overrides.push(...overrides);
      planned.push({ row, times, overrides: overrides.map(asOverride), groupKey: spec.key });
    }
  }

  planMembership(plan, people, random, groupIds, now);
  planAttendance(plan, people, random, planned, groupIds, now);
  return plan;
}

/** Facilitators for every group (the facilitator accounts, in turn), and members: the sample member in three. */
function planMembership(plan: MeetingsPlan, people: SeededPerson[], random: SeededRandom, groupIds: Map<GroupKey, string>, now: Date) {
  const facilitators = people.filter((p) => p.roles.includes('facilitator'));
  const since = (p: SeededPerson) => new Date(now.getTime() - random.int(1, Math.max(1, p.joinedDaysAgo)) * DAY_MS);
  const keys = [...groupIds.keys()];
  keys.forEach((key, i) => {
    const chosen = new Set([facilitators[i % facilitators.length]!, facilitators[(i + 1) % facilitators.length]!].slice(0, i % 3 === 0 ? 2 : 1));
    for (const f of chosen) plan.members.push({ groupId: groupIds.get(key)!, userId: f.id, role: 'facilitator', status: 'active', createdAt: since(f) });
  });

  const taken = new Set(plan.members.map((m) => `${m.groupId}|${m.userId}`));
  const join = (p: SeededPerson, key: GroupKey, status: 'active' | 'pending' = 'active', at = since(p)) => {
    const groupId = groupIds.get(key)!;
    if (taken.has(`${groupId}|${p.id}`)) return;
    taken.add(`${groupId}|${p.id}`);
    plan.members.push({ groupId, userId: p.id, role: 'member', status, createdAt: at });
  };

  // The member people try the demo as joined their groups when they signed up, so their history is as long as it can be.
  const sample = sampleOf(people, 'member')!;
  const signedUp = new Date(now.getTime() - sample.joinedDaysAgo * DAY_MS);
  for (const key of ['lakeview', 'stepStudy', sample.locale === 'es' ? 'esperanza' : 'smart'] as const) join(sample, key, 'active', signedUp);
  const publicKeys = keys.filter((k) => k !== 'stepStudy');
  const others = people.filter((p) => p !== sample && p.roles.length === 1 && p.roles[0] === 'member');
  for (const p of others.slice(0, Math.min(14, others.length))) {
    if (p.locale === 'es') join(p, random.pick(['esperanza', 'esperanza', 'family', 'women', 'borders'] as const));
    join(p, random.pick(publicKeys));
    if (random.chance(0.3)) join(p, 'stepStudy', random.chance(0.5) ? 'active' : 'pending');
  }
}

/**
 * Past attendance (checked in during the meeting, or marked on the roster by a facilitator) and RSVPs for coming
 * occurrences, for active members at their groups' meetings. Instants come from the recurrence engine, exceptions
 * applied: nobody attends a cancelled meeting, and a moved one is attended at its new time.
 */
function planAttendance(plan: MeetingsPlan, people: SeededPerson[], random: SeededRandom, planned: PlannedMeeting[], groupIds: Map<GroupKey, string>, now: Date) {
  const sample = sampleOf(people, 'member')!;
  const keyOf = new Map([...groupIds].map(([k, id]) => [id, k]));
  const facilitatorOf = new Map(plan.members.filter((m) => m.role === 'facilitator').map((m) => [m.groupId, m.userId]));
  const rsvped = new Set<string>();
  const rsvp = (meetingId: string, localDate: string, userId: string, at: Date) => {
    if (rsvped.has(`${meetingId}|${localDate}|${userId}`)) return;
    rsvped.add(`${meetingId}|${localDate}|${userId}`);
    plan.rsvps.push({ meetingId, localDate, userId, createdAt: at });
  };

  for (const m of plan.members.filter((x) => x.role === 'member' && x.status === 'active')) {
    const isSample = m.userId === sample.id;
    const key = keyOf.get(m.groupId)!;
    for (const p of planned.filter((x) => x.groupKey === key && x.row.attendance !== 'inactive')) {
      // A member goes to a weekday-morning meeting now and then, a weekly one most weeks.
      const often = (isSample ? 0.75 : 0.6) / Math.max(1, p.times.days.length / 2);
      const goes = p.times.onceOn ? random.chance(0.7) || isSample : random.chance(isSample ? 0.6 : 0.5);
      if (!goes) continue;
      const today = todayIn(p.times.timeZone, now);
      for (let back = HISTORY_DAYS; back >= 1; back--) {
        const date = addDays(today, -back);
        const occ = occurrenceOn(p.times, date, p.overrides);
        if (!occ || occ.status === 'cancelled' || occ.end > now || occ.start.getTime() < m.createdAt!.getTime() || !random.chance(often)) continue;
        const roster = p.row.attendance !== 'online' && random.chance(0.25);
        plan.attendance.push({
          meetingId: p.row.id,
          localDate: date,
          userId: m.userId,
          startsAt: occ.start,
          method: roster ? 'roster' : 'self',
          recordedBy: roster ? (facilitatorOf.get(m.groupId) ?? null) : m.userId,
          recordedAt: new Date(roster ? occ.end.getTime() + random.int(5, 120) * MINUTE_MS : occ.start.getTime() + random.int(-10, 20) * MINUTE_MS),
        });
      }
      // The next occurrence for the sample member (and now and then for others), and the one after for some.
      const coming = occurrencesBetween(p.times, now, new Date(now.getTime() + 400 * DAY_MS), p.overrides).filter((o) => o.status !== 'cancelled');
      coming.slice(0, p.times.onceOn ? 1 : 2).forEach((o, i) => {
        if (isSample ? i === 0 || random.chance(0.4) : random.chance(0.35)) rsvp(p.row.id, o.date, m.userId, new Date(now.getTime() - random.int(1, 72) * 60 * MINUTE_MS));
      });
    }
  }
}

// ── Writing ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** Slugs already on the instance get -2, -3...: the demo is added next to what is there, never over it. */
async function freeSlugs(db: Queryable, rows: { slug: string }[], table: typeof supportGroup | typeof meeting) {
  const existing = await db.select({ slug: table.slug }).from(table).where(inArray(table.slug, rows.map((r) => r.slug)));
  const taken = new Set(existing.map((r) => r.slug));
  for (const row of rows) {
    let candidate = row.slug;
    for (let n = 2; taken.has(candidate); n++) candidate = `${row.slug}-${n}`;
    taken.add(candidate);
    row.slug = candidate;
  }
}

export const seedMeetings: DemoStep = async ({ db, random, people }) => {
  const plan = planMeetings(people, random, new Date());
  // One transaction: a failure here leaves no half-made groups behind.
  await db.transaction(async (tx) => {
    await freeSlugs(tx, plan.groups, supportGroup);
    await freeSlugs(tx, plan.meetings, meeting);
    await tx.insert(supportGroup).values(plan.groups);
    await tx.insert(groupMember).values(plan.members);
    await tx.insert(meeting).values(plan.meetings);
    if (plan.overrides.length > 0) await tx.insert(meetingOccurrence).values(plan.overrides);
    if (plan.rsvps.length > 0) await tx.insert(meetingRsvp).values(plan.rsvps);
    if (plan.attendance.length > 0) await tx.insert(meetingAttendance).values(plan.attendance);
  });
  return {
    'support groups': plan.groups.length,
    meetings: plan.meetings.length,
    'meeting exceptions and topics': plan.overrides.length,
    'group memberships': plan.members.length,
    RSVPs: plan.rsvps.length,
    'attendance records': plan.attendance.length,
  };
};
