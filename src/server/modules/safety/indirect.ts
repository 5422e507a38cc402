/**
 * The indirect layer: a second pass for crisis language that no phrase rule names, because the writer tells the
 * scene instead of the feeling ("gave my dog to my neighbor and left the door unlocked so they can find me", "his
 * lips look kind of grey", "day 3 off the xanax, my arm kept jerking and I bit my tongue"). Its vocabulary comes
 * from crisis-line training (warning signs: giving things away, putting affairs in order, a final contact), the
 * C-SSRS (a passive wish to be dead is question 1; looking up how is question 3), overdose first aid (colour,
 * breathing, no response to a shake or water, drowsiness after mixing depressants), alcohol and benzodiazepine
 * withdrawal (seizures: jerking, a bitten tongue, coming to on the floor) and domestic-violence screening (the
 * Danger Assessment's lethality markers: strangulation, a weapon, threats to kill if the victim leaves).
 *
 * It finds *signals* (kinds below) in the normalised text, lets the detector set aside the ones that are negated,
 * past, hypothetical, dreamt, quoted, news or an event (the same guards as the rules, plus a few of its own), and
 * then raises the level when the surviving signals combine: `combine()`. Every raise names a rule id
 * `<lang>.combo.<what>` and points at its strongest signal. All patterns are bounded (rules.ts); one scan for
 * every signal's needles decides which few signal expressions run at all, so the cost stays linear and small.
 */
import { LEAVING } from './cues.ts';
import { pattern } from './rules.ts';
import type { Category, Level, Stage } from './rules.ts';

export type Kind =
  | 'farewell' // arrangements and last contacts; weight 1 (ambiguous alone) to 3 (a farewell by itself)
  | 'height' // being at a high place
  | 'edge' // what people say at one: looking down, one step
  | 'means' // a weapon ready, a rope tied: urgent alone
  | 'ingest' // took everything in the cabinet, a rope tied: preparing or acting, an emergency alone
  | 'passive' // a passive wish to be dead or a burden (C-SSRS 1): urgent alone
  | 'intrusive' // thoughts of how (C-SSRS 3): urgent alone
  | 'sleepy' // drowsiness, which after depressants is an overdose
  | 'depressant' // opioids, benzodiazepines, sleep medicine; or pills and alcohol together
  | 'came_to' // coming to on the floor
  | 'seizure' // jerking, a bitten tongue, blood in the mouth
  | 'shaking' // tremor, which in withdrawal from alcohol or benzodiazepines can come before a seizure
  | 'withdrawal'
  | 'cardiac' // chest tight, arm numb, cold sweat
  | 'drug' // a substance named strictly (not "took" or "used")
  | 'blue' // lips or face grey or blue: an emergency alone
  | 'no_response' // no response to a shake, water or a pinch: an emergency alone
  | 'violence_act' // a weapon taken out against someone, strangling: an emergency alone
  | 'weapon_kept' // a weapon kept ready out of fear: urgent alone
  | 'abuse_act' // abuse told as acts and lethality markers: urgent alone
  | 'self_harm_act' // self-harm told as the act: urgent alone
  | 'relapse' // a relapse told as a scene; weight 1 (bought, on the table) or 2 (already using)
  // Added after the third blind run (classes of expression, not lines; see docs/safety-detector.md):
  | 'finality' // "I finally get to rest", "it'll all be over": nothing alone, decisive beside a farewell or means
  | 'alone' // an opportunity: the house to oneself, the kids away, nobody home (context only)
  | 'acquired' // means just acquired: bought a rope, picked up charcoal, got a gun: urgent alone
  | 'unreachable' // not picking up, straight to voicemail: beside a farewell, an emergency
  | 'od_sign' // an unresponsive person's signs (found down, cold, grey, frothing, snoring): weighed together
  | 'intruder' // someone at the door banging or trying to get in
  | 'hiding' // hiding or locked in with the children
  | 'kill_threat' // a threat to kill or "finish" told in reported speech
  | 'armed' // a weapon carried ready (in the glovebox, loaded, on me)
  | 'stalk' // knowing where and when someone will be
  | 'revenge' // "he'll pay", "me la paga"
  | 'suicidal'; // context only: a suicide phrase rule matched the text (passed in by the detector)

export interface Signal {
  id: string;
  /**
   * Substrings one of which every phrasing of the signal contains: a cheap `includes` test decides whether its
   * expression runs at all, which keeps the layer fast on the many texts it has nothing to say about.
   */
  need: string[];
  lang: 'en' | 'es';
  kind: Kind;
  weight: 1 | 2 | 3;
  source: string;
  /** Set aside when this appears in the same sentence (the innocent reading: a vacation, the dentist, coffee). */
  unless?: RegExp;
  /** Looked for only when a signal of one of these kinds was found: context that matters only beside them. */
  after?: Kind[];
  /** Ignores past-time cues ("has choked me before" is a risk marker however it is phrased). */
  anyTense?: boolean;
  /** Not set aside by a negation before it: "sin llave para que me encuentren" (its "sin" is the door's). */
  ownNegation?: boolean;
}

const HUNTING = pattern('hunting|hunt|season|deer|duck|elk|range|skeet|clean(?:ing|ed)?|gun safe|safe|locked|lock box|class|license|sell|sold|gun show|collection|caza|temporada|venado|limpi\\w{1,4}');
const KITCHEN_SPORT = pattern('cake|kitchen|cook\\w{0,3}|carve|carving|turkey|onions?|steak|bread|baseball|softball|game|practice|league|team|cricket|batting|cocina|pastel|beisbol|partido');
const TRIP = pattern(
  "vacation|trip|flight|plane|airport|boarding|vuelo|avion|aeropuerto|travel\\w{0,4}|out of town|for work|moving|move|moved|deploy\\w{0,4}|hospital stay|surgery|rehab|treatment|while i'?m (?:away|gone|in)|this weekend|for the (?:weekend|week|night|day)|until i'?m back|plumber|electrician|contractor|delivery|package|handyman|cleaner|guests?|dog ?sitter|pet ?sitter|house ?sitter|babysit\\w{0,3}|landlord|roommate gets|" +
    'vacaciones|viaje|me mudo|mudanza|fuera de la ciudad|por trabajo|plomero|electricista|paquete|mientras (?:estoy|este) fuera|este fin de semana|cirugia|operacion',
);
const HIGH_INNOCENT = pattern(
  'garden|party|bbq|barbecue|repair\\w{0,3}|fix\\w{0,3}|gutters?|shingles?|leak\\w{0,3}|view|hike|hiking|photos?|pictures?|sunset|sunrise|fireworks|crew|ride|drive|driving|drove|walk\\w{0,3}|traffic|jog\\w{0,3}|bike|picnic|construction|tour|stuck|concert|yoga|painting|christmas lights|antenna|satellite|solar|cat|' +
    'fiesta|carne asada|reparar|arreglar|goteras?|vista|trafico|atorad[oa]|foto|tender la ropa|ropa|antena|tinaco',
);
const DENTAL_IDIOM = pattern('dentist|dental|tooth|teeth|wisdom|floss\\w{0,3}|braces|gums|lip|eating|ate|chewing|sandwich|say|said|saying|argue|comment|respond|reply|talk\\w{0,3}|mouth shut|dentista|muelas?|dientes|encias|comiendo|decir|dije|callarme');
const COFFEE_COLD = pattern('coffee|caffeine|espresso|energy drinks?|cold|freezing|nervous|excited|adrenaline|gym|workout|lifting|parkinson|cafe|frio|nervios|emocion');
const EXERCISE = pattern('gym|workout|lifting|lifted|running|ran|run|sauna|sore|push ?ups|bench|cardio|hike|panic|anxiety|(?:doc|doctor) (?:checked|says|said)|gimnasio|ejercicio|corri|correr|panico|ansiedad|doctora? (?:dijo|dice|me reviso)');
const COLOR_INNOCENT = pattern('lipstick|paint\\w{0,3}|makeup|marker|dye|cold|freez\\w{1,4}|pool|popsicle|ice|snow|slushie|candy|raspberry|costume|halloween|filter|photo|lake|ocean|swim\\w{0,4}|frost\\w{0,3}|avatar|smurf|labial|pintura|maquillaje|paleta|alberca|hielo|disfraz|frio|nieve');
const FOAM_IDIOM = pattern('angry|mad|rage|furious|yell\\w{0,3}|scream\\w{0,3}|about|over the|dog|rabid|beer|latte|cappuccino|soap|toothpaste|coraje|enojad[oa]|cerveza|perro|jabon|pasta de dientes');
const ITCH = pattern('mosquito|bites?|itch\\w{0,3}|eczema|rash|poison ivy|hives|sunburn|oven|stove|cook\\w{0,3}|ironing|pan|grill|picaduras?|comezon|sarpullido|estufa|plancha|comal|horno');
const SOBER = pattern('sober|mocktails?|soda|non.?alcoholic|club soda|ginger ale|seltzer|kombucha|sparkling|coffee|gift|present|for (?:the|my|a) (?:party|dinner|host|wedding|boss|mom|dad|recipe)|cooking|recipe|refresco|agua mineral|sin alcohol|regalo|para (?:la|mi|una) (?:fiesta|cena|boda)|cocinar');
const WORKISH = pattern('it (?:department|guy|team)|help ?desk|left the company|work|job|company|boss|office|reset|changed|manager|new phone|password manager|school|netflix|hulu|disney|spotify|hbo|max|prime|streaming|wi-?fi|router|xbox|playstation|steam|games?|trabajo|empresa|oficina|jefe|escuela|celular nuevo|internet');
/** Chores and jokes: "putting my affairs in order lol, by which I mean my taxes". */
const CHORES = pattern('lol|lmao|jk|haha\\w{0,6}|jaja\\w{0,6}|jeje\\w{0,4}|taxes|tax return|paperwork|filing|closet|garage|inbox|spreadsheet|budget|spring cleaning|declutter\\w{0,3}|impuestos|declaracion|papeleo|limpieza|presupuesto|mudanza|trip|vacation|viaje|vacaciones');
const SPORT = pattern("jiu|bjj|wrestl\\w{1,4}|mma|judo|rear naked|practice|class|match|tournament|game|movie|show|episode|lucha|clase|pelicula");
const FEAR_INNOCENT = pattern('baseball|softball|practice|game|league|team|burglar\\w{0,3}|bears?|coyotes?|raccoons?|beisbol|partido');

const DRUG_WORDS =
  "used again|using again|relapsed|picked up again|took something|taken something|volvi a (?:meterme|consumir|usar|tomar)|se metio algo|se tomo algo|" +
  "xanax|xans?|xannies|bars|benzos?|klonopin|klonnies|valium|ativan|clonazepam|clonas|rivotril|tafil|alprazolam|oxy\\w{0,8}|percs?|percocets?|roxys?|roxies|m30s?|blues|fent\\w{0,6}|heroin|dope|methadone|morphine|tramadol|codeine|lean|ambien|zolpidem|seroquel|trazodone|gabapentin|sleeping pills|sleep meds|" +
  'coke|cocaine|meth|crack|molly|ecstasy|ketamine|adderall|shard|bumps?|a line|lines of|' +
  "vodka|whiskey|tequila|wine|beers?|drinks|drinking|drank|booze|liquor|alcohol|shots|drunk|got high|getting high|after using|been using|was using|after i used|pills|fentanilo|heroina|morfina|chiva|cocaina|perico|coca|cristal|piedra|cerveza|chelas|caguamas?|vino|tragos|copas|pastillas|pisteando|pedo|borrach[oa]|tomad[oa]|drogad[oa]|consum\\w{1,5}|me meti";
const DEPRESSANT_WORDS =
  "xanax|xans?|xannies|bars|benzos?|klonopin|klonnies|valium|ativan|clonazepam|clonas|rivotril|tafil|alprazolam|oxy\\w{0,8}|percs?|percocets?|roxys?|roxies|m30s?|blues|fent\\w{0,6}|heroin|dope|methadone|morphine|tramadol|codeine|lean|ambien|zolpidem|seroquel|trazodone|gabapentin|sleeping pills|sleep meds|fentanilo|heroina|morfina|chiva|" +
  "(?:pills|meds|pastillas) (?:with|and|con|y) (?:\\w{1,10} )?(?:vodka|whiskey|tequila|wine|beers?|drinks|booze|liquor|alcohol|cerveza|chelas|vino|tragos)|(?:vodka|whiskey|tequila|wine|beers?|drinks|booze|liquor|alcohol|cerveza|chelas|vino|tragos) (?:with|and|con|y) (?:\\w{1,10} )?(?:pills|meds|pastillas)|mixed|mezcle|mezclo";
const PERSON = "(?:he|she|they|my (?:\\w{2,12} )?(?:husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|dad|father|stepdad|mom|mother|brother|uncle|son|roommate|neighbor)|(?:the|a|some) (?:guy|man|dude|woman)|someone|somebody)";
const VICTIM = '(?:her|him|me|us|them|(?:my|his|her|their) (?:little )?(?:mom|mother|sister|brother|wife|girlfriend|gf|boyfriend|bf|husband|partner|kids?|son|daughter|baby|dad|grandma))';
const GUN = '(?:gun|pistol|revolver|shotgun|rifle|handgun|glock|pistola|arma|escopeta|revolver|rifle|fusca|cuete|cuetes)';

/** Innocent readings of the signals added after the third blind run (same sentence). */
const FINAL_INNOCENT = pattern('after (?:finals|work|my shift|the shift|exams?|this week|the move|surgery|the semester|the wedding)|vacation|retire\\w{0,4}|graduat\\w{0,4}|nap|bed ?time|weekend|paid off|paycheck|payday|project|deadline|exams?|finals|semester|shift|surgery|sober|clean time|meeting|move|moving|renovation|construction|season|despues del trabajo|vacaciones|examen|examenes|turno|jubil\\w{1,4}|proyecto|mudanza|cirugia|operacion|semestre|obra');
const ACQUIRE_INNOCENT = pattern('hammock|hamaca|patio|porch|swing|tire|camping|tent|climb\\w{0,3}|boat|sail\\w{0,3}|tie.?down|moving|trailer|hunting|hunt|range|skeet|grill|bbq|barbecue|garden|clothesline|dog|leash|tow|class|license|construction|shav\\w{1,3}|rats?|mice|mouse|pests?|roaches|radiator|engine|balloons?|party|birthday|crafts?|gym|jump rope|columpio|campamento|tendedero|ratas|ratones|fiesta|globos|mudanza|caza|asador|carne asada|cumpleanos');
const STASH_INNOCENT = pattern('trip|travel\\w{0,4}|vacation|return|take.?back|disposal|dispose|flush\\w{0,3}|pharmacy|drop.?off|organizer|lock ?box|locked|safe|from (?:my|the) (?:kids|roommate|dog)|so (?:the|my) (?:kids|dog)|viaje|farmacia|devolver|tirar|pastillero|bajo llave|de los ninos');
const COLD_INNOCENT = pattern("outside|weather|snow\\w{0,3}|winter|pool|lake|ocean|river|swim\\w{0,4}|a/?c|air ?condition\\w{0,6}|to me|towards? me|attitude|shoulder|beer|drinks?|pizza|coffee|soup|flu|fever|ice bath|plunge|afuera|clima|invierno|alberca|cerveza|chela|conmigo|gripa|fiebre|nieve");
const MOUTH_INNOCENT = pattern('baby|teeth|teething|dentist|novocaine|asleep|sleeping|nap|food|pizza|dog|puppy|rabid|angry|mad|toothpaste|soap|bebe|dentista|dormid[oa]|siesta|perro|coraje|pasta de dientes|jabon');
const DELIVERY = pattern("package|delivery|ups|fedex|amazon|pizza|mailman|mail|neighbor'?s? kid|kids? (?:playing|were)|wind|storm|raccoon|paquete|repartidor|viento|tormenta|fiesta|party");
const IDIOM_THREAT = pattern('lol|lmao|haha\\w{0,4}|jaja\\w{0,4}|jeje\\w{0,4}|late|curfew|grades|dent\\w{0,3}|if i (?:don\'?t|forget|miss|eat|break|lose)|tarde|calificaciones|si (?:no|llego|se entera|pierdo|rompo|choco)|cuando (?:vea|se entere|sepa)');
/** A trip, a move, amends or a goodbye letter to the substance (cues.ts LEAVING): not a farewell. */
const GOODBYE_INNOCENT = new RegExp(`${TRIP.source}|${LEAVING.source}`, 'g');
const ALONE_INNOCENT = pattern("we'?re (?:going|heading)|i'?m (?:going|heading) (?:to|on)|vamos a|nos vamos|me voy (?:a|de)|party|come (?:over|early|by)|so (?:we|i) can (?:party|watch|play|have|game|study)|game night|movie night|fiesta|vengan|carne asada|para (?:ver|jugar|estudiar)|pizza|movies|series|peliculas|in peace|en paz");
const KIN = '(?:brother|sister|son|daughter|mom|mother|dad|father|friend|roommate|boyfriend|girlfriend|bf|gf|husband|wife|partner|cousin|uncle|aunt|sponsee|sponsor|kid|neighbor|bro|homie|buddy|hermano|hermana|hijo|hija|mama|papa|amigo|amiga|primo|prima|novio|novia|esposo|esposa|pareja|roomie|carnal|carnala|compa|tio|tia|vecino|vecina|ahijad[oa])';
const THIRD = "he|she|they|sponsor|sponsee|friend|brother|sister|mom|dad|son|daughter|husband|wife|boyfriend|girlfriend|cousin|who|everyone|people|padrino|madrina|amigo|amiga|hermano|hermana";
/** A relapse told in the past (the weekend, the wedding) and counted again: "recaí el finde... voy en el día 4". */
const RELAPSE_PAST = pattern('last (?:weekend|week|month|friday|saturday|sunday|night at)|over the weekend|at (?:the|a|my \\w{2,10}\'?s?) (?:wedding|party|reunion|funeral|bbq)|back (?:at|on|to) day (?:[2-9]|\\d\\d)|day (?:[2-9]|\\d\\d) (?:again|today)|el finde|el fin de semana(?! (?:que viene|proximo))|la semana pasada|el (?:sabado|domingo|viernes) pasado|en (?:la|una) (?:boda|fiesta|reunion|carne asada|posada)|(?:voy|ando|estoy) (?:en|por) el dia (?:[2-9]|\\d\\d)');

const S = (id: string, lang: Signal['lang'], kind: Kind, weight: Signal['weight'], need: string, source: string, options: Pick<Signal, 'unless' | 'anyTense' | 'ownNegation' | 'after'> = {}): Signal => ({ id, lang, kind, weight, need: need.split('|'), source, ...options });

export const SIGNALS: Signal[] = [
  // ── Farewells and arrangements ──────────────────────────────────────────────────────────────────────────────
  S('find_me', 'en', 'farewell', 3, 'find|get to|get in to|break', "so (?:they|someone|somebody|you|the (?:police|cops|paramedics)|my \\w{2,12}) (?:can|will|could|won't have to) (?:find|get to|get in to) (?:me|my body)|(?:won't|will not|don't) have to break (?:down |in )?the door|(?:find|found) my body", { anyTense: true, ownNegation: true }),
  S('last_contact', 'en', 'farewell', 3, 'last|final', "(?:this is|this'?ll be|this will be|consider this) my (?:last|final) (?:check.?in|check in|post here|entry|time (?:posting|checking in|writing))|my last check.?in (?:ever|here)", { anyTense: true }),
  S('passwords', 'en', 'farewell', 2, 'password|login|log in|pin|bank|account|code', "(?:gave|giving|handed|given|sent|left|wrote down|texted|emailed|shared) (?:[a-z']{2,12} ){0,5}(?:the |my |all my |all the )?(?:passwords?|logins?|log ?ins?|pins?|pin numbers?|phone pin|passcodes?|bank (?:info|details|accounts?|logins?|pin)|account (?:info|details|logins?)|codes? (?:to|for) my (?:phone|bank|safe|laptop))|(?:passwords?|pins?|logins?|passcodes?) (?:are|is) (?:in|on|written|taped)", { unless: WORKISH }),
  S('in_order', 'en', 'farewell', 2, 'order|taken care|arranged|sorted|need|where i', "(?:everything|my affairs|it all|all my stuff) (?:is |are )?(?:in order|taken care of|arranged|sorted out for (?:you|them|after))|put my affairs in order|(?:won't|will not) need (?:it|them|these|this|my \\w{2,12}) (?:anymore|any ?more|where i'?m going)|where i'?m going", { unless: CHORES }),
  S('give_away', 'en', 'farewell', 1, 'took|dropped|brought|lleve|deje|gave|giving|given|handed|home for|rehom|signed|signing|transferr|name|nombre|traspase|herede', "(?:gave|giving|given|handed|found a (?:new )?home for|rehomed|rehoming) (?:away )?(?:my |all my |the |our )?(?:dog|cat|pets?|puppy|kitten|bird|guitar|car|truck|stuff|things|belongings|clothes|records|books|collection|tools|ring|watch|jewelry|fish|bike)\\w{0,2} (?:to|away)|gave away (?:my|all)|(?:took|dropped|brought) (?:off )?(?:the|my|our) (?:dog|cat|pets?|puppy|kitten|bird|fish)\\w{0,2} (?:[a-z']{1,10} ){0,4}(?:for good|permanently|to live with|to keep)|(?:le |les )?(?:lleve|deje) (?:a )?(?:mi|el|la) (?:perr[oa]|gat[oa]|mascota)\\w{0,2} (?:\\w{1,10} ){0,4}(?:para siempre|para que (?:se )?(?:lo|la) (?:quede|cuide)n?)|(?:signed|signing|transferred|transferring|put) (?:over )?(?:the |my )?(?:car|truck|house|title|deed|savings|401k|accounts?)(?: title| deed| keys)? (?:over )?(?:to|in(?:to)? (?:his|her|their|my \\w{2,12}'?s?) name)|(?:le |les )?(?:pase|puse|traspase|firme) (?:el carro|la troca|la casa|el coche|mis ahorros|la cuenta) a (?:su )?nombre|(?:le |les )?(?:traspase|herede) (?:el|la|mis|mi) \\w{2,12}", { unless: TRIP }),
  S('care_for', 'en', 'farewell', 1, 'care of|after my', "take care of my (?:kids|children|dog|cat|son|daughter|babies|pets?|mom|plants)|(?:look|looking) after my (?:kids|children|dog|cat|son|daughter)", { unless: TRIP }),
  S('door', 'en', 'farewell', 1, 'door', 'left (?:the|my) (?:front |back |apartment )?door (?:unlocked|open)|door (?:is |will be )?(?:unlocked|open) (?:for (?:them|you|whoever)|so)', { unless: TRIP }),
  S('notes', 'en', 'farewell', 1, 'mailed|note|letter|card|envelope', '(?:left|wrote|written|writing|leaving|finished|finishing|mailed|mailing) (?:a |some |the |my )?(?:notes?|letters?|cards?) (?:for|to) (?:my|each|everyone|everybody|the kids|you all|them)|mailed (?:my |each of my |all my )?\\w{2,12} (?:a |some )?(?:letters?|cards?)(?! (?:for (?:her|his|their) birthday|from))|(?:notes?|letters?|envelopes?)(?: (?:for|to) (?:every ?one|everybody|each of (?:you|them)|the kids|my \\w{2,12}|you all|y\'?all|all of you))?(?:\'s| is| are)? (?:already |all |sitting |left |waiting )?(?:on|in|under|inside) (?:the|my) (?:\\w{2,10} )?(?:table|counter|desk|nightstand|drawer|dresser|bed|pillow|glove ?box)', { unless: TRIP }),
  S('goodbyes', 'en', 'farewell', 1, 'goodbye|everything|love you all|wanted|everyone|fault', "(?:said|saying|say) (?:my )?goodbyes?(?! (?:at|to (?:the|my) (?:old|last)))|(?:thank (?:you|u)|thanks|thx) (?:all |so much |guys )?for everything|(?:none of this|it'?s not|it is not|this isn'?t|this is not|it was never|this was never|none of it) (?:was |is )?(?:your|her|his|their) fault|i love you all|just wanted (?:to say|you to know) (?:thank|goodbye|i love)|(?:called|texted) everyone (?:i love|to say)", { unless: TRIP }),
  S('encuentren', 'es', 'farewell', 3, 'encuentren|puedan entrar|hallen|tumbar', 'para que (?:me )?(?:encuentren|puedan entrar|me hallen|no tengan que tumbar la puerta)|encuentren mi cuerpo', { anyTense: true, ownNegation: true }),
  S('ultimo', 'es', 'farewell', 3, 'ultim', '(?:este es|esta es|sera) mi (?:ultimo|ultima) (?:check.?in|registro|mensaje aqui|publicacion|entrada|vez que escribo)', { anyTense: true }),
  S('contrasenas', 'es', 'farewell', 2, 'contrasena|clave|banco|cuentas|nip|pin', '(?:le |les )?(?:di|deje|pase|entregue|anote|mande|comparti) (?:\\w{2,12} ){0,3}(?:mis |todas mis |el |la |los |las )?(?:contrasenas?|claves?|nip|pin|datos del banco|cuentas)|(?:mis )?(?:contrasenas|claves) (?:estan|quedan|las deje) (?:en|con)', { unless: WORKISH }),
  S('en_orden', 'es', 'farewell', 2, 'orden|arreglad|listo|necesitar|a donde voy', '(?:todo|mis cosas|mis asuntos) (?:esta|estan|queda|quedan|quedo|ya esta) (?:en orden|arreglad[oa]s?|listo)|(?:poniendo|puse|pongo|dejando|deje) (?:todos )?(?:mis asuntos|mis cosas|todo|mis papeles) en orden|(?:ya )?no (?:lo|la|los|las) voy a necesitar|a donde voy', { unless: CHORES }),
  S('regale', 'es', 'farewell', 1, 'regale|di |deje|entregue|encargue', '(?:le |les )?(?:regale|di|deje|entregue|encargue) (?:a )?mis? (?:perr[oa]s?|perrit[oa]s?|gat[oa]s?|gatit[oa]s?|mascotas?|guitarra|ropa|cosas|carro|anillo|reloj|libros)|regale (?:todas )?mis cosas', { unless: TRIP }),
  S('cuiden', 'es', 'farewell', 1, 'cuid', 'cuid(?:en|a|es) a mis? (?:hij[oa]s?|ninos|perr[oa]s?|gat[oa]s?|mama)', { unless: TRIP }),
  S('puerta', 'es', 'farewell', 1, 'puerta', 'deje la puerta (?:abierta|sin llave|sin seguro)', { unless: TRIP }),
  S('cartas', 'es', 'farewell', 1, 'nota|carta|sobre', '(?:deje|escribi|dejo) (?:una |unas )?(?:notas?|cartas?) (?:para|a) (?:mis|mi|cada|todos|ustedes)|(?:la|las|mis|unas) (?:notas?|cartas?|sobres?)(?: (?:para|a) (?:todos|cada (?:uno|quien)|ustedes|mis \\w{2,12}|mi \\w{2,12}))? (?:ya )?(?:estan|esta|quedaron|quedo|las deje|la deje) (?:en|sobre|debajo de|dentro de) (?:el|la|mi) (?:cajon|mesa|buro|escritorio|cama|almohada|guantera|comoda)', { unless: TRIP }),
  S('adioses', 'es', 'farewell', 1, 'gracias por todo|los quiero|despedi|culpa|queria|quiero|vengo', '(?:nada de esto|no) (?:fue|es) (?:tu|su) culpa|(?:solo )?(?:queria|quiero|vengo a) (?:decirles|decirte|decirle) adios|gracias por todo|los quiero (?:mucho )?a todos|(?:me despedi|despedirme) de (?:mi|mis|todos)', { unless: TRIP }),
  // ── Height and means ────────────────────────────────────────────────────────────────────────────────────────
  S('high_place', 'en', 'height', 1, 'roof|bridge|overpass|ledge|cliff|top floor|parking|railing|tracks|railroad|dam|tower', "(?:on|at|up on|on top of|top of) (?:the |a |this |my (?:building'?s |apartment'?s )?)?(?:roof|rooftop|bridge|overpass|ledge|cliff|top floor|parking (?:garage|deck|structure)|balcony railing|railing|train tracks|tracks|railroad|dam|tower)(?! (?:party|garden|bar))", { unless: HIGH_INNOCENT }),
  S('alto', 'es', 'height', 1, 'azotea|techo|puente|cornisa|barranco|acantilado|vias|ultimo piso|barandal|presa', '(?:en|arriba de|sobre|encima de) (?:la |el |las |un |una )?(?:azotea|techo|puente|cornisa|barranco|acantilado|vias(?: del tren)?|ultimo piso|barandal|presa)(?! de)', { unless: HIGH_INNOCENT }),
  S('edge', 'en', 'edge', 1, 'looking down|how far|water|one step|one jump|rail|fence|edge|up here|see me|easy', "looking down|how far (?:down|the drop)|(?:the )?water (?:looks|is|seems) (?:so |really |very )?(?:calm|peaceful|cold|dark|inviting)|just one (?:step|jump)|(?:over|climbed over|past|on the other side of) the (?:railing|rail|fence|edge)|(?:so )?(?:high|quiet|peaceful|calm) up here|nobody can see me (?:up )?here|(?:it'?d|it would) be (?:so )?easy", { after: ['height'] }),
  S('orilla', 'es', 'edge', 1, 'abajo|paso|salto|barandal|se ve|esta|se siente|facil', 'mirando (?:hacia |para )?abajo|(?:solo )?un (?:paso|salto)|del otro lado del barandal|(?:se ve|esta|se siente) (?:muy |tan )?(?:alto|alta|tranquil[oa]|calmad[oa])|seria (?:tan |muy )?facil', { after: ['height'] }),
  S('gun_ready', 'en', 'means', 2, 'gun|pistol|revolver|shotgun|rifle|glock|pistola|arma|escopeta|knife|razor|blade|fusca|cuete', `(?:the|my|dad'?s|his|a) ${GUN} (?:is |'s )?(?:loaded|in my (?:lap|hand|mouth)|on (?:the|my) (?:table|bed|lap|nightstand|desk)|next to me|right here|out of the safe)|loaded (?:the|my|a|his|dad'?s|my dad'?s) ${GUN}|(?:holding|got) (?:the|my|a) (?:${GUN}|knife|razor|blade) in my hand`, { unless: HUNTING }),
  S('rope_tied', 'en', 'ingest', 3, 'rope|belt|cord|noose|gun|pistol|revolver|shotgun|rifle|glock|pistola|arma|escopeta|barrel|soga|cuerda|amarre|fusca|cuete', `(?:rope|belt|cord|noose) (?:is |'s )?(?:already |all )?(?:tied|hanging|set up|ready)|tied (?:the|a|my) (?:rope|belt|cord|noose) (?:to|around)|(?:${GUN}|barrel) (?:is )?(?:in my mouth|to my (?:head|temple|chest))|(?:la soga|la cuerda) (?:ya )?(?:esta )?(?:amarrada|atada|colgada|lista)|amarre (?:la|una) (?:soga|cuerda)`, { anyTense: true }),
  S('arma_lista', 'es', 'means', 2, 'pistola|arma|escopeta|revolver|rifle|gun|pistol|shotgun|glock|fusca|cuete', `(?:la|mi|el|su) ${GUN} (?:ya )?(?:esta )?(?:cargada|en mi mano|en la mesa|junto a mi)|cargue (?:la|mi|el) ${GUN}`, { unless: HUNTING }),
  S('cabinet', 'en', 'ingest', 3, 'took|swallowed|ate |downed|had |emptied', "(?:took|swallowed|ate|downed|had) (?:everything|all of (?:it|them)|whatever (?:was|i found|i could find)|every pill) (?:in|from|out of) (?:the|my|mom'?s|dad'?s|my \\w{2,10}'s) (?:medicine )?(?:cabinet|cupboard|drawer|bathroom|pill organizer|purse)|(?:took|swallowed) (?:everything|every pill) i (?:had|could find)|emptied (?:the|my) (?:medicine cabinet|pill (?:bottle|organizer))", { anyTense: true }),
  S('botiquin', 'es', 'ingest', 3, 'tome|trague', '(?:me )?(?:tome|trague) (?:todo|todas|todos|lo) (?:lo )?(?:que )?(?:habia|encontre|tenia)? ?(?:en el|del|de mi) (?:botiquin|cajon|gabinete)|(?:me )?(?:tome|trague) todo lo que (?:habia|encontre|tenia)', { anyTense: true }),
  // ── Passive wishes and thoughts of how (C-SSRS 1 and 3) ─────────────────────────────────────────────────────
  S('woke_up', 'en', 'passive', 2, 'woke|wake|waking|die', "(?:disappointed|sad|upset|annoyed|angry|pissed) (?:that )?i (?:woke|still woke|keep waking|wake) up|(?:wish|wished) i (?:hadn'?t|had not|didn'?t|did not) (?:wake|woken|woke) up|hope i (?:don'?t|never) wake up|go to sleep (?:and|&) (?:not|never) wake up|(?:not|never) wake up again|don'?t (?:care|mind) if i (?:die|don'?t wake up|wake up or not)"),
  S('burden', 'en', 'passive', 2, 'problem|burden|worry|without me|over for good', "(?:won'?t|will not|wont|not going to|not gonna) be (?:anyone'?s|anybody'?s|your|their|everyone'?s) (?:problem|burden|worry)|(?:better|easier|happier) off without me|(?:everyone|everybody|they|my family|my kids|you all)(?: would|'d| will|'ll)? be (?:better|happier|fine) (?:off )?without me|(?:i'?m|i am|being|feel like) (?:just |such )?(?:a|such a) burden (?:to|on) (?:everyone|everybody|my family|them|you|my kids)|tired of being a burden|(?:the world|everyone) (?:would be|is) better without me|(?:want|wish) (?:it|everything) (?:to be|was) over for good"),
  S('ojala', 'es', 'passive', 2, 'ojala|mejor sin mi|carga|estorbo|despert|morirme|me muero', 'ojala (?:ya )?no (?:despertara|despierte|amaneciera|hubiera despertado|volviera a despertar)|(?:estarian|estaria|estarian todos|todos estarian) (?:mucho )?mejor sin mi|(?:soy|ser|siento que soy) (?:una|puro) (?:carga|estorbo)(?! (?:de trabajo|laboral))|ya no (?:voy a )?(?:ser|serle) (?:problema|una carga|un estorbo) (?:para|a) nadie|(?:me decepciona|me da tristeza|me enoja|me choca) (?:haber )?despert(?:ar|ado|e)|(?:dormir|dormirme) y (?:ya )?no despertar|no me importa(?:ria)? (?:si )?(?:morirme|no despertar|me muero)'),
  S('wheel', 'en', 'intrusive', 2, 'wheel|car|off|into|in front of', "(?:think|thinking|thought|keep thinking|imagine|imagining|picture|picturing|fantasiz\\w{1,4}) (?:about |of )?(?:just )?(?:turning|jerking|swerving|steering|driving|yanking) (?:the wheel|my car|the car|off (?:the|a)|into)|(?:swerv|turn|jerk|steer|yank)\\w{0,3} (?:the wheel |my car |the car )?into (?:the |a |that |oncoming )?(?:truck|semi|traffic|tree|wall|pole|barrier|river|lane)|(?:think|thinking|thought) about (?:stepping|walking|jumping) in front of|(?:think|thinking|thought) about (?:driving|going) off (?:the|a) (?:bridge|road|cliff)"),
  S('googled', 'en', 'intrusive', 2, 'googl|search|looked up|looking up|read up|how many|how much', "(?:googled|googling|searched|searching|looked up|looking up|read up on) (?:how many (?:\\w{1,14} ){0,2}(?:pills|tablets|mg|of (?:my|these|his|her|the))|how much (?:\\w{1,14} ){0,2}(?:mg|tylenol|insulin|it takes)|what dose|(?:the )?(?:lethal|fatal|deadly)|how long it takes to (?:die|bleed out|overdose)|how (?:high|tall) (?:a|the) (?:bridge|building|fall)|the height of (?:the|a|that) (?:bridge|building|overpass))|(?:how many|how much) (?:\\w{1,14} ){0,2}(?:would|it would|does it|it takes to|to) (?:kill (?:me|you|a person)|be lethal|be fatal|stop (?:a|my) heart)"),
  S('volantazo', 'es', 'intrusive', 2, 'pense|pienso|pensando|imagino|volantazo|busque|buscando|googlee|investigue|cuant', '(?:pense|pienso|pensando|imagino|me imagino) (?:en )?(?:aventarme|tirarme|echarme|estrellarme|meterme|atravesarme) (?:del|de|al|a|contra|debajo|frente)|(?:dar|darle) (?:el |un )?volantazo|(?:busque|buscando|googlee|investigue) (?:cuant[oa]s (?:\\w{1,14} ){0,2}(?:pastillas|pildoras|tabletas|mg|se necesitan|para morir)|la dosis (?:letal|mortal)|como (?:morir|matarme)|que tan alto es)|cuantas (?:\\w{1,14} )?(?:se necesitan|harian falta|para morir)'),
  // ── Danger told as symptoms ─────────────────────────────────────────────────────────────────────────────────
  S('sleepy', 'en', 'sleepy', 1, 'sleepy|drowsy|awake|eyes open|nodding|falling asleep|passing out|out of it', "(?:getting|feel|feeling|so|really|very|super|too) (?:really |so |super |very )?(?:sleepy|drowsy)|(?:can'?t|cannot|hard to|trying to) (?:stay awake|keep (?:my|his|her) eyes open|keep awake)|keeps? (?:nodding off|falling asleep|passing out)|(?:he|she|they)(?:'s| is| are) (?:so )?out of it", { unless: pattern('prescribed|(?:the|my) doctor (?:said|says|told)|as directed|my (?:usual )?dose|new (?:dose|prescription)|recetad[oa]|el doctor (?:dijo|me dijo)') }),
  S('sueno', 'es', 'sleepy', 1, 'dormid|sueno|despiert|cierran', '(?:me|se) (?:estoy|esta|me|le) (?:quedando|cayendo) dormid[oa]|(?:mucho|tanto|un) sueno (?:muy )?(?:raro|fuerte)|no (?:puedo|puede) (?:mantenerme|mantenerse|estar) despiert[oa]|se (?:me |le )?cierran los ojos', { unless: pattern('prescribed|as directed|recetad[oa]|el doctor (?:dijo|me dijo)|mi dosis') }),
  S('depressant', 'en', 'depressant', 1, 'xan|bars|benzo|klon|valium|ativan|clona|rivotril|tafil|alpraz|oxy|perc|rox|m30|blues|fent|heroin|dope|methadone|morphine|tramadol|codeine|lean|ambien|zolpidem|seroquel|trazodone|gabapentin|sleep|morfina|chiva|mixed|mezcl', DEPRESSANT_WORDS, { after: ['sleepy', 'came_to', 'cardiac'] }),
  S('drug', 'en', 'drug', 1, 'used again|using again|relapsed|picked up|took something|taken something|volvi a|se metio|se tomo|xan|bars|benzo|klon|valium|ativan|clona|rivotril|tafil|alpraz|oxy|perc|rox|m30|blues|fent|heroin|dope|methadone|morphine|tramadol|codeine|lean|ambien|zolpidem|seroquel|trazodone|gabapentin|sleep|morfina|chiva|coke|cocaine|meth|crack|molly|ecstasy|ketamine|adderall|shard|bump|line|vodka|whiskey|tequila|wine|beer|drink|drank|booze|liquor|alcohol|shots|drunk|high|using|used|pills|coca|cristal|piedra|cerveza|chelas|caguama|vino|tragos|copas|pastillas|pisteando|pedo|borrach|tomad|drogad|consum|me meti', DRUG_WORDS, { after: ['came_to', 'cardiac', 'od_sign'] }),
  S('came_to', 'en', 'came_to', 1, 'came to|came around|woke up|blacked|passed out|desperte|amaneci|volvi en mi', "came (?:to|around) (?:and i was |i was |face down )?(?:on|in) (?:the |my )?(?:\\w{2,10} )?(?:floor|ground|tub|shower)|woke up (?:\\w{1,10} ){0,3}on the (?:\\w{2,10} )?(?:floor|ground|tiles?|carpet|pavement|sidewalk|concrete)|(?:blacked|passed) out and (?:woke up|came to)|(?:me )?desperte (?:\\w{1,10} ){0,2}en el (?:piso|suelo)|(?:desperte|amaneci) tirad[oa]|volvi en mi (?:en el|tirad)"),
  S('seizure_sign', 'en', 'seizure', 2, 'jerk|convuls|thrash|tongue|mouth|twitch|jumping|lengua|boca|sacudi|brincaba', "(?<!(?:leg|foot|eye|eyelid|knee) )(?:jerking|convulsing|thrashing)(?! off| around)|(?:bit|bitten|biting) (?:my|his|her) tongue|blood in (?:my|his|her) mouth|(?:body|arms?|legs?|whole body) (?:won'?t stop|keeps?|started|kept|was) (?:jerking|twitching|jumping)|me mordi la lengua|sangre en la boca|se (?:esta |estaba )?(?:sacudiendo|convulsionando)|(?:brazos?|piernas?|cuerpo) (?:se )?(?:sacudia|sacudian|brincaba)", { unless: DENTAL_IDIOM }),
  S('shaking', 'en', 'shaking', 1, 'shak|trembl|tremor|tiembl|tembl', "(?:hands|body|i'?m|i am|been|can'?t stop|keep|so) (?:\\w{1,8} )?(?:shaking|trembling)|the shakes|tremors?|(?:me )?tiemblan (?:las manos|mucho)|estoy temblando|temblores", { unless: COFFEE_COLD }),
  S('withdrawal', 'en', 'withdrawal', 1, 'withdraw|detox|w/d|wd|quit|stopped|ran out|off |cold turkey|day|haven|abstinencia|deje|dias sin|dia|corte', "withdrawals?|off (?:the |my )?(?:benzos?|xanax|xans|klonopin|valium|ativan|bars|booze|alcohol|drinking|bottle)|detox(?:ing)?|w/?d|(?:quit|stopped|ran out of|came off|coming off) (?:my |the )?(?:drinking|xanax|xans|benzos?|klonopin|valium|ativan|bars|the bottle|alcohol|booze)|cold turkey|(?:day|days) (?:\\d{1,2}|two|three|four|one) (?:without|off|no) (?:a drink|drinking|booze|alcohol|benzos|xanax|my klonopin|the bars)|haven'?t (?:had a drink|drunk|drank|had my (?:xanax|benzos|klonopin))|abstinencia|deje (?:de tomar|de beber|el alcohol|el clonazepam|las clonas|el rivotril)|(?:\\d{1,2}|dos|tres|cuatro) dias sin (?:tomar|beber|alcohol|clonas|clonazepam|rivotril)|dias? (?:\\d{1,2}|dos|tres|cuatro|cinco) sin (?:el |la |las |mi |mis )?(?:tomar|beber|alcohol|clonas|clonazepam|rivotril|pastillas|chochos|alprazolam|xanax)|(?:lo |la |las |los )?(?:deje|corte) de golpe", { after: ['seizure', 'shaking', 'came_to'] }),
  S('cardiac', 'en', 'cardiac', 1, 'chest|arm|sweat|drenched|jaw|heart|breath|pecho|sudor|sudando|brazo|respirar|aire', "chest (?:is |feels |got |getting |so |really )*(?:tight|heavy|squeez\\w{0,3}|crushing)|tight(?:ness)? (?:in|across) my chest|(?:pressure|weight) (?:in|on) my chest|(?:left )?arm (?:is |went |feels |going |got |is going |is getting |keeps going |started going )?(?:numb|tingly|tingling|heavy|dead)|heart (?:is |'s |keeps |started )?(?:going (?:crazy|a mile a minute|nuts)|skipping beats|fluttering|beating out of my chest|pounding out of my chest)|(?:hurts|it hurts|hard|painful) to breathe|(?:can'?t|cannot) catch my breath|short of breath|me cuesta respirar|me falta el aire|(?:se me esta|se me) (?:durmiendo|entumiendo|adormeciendo) el brazo|cold sweats?|(?:sweating|drenched) (?:buckets|through|like crazy)|jaw (?:hurts|is tight|pain)|(?:me )?aprieta el pecho|presion en el pecho|sudor frio|sudando frio|se me (?:durmio|entumio|adormecio) el brazo|brazo (?:dormido|entumido)", { unless: EXERCISE }),
  S('blue', 'en', 'blue', 3, 'blue|bluish|gray|grey|purple|ashen|morad|azul|gris', "(?:lips|face|fingertips|fingers|nails|skin) (?:\\w{1,10} ){0,3}(?:blue|bluish|gr[ae]y|greyish|grayish|purple|purplish|ashen)|(?:labios|cara|unas|dedos) (?:\\w{1,10} ){0,3}(?:morad[oa]s?|azul(?:es)?|gris(?:es)?|grisace[oa]s?)", { unless: COLOR_INNOCENT, anyTense: true }),
  S('foam', 'en', 'blue', 3, 'foam|espuma', 'foam(?:ing)? (?:at|from|out of) (?:the|his|her|their) mouth|(?:white )?foam (?:coming )?(?:out of|from) (?:his|her|their|the) mouth|espuma (?:por|en|de) la boca|echando espuma', { unless: FOAM_IDIOM, anyTense: true }),
  S('no_response', 'en', 'no_response', 3, 'respond|react|move|wake|open|shook|shak|splashed|poured|pinched|slapped|rubbed|movi|sacudi|eche agua|heche|pellizque', "(?:won'?t|doesn'?t|didn'?t|isn'?t|not|wouldn'?t) (?:respond|react|move|wake|open (?:his|her|their) eyes)(?:ing)? (?:\\w{1,10} ){0,3}(?:shake|shook|shaking|splash\\w{0,3}|water|pinch\\w{0,3}|slap\\w{0,3}|sternum|rub\\w{0,3}|yell\\w{0,3})|(?:shook|shaking|shake|splashed water on|poured water on|pinched|slapped|rubbed) (?:him|her|them|my \\w{2,12})(?: \\w{1,10}){0,4} (?:and|but) (?:nothing|no response|(?:he|she|they) (?:won'?t|doesn'?t|didn'?t|isn'?t|just))|(?:lo|la|le) (?:movi|sacudi|eche agua|heche agua|pellizque)(?: \\w{1,10}){0,3} y (?:nada|no (?:responde|reacciona|despierta|se mueve))", { anyTense: true }),
  // ── Violence told as the act or the weapon; abuse told as acts ──────────────────────────────────────────────
  S('weapon_out', 'en', 'violence_act', 3, 'gun|pistol|revolver|shotgun|rifle|glock|knife|machete|bat|hammer|axe|pistola|arma|escopeta|fusca|cuete', `${PERSON} (?:just )?(?:got|grabbed|pulled|took|brought|went to get|went for|is holding|has|loaded) (?:out )?(?:the|his|her|a|their|my dad'?s) (?:${GUN}|knife|machete|bat|hammer|axe)(?: out)?(?! (?:from the (?:store|shop)|to (?:cut|carve|open)))`, { unless: pattern(`hunting|season|deer|duck|range|skeet|clean(?:ing)?|gun safe|sell|sold|gun show|cake|kitchen|cook\\w{0,3}|carve|carving|turkey|onions?|steak|baseball|softball|game|practice|league|cricket|batting|garden|yard work|nails?|shelf|tent|fence`) }),
  S('weapon_outside', 'en', 'violence_act', 3, 'with a|with his|with her', "(?:someone|somebody|a (?:guy|man|dude|person|woman)|(?:he|she|my ex)(?:'s| is)?|there'?s (?:a|some) (?:guy|man|dude|person|woman)) (?:is )?(?:outside|at (?:my|the|our) (?:door|window)|in (?:my|the|our) (?:yard|hallway|driveway|parking lot))(?: \\w{1,10}){0,3} with (?:a|his|her) (?:knife|gun|bat|machete|pistol|rifle|shotgun)(?! (?:sharpener|show|safe|case))|(?:someone|somebody|a (?:guy|man|dude|person|woman)|(?:he|she|my ex)(?:'s| is)?) with (?:a|his|her) (?:knife|gun|bat|machete|pistol|rifle) (?:is )?(?:outside|at (?:my|the|our) (?:door|window)|in (?:my|the|our) (?:yard|hallway|building|driveway)|trying to get in|banging)"),
  S('weapon_drawn', 'en', 'violence_act', 3, 'gun|pistol|revolver|shotgun|rifle|handgun|glock|pistola|arma|escopeta|fusca|cuete', `(?:got|pulled|grabbed|took|brought|has|had) (?:the|his|her|their|a|my dad'?s|dad'?s) ${GUN} out(?! (?:of (?:the|his|her|my) (?:safe|case|closet) (?:to|for) (?:clean|sell|show)|to (?:clean|sell|show|the range)))|(?:saco|saca|sacaba) (?:la|el|su|una|un) ${GUN}(?! (?:para (?:limpiarla|limpiarlo|venderla|venderlo)|de (?:la|su) caja para))`, { unless: HUNTING }),
  S('strangling', 'en', 'violence_act', 3, 'strangl|choking', `(?:strangling|choking) ${VICTIM}(?! (?:up|on|with|out with|back|down))`, { unless: SPORT }),
  S('saco_arma', 'es', 'violence_act', 3, 'saco|agarro|trae|tiene|fue por|cargo|alguien con|ahorcando|estrangulando|asfixiando|fusca|cuete', `(?:saco|agarro|trae|tiene|fue por|cargo) (?:la|el|su|una|un) (?:${GUN}|cuchillo|machete|bate)(?! (?:para (?:cortar|partir|pelar)|de juguete|registrada))|alguien con (?:un|una) (?:cuchillo|pistola|machete|arma) (?:afuera|en la puerta|en el patio)|(?:la|lo|me) (?:esta )?(?:ahorcando|estrangulando|asfixiando)`, { unless: pattern('caza|temporada|venado|limpi\\w{1,4}|pastel|cocina|beisbol|partido|vender|vendio|lucha|clase') }),
  S('bat_by_door', 'en', 'weapon_kept', 2, 'bat|knife|gun|hammer|machete|pistol|bate|cuchillo', '(?:keep|keeps|keeping|sleep with|sleeping with|put|got|have) (?:a |my |the |his )?(?:bat|knife|gun|hammer|machete|pistol) (?:by|next to|under|behind) (?:the|my|our) (?:door|bed|pillow)|(?:bat|knife|gun|machete) (?:is )?(?:by|next to|behind) the door|(?:un|el|mi) (?:bate|cuchillo|machete) (?:junto a|detras de|al lado de|debajo de) (?:la puerta|la cama|mi almohada)', { unless: FEAR_INNOCENT }),
  S('hits_me', 'en', 'abuse_act', 2, 'hits|slaps|punches|kicks|chokes|beats|shoves|smacks|pega|golpea|cachetea|patea|ahorca|empuja', "(?:and|then|after that) (?:he |she |they )?(?:hits|slaps|punches|kicks|chokes|beats|shoves|smacks) (?:me|us|my (?:mom|kids|sister|brother))(?! (?:up|that|how|hard emotionally|in the feels))|(?:y|luego|despues) (?:me|nos) (?:pega|golpea|cachetea|patea|ahorca|empuja)"),
  S('night_room', 'en', 'abuse_act', 2, 'my room|my bed|mi cuarto|mi cama|mi recamara', "(?:comes?|came|coming|sneaks?|snuck|sneaking|gets?|getting|walks?|walking) (?:in ?to|into|in) my (?:room|bed|bedroom) (?:\\w{1,10} ){0,3}(?:at night|when (?:he'?s|she'?s|he is|she is|he'?s been|they'?re) (?:drunk|high|drinking)|drunk|while i'?m (?:asleep|sleeping))|(?:entra|se mete|se metia|entraba) (?:a|en) mi (?:cuarto|cama|recamara) (?:\\w{1,10} ){0,3}(?:en la noche|de noche|en las noches|cuando (?:esta|viene|llega) (?:borracho|tomado|pedo|drogado))", { unless: pattern('say goodnight|tuck|check on|kiss|read|pray|buenas noches|arropar|rezar') }),
  S('kill_if_leave', 'en', 'abuse_act', 2, 'if i| si ', "(?:threatens?|threatened|threatening|says|said|swears|swore) (?:\\w{1,10} )?(?:(?:he'?ll|she'?ll|he will|she will|he would|she would|he'?d|she'?d|to) )?(?:kill|hurt|find) (?:me|us|himself|herself)(?: \\w{1,10}){0,2} if i (?:leave|go|tell|call|try)|me (?:amenaza|amenazo|dice|dijo|jura) (?:con matarme|que me mata|que me va a matar|que me encuentra)(?: \\w{1,10}){0,2} si (?:lo|la|le|me|lo) ?(?:dejo|denuncio|digo|voy|dejara)"),
  S('choked_before', 'en', 'abuse_act', 2, 'choked|strangled|ahorcado|estrangulado|ahorco|estrangulo', "(?:has |he'?s |she'?s |he has |she has )?(?:choked|strangled) me (?:before|once|twice|a few times|until|till|so hard)|me ha (?:ahorcado|estrangulado)|ya me (?:ahorco|estrangulo|ahorcado) (?:antes|una vez)", { anyTense: true }),
  S('scratch_bleed', 'en', 'self_harm_act', 2, 'bleed|bled|cigarette|lighter|smoke|cigarro|encendedor|cerillo|sangr|cabeza contra|unas', "(?:scratch|scratching|scratched|pick|picking|picked|dig|digging|dug|carve|carving|carved|rub|rubbing) (?:at )?(?:into )?(?:my )?(?:\\w{1,10} )?(?:arms?|wrists?|legs?|skin|thighs?|stomach)(?: \\w{1,10}){0,3} (?:till|until|til|so) (?:they|it|i) (?:bleed|bled|bleeds|start bleeding)|(?:burn|burned|burning) (?:myself|my \\w{2,10}) with (?:a |my |the )?(?:cigarettes?|lighters?|smokes?)|(?:me )?(?:quemo|queme|quemando|quemandome) (?:\\w{1,10} ){0,2}con (?:el|un|los|mis) (?:cigarros?|encendedor|cerillos?)|me (?:rasguno|rasgue|rasco|rasque) (?:\\w{1,10} ){0,2}hasta (?:sangrar|que sangr\\w{1,4})|(?:me )?(?:pego|pegue|golpeo|azoto) (?:en )?la cabeza contra (?:la pared|el piso)|me (?:encajo|entierro|clavo) las unas", { unless: ITCH }),
  // ── Relapse told as a scene ─────────────────────────────────────────────────────────────────────────────────
  S('bought', 'en', 'relapse', 1, 'bought|copped|scored|got|picked up|grabbed|compre|consegui|agarre|pille', "(?:bought|copped|scored|got|picked up|grabbed) (?:a |some |an |the |two |my )?(?:bag|baggie|bundle|gram|point|eight ball|bottle|fifth|handle|pint|six pack|12 pack|case|bars|pills|blues|fent|dope|coke|crack|meth|shard|molly)(?: \\w{1,10}){0,3} (?:an hour ago|hours? ago|earlier|today|tonight|this morning|just now|on the way home)|(?:compre|consegui|agarre|pille) (?:una |un |la |el |unas |unos )?(?:botella|pomo|bolsa|bolsita|grapa|gramo|caguamas?|six|cervezas|perico|cristal|coca|piedra|chochos|pastillas)", { unless: SOBER }),
  S('on_table', 'en', 'relapse', 1, 'table|counter|nightstand|desk|lap|pocket|car|dashboard|seat|front of me|mesa|buro|enfrente', "(?:it'?s|the bag|the bottle|the baggie|the gram|the pills|bag is|bottle is|it is) (?:just )?(?:right )?(?:sitting )?(?:on|in) (?:the|my) (?:table|counter|nightstand|desk|lap|pocket|car|dashboard|passenger seat)|(?:sitting )?(?:right )?in front of me|(?:esta|la tengo|lo tengo|la botella esta|la bolsa esta) (?:aqui )?(?:en|sobre) (?:la mesa|el buro)|enfrente de mi", { unless: SOBER, after: ['relapse'] }),
  S('using_now', 'en', 'relapse', 2, 'already|bump|line|ya |van |cantina|bar|antro|pisteada|liquor store|dealer', "already (?:did|had|took|done|drank|snorted|smoked) (?:a |one |two |three |four |half |some |the first |a couple )?(?:bump|line|hit|shot|drink|beer|of (?:it|the bottle)|pills?|bars?)s?|(?:did|took|had|doing) (?:a |another |my first )?(?:bump|line of coke|fat line)|ya (?:me )?(?:tome|bebi|meti|fume|me meti) (?:la mitad|media botella|medio pomo|(?:una|dos|tres|cuatro|\\d) (?:tequilas|cervezas|chelas|tragos|copas|shots|lineas|rayas))|ya van (?:\\d{1,2}|dos|tres|cuatro|cinco|seis) (?:tequilas|cervezas|chelas|tragos|copas|shots|vasos|caguamas|lineas|rayas)|(?:estoy|ando|sigo) (?:ahorita |ahora )?en (?:la cantina|el bar|el antro|la pisteada)|(?:i'?m|sitting|standing) (?:at|in) (?:the|a) (?:bar|liquor store|dealer'?s (?:house|place))(?: \\w{1,10}){0,2} (?:right now|rn|as we speak)", { unless: SOBER }),
  // ── Added after the third blind run: classes of expression, each in both languages ──────────────────────────
  // Farewells told as logistics: messages queued to send later, "by the time anyone reads them".
  S('scheduled', 'en', 'farewell', 1, 'schedul|queued|timed|set up|programe|programad|agende', "(?:scheduled|queued|timed|set up|programmed) (?:the |an? |my |some |a few |all the |all my )?(?:e-?mails?|texts?|messages?|posts?|tweets?|letters?) (?:to (?:send|go out|post|be sent|auto.?send)|for (?:tomorrow|the morning|later|after))|(?:programe|deje programad[oa]s?|agende) (?:los |unos |mis |el |un |las )?(?:correos?|mails?|mensajes?|publicaciones?|posts?|cartas?)", { unless: WORKISH }),
  S('read_after', 'en', 'farewell', 2, 'by the time|para cuando|cuando lean|cuando leas', "by the time (?:you|anyone|someone|somebody|they|people|u|y'?all|my \\w{2,12}) (?:reads?|sees?|gets?|finds?|opens?|hears?) (?:this|these|them|it|my (?:\\w{1,12} )?(?:message|note|letter|email|text|post)s?)|(?:para )?cuando (?:lean|leas|vean|veas|abran|reciban|encuentren) (?:esto|estos|estas|este|los correos|las cartas|mis (?:mensajes|cartas|correos))", { anyTense: true, unless: TRIP }),
  // A goodbye message received or posted: "texted me 'goodbye'", "posted 'love you all, sorry for everything'".
  S('goodbye_msg', 'en', 'farewell', 2, 'texted|sent|messaged|posted|wrote|dm|mando|escribio|puso|publico|mensaje', "(?:texted|sent|messaged|posted|wrote|dm'?d|dmed)(?: me| us| everyone| the group| her \\w{2,12}| his \\w{2,12}| on \\w{2,12})?(?: a| this)?(?: message)?(?: saying)? '?(?:goodbye|bye forever|farewell|love you all|i love you all|sorry for everything|forgive me)|(?:me|nos|les) (?:mando|escribio|puso|publico|dejo)(?: un mensaje| en \\w{2,12})?(?: diciendo)? '?(?:adios|gracias por todo|perdon por todo|los quiero (?:a todos|mucho)|perdonenme)", { unless: GOODBYE_INNOCENT }),
  // Finality: the end named as relief. Nothing alone ("finally get to rest after finals"); decisive beside a
  // farewell, means or an opportunity.
  S('finality', 'en', 'finality', 1, "finally|it'll|itll|it will|it's gonna|its gonna|it is going|this will|everything will|it all will|all of this|all this will|won|will not|the pain|tonight|tomorrow|my last|por fin|al fin|ya |pronto|todo se|se va|se acaba|se termina|matter|importar|mi ultim", "(?:i'?ll |i will |i can |i get to |gonna |going to )?finally (?:get to )?(?:rest|be at peace|be free|be at rest|sleep for good|stop hurting|have peace|be with (?:my|him|her))|(?:it'?ll|it will|it'?s gonna|it is going to|this will|everything will|it all will|all of this will|all this will) (?:all )?(?:already )?(?:be )?(?:over|done|finished|ended)(?: (?:soon|by then|for good|tonight|tomorrow|with))?|(?:won'?t|will not) (?:have to )?(?:hurt|suffer|feel (?:this|anything|like this))(?: (?:anymore|any more|much longer|ever again))|the pain (?:will|'ll) (?:finally )?(?:stop|end|be over)|(?:soon |after tonight )?(?:none of (?:it|this)|nothing) (?:will|is going to|'s gonna) matter (?:soon|anymore|after tonight|by tomorrow)|(?:soon )?(?:none of (?:it|this)|nothing) will matter|(?:pronto )?ya nada (?:de esto )?va a importar|(?:tonight|tomorrow) (?:it )?(?:all )?ends|my last (?:night|day|sunrise)(?! (?:in|at|of|before|on))|(?:por fin|al fin|ya) (?:voy a |puedo |podre )?(?:descanso|descansar|descansare|estar en paz|tener paz|dejar de sufrir|ser libre)|(?:ya |pronto )?(?:todo )?se (?:va a )?(?:acaba|acabar|termina|terminar) (?:todo|el dolor|esto)|ya no (?:va a|me va a|voy a) (?:doler|sufrir|sentir esto)|mi ultim[oa] (?:noche|dia)(?! (?:en|de|antes))", { unless: FINAL_INNOCENT }),
  // An opportunity: alone, the house empty, nobody to stop it. Read only beside means, farewells or a suicide rule.
  S('alone', 'en', 'alone', 1, 'house|place|apartment|apt|nobody|no one|noone|kids|children|wife|husband|partner|roommate|family|girlfriend|boyfriend|parents|alone|casa|depa|departamento|nadie|ninos|hijos|chamacos|esposo|esposa|familia|papas|voy a estar|me quedo|estare', "(?:the )?(?:house|place|apartment|apt)(?: will be|'ll be| is gonna be| is going to be| is)? (?:so |all |totally )?(?:quiet|empty|all mine|to myself)(?: (?:all|this|tonight|till|until|for))?|(?:have|got|'ll have|will have|i'?ll have) the (?:house|place|apartment|apt) to myself|(?:nobody|no one|noone|no-one)(?:'s| is| will be|'ll be| gonna be) (?:home|here|around|coming)(?! (?:to (?:help|talk)|for me))|nobody (?:to|will|can|could) stop me|(?:the kids|kids|children|my (?:kids|children|wife|husband|partner|roommate|family|girlfriend|boyfriend|parents))(?:'re| are| is|'s)? (?:at|with|going to|gone to|staying (?:at|with)|away at|away with) (?:their|his|her|my|the) (?:dad'?s?|mom'?s?|grandma'?s?|grandparents'?|father'?s?|mother'?s?|sister'?s?|aunt'?s?|in.?laws)(?: (?:place|house))?(?: (?:till|until|for|all|this|tonight)\\w{0,8})?|(?:i'?ll|i will|i'?m gonna|i'?m going to) be (?:all )?(?:alone|by myself) (?:all weekend|tonight|this weekend|for the weekend|all night|for (?:a|the) (?:few days|week))|(?:la casa|el depa|el departamento|el cuarto) (?:va a estar|estara|esta|se va a quedar|se queda) (?:sola|vacia|solo|vacio|en silencio)|(?:nadie|no hay nadie) (?:va a estar|estara|esta|en la casa|en casa)|(?:los ninos|mis hijos|los chamacos|mi espos[oa]|mi familia|mis papas)(?: se)? (?:se van|se fueron|van a estar|estan|se quedan|se va|se fue) (?:con|en casa de|donde) (?:su|sus|mi|la|el) \\w{2,12}|(?:voy a estar|me quedo|estare) (?:sol[oa]|solit[oa]) (?:todo el fin|este fin|esta noche|el fin de semana|toda la semana|toda la noche)|nadie (?:me va a|me puede|va a poder) (?:detener|parar)", { after: ['acquired', 'means', 'ingest', 'farewell', 'finality', 'suicidal'], unless: ALONE_INNOCENT }),
  // Means acquired: the errand told plainly. Urgent alone (the rules already hold "I bought a rope" urgent).
  S('acquired', 'en', 'acquired', 2, 'rope|noose|cord|charcoal|helium|blade|razor|poison|antifreeze|bullets|ammo|shells|gun|pistol|revolver|shotgun|rifle|glock|soga|cuerda|lazo|mecate|carbon|navaja|cuchilla|hojas de afeitar|veneno|raticida|anticongelante|balas|pistola|arma|escopeta|fusca|cuete', `(?:picked up|bought|buying|got|getting|grabbed|ordered|purchased|borrowed|stole|went and got|got my hands on|got ahold of|got a hold of|tracked down|found|(?:spent|blew|went|dropped) (?:\\w{1,10} ){0,3}on) (?:a |an |some |the |more |new |a new |a bag of |a box of |two |my (?:\\w{2,10}'?s? )?|his |her |\\w{2,10}'s )?(?:rope|noose|cord|charcoal|helium(?: tank)?|razor blades|blades|rat poison|antifreeze|${GUN}|ammo|bullets|shells)(?! (?:for|para) (?:the|a|my|our) )(?! (?:out|swing|ladder|course|range|lights?|toy|case|license|class|safe|lock|tow|leash|for (?:the|my) (?:tent|boat|dog|tire|swing|yard|grill|garden|truck)))|(?:compre|consegui|agarre|traje|fui por|pase por) (?:una |un |la |el |unas |unos |mas )?(?:soga|cuerda|lazo|mecate|carbon|navajas|hojas de afeitar|cuchillas|veneno|raticida|anticongelante|balas|pistola|fusca|cuete|escopeta)(?! para (?:el|la|los|las|mi|mis|un|una|unos|unas|nuestr[oa]s?) )`, { unless: ACQUIRE_INNOCENT }),
  S('stash', 'en', 'means', 2, "away|aside|back|squirrel|stash|hiding|hid|hoard|stockpil|saving up|saved up|guardando|juntando|ahorrando|escondiendo|apartando|acumulando|escondi|junte|acumule", "(?:(?:tucking|tucked|putting|put|setting|set|keeping|kept|holding|held) (?:away|aside|back)|squirrel(?:ing|ed)? away|stash(?:ing|ed)?|hiding|hid|hoard(?:ing|ed)?|stockpil(?:ing|ed)|saving up|saved up) (?:a (?:couple|few) (?:of )?|one or two (?:of )?|(?:one|two|half|some) (?:of )?|extra |a few extra |all )?(?:my |the |his |her |mom'?s |dad'?s |my \\w{2,10}'?s )?(?:\\w{2,10} )?(?:pills|meds|tablets|xans|bars|oxys?|percs|painkillers|pain pills|sleeping pills|benzos|klonopin|seroquel|tramadol|ambien|tylenol)|(?:guardando|juntando|ahorrando|escondiendo|apartando|acumulando|escondi|junte|acumule) (?:\\w{2,10} ){0,2}(?:mis |las |sus |unas |unas cuantas )?(?:pastillas|pastis|medicinas|pildoras|tabletas|clonas|chochos|clonazepam|tramadol|somniferos)", { unless: STASH_INNOCENT }),
  // Someone who said goodbye and now cannot be reached.
  S('unreachable', 'en', 'unreachable', 1, 'pick up|picking up|answer|respond|repl|reading|voicemail|phone|on read|contesta|responde|buzon|apagado|en visto', "(?:not|isn'?t|won'?t|doesn'?t|didn'?t|stopped|quit) (?:picking up|pick up|answering|answer|responding|replying|reply|reading)(?: (?:her|his|their|my|the) (?:phone|texts?|calls?|messages?))?|(?:goes|going|went) (?:straight |right )?to voicemail|(?:her|his|their) phone (?:is |'s )?(?:off|dead|going straight)|left (?:me )?on read|(?:ya )?no (?:me )?(?:contesta|responde)|(?:me )?manda (?:a|al) buzon|(?:tiene|trae) (?:el|su) (?:cel|celular|telefono) apagado|me dejo en visto", { ownNegation: true, anyTense: true }),
  // An unresponsive person told as what one sees: found down, cold, grey, frothing, snoring. Each alone is weak;
  // together, or beside a drug, they are an overdose.
  S('found_down', 'en', 'od_sign', 2, 'found|encontr|hallamos', `found (?:him|her|them|my (?:\\w{2,10} )?${KIN}) (?:\\w{1,10} ){0,2}(?:on the (?:\\w{2,10} )?(?:floor|ground)|passed out|slumped|face ?down|unconscious|not moving|unresponsive|in the (?:tub|bathroom) (?:not|and))|(?:lo|la) (?:encontre|encontramos|hallamos) (?:\\w{1,10} ){0,2}(?:tirad[oa]|desmayad[oa]|inconsciente|en el (?:piso|suelo))|encontre a (?:mi |su )?(?:\\w{2,10} )?${KIN} (?:\\w{1,10} ){0,1}(?:tirad[oa]|desmayad[oa]|inconsciente|en el (?:piso|suelo))` ),
  S('body_cold', 'en', 'od_sign', 1, 'cold|clammy|freezing|stiff|helad|frio|fria|ties', "(?:he|she|they|hes|shes|he'?s|she'?s|they'?re|his (?:body|skin|hands)|her (?:body|skin|hands))(?: is| are| feels?| felt| was)? (?:so |really |like |all )?(?:ice cold|cold and (?:clammy|stiff|pale|sweaty|grey|gray)|clammy|freezing cold|cold as ice|cold to the touch)|(?:esta|se siente|se sentia|estaba) (?:bien |muy |todo |toda )?(?:helad[oa]|fri[oa] y (?:palid[oa]|sudad[oa]|tiese?))", { unless: COLD_INNOCENT }),
  S('pale', 'en', 'od_sign', 1, 'gray|grey|ashen|ashy|pale|pasty|white as|grisace|palid|cenizo|cenicient|blanc', "(?:he|she|they|hes|shes|he'?s|she'?s|they'?re|his (?:face|skin|lips)|her (?:face|skin|lips))(?: is| are| looks?| looked| was| went| turned| turning| going| getting)? (?:\\w{1,10} ){0,2}(?:gr[ae]yish|gr[ae]y|ashen|ashy|pale|pasty|white as a (?:sheet|ghost))|(?:kind of|kinda|sort of|all|looks?|looking|turning|turned|gone|went) (?:\\w{1,6} )?(?:gr[ae]yish|ashen)|(?:esta|se puso|se ve|se esta poniendo|quedo|medio|bien|toda?) (?:\\w{1,10} )?(?:grisace[oa]|palid[oa]|cenizo|cenicient[oa])|blanc[oa] como (?:papel|la pared|un fantasma)", { unless: COLOR_INNOCENT }),
  S('mouth', 'en', 'od_sign', 2, 'spit|saliva|drool|froth|bubbl|vomit|puke|foam|choking on|espuma|baba|burbuja', "(?:spit|saliva|drool|froth|bubbles?|vomit|puke|foam)(?:ing)? (?:\\w{1,10} ){0,1}(?:at|from|out of|coming out of|around) (?:his|her|their|the) (?:mouth|lips|nose)|(?:bubbling|frothing|drooling|foaming) (?:at|from) (?:his|her|their|the) mouth|choking on (?:his|her|their) (?:own )?(?:vomit|puke|spit)|(?:le|les) (?:sale|salia|esta saliendo) (?:\\w{1,10} ){0,2}(?:espuma|baba|saliva|vomito|burbujas) (?:de|por) la boca|(?:con|echando) (?:baba|vomito|burbujas) (?:en|por) la boca", { unless: MOUTH_INNOCENT }),
  S('snore', 'en', 'od_sign', 2, 'snor|gurgl|rattl|ronca|ronquid|gargaras', "(?:weird|strange|funny|deep|gurgly|gurgling|rattly|rattling|wet|choking) (?:\\w{1,10} )?(?:snor\\w{0,4}|gurgl\\w{0,4}|rattl\\w{0,4})|(?:ronca|roncando|ronquidos?) (?:\\w{1,6} )?(?:raro|feo|extrano|como ahogado)|(?:hace|esta haciendo) ruidos? (?:raros? )?(?:de|como) gargaras", { unless: pattern('baby|bebe|dog|perro|cat|gato|every night|all night|always|siempre|todas las noches|cold|flu|gripa|resfriado|allergies|alergia') }),
  S('limp', 'en', 'od_sign', 1, 'limp|floppy|rag doll|aguad|flojit|pupil', "(?:he|she|they|hes|shes|he'?s|she'?s|his body|her body)(?: is| are| went| was| goes| feels)? (?:all |totally |completely )?(?:limp|floppy|like a rag doll)|(?:pupils|eyes) (?:are |look )?(?:tiny|pinned|pinpoint|like pinpoints)|(?:esta|se puso|quedo) (?:bien |toda? )?(?:aguad[oa]|flojit[oa])|pupilas (?:chiquitas|como punta de alfiler)", { unless: pattern('noodle|tired|lettuce|handshake|wrist|sleepy baby|nap|cansad[oa]|lechuga') }),
  S('od_kit', 'en', 'drug', 1, 'narcan|naloxon|needle|rig|syringe|jeringa|aguja', 'narcan|naloxone|naloxona|needle|needles|rig|syringe|jeringas?|agujas?', { after: ['od_sign'], ownNegation: true, anyTense: true }),
  // Violence about to happen, told as the scene: someone at the door, a threat in reported speech, hiding.
  S('intruder', 'en', 'intruder', 1, 'outside|door|window|porch|break|kick|get in|afuera|puerta|ventana|meter', "(?:outside|on the porch|at (?:my|the|our) (?:door|window))(?: \\w{1,10}){0,2} (?:banging|pounding|kicking|pushing|yelling|screaming|trying to (?:get|break) in)|(?:banging|pounding|kicking|beating|punching) (?:on |at |in )?(?:the|my|our) (?:front |back |bedroom |bathroom )?(?:door|window)s?|trying to (?:break|kick|get) (?:in|the door (?:in|down))|(?:esta|anda|sigue) afuera (?:\\w{1,10} ){0,2}(?:pateando|golpeando|gritando|aporreando)|(?:pateando|golpeando|aporreando|tumbando) (?:la|mi) (?:puerta|ventana)|quiere (?:tumbar|romper) la puerta|se (?:quiere|esta queriendo) meter", { unless: DELIVERY, anyTense: true }),
  S('hiding', 'en', 'hiding', 1, 'hiding|hid|hide|locked|barricad|closet|bathroom|escondid|encerrad|encerre|escondi|encerramos|escondimos', "(?:hiding|hid|locked (?:myself|us|me)|barricaded (?:myself|us)|we'?re locked|i'?m locked) (?:\\w{1,10} ){0,2}(?:in|inside) (?:the|my|a|our) (?:closet|bathroom|bedroom|room|basement|car|attic|laundry room)|(?:i'?m|im|we'?re|were) (?:in|inside) the (?:closet|bathroom|basement|attic) with (?:the|my) (?:baby|kids?|children|son|daughter|little \\w{2,10})|hiding from (?:him|her|them|my (?:\\w{2,10} )?(?:dad|father|stepdad|husband|boyfriend|ex|partner|mom|brother|uncle))|(?:escondid[oa]s?|encerrad[oa]s?|me encerre|me escondi|nos encerramos|nos escondimos) (?:\\w{1,10} ){0,1}(?:en|dentro del?) (?:el |la |mi )?(?:bano|closet|cuarto|recamara|ropero|sotano)", { unless: pattern('lol|lmao|haha\\w{0,4}|jaja\\w{0,4}|hide and seek|escondidas|party|fiesta|cry|crying|llorar|llorando|calls?|llamada|zoom|meeting|junta|my kids|mis hijos (?:lol|jaja)') }),
  S('kill_threat', 'en', 'kill_threat', 1, "say|said|yell|scream|swear|swore|texted|threat|keeps saying|dice|dijo|grita|jura|juro|amenaz", "(?:says?|said|saying|yelling|screaming|swears?|swore|texted|threatening|threatened|keeps saying)(?: that)? (?:\\w{1,10} ){0,3}(?:(?:he'?ll|she'?ll|he'?s gonna|she'?s gonna|he is going to|she is going to|he will|she will|gonna|going to) )?(?:finish what (?:he|she) started|finish (?:me|us|the job)|kill (?:me|us|her|him|the kids|everyone)|end me|(?:i'?m|we'?re) dead)|(?:dice|dijo|grita|gritando|jura|juro|amenaza|amenazo)(?: que)? (?:\\w{1,10} ){0,3}(?:me|nos|la|lo) (?:mata|matara|va a matar|van a matar|acaba|va a acabar|va a terminar lo que empezo)(?! de)", { unless: IDIOM_THREAT }),
  // Violence planned against someone: a weapon carried ready, knowing where they will be, "he'll pay".
  S('armed', 'en', 'armed', 1, 'gun|pistol|revolver|shotgun|rifle|glock|knife|machete|blade|pistola|arma|escopeta|fusca|cuete|cuchillo|navaja', `(?:got|have|grabbed|brought|bringing|took|packed|keeping|carrying|loaded|put) (?:my |a |the |his |her |\\w{2,12}'?s |my \\w{2,12}'?s? )?(?:${GUN}|knife|machete|blade)(?: \\w{1,10}){0,2} (?:in (?:the|my) (?:glove ?box|car|truck|pocket|waistband|jacket|hoodie|bag|backpack|trunk|console)|on me|loaded|ready)|(?:traigo|tengo|llevo|cargo|cargue|agarre|ya traigo) (?:la|el|mi|una|un) (?:${GUN}|cuchillo|navaja|machete)(?: \\w{1,10}){0,1} (?:cargad[oa]|en la guantera|en el carro|en la troca|en la bolsa|en la mochila|conmigo|list[oa]|en la cintura|fajad[oa])`, { unless: HUNTING }),
  S('stalk', 'en', 'stalk', 1, 'i know|se donde|se a que|se cuando|ya se', "i know (?:exactly )?(?:where|when|what time) (?:he|she|they|that \\w{2,10}|the \\w{2,10}|my \\w{2,10}) (?:parks|lives|works|gets off|leaves|gets out|goes|sleeps|will be|is gonna be|drinks|hangs out)|(?:ya )?se (?:donde|a que hora|cuando) (?:vive|sale|trabaja|llega|se estaciona|va a estar|se junta|toma)(?: ese| esa| el| la| mi)?"),
  S('revenge', 'en', 'revenge', 1, "pay|never touch|never hurt|not touch|not hurt|never going near|not going near|never laying|not laying|after tonight|by tonight|lesson|paga|pagar|merecido|ver conmigo|se muere", "(?:he'?s|she'?s|he is|she is|they'?re|they are|he|she|they) (?:gonna|going to|will) pay|(?:he'?ll|she'?ll|they'?ll) pay|(?:never|not) (?:touching|touch|hurting|hurt|going near|laying a hand on) (?:my \\w{2,12}|her|him|anyone|us) again|(?:after|by) tonight (?:he|she|they)(?:'s| is| are|'ll| will| won'?t)|teach (?:him|her|them) a lesson|(?:me la|me las) (?:paga|pagas|va a pagar|van a pagar|vas a pagar)|hoy (?:se muere|se las ve conmigo)|(?:le voy a|le vamos a) dar (?:su merecido|una leccion)|se las va a ver conmigo", { ownNegation: true }),
  // Passive wishes and thoughts of death in more words (C-SSRS 1).
  S('hope_not_wake', 'en', 'passive', 2, 'hope|hoping|pray|wish|if i|wouldn|despierto|despertara|amanezco|amaneciera|molestaria', "(?:hope|hoping|pray|praying) (?:that )?i (?:just |simply |really )?(?:don'?t|do not|won'?t|will not|never|wouldn'?t|didn'?t) (?:ever )?wake up|if i (?:[a-z']{1,10} ){0,5}(?:didn'?t|don'?t|never|did not|do not) wake up,? (?:\\w{1,10} ){0,5}(?:so be it|oh well|whatever|fine by me|i'?d be (?:ok|okay|fine|relieved)|i wouldn'?t (?:mind|care)|that'?d be (?:ok|okay|fine|nice))|wouldn'?t (?:mind|care) (?:not waking up|dying|being dead|if i (?:died|didn'?t wake up))|(?:si|y si) (?:\\w{1,10} ){0,2}(?:ya )?no (?:despierto|despertara|amanezco|amaneciera)(?: \\w{1,10}){0,3} (?:ni modo|ya que|que asi sea|pues ya|me da igual|mejor)|no me (?:molestaria|importaria) (?:no despertar|morirme|ya no despertar)", { ownNegation: true }),
  S('tired_existing', 'en', 'passive', 2, 'tired of|sick of|cansad|hart|me canse', "(?:tired|sick) (?:and tired )?of (?:existing|being here|breathing|waking up|being alive)|(?:cansad[oa]|hart[oa]) de (?:existir|despertar|estar viv[oa]|respirar|vivir)|(?:ya )?me canse de (?:vivir|existir|estar aqui|despertar)"),
  S('why_here', 'en', 'passive', 2, 'para que|pa que|what am i|why am i|why do i|point', "(?:para|pa) que (?:sigo|seguir|estoy) (?:aqui|viv[oa]|existiendo|respirando)|(?:what|why) am i (?:even |still )?(?:here|alive|living|breathing) (?:for|anymore)|why (?:do i|am i) (?:even |still )?(?:alive|bother (?:living|waking up)|keep (?:living|waking up|breathing))|what'?s (?:even )?the point (?:of|in) (?:me |my )?(?:living|being alive|being here|existing|waking up)"),
  S('funeral', 'en', 'passive', 2, 'funeral|eulogy|epitafio', "(?:picture|picturing|imagine|imagining|think(?:ing)? about|plan(?:ning)?|daydream(?:ing)? about|fantasiz\\w{1,4} about) (?:my (?:own )?(?:funeral|eulogy)|who would (?:come|show up|cry|miss me|care)|(?:everyone|people|my family) at my funeral)|who would (?:even )?(?:come|show up|cry) (?:to|at) my funeral|(?:imagino|pienso en|me imagino|pensando en) (?:mi (?:propio )?funeral|quien (?:iria|vendria|lloraria)(?: a mi funeral)?)|quien (?:iria|vendria|lloraria) (?:a|en) mi funeral|(?:writing|wrote) my (?:own )?(?:eulogy|obituary)"),
  S('get_over', 'en', 'passive', 2, 'sad|cry|miss me|upset|get over|move on|triste|superan|se les pasa', "(?:would|'d|will|'ll) (?:be sad|cry|miss me|be upset) (?:for a (?:while|bit|few days|day or two|week|little)|at first)(?: [a-z']{1,10}){0,2},? (?:but|then) (?:[a-z']{1,10} ){0,2}(?:get over (?:it|me)|move on|be fine|forget (?:me|about me)|be better off)|(?:they'?d|she'?d|he'?d|they will|everyone would|they'?ll|she'?ll|he'?ll) (?:get over (?:it|me)|move on) (?:eventually|fast|quick|soon)|(?:estarian|estaria|estaran|estara) trist[ea]s? (?:un rato|un tiempo|unos dias|al principio) (?:pero|y luego) (?:\\w{1,10} ){0,2}(?:lo superan|se les pasa|se le pasa|se les pasaria|lo superarian|lo supera|me olvidan|me olvidarian|seguirian)"),
  S('miss_me', 'en', 'passive', 2, 'nobody|no one|noone|nadie|no me van', "(?:nobody|no one|noone)(?:'s| is)? (?:gonna|going to|would|will|'d|'ll) (?:even )?(?:miss me|notice (?:i'?m gone|if i'?m gone|i was gone))(?! (?:at|if i (?:skip|skipped|left|leave|don'?t go|miss)))|nadie (?:me va a|me iba a) extranar|nadie me extranaria|no me (?:van a|iban a) extranar(?! (?:en|si))", { ownNegation: true, unless: pattern("lol|lmao|haha\\w{0,4}|jaja\\w{0,4}|if i (?:don'?t|skip|miss)|si no (?:voy|vas|vengo|llego|vienes)|exagerad[oa]") }),
  S('dragging', 'en', 'passive', 2, 'weight|dragging|lastre|peso muerto|amargo', "(?:just |only )?(?:a )?(?:dead )?weight (?:around|on) (?:my|their|his|her|everyone'?s) (?:\\w{2,12}'?s? )?(?:neck|shoulders)|dragging (?:everyone|everybody|them|my family|you all|you guys) down|soy (?:un|puro) (?:lastre|peso muerto)|(?:les|le) amargo la vida"),
  // Thoughts of how (C-SSRS 3): a crash imagined, made to look like an accident.
  S('crash_into', 'en', 'intrusive', 2, "drift|veer|crash|plow|ram|running|driving|drive|swerv|slam|steer|flooring|echarle|aventarle|estrell|meterle|estamp|echarme", "(?:think\\w{0,3}|thought|imagin\\w{1,4}|picture|picturing|fantasiz\\w{1,4}|tempted|urge) (?:about |of |to )?(?:just )?(?:drifting|veering|crashing|plowing|ramming|running|driving|swerving|slamming|steering|flooring it|drift|veer|crash|plow|ram|drive|swerve|slam|steer) (?:\\w{1,10} ){0,2}(?:into|off|in front of) (?:\\w{1,10} ){0,2}(?:divider|median|barrier|guard ?rail|wall|pole|semi|truck|tree|pillar|abutment|overpass|bridge|traffic|cliff|river|train|road)|(?:pienso|pensando|pense|imagino|me imagino|ganas de) (?:en )?(?:echarle|aventarle|estrellar|meterle|estampar|estamparme|estrellarme|echarme)(?: el carro| la camioneta| el coche| la troca)? (?:contra|a|debajo de|bajo) (?:un|una|el|la) (?:trailer|camion|muro|pared|poste|arbol|puente|tren|barda|contencion)"),
  S('accident', 'en', 'intrusive', 2, 'accident|accidente', "(?:look|looks|seem|seems) like an accident|que parezca (?:un )?accidente|como si fuera (?:un )?accidente", { unless: pattern('kill (?:him|her|them|my)|murder|movie|show|book|novel|game|insurance|lol|jaja\\w{0,4}|pelicula|serie|libro|juego|matarlo|matarla') }),
  // Relapse told as the scene, more of its pieces.
  S('relapsed_word', 'en', 'relapse', 1, 'relapsed|recai', `(?<!(?:${THIRD}) )(?:relapsed|recai)(?! (?:on|in) (?:cutting|self))`, { unless: RELAPSE_PAST }),
  S('liquor_place', 'en', 'relapse', 1, 'liquor|dealer|trap|plug|bar|cantina|deposito|licoreria|expendio', "(?:outside|in front of|in the parking lot of|parked (?:at|outside)|at|in) (?:the|a|my (?:old )?) (?:liquor store|dealer'?s?(?: (?:house|place|spot))?|trap ?house|plug'?s? (?:house|place|spot))|(?:sitting|parked) (?:in (?:the|my) car )?(?:outside|at) (?:the|a|my old) (?:bar|cantina|liquor store)|(?:afuera|enfrente|fuera) (?:del|de la) (?:deposito|licoreria|bar|cantina|expendio|casa del dealer)|(?:en el|estacionad[oa] en el) (?:deposito|expendio)", { unless: SOBER }),
  S('open_container', 'en', 'relapse', 1, 'open|cracked|popped|abiert|destap|abri', "(?:bottle|beer|can|fifth|pint|handle|tallboy|forty)(?:'s| is| are)? (?:already |right )?(?:open|opened|cracked)|(?:cracked|popped|opened) (?:open )?(?:a|the|my|another) (?:beer|bottle|cold one|can|fifth|pint|tallboy|forty)|(?:la |el |una )?(?:botella|caguama|chela|cerveza|pomo|lata|six|ballena) (?:ya )?(?:abiert[oa]|destapad[oa])|(?:destape|abri) (?:la|una|el|un) (?:botella|caguama|chela|cerveza|pomo|lata|ballena)", { unless: SOBER }),
  S('using_rn', 'en', 'relapse', 2, 'right now|rn|as we speak|atm|at the moment|as i type|ahorita|ahora|en este momento|todavia', "(?:drinking|using|drunk|wasted|getting high|getting drunk|shooting up|smoking crack)(?: again)? (?:right now|rn|as we speak|atm|at the moment|as i type)|(?:ando|estoy|sigo) (?:tomando|pisteando|bebiendo|consumiendo|drogandome|usando) (?:ahorita|ahora|ahorita mismo|en este momento|todavia)", { unless: SOBER }),
  S('count_now', 'en', 'relapse', 1, 'second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|segund|tercer|cuart|quint', "(?:on|at|finishing|opening|cracking|starting|into) (?:my |the )?(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th) (?:beer|drink|shot|glass|bottle|can|line|hit|bump|tallboy)|(?<![a-z] )(?:second|third|fourth|fifth|2nd|3rd|4th|5th) (?:beer|drink|shot|glass|can|line)(?= ?[.!,]| now| already| down| in)|(?:voy|ando|llevo|van) (?:en |por )?(?:la |el |mi )?(?:segunda|tercera|cuarta|quinta|segundo|tercer|cuarto|quinto) (?:chela|cerveza|copa|trago|caguama|shot|linea|raya|vaso|botella|pomo)|(?:voy|ando) (?:en|por) (?:la|el) (?:segunda|tercera|cuarta|quinta|segundo|tercer|cuarto|quinto)(?= ?[.!,]| y)", { unless: SOBER }),
  S('streak_lost', 'en', 'relapse', 1, 'drain|wasted|window|thrown|threw|throwing|blew|blowing|basura|tirados|fregada|carajo|chingada|perdidos|tire|tirar|bote', "(?:\\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:days?|weeks?|months?|years?|yrs?)(?: of (?:sobriety|clean time|being clean|being sober))? (?:down the drain|wasted|out the window|thrown away|in the trash)|(?:threw|throwing|blew|blowing) (?:away |it all away )?(?:my )?(?:\\d{1,4}|\\w{3,6}) (?:days|months|years)(?: away)?|(?:\\d{1,4}|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce) (?:dias?|semanas?|mes|meses|anos?) (?:tirad[oa]s? )?(?:a la basura|tirad[oa]s?|a la fregada|al carajo|a la chingada|perdid[oa]s?|al caño|a la goma)|(?:tire|tirar|bote) (?:a la basura )?(?:mis )?(?:\\d{1,4}|\\w{2,6}) (?:dias|meses|anos)"),
  S('finished_bottle', 'en', 'relapse', 2, 'finished|killed|polished|downed|chugged|acabe|termine|tome|bebi', "(?:already )?(?:finished|killed|polished off|downed|chugged) (?:a|the|my|half (?:a|the)) (?:first |whole |entire )?(?:bottle|fifth|pint|handle|six ?pack|twelve ?pack|12 ?pack|case|forty)(?! (?:of (?:water|juice|soda|kombucha|shampoo|vitamins|lotion|pop)))|(?:ya )?me (?:acabe|termine|tome|bebi) (?:la|una|toda la|el|un|medio|media) (?:primera |primer )?(?:botella|caguama|six|pomo|anforita|ballena|litro)(?! de (?:agua|refresco|jugo|shampoo|vitaminas|leche|suero))", { unless: SOBER }),
  S('first_in', 'en', 'relapse', 1, 'first|1st|primer', "(?:first|1st) (?:one|drink|beer|line|hit|bump|shot|drop|time (?:using|drinking|getting high))(?: \\w{1,6})? in (?:\\d{1,4}|a|one|two|three|\\w{3,6}) (?:days?|weeks?|months?|years?|yrs?)|(?:la |el )?(?:primera|primer)(?: (?:chela|cerveza|copa|linea|raya|trago|vez que (?:tomo|consumo|me meto)))? en (?:\\d{1,4}|un|dos|tres|\\w{3,6}) (?:dias|semanas|meses|anos)", { unless: SOBER }),
  S('did_line', 'en', 'relapse', 2, 'line|bump|rail|key|raya|linea|pase', "(?:did|doing|snorted|snorting|railed|took) (?:a |another |some |two |three |my first )?(?:lines?|bumps?|rails?|key ?bumps?)(?! (?:reading|readings|read|edit|item|dance|drawing|art|break|judge|cook|up|for (?:the|my) (?:play|show|scene))|(?:of (?:code|dialogue|the (?:poem|script|song))|in (?:the|my|a) (?:play|script|show)|from|at (?:rehearsal|practice)))|(?:meter|meti|hice|echar|eche|jale|jalar|aspire|aspirar)(?:me|le)? (?:una |otra |unas |dos |tres )?(?:raya|rayas|linea|lineas|pase|pases|pasesito)(?! (?:de (?:codigo|texto)|en (?:la|el) (?:obra|guion)))", { unless: SOBER }),
  S('leftover', 'en', 'relapse', 1, 'half|rest of|more of|some of|traigo|tengo|me queda', "(?:still )?(?:got|have|has) (?:half|the rest|more|some) (?:of )?(?:the|my|a) (?:bag|baggie|gram|bottle|eight ball|pills|bundle|stash)|(?:traigo|tengo|me queda|me quedan) (?:mas|la mitad|el resto|otra)(?: (?:en la bolsa|en el bolsillo|del gramo|de la bolsa|de la botella|en la cartera))", { after: ['relapse'] }),
  S('dealer_coming', 'en', 'relapse', 2, 'dealer|plug|connect|sells|vende|conecte', "(?:my |the )?(?:dealer|plug|connect|connection|guy who sells(?: me)?|dude who sells(?: me)?|man who sells(?: me)?)(?:'s| is| are)? (?:on (?:his|her|their|the) way|coming (?:over|by|here)|pulling up|outside|here|dropping (?:it |some |off))|(?:el|mi|la) (?:dealer|conecte|que me vende|vato que me vende|wey que me vende|tipo que me vende|cuate que me vende)(?: \\w{1,10}){0,2} (?:ya )?(?:viene|va a venir|esta afuera|ya llego|llega)|ya viene (?:el|mi) (?:dealer|conecte|vato que me vende|wey que me vende|que me vende)"),
  S('my_guy', 'en', 'relapse', 1, 'my guy|my man|my plug', "(?:my guy|my man|my plug)(?:'s| is)? (?:on (?:his|the) way|coming (?:over|through|by)|pulling up|outside)"),
  S('giving_in', 'en', 'relapse', 1, 'try|trying|fuck it|screw it|intentar|tratar|fregada|chingada|verga', "(?:not even|not) (?:gonna|going to) (?:try|fight it|stop (?:it|myself))|(?:not|won'?t|i'?m not|im not) (?:gonna |going to )?(?:even )?(?:try|trying) to stop (?:it|myself)|(?:fuck|screw) it,? (?:i'?m|im) (?:drinking|using|getting high|going)|(?:ni|no) (?:voy a|lo voy a|me voy a) (?:intentar|tratar de) (?:pararlo|detenerlo|evitarlo|pararme|detenerme)|(?:ni|no) (?:voy a )?(?:intentar|tratar) (?:de )?(?:pararlo|detenerlo|evitarlo)|a la (?:fregada|chingada|verga) (?:voy a|me voy a) (?:tomar|meter|drogar)", { ownNegation: true }),
];

const COMPILED = SIGNALS.map((signal) => ({ signal, re: pattern(signal.source) }));
/**
 * All needles in one expression, longest first, looked for at every position (a lookahead, so none hides another):
 * one pass over the text says which signals can match. A needle found stands for itself and every needle that is a
 * prefix of it (those match at the same place).
 */
const NEEDLES = [...new Set(SIGNALS.flatMap((s) => s.need))].sort((a, b) => b.length - a.length);
// Only where a word starts, or at a space or sign (needles that begin with one): trying every position inside
// words cost most of the layer's time.
// Grouped by first character ("a(?:way|side)|b(?:ack|ar)"), so each position tries only the needles that can start there.
const escape = (n: string) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const byFirst = new Map<string, string[]>();
for (const n of NEEDLES) byFirst.set(n[0]!, [...(byFirst.get(n[0]!) ?? []), n.slice(1)]);
const NEEDLE_RE = new RegExp(
  `(?:(?<![a-z0-9])|(?=[^a-z0-9]))(?=(${[...byFirst].map(([c, rest]) => `${escape(c)}(?:${rest.map(escape).join('|')})`).join('|')}))`,
  'g',
);
const OWNERS = new Map(NEEDLES.map((n) => [n, COMPILED.map((_, i) => i).filter((i) => SIGNALS[i]!.need.some((x) => n.startsWith(x)))]));

export interface Hit {
  start: number;
  end: number;
  signal: Signal;
  /** The language of the words that matched (a signal may hold both languages' phrasings). */
  lang: 'en' | 'es';
}
/** Spanish function words: a hit holding one is Spanish, whatever language its signal was filed under. */
const SPANISH = pattern('el|la|los|las|mi|mis|se|de|del|en|y|con|que|ya|una|esta|por|para|tiene');

/**
 * Every signal in the normalised text, at most `cap` per signal. A signal's expression runs only when the text holds
 * one of its `need` substrings; overlapping signals all count ("xanax" is a drug and a depressant).
 */
export function findSignals(t: string, cap = 8, context: Kind[] = []): Hit[] {
  const possible = new Uint8Array(COMPILED.length);
  let any = false;
  NEEDLE_RE.lastIndex = 0;
  for (let m = NEEDLE_RE.exec(t); m; m = NEEDLE_RE.exec(t)) {
    for (const i of OWNERS.get(m[1]!)!) possible[i] = 1;
    any = true;
    NEEDLE_RE.lastIndex = m.index + 1;
  }
  const out: Hit[] = [];
  if (!any) return out;
  const run = (i: number) => {
    const { signal, re } = COMPILED[i]!;
    re.lastIndex = 0;
    for (let m = re.exec(t), n = 0; m && n < cap; m = re.exec(t), n++) {
      SPANISH.lastIndex = 0;
      out.push({ start: m.index, end: m.index + m[0].length, signal, lang: SPANISH.test(m[0]) ? 'es' : 'en' });
    }
  };
  for (let i = 0; i < COMPILED.length; i++) if (possible[i] && !COMPILED[i]!.signal.after) run(i);
  if (out.length === 0 && context.length === 0) return out;
  for (let i = 0; i < COMPILED.length; i++) {
    const after = COMPILED[i]!.signal.after;
    if (possible[i] && after?.some((k) => context.includes(k) || out.some((h) => h.signal.kind === k))) run(i);
  }
  return out;
}

export interface Raise {
  start: number;
  end: number;
  rule: string;
  category: Category;
  level: Exclude<Level, 'none'>;
  stage?: Stage;
}

/**
 * What the surviving signals add up to. `context` says what the phrase rules already found in the same text
 * (a suicide statement other than means, distress, a time like "tonight").
 */
export function combine(hits: Hit[], context: { despair: boolean; means?: boolean; suicidal?: boolean }): Raise[] {
  const by = (kind: Kind) => hits.filter((h) => h.signal.kind === kind);
  const strongest = (list: Hit[]) => list.reduce((a, b) => (b.signal.weight > a.signal.weight ? b : a));
  const out: Raise[] = [];
  const raise = (what: string, list: Hit[], category: Category, level: Raise['level'], stage?: Stage) => {
    const h = strongest(list);
    out.push({ start: h.start, end: h.end, rule: `${h.lang}.combo.${what}`, category, level, ...(stage ? { stage } : {}) });
  };
  const distinct = (list: Hit[]) => new Set(list.map((h) => h.signal.id)).size;
  const weight = (list: Hit[]) => {
    const best = new Map<string, number>();
    for (const h of list) best.set(h.signal.id, Math.max(best.get(h.signal.id) ?? 0, h.signal.weight));
    return [...best.values()].reduce((a, b) => a + b, 0);
  };

  const farewell = by('farewell');
  const height = by('height');
  const means = by('means');
  const ingest = by('ingest');
  const passive = by('passive');
  const intrusive = by('intrusive');
  const despair = context.despair || passive.length > 0 || intrusive.length > 0;
  const finality = by('finality');
  const alone = by('alone');
  const acquired = by('acquired');
  const unreachable = by('unreachable');
  // Violence planned against someone: a weapon carried ready with a target's movements or revenge.
  const armed = by('armed');
  const plotting = [...by('stalk'), ...by('revenge')];
  const armedIntent = armed.length > 0 && plotting.length > 0;

  // Suicide: arrangements, places and means, each weighed with the others.
  const meansLike = means.length + height.length + ingest.length + acquired.length > 0 || context.means === true;
  if (farewell.length > 0) {
    if (meansLike) raise('farewell_means', farewell, 'suicide', 'emergency', 6);
    else if (despair) raise('farewell_despair', farewell, 'suicide', 'emergency', 6);
    else if (finality.length > 0 || (unreachable.length > 0 && weight(farewell) >= 2)) raise('farewell_final', farewell, 'suicide', 'emergency', 6);
    else if (weight(farewell) >= 3) raise('farewell', farewell, 'suicide', 'emergency', 6);
    else if (weight(farewell) >= 2 && alone.length > 0) raise('farewell_alone', farewell, 'suicide', 'emergency', 6);
    else if (weight(farewell) >= 2 || alone.length > 0) raise('farewell_arrangements', farewell, 'suicide', 'urgent', 6);
  }
  // Means just acquired, or any means, with an opportunity, a finality or despair: preparing.
  if (acquired.length > 0 && !armedIntent) {
    if (alone.length > 0 || finality.length > 0) raise('means_opportunity', acquired, 'suicide', 'emergency', 6);
    else if (despair) raise('means_despair', acquired, 'suicide', 'emergency', 6);
    else raise('means_acquired', acquired, 'suicide', 'urgent', 6);
  }
  if ((means.length > 0 || context.means) && (alone.length > 0 || finality.length > 0) && !armedIntent) raise('means_opportunity', means.length > 0 ? means : [...alone, ...finality], 'suicide', 'emergency', 6);
  // A suicide statement with an opportunity ("the house will be empty all weekend") or the end named as relief.
  if (context.suicidal && (alone.length > 0 || finality.length > 0)) raise('suicidal_opportunity', [...alone, ...finality], 'suicide', 'emergency', 5);
  if (height.length > 0 && (despair || by('edge').length > 0)) raise('height_despair', height, 'suicide', 'emergency', 6);
  if (means.length > 0) raise(despair ? 'means_despair' : 'means_ready', means, 'suicide', despair ? 'emergency' : 'urgent', 6);
  if (ingest.length > 0) raise('ingested', ingest, 'suicide', 'emergency', 6);
  if (passive.length > 0) raise('passive_wish', passive, 'suicide', 'urgent', 1);
  if (intrusive.length > 0) raise('thoughts_of_how', intrusive, 'suicide', 'urgent', 3);

  // Overdose and medical danger told as symptoms.
  const drug = [...by('drug'), ...by('depressant')];
  if (by('sleepy').length > 0 && by('depressant').length > 0) raise('sleepy_depressant', by('sleepy'), 'overdose', 'emergency');
  const blue = [...by('blue'), ...by('no_response')];
  if (blue.length > 0) raise('overdose_signs', blue, 'overdose', 'emergency');
  // An unresponsive person's signs, weighed together: two strong ones, or one beside a drug or a needle.
  const od = by('od_sign');
  if (od.length > 0 && blue.length === 0) {
    const w = weight(od);
    if (w >= 3 || (w >= 2 && drug.length > 0)) raise('overdose_cluster', od, 'overdose', 'emergency');
    else if (w >= 2 || drug.length > 0) raise('overdose_cluster', od, 'overdose', 'urgent');
  }
  const cameTo = by('came_to');
  const seizure = by('seizure');
  const withdrawal = by('withdrawal');
  if (cameTo.length > 0) {
    if (seizure.length + withdrawal.length + drug.length > 0) raise('came_to', cameTo, 'medical', 'emergency');
    else raise('came_to', cameTo, 'medical', 'urgent');
  }
  if (seizure.length > 0 && withdrawal.length > 0) raise('withdrawal_seizure', seizure, 'medical', 'emergency');
  else if (by('shaking').length > 0 && withdrawal.length > 0) raise('withdrawal_shakes', by('shaking'), 'medical', 'urgent');
  const cardiac = by('cardiac');
  if (cardiac.length > 0 && (drug.length > 0 || distinct(cardiac) > 1 || new Set(cardiac.map((h) => h.start)).size > 1)) raise('cardiac', cardiac, 'medical', 'emergency');

  // Violence and abuse told as acts.
  if (by('violence_act').length > 0) raise('violence_act', by('violence_act'), 'violence', 'emergency');
  if (by('weapon_kept').length > 0) raise('weapon_kept', by('weapon_kept'), 'violence', 'urgent');
  if (by('abuse_act').length > 0) raise('abuse_act', by('abuse_act'), 'abuse', 'urgent');
  // Violence about to happen told as the scene: someone at the door, hiding with the children, a threat to kill.
  const intruder = by('intruder');
  const hiding = by('hiding');
  const threat = by('kill_threat');
  if ((intruder.length > 0 ? 1 : 0) + (hiding.length > 0 ? 1 : 0) + (threat.length > 0 ? 1 : 0) >= 2) raise('violence_scene', [...intruder, ...threat, ...hiding], 'violence', 'emergency');
  else if (threat.length > 0) raise('kill_threat', threat, 'violence', 'urgent');
  if (armedIntent) raise('armed_intent', armed, 'violence', 'emergency');
  else if (by('stalk').length > 0 && by('revenge').length > 0) raise('revenge_plan', plotting, 'violence', 'urgent');

  // Self-harm told as the act; relapse told as a scene.
  if (by('self_harm_act').length > 0) raise('self_harm_act', by('self_harm_act'), 'self_harm', 'urgent');
  const relapse = by('relapse');
  if (relapse.length > 0 && weight(relapse) >= 2) raise('relapse_scene', relapse, 'relapse', 'urgent');
  return out;
}
