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
  | 'relapse'; // a relapse told as a scene; weight 1 (bought, on the table) or 2 (already using)

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
  "vacation|trip|travel\\w{0,4}|out of town|for work|moving|move|moved|deploy\\w{0,4}|hospital stay|surgery|rehab|treatment|while i'?m (?:away|gone|in)|this weekend|for the (?:weekend|week|night|day)|until i'?m back|plumber|electrician|contractor|delivery|package|handyman|cleaner|guests?|dog ?sitter|pet ?sitter|house ?sitter|babysit\\w{0,3}|landlord|roommate gets|" +
    'vacaciones|viaje|me mudo|mudanza|fuera de la ciudad|por trabajo|plomero|electricista|paquete|mientras (?:estoy|este) fuera|este fin de semana|cirugia|operacion',
);
const HIGH_INNOCENT = pattern(
  'garden|party|bbq|barbecue|repair\\w{0,3}|fix\\w{0,3}|gutters?|shingles?|leak\\w{0,3}|view|hike|hiking|photos?|pictures?|sunset|sunrise|fireworks|crew|ride|drive|driving|drove|walk\\w{0,3}|traffic|jog\\w{0,3}|bike|picnic|construction|tour|stuck|concert|yoga|painting|christmas lights|antenna|satellite|solar|cat|' +
    'fiesta|carne asada|reparar|arreglar|goteras?|vista|trafico|atorad[oa]|foto|tender la ropa|ropa|antena|tinaco',
);
const DENTAL_IDIOM = pattern('dentist|dental|tooth|teeth|wisdom|floss\\w{0,3}|braces|gums|lip|eating|ate|chewing|sandwich|say|said|saying|argue|comment|respond|reply|talk\\w{0,3}|mouth shut|dentista|muelas?|dientes|encias|comiendo|decir|dije|callarme');
const COFFEE_COLD = pattern('coffee|caffeine|espresso|energy drinks?|cold|freezing|nervous|excited|adrenaline|gym|workout|lifting|parkinson|cafe|frio|nervios|emocion');
const EXERCISE = pattern('gym|workout|lifting|lifted|running|ran|run|sauna|sore|push ?ups|bench|cardio|hike|gimnasio|ejercicio|corri|correr');
const COLOR_INNOCENT = pattern('lipstick|paint\\w{0,3}|makeup|marker|dye|cold|freez\\w{1,4}|pool|popsicle|ice|snow|slushie|candy|raspberry|costume|halloween|filter|photo|lake|ocean|swim\\w{0,4}|frost\\w{0,3}|avatar|smurf|labial|pintura|maquillaje|paleta|alberca|hielo|disfraz|frio|nieve');
const FOAM_IDIOM = pattern('angry|mad|rage|furious|yell\\w{0,3}|scream\\w{0,3}|about|over the|dog|rabid|beer|latte|cappuccino|soap|toothpaste|coraje|enojad[oa]|cerveza|perro|jabon|pasta de dientes');
const ITCH = pattern('mosquito|bites?|itch\\w{0,3}|eczema|rash|poison ivy|hives|sunburn|oven|stove|cook\\w{0,3}|ironing|pan|grill|picaduras?|comezon|sarpullido|estufa|plancha|comal|horno');
const SOBER = pattern('sober|mocktails?|soda|non.?alcoholic|club soda|ginger ale|seltzer|kombucha|sparkling|coffee|gift|present|for (?:the|my|a) (?:party|dinner|host|wedding|boss|mom|dad|recipe)|cooking|recipe|refresco|agua mineral|sin alcohol|regalo|para (?:la|mi|una) (?:fiesta|cena|boda)|cocinar');
const WORKISH = pattern('it (?:department|guy|team)|help ?desk|left the company|work|job|company|boss|office|reset|changed|manager|new phone|password manager|school|trabajo|empresa|oficina|jefe|escuela|celular nuevo');
const SPORT = pattern("jiu|bjj|wrestl\\w{1,4}|mma|judo|rear naked|practice|class|match|tournament|game|movie|show|episode|lucha|clase|pelicula");
const FEAR_INNOCENT = pattern('baseball|softball|practice|game|league|team|burglar\\w{0,3}|bears?|coyotes?|raccoons?|beisbol|partido');

const DRUG_WORDS =
  "xanax|xans?|xannies|bars|benzos?|klonopin|klonnies|valium|ativan|clonazepam|clonas|rivotril|tafil|alprazolam|oxy\\w{0,8}|percs?|percocets?|roxys?|roxies|m30s?|blues|fent\\w{0,6}|heroin|dope|methadone|morphine|tramadol|codeine|lean|ambien|zolpidem|seroquel|trazodone|gabapentin|sleeping pills|sleep meds|" +
  'coke|cocaine|meth|crack|molly|ecstasy|ketamine|adderall|shard|bumps?|a line|lines of|' +
  "vodka|whiskey|tequila|wine|beers?|drinks|drinking|drank|booze|liquor|alcohol|shots|drunk|got high|getting high|after using|been using|was using|after i used|pills|fentanilo|heroina|morfina|chiva|cocaina|perico|coca|cristal|piedra|cerveza|chelas|caguamas?|vino|tragos|copas|pastillas|pisteando|pedo|borrach[oa]|tomad[oa]|drogad[oa]|consum\\w{1,5}|me meti";
const DEPRESSANT_WORDS =
  "xanax|xans?|xannies|bars|benzos?|klonopin|klonnies|valium|ativan|clonazepam|clonas|rivotril|tafil|alprazolam|oxy\\w{0,8}|percs?|percocets?|roxys?|roxies|m30s?|blues|fent\\w{0,6}|heroin|dope|methadone|morphine|tramadol|codeine|lean|ambien|zolpidem|seroquel|trazodone|gabapentin|sleeping pills|sleep meds|fentanilo|heroina|morfina|chiva|" +
  "(?:pills|meds|pastillas) (?:with|and|con|y) (?:\\w{1,10} )?(?:vodka|whiskey|tequila|wine|beers?|drinks|booze|liquor|alcohol|cerveza|chelas|vino|tragos)|(?:vodka|whiskey|tequila|wine|beers?|drinks|booze|liquor|alcohol|cerveza|chelas|vino|tragos) (?:with|and|con|y) (?:\\w{1,10} )?(?:pills|meds|pastillas)|mixed|mezcle|mezclo";
const PERSON = "(?:he|she|they|my (?:\\w{2,12} )?(?:husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|dad|father|stepdad|mom|mother|brother|uncle|son|roommate|neighbor)|(?:the|a|some) (?:guy|man|dude|woman)|someone|somebody)";
const VICTIM = '(?:her|him|me|us|them|my (?:mom|mother|sister|brother|wife|girlfriend|kids?|son|daughter|baby|dad|grandma))';
const GUN = '(?:gun|pistol|revolver|shotgun|rifle|handgun|glock|pistola|arma|escopeta|revolver|rifle)';

const S = (id: string, lang: Signal['lang'], kind: Kind, weight: Signal['weight'], need: string, source: string, options: Pick<Signal, 'unless' | 'anyTense' | 'ownNegation' | 'after'> = {}): Signal => ({ id, lang, kind, weight, need: need.split('|'), source, ...options });

export const SIGNALS: Signal[] = [
  // ── Farewells and arrangements ──────────────────────────────────────────────────────────────────────────────
  S('find_me', 'en', 'farewell', 3, 'find|get to|get in to|break', "so (?:they|someone|somebody|you|the (?:police|cops|paramedics)|my \\w{2,12}) (?:can|will|could|won't have to) (?:find|get to|get in to) (?:me|my body)|(?:won't|will not|don't) have to break (?:down |in )?the door|(?:find|found) my body", { anyTense: true, ownNegation: true }),
  S('last_contact', 'en', 'farewell', 3, 'last|final', "(?:this is|this'?ll be|this will be|consider this) my (?:last|final) (?:check.?in|check in|post here|entry|time (?:posting|checking in|writing))|my last check.?in (?:ever|here)", { anyTense: true }),
  S('passwords', 'en', 'farewell', 2, 'password|login|pin|bank|account', "(?:gave|giving|handed|given|sent|left|wrote down) (?:\\w{2,12} )?(?:my |all my )?(?:passwords?|logins?|pins?|bank (?:info|details|accounts?)|account (?:info|details|logins?))|(?:passwords?|pins?|logins?) (?:are|is) (?:in|on|written|taped)", { unless: WORKISH }),
  S('in_order', 'en', 'farewell', 2, 'order|taken care|arranged|sorted|need|where i', "(?:everything|my affairs|it all|all my stuff) (?:is |are )?(?:in order|taken care of|arranged|sorted out for (?:you|them|after))|put my affairs in order|(?:won't|will not) need (?:it|them|these|this|my \\w{2,12}) (?:anymore|any ?more|where i'?m going)|where i'?m going"),
  S('give_away', 'en', 'farewell', 1, 'gave|giving|given|handed|home for|rehom', "(?:gave|giving|given|handed|found a (?:new )?home for|rehomed|rehoming) (?:away )?(?:my |all my )?(?:dog|cat|pets?|puppy|kitten|bird|guitar|car|truck|stuff|things|belongings|clothes|records|books|collection|tools|ring|watch|jewelry|fish|bike)\\w{0,2} (?:to|away)|gave away (?:my|all)", { unless: TRIP }),
  S('care_for', 'en', 'farewell', 1, 'care of|after my', "take care of my (?:kids|children|dog|cat|son|daughter|babies|pets?|mom|plants)|(?:look|looking) after my (?:kids|children|dog|cat|son|daughter)", { unless: TRIP }),
  S('door', 'en', 'farewell', 1, 'door', 'left (?:the|my) (?:front |back |apartment )?door (?:unlocked|open)|door (?:is |will be )?(?:unlocked|open) (?:for (?:them|you|whoever)|so)', { unless: TRIP }),
  S('notes', 'en', 'farewell', 1, 'note|letter|card', '(?:left|wrote|written|writing|leaving) (?:a |some )?(?:notes?|letters?|cards?) (?:for|to) (?:my|each|everyone|everybody|the kids|you all|them)|(?:notes?|letters?) (?:are )?(?:on|in) (?:the|my) (?:table|counter|desk|nightstand|drawer)', { unless: TRIP }),
  S('goodbyes', 'en', 'farewell', 1, 'goodbye|everything|love you all|wanted|everyone', "(?:said|saying|say) (?:my )?goodbyes?(?! (?:at|to (?:the|my) (?:old|last)))|thank (?:you|u) (?:all )?for everything|i love you all|just wanted (?:to say|you to know) (?:thank|goodbye|i love)|(?:called|texted) everyone (?:i love|to say)", { unless: TRIP }),
  S('encuentren', 'es', 'farewell', 3, 'encuentren|puedan entrar|hallen|tumbar', 'para que (?:me )?(?:encuentren|puedan entrar|me hallen|no tengan que tumbar la puerta)|encuentren mi cuerpo', { anyTense: true, ownNegation: true }),
  S('ultimo', 'es', 'farewell', 3, 'ultim', '(?:este es|esta es|sera) mi (?:ultimo|ultima) (?:check.?in|registro|mensaje aqui|publicacion|entrada|vez que escribo)', { anyTense: true }),
  S('contrasenas', 'es', 'farewell', 2, 'contrasena|clave|banco|cuentas', '(?:le |les )?(?:di|deje|pase|entregue|anote) (?:\\w{2,12} )?(?:mis |todas mis )?(?:contrasenas|claves|datos del banco|cuentas)|(?:mis )?(?:contrasenas|claves) (?:estan|quedan|las deje) (?:en|con)'),
  S('en_orden', 'es', 'farewell', 2, 'orden|arreglad|listo|necesitar|a donde voy', '(?:todo|mis cosas|mis asuntos) (?:esta|estan|queda|quedan|quedo|ya esta) (?:en orden|arreglad[oa]s?|listo)|(?:ya )?no (?:lo|la|los|las) voy a necesitar|a donde voy'),
  S('regale', 'es', 'farewell', 1, 'regale|di |deje|entregue|encargue', '(?:le |les )?(?:regale|di|deje|entregue|encargue) (?:a )?mis? (?:perr[oa]s?|perrit[oa]s?|gat[oa]s?|gatit[oa]s?|mascotas?|guitarra|ropa|cosas|carro|anillo|reloj|libros)|regale (?:todas )?mis cosas', { unless: TRIP }),
  S('cuiden', 'es', 'farewell', 1, 'cuid', 'cuid(?:en|a|es) a mis? (?:hij[oa]s?|ninos|perr[oa]s?|gat[oa]s?|mama)', { unless: TRIP }),
  S('puerta', 'es', 'farewell', 1, 'puerta', 'deje la puerta (?:abierta|sin llave|sin seguro)', { unless: TRIP }),
  S('cartas', 'es', 'farewell', 1, 'nota|carta', '(?:deje|escribi|dejo) (?:una |unas )?(?:notas?|cartas?) (?:para|a) (?:mis|mi|cada|todos|ustedes)|(?:la|las) (?:notas?|cartas?) (?:estan|esta) (?:en|sobre) la mesa', { unless: TRIP }),
  S('adioses', 'es', 'farewell', 1, 'gracias por todo|los quiero|despedi', 'gracias por todo|los quiero (?:mucho )?a todos|(?:me despedi|despedirme) de (?:mi|mis|todos)', { unless: TRIP }),
  // ── Height and means ────────────────────────────────────────────────────────────────────────────────────────
  S('high_place', 'en', 'height', 1, 'roof|bridge|overpass|ledge|cliff|top floor|parking|railing|tracks|railroad|dam|tower', "(?:on|at|up on|on top of|top of) (?:the |a |this |my (?:building'?s |apartment'?s )?)?(?:roof|rooftop|bridge|overpass|ledge|cliff|top floor|parking (?:garage|deck|structure)|balcony railing|railing|train tracks|tracks|railroad|dam|tower)(?! (?:party|garden|bar))", { unless: HIGH_INNOCENT }),
  S('alto', 'es', 'height', 1, 'azotea|techo|puente|cornisa|barranco|acantilado|vias|ultimo piso|barandal|presa', '(?:en|arriba de|sobre|encima de) (?:la |el |las |un |una )?(?:azotea|techo|puente|cornisa|barranco|acantilado|vias(?: del tren)?|ultimo piso|barandal|presa)(?! de)', { unless: HIGH_INNOCENT }),
  S('edge', 'en', 'edge', 1, 'looking down|how far|water|one step|one jump|rail|fence|edge|up here|see me|easy', "looking down|how far (?:down|the drop)|(?:the )?water (?:looks|is|seems) (?:so |really |very )?(?:calm|peaceful|cold|dark|inviting)|just one (?:step|jump)|(?:over|climbed over|past|on the other side of) the (?:railing|rail|fence|edge)|(?:so )?(?:high|quiet|peaceful|calm) up here|nobody can see me (?:up )?here|(?:it'?d|it would) be (?:so )?easy", { after: ['height'] }),
  S('orilla', 'es', 'edge', 1, 'abajo|paso|salto|barandal|se ve|esta|se siente|facil', 'mirando (?:hacia |para )?abajo|(?:solo )?un (?:paso|salto)|del otro lado del barandal|(?:se ve|esta|se siente) (?:muy |tan )?(?:alto|alta|tranquil[oa]|calmad[oa])|seria (?:tan |muy )?facil', { after: ['height'] }),
  S('gun_ready', 'en', 'means', 2, 'gun|pistol|revolver|shotgun|rifle|glock|pistola|arma|escopeta|knife|razor|blade', `(?:the|my|dad'?s|his|a) ${GUN} (?:is |'s )?(?:loaded|in my (?:lap|hand|mouth)|on (?:the|my) (?:table|bed|lap|nightstand|desk)|next to me|right here|out of the safe)|loaded (?:the|my|a|his|dad'?s|my dad'?s) ${GUN}|(?:holding|got) (?:the|my|a) (?:${GUN}|knife|razor|blade) in my hand`, { unless: HUNTING }),
  S('rope_tied', 'en', 'ingest', 3, 'rope|belt|cord|noose|gun|pistol|revolver|shotgun|rifle|glock|pistola|arma|escopeta|barrel|soga|cuerda|amarre', `(?:rope|belt|cord|noose) (?:is |'s )?(?:already |all )?(?:tied|hanging|set up|ready)|tied (?:the|a|my) (?:rope|belt|cord|noose) (?:to|around)|(?:${GUN}|barrel) (?:is )?(?:in my mouth|to my (?:head|temple|chest))|(?:la soga|la cuerda) (?:ya )?(?:esta )?(?:amarrada|atada|colgada|lista)|amarre (?:la|una) (?:soga|cuerda)`, { anyTense: true }),
  S('arma_lista', 'es', 'means', 2, 'pistola|arma|escopeta|revolver|rifle|gun|pistol|shotgun|glock', `(?:la|mi|el|su) ${GUN} (?:ya )?(?:esta )?(?:cargada|en mi mano|en la mesa|junto a mi)|cargue (?:la|mi|el) ${GUN}`, { unless: HUNTING }),
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
  S('drug', 'en', 'drug', 1, 'xan|bars|benzo|klon|valium|ativan|clona|rivotril|tafil|alpraz|oxy|perc|rox|m30|blues|fent|heroin|dope|methadone|morphine|tramadol|codeine|lean|ambien|zolpidem|seroquel|trazodone|gabapentin|sleep|morfina|chiva|coke|cocaine|meth|crack|molly|ecstasy|ketamine|adderall|shard|bump|line|vodka|whiskey|tequila|wine|beer|drink|drank|booze|liquor|alcohol|shots|drunk|high|using|used|pills|coca|cristal|piedra|cerveza|chelas|caguama|vino|tragos|copas|pastillas|pisteando|pedo|borrach|tomad|drogad|consum|me meti', DRUG_WORDS, { after: ['came_to', 'cardiac'] }),
  S('came_to', 'en', 'came_to', 1, 'came to|came around|woke up|blacked|passed out|desperte|amaneci|volvi en mi', "came (?:to|around) (?:and i was |i was |face down )?(?:on|in) (?:the |my )?(?:\\w{2,10} )?(?:floor|ground|tub|shower)|woke up (?:\\w{1,10} ){0,3}on the (?:floor|ground)|(?:blacked|passed) out and (?:woke up|came to)|me desperte (?:\\w{1,10} ){0,2}en el (?:piso|suelo)|(?:desperte|amaneci) tirad[oa]|volvi en mi (?:en el|tirad)"),
  S('seizure_sign', 'en', 'seizure', 2, 'jerk|convuls|thrash|tongue|mouth|twitch|jumping|lengua|boca|sacudi|brincaba', "(?<!(?:leg|foot|eye|eyelid|knee) )(?:jerking|convulsing|thrashing)(?! off| around)|(?:bit|bitten|biting) (?:my|his|her) tongue|blood in (?:my|his|her) mouth|(?:body|arms?|legs?|whole body) (?:won'?t stop|keeps?|started|kept|was) (?:jerking|twitching|jumping)|me mordi la lengua|sangre en la boca|se (?:esta |estaba )?(?:sacudiendo|convulsionando)|(?:brazos?|piernas?|cuerpo) (?:se )?(?:sacudia|sacudian|brincaba)", { unless: DENTAL_IDIOM }),
  S('shaking', 'en', 'shaking', 1, 'shak|trembl|tremor|tiembl|tembl', "(?:hands|body|i'?m|i am|been|can'?t stop|keep|so) (?:\\w{1,8} )?(?:shaking|trembling)|the shakes|tremors?|(?:me )?tiemblan (?:las manos|mucho)|estoy temblando|temblores", { unless: COFFEE_COLD }),
  S('withdrawal', 'en', 'withdrawal', 1, 'withdraw|detox|w/d|wd|quit|stopped|ran out|off |cold turkey|day|haven|abstinencia|deje|dias sin', "withdrawals?|off (?:the |my )?(?:benzos?|xanax|xans|klonopin|valium|ativan|bars|booze|alcohol|drinking|bottle)|detox(?:ing)?|w/?d|(?:quit|stopped|ran out of|came off|coming off) (?:my |the )?(?:drinking|xanax|xans|benzos?|klonopin|valium|ativan|bars|the bottle|alcohol|booze)|cold turkey|(?:day|days) (?:\\d{1,2}|two|three|four|one) (?:without|off|no) (?:a drink|drinking|booze|alcohol|benzos|xanax|my klonopin|the bars)|haven'?t (?:had a drink|drunk|drank|had my (?:xanax|benzos|klonopin))|abstinencia|deje (?:de tomar|de beber|el alcohol|el clonazepam|las clonas|el rivotril)|(?:\\d{1,2}|dos|tres|cuatro) dias sin (?:tomar|beber|alcohol|clonas|clonazepam|rivotril)", { after: ['seizure', 'shaking', 'came_to'] }),
  S('cardiac', 'en', 'cardiac', 1, 'chest|arm|sweat|drenched|jaw|pecho|sudor|sudando|brazo', "chest (?:is |feels |got |getting |so |really )*(?:tight|heavy|squeez\\w{0,3}|crushing)|tight(?:ness)? (?:in|across) my chest|(?:pressure|weight) (?:in|on) my chest|(?:left )?arm (?:is |went |feels |going |got )?(?:numb|tingly|tingling|heavy|dead)|cold sweats?|(?:sweating|drenched) (?:buckets|through|like crazy)|jaw (?:hurts|is tight|pain)|(?:me )?aprieta el pecho|presion en el pecho|sudor frio|sudando frio|se me (?:durmio|entumio|adormecio) el brazo|brazo (?:dormido|entumido)", { unless: EXERCISE }),
  S('blue', 'en', 'blue', 3, 'blue|bluish|gray|grey|purple|ashen|morad|azul|gris', "(?:lips|face|fingertips|fingers|nails|skin) (?:\\w{1,10} ){0,3}(?:blue|bluish|gr[ae]y|greyish|grayish|purple|purplish|ashen)|(?:labios|cara|unas|dedos) (?:\\w{1,10} ){0,3}(?:morad[oa]s?|azul(?:es)?|gris(?:es)?|grisace[oa]s?)", { unless: COLOR_INNOCENT, anyTense: true }),
  S('foam', 'en', 'blue', 3, 'foam|espuma', 'foam(?:ing)? (?:at|from|out of) (?:the|his|her|their) mouth|(?:white )?foam (?:coming )?(?:out of|from) (?:his|her|their|the) mouth|espuma (?:por|en|de) la boca|echando espuma', { unless: FOAM_IDIOM, anyTense: true }),
  S('no_response', 'en', 'no_response', 3, 'respond|react|move|wake|open|shook|shak|splashed|poured|pinched|slapped|rubbed|movi|sacudi|eche agua|heche|pellizque', "(?:won'?t|doesn'?t|didn'?t|isn'?t|not|wouldn'?t) (?:respond|react|move|wake|open (?:his|her|their) eyes)(?:ing)? (?:\\w{1,10} ){0,3}(?:shake|shook|shaking|splash\\w{0,3}|water|pinch\\w{0,3}|slap\\w{0,3}|sternum|rub\\w{0,3}|yell\\w{0,3})|(?:shook|shaking|shake|splashed water on|poured water on|pinched|slapped|rubbed) (?:him|her|them|my \\w{2,12})(?: \\w{1,10}){0,4} (?:and|but) (?:nothing|no response|(?:he|she|they) (?:won'?t|doesn'?t|didn'?t|isn'?t|just))|(?:lo|la|le) (?:movi|sacudi|eche agua|heche agua|pellizque)(?: \\w{1,10}){0,3} y (?:nada|no (?:responde|reacciona|despierta|se mueve))", { anyTense: true }),
  // ── Violence told as the act or the weapon; abuse told as acts ──────────────────────────────────────────────
  S('weapon_out', 'en', 'violence_act', 3, 'gun|pistol|revolver|shotgun|rifle|glock|knife|machete|bat|hammer|axe|pistola|arma|escopeta', `${PERSON} (?:just )?(?:got|grabbed|pulled|took|brought|went to get|went for|is holding|has|loaded) (?:out )?(?:the|his|her|a|their|my dad'?s) (?:${GUN}|knife|machete|bat|hammer|axe)(?: out)?(?! (?:from the (?:store|shop)|to (?:cut|carve|open)))`, { unless: pattern(`hunting|season|deer|duck|range|skeet|clean(?:ing)?|gun safe|sell|sold|gun show|cake|kitchen|cook\\w{0,3}|carve|carving|turkey|onions?|steak|baseball|softball|game|practice|league|cricket|batting|garden|yard work|nails?|shelf|tent|fence`) }),
  S('weapon_outside', 'en', 'violence_act', 3, 'with a|with his|with her', "(?:someone|somebody|a (?:guy|man|dude|person|woman)|(?:he|she|my ex)(?:'s| is)?) with (?:a|his|her) (?:knife|gun|bat|machete|pistol|rifle) (?:is )?(?:outside|at (?:my|the|our) (?:door|window)|in (?:my|the|our) (?:yard|hallway|building|driveway)|trying to get in|banging)"),
  S('strangling', 'en', 'violence_act', 3, 'strangl|choking', `(?:strangling|choking) ${VICTIM}(?! (?:up|on|with|out with|back|down))`, { unless: SPORT }),
  S('saco_arma', 'es', 'violence_act', 3, 'saco|agarro|trae|tiene|fue por|cargo|alguien con|ahorcando|estrangulando|asfixiando', `(?:saco|agarro|trae|tiene|fue por|cargo) (?:la|el|su|una|un) (?:${GUN}|cuchillo|machete|bate)(?! (?:para (?:cortar|partir|pelar)|de juguete|registrada))|alguien con (?:un|una) (?:cuchillo|pistola|machete|arma) (?:afuera|en la puerta|en el patio)|(?:la|lo|me) (?:esta )?(?:ahorcando|estrangulando|asfixiando)`, { unless: pattern('caza|temporada|venado|limpi\\w{1,4}|pastel|cocina|beisbol|partido|vender|vendio|lucha|clase') }),
  S('bat_by_door', 'en', 'weapon_kept', 2, 'bat|knife|gun|hammer|machete|pistol|bate|cuchillo', '(?:keep|keeps|keeping|sleep with|sleeping with|put|got|have) (?:a |my |the |his )?(?:bat|knife|gun|hammer|machete|pistol) (?:by|next to|under|behind) (?:the|my|our) (?:door|bed|pillow)|(?:bat|knife|gun|machete) (?:is )?(?:by|next to|behind) the door|(?:un|el|mi) (?:bate|cuchillo|machete) (?:junto a|detras de|al lado de|debajo de) (?:la puerta|la cama|mi almohada)', { unless: FEAR_INNOCENT }),
  S('hits_me', 'en', 'abuse_act', 2, 'hits|slaps|punches|kicks|chokes|beats|shoves|smacks|pega|golpea|cachetea|patea|ahorca|empuja', "(?:and|then|after that) (?:he |she |they )?(?:hits|slaps|punches|kicks|chokes|beats|shoves|smacks) (?:me|us|my (?:mom|kids|sister|brother))(?! (?:up|that|how|hard emotionally|in the feels))|(?:y|luego|despues) (?:me|nos) (?:pega|golpea|cachetea|patea|ahorca|empuja)"),
  S('night_room', 'en', 'abuse_act', 2, 'my room|my bed|mi cuarto|mi cama|mi recamara', "(?:comes?|came|sneaks?|snuck|gets?) (?:in ?to|into|in) my (?:room|bed|bedroom) (?:\\w{1,10} ){0,3}(?:at night|when (?:he'?s|she'?s|he is|she is|he'?s been|they'?re) (?:drunk|high|drinking)|drunk|while i'?m (?:asleep|sleeping))|(?:entra|se mete|se metia|entraba) (?:a|en) mi (?:cuarto|cama|recamara) (?:\\w{1,10} ){0,3}(?:en la noche|de noche|en las noches|cuando (?:esta|viene|llega) (?:borracho|tomado|pedo|drogado))", { unless: pattern('say goodnight|tuck|check on|kiss|read|pray|buenas noches|arropar|rezar') }),
  S('kill_if_leave', 'en', 'abuse_act', 2, 'if i| si ', "(?:threatens?|threatened|threatening|says|said|swears|swore) (?:\\w{1,10} )?(?:(?:he'?ll|she'?ll|he will|she will|he would|she would|he'?d|she'?d|to) )?(?:kill|hurt|find) (?:me|us|himself|herself)(?: \\w{1,10}){0,2} if i (?:leave|go|tell|call|try)|me (?:amenaza|amenazo|dice|dijo|jura) (?:con matarme|que me mata|que me va a matar|que me encuentra)(?: \\w{1,10}){0,2} si (?:lo|la|le|me|lo) ?(?:dejo|denuncio|digo|voy|dejara)"),
  S('choked_before', 'en', 'abuse_act', 2, 'choked|strangled|ahorcado|estrangulado|ahorco|estrangulo', "(?:has |he'?s |she'?s |he has |she has )?(?:choked|strangled) me (?:before|once|twice|a few times|until|till|so hard)|me ha (?:ahorcado|estrangulado)|ya me (?:ahorco|estrangulo|ahorcado) (?:antes|una vez)", { anyTense: true }),
  S('scratch_bleed', 'en', 'self_harm_act', 2, 'bleed|bled|cigarette|lighter|smoke|cigarro|encendedor|cerillo|sangr|cabeza contra|unas', "(?:scratch|scratching|scratched|pick|picking|picked|dig|digging|dug|carve|carving|carved|rub|rubbing) (?:at )?(?:into )?(?:my )?(?:\\w{1,10} )?(?:arms?|wrists?|legs?|skin|thighs?|stomach)(?: \\w{1,10}){0,3} (?:till|until|til|so) (?:they|it|i) (?:bleed|bled|bleeds|start bleeding)|(?:burn|burned|burning) (?:myself|my \\w{2,10}) with (?:a |my |the )?(?:cigarettes?|lighters?|smokes?)|(?:me )?(?:quemo|queme|quemando|quemandome) (?:\\w{1,10} ){0,2}con (?:el|un|los|mis) (?:cigarros?|encendedor|cerillos?)|me (?:rasguno|rasgue|rasco|rasque) (?:\\w{1,10} ){0,2}hasta (?:sangrar|que sangr\\w{1,4})|(?:me )?(?:pego|pegue|golpeo|azoto) (?:en )?la cabeza contra (?:la pared|el piso)|me (?:encajo|entierro|clavo) las unas", { unless: ITCH }),
  // ── Relapse told as a scene ─────────────────────────────────────────────────────────────────────────────────
  S('bought', 'en', 'relapse', 1, 'bought|copped|scored|got|picked up|grabbed|compre|consegui|agarre|pille', "(?:bought|copped|scored|got|picked up|grabbed) (?:a |some |an |the |two |my )?(?:bag|baggie|bundle|gram|point|eight ball|bottle|fifth|handle|pint|six pack|12 pack|case|bars|pills|blues|fent|dope|coke|crack|meth|shard|molly)(?: \\w{1,10}){0,3} (?:an hour ago|hours? ago|earlier|today|tonight|this morning|just now|on the way home)|(?:compre|consegui|agarre|pille) (?:una |un |la |el |unas |unos )?(?:botella|pomo|bolsa|bolsita|grapa|gramo|caguamas?|six|cervezas|perico|cristal|coca|piedra|chochos|pastillas)", { unless: SOBER }),
  S('on_table', 'en', 'relapse', 1, 'table|counter|nightstand|desk|lap|pocket|car|dashboard|seat|front of me|mesa|buro|enfrente', "(?:it'?s|the bag|the bottle|the baggie|the gram|the pills|bag is|bottle is|it is) (?:just )?(?:right )?(?:sitting )?(?:on|in) (?:the|my) (?:table|counter|nightstand|desk|lap|pocket|car|dashboard|passenger seat)|(?:sitting )?(?:right )?in front of me|(?:esta|la tengo|lo tengo|la botella esta|la bolsa esta) (?:aqui )?(?:en|sobre) (?:la mesa|el buro)|enfrente de mi", { unless: SOBER, after: ['relapse'] }),
  S('using_now', 'en', 'relapse', 2, 'already|bump|line|ya |van |cantina|bar|antro|pisteada|liquor store|dealer', "already (?:did|had|took|done|drank|snorted|smoked) (?:a |one |two |three |four |half |some |the first |a couple )?(?:bump|line|hit|shot|drink|beer|of (?:it|the bottle)|pills?|bars?)s?|(?:did|took|had|doing) (?:a |another |my first )?(?:bump|line of coke|fat line)|ya (?:me )?(?:tome|bebi|meti|fume|me meti) (?:la mitad|media botella|medio pomo|(?:una|dos|tres|cuatro|\\d) (?:tequilas|cervezas|chelas|tragos|copas|shots|lineas|rayas))|ya van (?:\\d{1,2}|dos|tres|cuatro|cinco|seis) (?:tequilas|cervezas|chelas|tragos|copas|shots|vasos|caguamas|lineas|rayas)|(?:estoy|ando|sigo) (?:ahorita |ahora )?en (?:la cantina|el bar|el antro|la pisteada)|(?:i'?m|sitting|standing) (?:at|in) (?:the|a) (?:bar|liquor store|dealer'?s (?:house|place))(?: \\w{1,10}){0,2} (?:right now|rn|as we speak)", { unless: SOBER }),
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
const NEEDLE_RE = new RegExp(`(?:(?<![a-z0-9])|(?=[^a-z0-9]))(?=(${NEEDLES.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')}))`, 'g');
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
export function findSignals(t: string, cap = 8): Hit[] {
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
  if (out.length === 0) return out;
  for (let i = 0; i < COMPILED.length; i++) {
    const after = COMPILED[i]!.signal.after;
    if (possible[i] && after?.some((k) => out.some((h) => h.signal.kind === k))) run(i);
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
export function combine(hits: Hit[], context: { despair: boolean }): Raise[] {
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

  // Suicide: arrangements, places and means, each weighed with the others.
  if (farewell.length > 0) {
    if (means.length + height.length + ingest.length > 0) raise('farewell_means', farewell, 'suicide', 'emergency', 6);
    else if (despair) raise('farewell_despair', farewell, 'suicide', 'emergency', 6);
    else if (weight(farewell) >= 3) raise('farewell', farewell, 'suicide', 'emergency', 6);
    else if (weight(farewell) >= 2 && distinct(farewell) >= 1) raise('farewell_arrangements', farewell, 'suicide', 'urgent', 6);
  }
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

  // Self-harm told as the act; relapse told as a scene.
  if (by('self_harm_act').length > 0) raise('self_harm_act', by('self_harm_act'), 'self_harm', 'urgent');
  const relapse = by('relapse');
  if (relapse.length > 0 && weight(relapse) >= 2) raise('relapse_scene', relapse, 'relapse', 'urgent');
  return out;
}
