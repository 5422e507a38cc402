import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CSSRS } from './cssrs.ts';
import * as cues from './cues.ts';
import { assess, type Level, type Locale } from './detector.ts';
import { SIGNALS } from './indirect.ts';
import { EN_RULES } from './rules-en.ts';
import { ES_RULES } from './rules-es.ts';
import { quickestMs } from '../../../../test/helpers/timing.ts';

interface Labelled {
  id: string;
  text: string;
  locale: Locale;
  level: Level;
  categories: string[];
}

const readSet = (name: string): Labelled[] =>
  fs
    .readFileSync(path.resolve('test/fixtures/safety', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Labelled);

const serious = (level: Level) => level === 'urgent' || level === 'emergency';

/** Recall, emergency recall and false alarms over a labelled set, with a confusion table and the misses. */
function evaluate(rows: Labelled[]) {
  const confusion: Record<string, Record<string, number>> = {};
  const misses: string[] = [];
  let risky = 0, caught = 0, emergencies = 0, emergenciesCaught = 0, calm = 0, falseAlarms = 0;
  for (const row of rows) {
    const got = assess(row.text, row.locale).level;
    const line = (confusion[row.level] ??= {});
    line[got] = (line[got] ?? 0) + 1;
    if (serious(row.level)) {
      risky++;
      if (serious(got)) caught++;
    } else {
      calm++;
      if (serious(got)) falseAlarms++;
    }
    if (row.level === 'emergency') {
      emergencies++;
      if (got === 'emergency') emergenciesCaught++;
    }
    if (got !== row.level) misses.push(`${row.id}: labelled ${row.level}, got ${got}: ${row.text}`);
  }
  const summary = [
    `labelled → predicted: ${JSON.stringify(confusion)}`,
    `recall (urgent+emergency) ${caught}/${risky}, emergency recall ${emergenciesCaught}/${emergencies}, false alarms ${falseAlarms}/${calm}`,
    ...misses,
  ].join('\n');
  return { recall: caught / risky, emergencyRecall: emergenciesCaught / emergencies, falseAlarmRate: falseAlarms / calm, summary };
}

describe('the evaluation set', () => {
  const rows = readSet('eval.jsonl');

  test('is the labelled set the issue asks for: 420+ lines, ~60/40 English/Spanish, a third hard negatives, every level', () => {
    expect(rows.length).toBeGreaterThanOrEqual(420);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const english = rows.filter((r) => r.locale === 'en').length / rows.length;
    expect(english).toBeGreaterThan(0.55);
    expect(english).toBeLessThan(0.65);
    // Hard negatives: labelled none or elevated, yet with words the rules look for.
    const risky = new RegExp(
      ['die|dead|death|dying|kill|suicid|overdos|\\bod\\b|relapse|cut|pills|meds|breath|wake|hit|shoot|shot|jump|burn|gun|knife|blood|bleed',
        'goodbye|last post|plan|took all|gave away|narcan|naloxon|detox|drink|drank|drunk|crisis|harm|hurt|seiz|chest|heart|bottle|dealer',
        'using|craving|alone|hopeless|rope|drown|disappear|without me|withdrawal|benzo|fent|abuse|violen|funeral|crash|bomb|slay',
        'morir|muer|mat[aoé]|sobredosis|reca[ií]|cort|pastillas|respira|despiert|desped|[uú]ltimo|antojo|tomar|consum|da[ñn]o|pega',
        'dolor|sangr|golpe|amenaz|tr[aá]fico|abuso|violencia|naloxona|muri[oó]'].join('|'),
      'i',
    );
    const hard = rows.filter((r) => !serious(r.level) && risky.test(r.text));
    expect(hard.length).toBeGreaterThanOrEqual(rows.length / 3);
    for (const level of ['none', 'elevated', 'urgent', 'emergency']) expect(rows.some((r) => r.level === level)).toBe(true);
  });

  test('recall ≥ 0.97, emergency recall ≥ 0.9, false alarms ≤ 5% of calm lines', () => {
    const result = evaluate(rows);
    const ok = result.recall >= 0.97 && result.emergencyRecall >= 0.9 && result.falseAlarmRate <= 0.05;
    if (!ok) console.error(result.summary);
    expect(result.recall, result.summary).toBeGreaterThanOrEqual(0.97);
    expect(result.emergencyRecall, result.summary).toBeGreaterThanOrEqual(0.9);
    expect(result.falseAlarmRate, result.summary).toBeLessThanOrEqual(0.05);
  });
});

describe('hard cases', () => {
  const cases: Array<[text: string, level: Level]> = [
    // Negation and the past.
    ["Two years ago I wanted to die, today I'm grateful", 'none'],
    ["I'm not suicidal", 'none'],
    ["I don't want to die, I want to live differently", 'none'],
    ['I used to be okay, now I want to die', 'urgent'],
    ['Hace años quería morirme, hoy estoy agradecida', 'none'],
    ['ya no quiero vivir', 'urgent'],
    // Events and literature.
    ['The overdose awareness vigil is on Friday', 'none'],
    ['Who is coming to the suicide prevention walk?', 'none'],
    ['We read the chapter on relapse', 'none'],
    // Idioms.
    ['I killed it at my interview', 'none'],
    ['dying to see you', 'none'],
    ['my phone died', 'none'],
    ['this craving is killing me', 'elevated'],
    ['me quiero morir de la risa', 'none'],
    // Slang and misspellings.
    ['kms', 'urgent'],
    ['i want to unalive myself', 'urgent'],
    ["he od'd and won't wake up", 'emergency'],
    ['wanna die', 'urgent'],
    ['i want to kill my self', 'urgent'],
    ['I wanna diiiie', 'urgent'],
    // Spanish.
    ['quiero morirme', 'urgent'],
    ['no respira', 'emergency'],
    ['me quiero matar', 'urgent'],
    ['ya no aguanto más', 'elevated'],
    ['tomé todas las pastillas', 'emergency'],
    // Someone else in danger now.
    ["my friend isn't breathing", 'emergency'],
    ['mi hermano no despierta', 'emergency'],
    // Intent with plan, means or time; goodbye notes.
    ['I want to die. I have the pills ready', 'emergency'],
    ['I have the pills ready', 'urgent'],
    ["I'm going to kill myself tonight", 'emergency'],
    ['goodbye everyone, this is my last post', 'emergency'],
    ['Goodbye everyone, this is my last post before I move to Denver!', 'none'],
    // Medical danger and violence now.
    ['chest pain after using, my arm is numb', 'emergency'],
    ['day 2 of withdrawal and I just had a seizure', 'emergency'],
    ["he's outside with a knife saying he's going to kill me", 'emergency'],
    ['my mom is gonna kill me, I forgot her birthday', 'elevated'],
  ];
  test.each(cases)('%s → %s', (text, level) => {
    expect(assess(text).level).toBe(level);
  });

  test('English and Spanish locale hints give the same answer on plain text of that language', () => {
    expect(assess('I want to die', 'en').level).toBe('urgent');
    expect(assess('quiero morirme', 'es').level).toBe('urgent');
    // A Spanish emergency in an English-locale message still counts (people switch languages).
    expect(assess('help, mi amigo no respira', 'en').level).toBe('emergency');
  });
});

describe('matches', () => {
  test('point at what triggered them, with offsets into the original text (accents, case and elongation kept)', () => {
    const text = '3 a.m. check-in: honestly, I DON’T want to be alive anymore. Sooo tired.';
    const result = assess(text);
    expect(result.level).toBe('urgent');
    expect(result.categories).toEqual(['suicide']);
    const match = result.matches.find((m) => m.rule === 'en.suicide.tired_alive')!;
    expect(text.slice(match.start, match.end)).toBe('DON’T want to be alive anymore');
    const spanish = 'Ayer dije: ¡QUIERO MORIRME!';
    const es = assess(spanish, 'es');
    expect(es.matches.map((m) => spanish.slice(m.start, m.end))).toContain('QUIERO MORIRME');
  });

  test('an elongated word maps back to all of its letters', () => {
    const text = 'i wanna diiiiie';
    const [match] = assess(text).matches;
    expect(text.slice(match!.start, match!.end)).toBe('wanna diiiiie');
  });

  test('say which categories; the most severe first', () => {
    const result = assess("I can't breathe, took xanax with the vodka. I'm so scared");
    expect(result.level).toBe('emergency');
    expect(result.categories.slice(0, 2).sort()).toEqual(['medical', 'overdose']);
    expect(result.categories).toContain('distress');
  });

  test('mark what is reported about someone else, and ask no screener question of the writer for it', () => {
    const result = assess('my best friend told me she wants to die');
    expect(result.level).toBe('urgent');
    expect(result.matches.every((m) => m.other)).toBe(true);
    expect(result.followUp).toBeUndefined();
  });
});

describe('the indirect layer (indirect.ts)', () => {
  const cases: Array<[text: string, level: Level, rule?: string]> = [
    // Scenes that no phrase rule names, and the innocent scene with the same words.
    ['left the door unlocked so they can find me', 'emergency', 'en.combo.farewell'],
    ['left the door unlocked for the plumber', 'none'],
    ["on the roof again and it's so quiet up here", 'emergency', 'en.combo.height_despair'],
    ['fixing the gutters on the roof this weekend', 'none'],
    ["he's so out of it after the oxy and the beers", 'emergency', 'en.combo.sleepy_depressant'],
    ["I'm so sleepy, took my xanax like the doctor said", 'none'],
    ['third day off the benzos and my legs keep jerking', 'emergency', 'en.combo.withdrawal_seizure'],
    ['my hands shake from too much coffee', 'none'],
    ['he grabbed his rifle and is yelling at my mom', 'emergency', 'en.combo.violence_act'],
    ['my dad got the rifle out for deer season', 'none'],
    ['ojalá ya no despertara', 'urgent', 'es.combo.passive_wish'],
    ['compré una botella y ya me tomé la mitad', 'urgent', 'es.combo.relapse_scene'],
    // The guards apply: negation, news, quotes, dreams, anniversaries told with present safety.
    ["I'm not disappointed I woke up anymore", 'none'],
    ["the news said five people OD'd after taking bars, lips blue", 'none'],
    ['the song goes "he\'s strangling her heart" and it slaps', 'none'],
    ['hoy se cumple un año que me tomé todo lo que había en el botiquín, estoy a salvo', 'none'],
    ['had a dream my lips were blue', 'none'],
    // Classes added after the third blind run (invented lines): each with an innocent line sharing its words.
    ["handed my neighbor the keys and my bank pin. tomorrow it'll all be over", 'emergency', 'en.combo.farewell_final'],
    ["my shift ends at 6 and then it'll all be over for the week, finally get to rest", 'none'],
    ["picked up a rope on the way home, my wife's at her mom's all week", 'emergency', 'en.combo.means_opportunity'],
    ['picked up a rope for the tire swing, the house is empty all weekend so come over', 'none'],
    ['le dejé mis gatos a mi tía y las cartas ya están en el buró. por fin voy a descansar', 'emergency', 'es.combo.farewell_final'],
    ["found my roommate slumped on the bathroom floor, he's grey and there's froth at his mouth", 'emergency', 'en.combo.overdose_cluster'],
    ['my baby is drooling at the mouth again, teething is rough', 'none'],
    ["he's kicking the back door and yelling he'll kill us, we're hiding in the closet", 'emergency', 'en.combo.violence_scene'],
    ['the delivery guy was banging on the door with a package', 'none'],
    ['ya traigo el cuete cargado y sé dónde vive, me la paga', 'emergency', 'es.combo.armed_intent'],
    ['drinking rn, fourth beer. 90 days down the drain', 'urgent', 'en.combo.relapse_scene'],
    ['slipped last weekend at a wedding, back on day 4', 'none'],
    ['my mom would cry for a while but then she would move on', 'urgent', 'en.combo.passive_wish'],
    ["kept picturing steering into the median on the drive home", 'urgent', 'en.combo.thoughts_of_how'],
    // Guards added with them: lyrics in single quotes, a goodbye letter to the substance, jokes about chores.
    ["that song 'i hurt myself today' is on repeat, sober and fine", 'none'],
    ['wrote a goodbye letter to booze for my therapist, it felt good', 'none'],
    ['putting my affairs in order lol, meaning my tax paperwork', 'none'],
    ['me mató la clase de spinning hoy jaja', 'none'],
    // Classes added after the fifth development set (invented lines, none from dev-5): each with an innocent line.
    ["don't look for me. i left the car at the trailhead and i'm not coming back", 'emergency', 'en.combo.farewell'],
    ["I'm not coming back to that bar ever again, 30 days today", 'none'],
    ["please tell my son Marcus I loved him. the rope is in the garage", 'emergency', 'en.combo.farewell_means'],
    ["Tell my mom I loved her, I never got to say it before she passed. Grief is heavy today.", 'elevated'],
    ["gave my cat to my sister and set the date. feel calm for the first time in months", 'emergency', 'en.combo.farewell_final'],
    ["We finally set the date for the wedding! October 12th, I feel calm for the first time in months", 'none'],
    ["I've got enough of his oxy saved to not wake up. Going to do it once everyone leaves.", 'emergency', 'en.combo.ingested'],
    ["I saved enough money to not come back to this job after summer, finally quitting", 'none'],
    ["Every night I pray God just takes me in my sleep so I don't have to keep doing this", 'urgent', 'en.combo.passive_wish'],
    ["I pray God takes me through this day sober. One day at a time.", 'none'],
    ["my stepdad is chasing my sister around the yard with a bat right now", 'emergency', 'en.combo.violence_act'],
    ["My brother is yelling at the TV with a bat in his hand, the Cubs are losing again lol", 'none'],
    ["He said if I leave he'll kill me and he's on his way home now", 'emergency', 'en.combo.threat_near'],
    ["my boyfriend is drunk and he grabbed the car keys and put my son in the back seat, he's taking him", 'emergency', 'en.combo.impaired_child'],
    ["Dad said he's taking the kids to the lake, he's not drinking anymore, 2 years sober", 'none'],
    ["my brother quit drinking 3 days ago and now he's hallucinating and doesn't recognize me", 'emergency', 'en.combo.withdrawal_delirium'],
    ["my roommate fell down the stairs drunk and hit his head, now he's throwing up and really confused", 'emergency', 'en.combo.head_injury'],
    ["hit my head on the cupboard this morning lol, confused why it's even open", 'none'],
    ["three beers down already tonight and i'm going to finish the six pack, told my wife i'm at the meeting", 'urgent', 'en.combo.relapse_scene'],
    ["He's been drinking again since Friday and I'm going to an Al-Anon meeting tonight", 'none'],
    ["Been using again since Friday. Can't stop.", 'urgent', 'en.combo.relapse_scene'],
    ["held a lighter to my wrist until it blistered again last night", 'urgent', 'en.combo.self_harm_act'],
    ["I tell my coworkers I walked into a door. Third time this month.", 'urgent', 'en.combo.abuse_act'],
    ["I told everyone I fell off my bike but honestly I was just clumsy, the scrape is healing", 'none'],
    ["ya no voy a estar para mañana, les dejé la carta a mis hijos en el buró", 'emergency', 'es.combo.farewell_despair'],
    ["ya no voy a estar en el grupo de los martes, me cambiaron el turno", 'none'],
    ["le pido a Dios que ya me recoja, ya no aguanto", 'urgent', 'es.combo.passive_wish'],
    ["si me muero de hambre es culpa tuya jaja, ya sirvan la comida", 'none'],
    ["ando metido en la droga otra vez, llevo dos días fumando piedra", 'urgent', 'es.combo.relapse_scene'],
    ["llevo toda la tarde tomando agua y café, día 40", 'none'],
    ["mi ex dice que me va a matar y ahorita está afuera de la casa", 'emergency', 'es.combo.threat_near'],
    ["mi abuela ya no me reconoce por el alzheimer, me duele mucho verla así", 'elevated'],
    ["mi papá lleva tres días sin tomar, ve bichos en el techo y no me reconoce", 'emergency', 'en.combo.withdrawal_delirium'],
    ["me quemé el dedo con el comal y se me quemó la tortilla jaja", 'none'],
    ["desde hace dos semanas me corto los brazos en las noches", 'urgent', 'es.self_harm.cortar'],
    ["tengo el carro prendido en el garaje cerrado, los quiero mucho", 'emergency', 'es.combo.means_scene'],
    ["the car is running in the garage warming up, it's freezing out, then I'm off to work", 'none'],
    ["no me busquen el sábado, voy a estar en la boda de mi prima", 'none'],
    // Missed while each signal's needles were written by hand ("gun" is not where "handgun" starts): prefilter.ts.
    ["I can't do this anymore. I loaded my handgun and it's in my lap.", 'emergency', 'en.combo.means_despair'],
    ['nobody would miss me. the handgun is loaded', 'emergency', 'en.combo.means_despair'],
  ];
  test.each(cases)('%s → %s', (text, level, rule) => {
    const result = assess(text);
    expect(result.level).toBe(level);
    if (rule) expect(result.matches.map((m) => m.rule)).toContain(rule);
  });

  test('a raise points at its strongest signal in the original text', () => {
    const text = 'Gave my cat to Ana. Left the door UNLOCKED so they can find me';
    const match = assess(text).matches.find((m) => m.rule === 'en.combo.farewell')!;
    expect(text.slice(match.start, match.end)).toBe('so they can find me');
  });
});

describe('the C-SSRS follow-up', () => {
  test('thoughts without a plan → ask question 3 (thinking about how)', () => {
    const result = assess('I keep having suicidal thoughts');
    expect(result.followUp).toBe('method');
    expect(CSSRS[result.followUp!].en).toBe('Have you been thinking about how you might do this?');
  });
  test('a wish to be dead → question 2; a method → question 4; intent → question 5', () => {
    expect(assess('I wish I could go to sleep and not wake up').followUp).toBe('suicidalThoughts');
    expect(assess("I keep looking up how many pills it would take").followUp).toBe('intent');
    expect(assess("I'm going to kill myself").followUp).toBe('plan');
  });
  test('is absent for emergencies and for results without suicide', () => {
    expect(assess("I'm going to kill myself tonight").followUp).toBeUndefined();
    expect(assess('my husband hits me').followUp).toBeUndefined();
  });
  test('quotes the screener in English exactly and keeps a Spanish translation of every question', () => {
    expect(CSSRS.wishedDead.en).toBe('Have you wished you were dead or wished you could go to sleep and not wake up?');
    expect(CSSRS.behavior.en).toBe('Have you done anything, started to do anything, or prepared to do anything to end your life?');
    for (const q of Object.values(CSSRS)) expect(q.es).toMatch(/^¿.+\?$/);
  });
});

describe('robustness', () => {
  test('every expression is written in the normalised alphabet: no accents, no ñ (normalize.ts folds them away)', () => {
    // "al caño" in a signal could never match: the text it reads says "al cano".
    const sources = [
      ...[...EN_RULES, ...ES_RULES].flatMap((r) => [r.re, r.requires, r.escalate, r.unless].filter((re) => re !== undefined).map((re) => [r.id, re.source])),
      ...SIGNALS.flatMap((s) => [[s.id, s.source], ...(s.unless ? [[s.id, s.unless.source]] : [])]),
      ...Object.entries(cues).flatMap(([name, value]) => (value instanceof RegExp ? [[name, value.source]] : [])),
    ];
    expect(sources.length).toBeGreaterThan(300);
    expect(sources.filter(([, source]) => /[^\x20-\x7e]/.test(source!))).toEqual([]);
  });

  test('empty or missing text is none', () => {
    expect(assess('')).toEqual({ level: 'none', categories: [], matches: [] });
    expect(assess('   \n  ').level).toBe('none');
  });

  test('is deterministic: the same text gives the same answer, whatever came before', () => {
    const text = 'goodbye everyone, this is my last post. the pills are lined up';
    const first = assess(text);
    for (const other of ['quiero morirme', 'a'.repeat(100_000), '']) assess(other);
    expect(assess(text)).toEqual(first);
  });

  const megabyte = 1_000_000;
  const adversarial: Array<[string, string]> = [
    ['one letter', 'a'.repeat(megabyte)],
    ['"kill " repeated', 'kill '.repeat(megabyte / 5)],
    ['"i want to " repeated', 'i want to '.repeat(megabyte / 10)],
    ['spaces', ' '.repeat(megabyte)],
    ['punctuation', '!?.,;:'.repeat(megabyte / 6)],
    ['binary-looking', Array.from({ length: megabyte }, (_, i) => String.fromCharCode(((i * 2654435761) >>> 0) % 0xd000)).join('')],
    ['"not " repeated', 'not '.repeat(megabyte / 4)],
  ];
  // A guard against catastrophic backtracking (seconds to hours on such input, every time): the quickest of three
  // runs after a warm-up. A run takes ~20 ms alone; a single run once took 1.1 s in a full `npm test` on two cores.
  test.each(adversarial)('a megabyte of %s finishes in well under half a second', (_name, text) => {
    assess(text);
    expect(quickestMs(() => assess(text))).toBeLessThan(500);
  });

  test('an emergency far into a long text is still found', () => {
    const text = `${'Checking in after a long day at work. '.repeat(20_000)}Please help, my roommate is not breathing.`;
    const result = assess(text);
    expect(result.level).toBe('emergency');
    const match = result.matches.find((m) => m.category === 'overdose')!;
    expect(text.slice(match.start, match.end)).toBe('is not breathing');
  });
});
