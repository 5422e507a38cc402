/**
 * Context cues, English and Spanish together (people mix them). The detector finds them once per text and uses
 * them to set matches aside (negated, in the past, about an event or a book) or to raise them (a weapon, "tonight").
 */
import { pattern } from './rules.ts';

/** "not", "never", "no"... within three words before a match, in the same clause: "I'm not suicidal". */
export const NEGATION = pattern(
  "not|never|no|don't|doesn't|didn't|won't|isn't|wasn't|aren't|haven't|hasn't|nothing|without|quit|stopped|" +
    'nunca|jamas|tampoco|ni|sin|ya no|deje de|dejo de',
);
/** Not negations: "not gonna lie, I want to die". */
export const NOT_NEGATION = pattern("not (?:going to|gonna) lie|don't know|no se|no sabe|no (?:voy a|te voy a) mentir|no lie|no joke|no kidding|not joking");

/** Distant past, anywhere in the sentence: "two years ago I wanted to die". */
export const PAST = pattern(
  '(?:[a-z0-9]{1,10} |a few |a couple of )?(?:years?|months?) ago(?: today| tonight)?|used to|back when|back then|years back|there was a time|the old me|' +
    'when i (?:was|first|came in|got here|got sober|got clean|started|drank|used)|in (?:19|20)\\d\\d|last year|' +
    // "it's been a year since my son overdosed": a span of months or years since the event.
    "(?:it'?s |it has |it'?s already )?been (?:a|one|two|three|four|five|six|\\d{1,2}|a few|a couple of|several) (?:years?|months?) since|(?:a|one|\\d{1,2}) (?:years?|months?) since|" +
    'in (?:high school|college|my teens|my twenties)|as a (?:kid|teen|teenager)|i survived|survived an?|would have|' +
    '(?<!desde )hace (?:[a-z0-9]{1,10} )?(?:anos?|meses|mes|tiempo|mucho)|en el \\d\\d|en su peor momento|at (?:his|her) (?:lowest|worst)|' +
    '(?<!de )antes(?! de)|cuando (?:tomaba|bebia|consumia|usaba|llegue aqui|llegue al grupo|empece|era|estaba|me drogaba)|el ano pasado|' +
    'en (?:19|20)\\d\\d|de (?:nino|nina|joven|adolescente|morra|morro|chav[oa]|chamac[oa]|escuincle|chiquit[oa]|pequen[oa]|chamaquit[oa])|(?:ya )?llevo (?:\\w{1,10} ){1,2}(?:anos|meses) sin (?:hacerlo|cortarme|lastimarme)|sobrevivi|solia|hubo un tiempo|en la (?:prepa|secundaria)',
);
/** Now, overriding a past cue when it stands between the cue and the match: "I used to be fine, now I want to die". */
export const PRESENT = pattern('today|tonight|right now|rn|now|again|still|anymore|lately|these days|hoy|ahora|ahorita|otra vez|de nuevo|todavia|aun|ultimamente|esta noche');

/** Events, literature, media and training before the match in the sentence: "the suicide prevention walk". */
export const EVENT = pattern(
  'awareness|vigil|prevention|documentary|podcast|chapter|pamphlet|memoir|poem|workshop|training|seminar|webinar|' +
    'fundraiser|memorial|movie|film|book|article|episode|topic|lyrics|song|speaker|(?:talks?|talked|shared|share|read|reading) about|' +
    'documental|vigilia|concientizacion|prevencion|caminata|capitulo|folleto|poema|taller|conferencia|pelicula|libro|' +
    'articulo|episodio|tema|cancion|orador[a]?|(?:hablo|hablamos|leimos|leer) (?:de|sobre)',
);
/** Someone asked a screening question: "my counselor asked me about suicidal thoughts". */
export const SCREENING = pattern('asked (?:me )?(?:about|if|whether)|(?:counselor|therapist|doctor|nurse|psychiatrist|terapeuta|doctora?|consejer[oa]) (?:said|explained|dijo|explico)|asks (?:me )?(?:about|if)|screening|intake|(?:me )?pregunt(?:o|aron|a|an) (?:si|sobre|por)');
/** What-if talk: "what to do if someone overdoses". */
export const HYPOTHETICAL = pattern('what to do (?:if|when)|in case (?:someone|somebody|anyone)|if (?:someone|somebody|anyone)|how to respond|por si alguien|que hacer (?:si|ante|cuando)');
/** A dream: "had a dream that I relapsed". */
export const DREAM = pattern("(?:had a|a|bad) dream|dreamt|dreamed|nightmare|sone que|un sueno|pesadilla");
/** A dream named after the match, anywhere in the sentence: "he pulled a gun on me in a dream last night". */
export const DREAM_AFTER = pattern('in (?:a|my|the) (?:dream|nightmare)|en (?:un|mi|el) (?:sueno|pesadilla)|en una pesadilla|(?:was|fue) (?:just |only |solo )?(?:a|un) (?:dream|nightmare|sueno|pesadilla)');
/** Travel, a move or amends: a goodbye or letters that are not a farewell note. */
export const LEAVING = pattern(
  "moving|move|moved|vacation|trip|flight|travel\\w{0,4}|out of town|for work|visiting|road trip|new job|amends|ninth step|9th step|step (?:nine|9)|" +
    'mudo|mudamos|mudanza|me cambio de|viaje|vacaciones|vuelo|visitar|enmiendas|noveno paso|paso (?:nueve|9)|nuevo trabajo|' +
    // A goodbye letter to the substance or the old life, a recovery exercise: "a goodbye letter to alcohol".
    'to (?:alcohol|booze|drinking|drugs|my addiction|addiction|the bottle|my disease|using|my old (?:self|life)|meth|heroin|cocaine|coke|weed|pills|xanax|fentanyl|crack|dope|the drink)|' +
    '(?:al|a la|a las|a los|a mi|a mis) (?:alcohol|drogas|adiccion|botella|enfermedad|vieja vida|viejo yo|cristal|perico|mota|pastillas|vicio|chupe|pisto)',
);

/** A song, a poem, a film: quoted words in the same text are the lyric, not the writer (detector.ts). */
export const MEDIA = pattern(
  'songs?|lyrics?|album|track|on repeat|singing|sang|sing along|playlist|band|rapper|verse|chorus|poem|poetry|quote from|line from|movie|film|show|book|novel|' +
    'cancion|canciones|rola|letra|cantando|cantamos|disco|poema|pelicula|serie|libro|novela|frase de',
);

/** Raises threats and violence: a weapon or the danger being here now. */
export const WEAPON = pattern('knife|knives|gun|pistol|rifle|bat|machete|gas cans?|gasoline|cuchillo|navaja|pistola|arma|rifle|bate|machete|gasolina');
export const IMMINENT = pattern("right now|rn|tonight|outside (?:my|the) (?:door|house|window|apartment)|at (?:my|the) door|is here|when he gets home|when she gets home|coming over|on (?:his|her|their) way|ahorita|ahora mismo|esta noche|afuera|viene para aca|cuando llegue");
/** Raises suicide statements to emergency in the same sentence: a time. */
export const TIME = pattern("tonight|today|this weekend|tomorrow|after everyone's asleep|when (?:my shift ends|everyone's asleep|they leave)|in an hour|right now|hoy|esta noche|manana|ahorita|este fin de semana|ya mismo");
/** Someone (else) cannot answer any more: raises a third person's intent to emergency. */
export const NO_ANSWER = pattern("(?:won't|isn't|doesn't|not|stopped) (?:answer|answering|pick(?:ing)? up|respond(?:ing)?)|(?:ya )?no contesta|no responde");
/** Substances and using, for signs that are an emergency only around them (passed out, can't keep eyes open). */
export const SUBSTANCE = pattern(
  "using|used|use|high|drunk|drinking|drank|pills?|xanax|benzos?|bars|oxy\\w{0,8}|percs?|fent\\w{0,6}|heroin|dope|meth|coke|cocaine|" +
    "narcan|naloxone|vodka|alcohol|booze|liquor|needle|syringe|od'?d|overdos\\w{0,4}|took|mixed|shot up|snort\\w{0,3}|" +
    'pastillas|tequila|consumir|consumio|consumi|usar|drog\\w{0,4}|jeringa|mezcl\\w{0,3}|tome|tomo|clonazepam|cristal|perico|chochos|' +
    // Street and brand names, and the verbs of using (both languages), so the signs that need them are read in context.
    "shooting up|shoot(?:ing)? dope|nodd(?:ed|ing) out|(?:did|took|hit) (?:a |some )?(?:shot|line|bump|hit|fat line)s?|(?:that|my) (?:last )?(?:hit|line|bump)|last (?:hit|line|bump)|" +
    'xans?|xannies|klonopin|klonnies|valium|ativan|roxys?|roxies|m30s?|blues|percocets?|vicodin|norco|hydros?|dilaudid|morphine|tramadol|suboxone|' +
    'molly|ecstasy|ketamine|crack|shard|bundle|' +
    'meter(?:se|me|le)?|me meti|se metio|metiendose|metiendome|coca|piedra|fenta|fentanilo|heroina|chiva|mota|tachas?|cerveza|chelas|caguamas?|pisto|pistear|' +
    'borrach[oa]|pedo|tomado|tomada|rivotril|clonas|tafil|alprazolam|tramadol|morfina|oxicodona|cocaina|metanfetamina',
);
/** Reported about someone else, before the match: "my friend told me she wants to die" (still risk: marked, not set aside). */
export const REPORTED = pattern('told me|tells me|says|said|keeps saying|texted me|messaged me|dice que|dijo que|me dijo|me escribio|me conto|decia');

/** News about strangers, in the sentence: "three people OD'd in the next county" (the indirect layer's guard). */
export const NEWS = pattern(
  "news|headlines?|reported|reports say|police (?:said|say)|according to|next county|(?:\\d{1,3}|two|three|four|five|several|many|some) (?:people|teens|kids|students|men|women|guys|folks) (?:od'?d|overdosed|died|were|have)|" +
    'noticias|periodico|reportaron|segun (?:la|el|las|los)|(?:\\d{1,3}|dos|tres|cuatro|cinco|varias|muchas) personas',
);
/** The anniversary of a past attempt told with present safety ("hoy se cumple un año que intenté... estoy a salvo"). */
export const ANNIVERSARY = pattern("anniversary|(?:a|one|two|\\d{1,2}) years? (?:since|ago today)|se cumple(?:n)? (?:un|\\w{1,8}) anos?|aniversario|hace (?:un|\\w{1,8}) anos? (?:hoy|que)");
export const SAFE_NOW = pattern("i'?m safe|i am safe|(?:still|i'?m still) here|grateful to be (?:alive|here)|estoy a salvo|sigo aqui|estoy bien|agradecid[oa] de estar (?:viv[oa]|aqui)");
