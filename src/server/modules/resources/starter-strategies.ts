import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { COPING_WHEN } from '../../../contracts/resources.ts';
import { copingLibraryStrategy } from './tables.ts';

/**
 * The coping strategies a fresh instance starts with, written for Kindred in English and Spanish (the Spanish is
 * written for a Spanish speaker, not translated word for word). Plain enough to follow on a phone in a craving at
 * 2 a.m.: short steps, one thing at a time, no medical claims. They are ordinary library strategies afterwards
 * (source `kindred`, approved); a reviewer can hide any of them.
 */

/** Bump when strategies are added to the starter set; instances that had an older version receive only what is new. */
export const STARTER_STRATEGIES_VERSION = 1;

type When = (typeof COPING_WHEN)[number];
interface Wording {
  title: string;
  summary: string;
  steps: string[];
}
export interface StarterStrategy {
  /** The same in both languages: "urge-surfing". */
  key: string;
  whenHelps: When[];
  en: Wording;
  es: Wording;
  /** The STARTER_STRATEGIES_VERSION that added it (1 when absent). */
  since?: number;
}

export const STARTER_STRATEGIES: readonly StarterStrategy[] = [
  {
    key: 'urge-surfing',
    whenHelps: ['cravings', 'triggers'],
    en: {
      title: 'Urge surfing',
      summary: 'A craving is a wave: it builds, peaks and passes. You do not have to fight it or obey it, only ride it out.',
      steps: [
        'Sit or lie down somewhere you can stay for a few minutes.',
        'Notice where you feel the urge in your body: chest, throat, stomach, hands.',
        'Breathe slowly and describe it to yourself: tight, hot, buzzing, heavy.',
        'Rate it from 0 to 10. Check again every minute or two.',
        'Watch it rise and fall like a wave. You are on the board, not under the water.',
        'When it drops, notice that you got through it without using.',
      ],
    },
    es: {
      title: 'Surfear las ganas',
      summary: 'Las ganas son como una ola: crecen, llegan a su punto más alto y bajan. No tienes que pelear con ellas ni obedecerlas, solo dejarlas pasar.',
      steps: [
        'Siéntate o acuéstate donde puedas quedarte unos minutos.',
        'Fíjate en qué parte del cuerpo sientes las ganas: el pecho, la garganta, el estómago, las manos.',
        'Respira despacio y descríbelas por dentro: apretadas, calientes, como un zumbido, pesadas.',
        'Ponles una nota del 0 al 10 y vuelve a revisar cada minuto o dos.',
        'Mira cómo suben y bajan, como una ola. Tú vas sobre la tabla, no debajo del agua.',
        'Cuando bajen, date cuenta de que lo pasaste sin consumir.',
      ],
    },
  },
  {
    key: 'delay-distract-decide',
    whenHelps: ['cravings'],
    en: {
      title: 'Delay, distract, decide',
      summary: 'Put a gap between the urge and any choice. Most urges lose their grip if you wait them out.',
      steps: [
        'Delay: tell yourself "not for the next 20 minutes." Set a timer on your phone.',
        'Distract: do something that keeps your hands and head busy, like a shower, a walk, a game or washing dishes.',
        'When the timer goes off, check in: is the urge smaller, the same or bigger?',
        'Decide: remind yourself why you chose recovery and what you want tomorrow to look like.',
        'If it is still strong, set another 20 minutes and call someone.',
      ],
    },
    es: {
      title: 'Esperar, distraerte, decidir',
      summary: 'Deja un espacio entre las ganas y cualquier decisión. Casi siempre las ganas pierden fuerza si les das tiempo.',
      steps: [
        'Espera: dite "ahora no, en los próximos 20 minutos no". Pon un temporizador en el teléfono.',
        'Distráete: haz algo que ocupe tus manos y tu cabeza, como darte una ducha, caminar, jugar algo o lavar los platos.',
        'Cuando suene el temporizador, revisa: ¿las ganas son menores, iguales o mayores?',
        'Decide: recuerda por qué elegiste la recuperación y cómo quieres que sea tu día de mañana.',
        'Si siguen fuertes, pon otros 20 minutos y llama a alguien.',
      ],
    },
  },
  {
    key: 'halt-check',
    whenHelps: ['halt', 'cravings', 'stress'],
    en: {
      title: 'HALT check',
      summary: 'Hungry, Angry, Lonely, Tired. A craving is often one of these in disguise. Check each one and handle it first.',
      steps: [
        'Hungry? When did you last eat? Have something, even something small.',
        'Angry? Name who or what you are angry at. Write it down or tell someone.',
        'Lonely? Send a message to one person, or join a meeting or the forum.',
        'Tired? If it is late, the kindest thing may be to go to bed.',
        'Take care of the one that is loudest, then check the craving again.',
      ],
    },
    es: {
      title: 'Revisión HALT',
      summary: 'HALT en inglés: hambre, enojo, soledad, cansancio. Muchas veces las ganas son una de estas cosas disfrazada. Revisa cada una y atiéndela primero.',
      steps: [
        '¿Hambre? ¿Cuándo comiste por última vez? Come algo, aunque sea poco.',
        '¿Enojo? Di quién o qué te hizo enojar. Escríbelo o cuéntaselo a alguien.',
        '¿Soledad? Escríbele a una persona, o entra a una reunión o al foro.',
        '¿Cansancio? Si es tarde, lo más amable contigo puede ser irte a dormir.',
        'Atiende la que grite más fuerte y luego vuelve a revisar las ganas.',
      ],
    },
  },
  {
    key: 'call-someone',
    whenHelps: ['cravings', 'loneliness', 'stress'],
    en: {
      title: 'Call someone',
      summary: 'Saying it out loud to another person takes away a lot of its power. You do not need the right words.',
      steps: [
        'Pick one person from your phone, your safety plan or your group.',
        'Call or text. You can start with "I am having a hard moment, can you talk?"',
        'If they do not answer, try the next person on your list. Keep going.',
        'Say what is happening, plainly. You do not have to explain everything.',
        'If nobody answers and you feel unsafe, call a crisis line: in the United States, call or text 988.',
      ],
    },
    es: {
      title: 'Llamar a alguien',
      summary: 'Decirlo en voz alta a otra persona le quita mucha fuerza. No necesitas las palabras perfectas.',
      steps: [
        'Elige a una persona de tus contactos, de tu plan de seguridad o de tu grupo.',
        'Llama o escribe. Puedes empezar con "estoy pasando un mal momento, ¿puedes hablar?".',
        'Si no contesta, prueba con la siguiente persona de tu lista. No te detengas.',
        'Cuenta lo que te pasa, sin rodeos. No tienes que explicarlo todo.',
        'Si nadie contesta y no te sientes a salvo, llama a una línea de crisis: en Estados Unidos, llama o escribe al 988.',
      ],
    },
  },
  {
    key: 'grounding-5-4-3-2-1',
    whenHelps: ['stress', 'triggers', 'anger'],
    en: {
      title: 'Grounding 5-4-3-2-1',
      summary: 'When your mind is racing, use your senses to come back to the room you are in, right now.',
      steps: [
        'Name 5 things you can see.',
        'Name 4 things you can touch, and touch them.',
        'Name 3 things you can hear.',
        'Name 2 things you can smell, or two smells you like.',
        'Name 1 thing you can taste, or take a sip of water.',
        'Take one slow breath and notice: you are here, and this moment is passing.',
      ],
    },
    es: {
      title: 'Volver al presente: 5-4-3-2-1',
      summary: 'Cuando la mente va a mil, usa los sentidos para volver al lugar donde estás, ahora mismo.',
      steps: [
        'Nombra 5 cosas que puedes ver.',
        'Nombra 4 cosas que puedes tocar, y tócalas.',
        'Nombra 3 cosas que puedes oír.',
        'Nombra 2 cosas que puedes oler, o dos olores que te gusten.',
        'Nombra 1 cosa que puedes saborear, o toma un sorbo de agua.',
        'Respira una vez despacio y fíjate: estás aquí, y este momento está pasando.',
      ],
    },
  },
  {
    key: 'play-the-tape-forward',
    whenHelps: ['cravings', 'triggers'],
    en: {
      title: 'Play the tape forward',
      summary: 'A craving shows you the first five minutes. Watch the whole film before you decide.',
      steps: [
        'Picture the first drink or use, the part the craving is selling you.',
        'Keep the tape running: what happens an hour later? That night?',
        'What does tomorrow morning look like? Who do you have to face?',
        'Now play the other tape: you get through tonight. How is tomorrow morning?',
        'Choose the morning you want.',
      ],
    },
    es: {
      title: 'Ver la película hasta el final',
      summary: 'Las ganas te muestran solo los primeros cinco minutos. Mira la película completa antes de decidir.',
      steps: [
        'Imagina el primer trago o el primer consumo, la parte que las ganas te quieren vender.',
        'Deja correr la película: ¿qué pasa una hora después? ¿Y esa noche?',
        '¿Cómo es la mañana siguiente? ¿A quién tienes que mirar a la cara?',
        'Ahora mira la otra película: pasas esta noche sin consumir. ¿Cómo es mañana?',
        'Elige la mañana que quieres.',
      ],
    },
  },
  {
    key: 'box-breathing',
    whenHelps: ['stress', 'anger', 'sleep'],
    en: {
      title: 'Box breathing',
      summary: 'Four equal sides: in, hold, out, hold. Something to do with your body while the feeling settles.',
      steps: [
        'Breathe out all the way.',
        'Breathe in through your nose while you count slowly to 4.',
        'Hold for a count of 4.',
        'Breathe out through your mouth for a count of 4.',
        'Hold for a count of 4, then start again.',
        'Do four or five rounds. If holding feels uncomfortable, just breathe in and out slowly instead.',
      ],
    },
    es: {
      title: 'Respiración cuadrada',
      summary: 'Cuatro lados iguales: inhala, sostén, exhala, sostén. Algo que hacer con el cuerpo mientras la emoción se calma.',
      steps: [
        'Suelta todo el aire.',
        'Inhala por la nariz mientras cuentas despacio hasta 4.',
        'Sostén el aire contando hasta 4.',
        'Exhala por la boca contando hasta 4.',
        'Quédate sin aire contando hasta 4, y vuelve a empezar.',
        'Haz cuatro o cinco vueltas. Si sostener el aire te incomoda, solo respira lento, dentro y fuera.',
      ],
    },
  },
  {
    key: 'opposite-action',
    whenHelps: ['anger', 'loneliness', 'boredom'],
    en: {
      title: 'Opposite action',
      summary: 'Feelings come with an urge to act. When acting on it would hurt you, gently do the opposite.',
      steps: [
        'Name the feeling: angry, ashamed, low, lonely.',
        'Name what it tells you to do: yell, hide, stay in bed, cut everyone off.',
        'Ask: would doing that help me tonight, or make things worse?',
        'If worse, pick the opposite: speak softly, step outside, get up, reach out.',
        'Do it fully for ten minutes, even if you do not feel like it yet.',
      ],
    },
    es: {
      title: 'Acción opuesta',
      summary: 'Cada emoción trae ganas de hacer algo. Cuando hacerlo te haría daño, haz con suavidad lo contrario.',
      steps: [
        'Ponle nombre a lo que sientes: enojo, vergüenza, tristeza, soledad.',
        'Di qué te pide hacer: gritar, esconderte, quedarte en la cama, cortar con todos.',
        'Pregúntate: ¿hacer eso me ayuda esta noche o lo empeora?',
        'Si lo empeora, elige lo contrario: hablar bajito, salir un momento, levantarte, buscar a alguien.',
        'Hazlo de lleno durante diez minutos, aunque todavía no tengas ganas.',
      ],
    },
  },
  {
    key: 'gratitude-list',
    whenHelps: ['stress', 'loneliness', 'boredom'],
    en: {
      title: 'A gratitude list',
      summary: 'Not to pretend things are fine, but to remember they are not only bad.',
      steps: [
        'Open your notes or grab paper.',
        'Write three things from today you are glad about, however small: coffee, a text, a dog.',
        'Add one thing recovery has given you that you did not have before.',
        'Add one person you are grateful for. Think about telling them.',
        'Read the list back slowly.',
      ],
    },
    es: {
      title: 'Una lista de gratitud',
      summary: 'No es para fingir que todo está bien, sino para recordar que no todo está mal.',
      steps: [
        'Abre las notas del teléfono o toma un papel.',
        'Escribe tres cosas de hoy que te alegran, por pequeñas que sean: un café, un mensaje, tu perro.',
        'Agrega una cosa que la recuperación te ha dado y que antes no tenías.',
        'Agrega a una persona a la que le agradeces algo. Piensa en decírselo.',
        'Vuelve a leer la lista, despacio.',
      ],
    },
  },
  {
    key: 'move-your-body',
    whenHelps: ['stress', 'anger', 'cravings', 'boredom'],
    en: {
      title: 'Move your body',
      summary: 'Restless energy has to go somewhere. Give it a job for ten minutes.',
      steps: [
        'Pick something you can do right now: a walk, stairs, stretching, dancing in the kitchen, push-ups against a wall.',
        'Set a timer for 10 minutes.',
        'Move at a pace that feels like effort but not pain.',
        'When the timer goes off, drink some water and check how you feel.',
        'Only do what is safe for your body; slow counts.',
      ],
    },
    es: {
      title: 'Mover el cuerpo',
      summary: 'La inquietud tiene que ir a algún lado. Dale un trabajo durante diez minutos.',
      steps: [
        'Elige algo que puedas hacer ya: caminar, subir escaleras, estirarte, bailar en la cocina, lagartijas contra la pared.',
        'Pon un temporizador de 10 minutos.',
        'Muévete a un ritmo que cueste un poco, sin que duela.',
        'Cuando suene, toma agua y fíjate cómo te sientes.',
        'Haz solo lo que sea seguro para tu cuerpo; ir despacio también cuenta.',
      ],
    },
  },
  {
    key: 'change-your-surroundings',
    whenHelps: ['cravings', 'triggers'],
    en: {
      title: 'Change your surroundings',
      summary: 'Some places keep a craving going. Leaving the room is a real decision, not running away.',
      steps: [
        'Notice what around you is feeding the urge: the room, the people, a smell, a screen.',
        'Get up and go somewhere else, even just another room or outside the front door.',
        'If you are somewhere with alcohol or drugs around, it is okay to leave without explaining.',
        'Go toward people or a public place if being alone makes it worse.',
        'Once you are somewhere new, take three slow breaths before deciding what is next.',
      ],
    },
    es: {
      title: 'Cambiar de lugar',
      summary: 'Hay lugares que mantienen vivas las ganas. Salir de ahí es una decisión de verdad, no una huida.',
      steps: [
        'Fíjate qué cosa a tu alrededor alimenta las ganas: el cuarto, la gente, un olor, una pantalla.',
        'Levántate y ve a otro lado, aunque sea otro cuarto o la puerta de la calle.',
        'Si estás donde hay alcohol o drogas, está bien irte sin dar explicaciones.',
        'Si estar a solas lo empeora, ve hacia donde haya gente o a un lugar público.',
        'Ya en el lugar nuevo, respira tres veces despacio antes de decidir qué sigue.',
      ],
    },
  },
  {
    key: 'cold-water-reset',
    whenHelps: ['cravings', 'anger', 'stress'],
    en: {
      title: 'Cold water reset',
      summary: 'A quick jolt of cold brings a lot of people straight back into the present moment.',
      steps: [
        'Go to a sink and run the water as cold as it goes.',
        'Splash your face several times, or hold a cold wet cloth on your face for 30 seconds.',
        'Or hold an ice cube in your hand and pay attention to how it feels.',
        'Breathe out slowly while you do it.',
        'Stop if it hurts. Cool water is enough; it does not need to be icy.',
      ],
    },
    es: {
      title: 'Agua fría para volver',
      summary: 'Un golpe rápido de frío trae a mucha gente de vuelta al momento presente.',
      steps: [
        'Ve al lavabo y deja correr el agua lo más fría que salga.',
        'Échate agua en la cara varias veces, o ponte un trapo frío y mojado en la cara durante 30 segundos.',
        'O sostén un cubito de hielo en la mano y pon atención a lo que sientes.',
        'Suelta el aire despacio mientras lo haces.',
        'Para si duele. Con agua fresca basta; no tiene que estar helada.',
      ],
    },
  },
  {
    key: 'recovery-playlist',
    whenHelps: ['cravings', 'stress', 'boredom', 'loneliness'],
    en: {
      title: 'A recovery playlist',
      summary: 'Music changes a mood faster than arguing with it. Build the playlist on a good day, use it on a hard one.',
      steps: [
        'Make a playlist of songs that make you feel strong, calm or understood.',
        'Leave out songs tied to using, even ones you love, for now.',
        'When things get hard, put on headphones and play three songs before doing anything else.',
        'Sing along, move, or just listen with your eyes closed.',
        'Add a song whenever you find one that helps.',
      ],
    },
    es: {
      title: 'Una lista de música para la recuperación',
      summary: 'La música cambia el ánimo más rápido que discutir con él. Arma la lista en un día bueno y úsala en uno difícil.',
      steps: [
        'Arma una lista con canciones que te den fuerza, te den calma o te hagan sentir que alguien te entiende.',
        'Por ahora deja fuera las canciones ligadas al consumo, aunque te encanten.',
        'Cuando se ponga difícil, ponte los audífonos y escucha tres canciones antes de hacer cualquier otra cosa.',
        'Canta, muévete o solo escucha con los ojos cerrados.',
        'Agrega una canción cada vez que encuentres una que te ayude.',
      ],
    },
  },
  {
    key: 'journal-the-urge',
    whenHelps: ['cravings', 'triggers'],
    en: {
      title: 'Journal the urge',
      summary: 'Writing an urge down turns it from a command into something you can look at.',
      steps: [
        'Write the time and rate the urge from 0 to 10.',
        'Write what happened just before it: where you were, who with, what you were feeling.',
        'Write what the urge is telling you, in its own words.',
        'Write what you will do instead, for the next hour.',
        'Later, rate the urge again. Over time your notes show your patterns.',
      ],
    },
    es: {
      title: 'Escribir las ganas',
      summary: 'Escribir las ganas las convierte de una orden en algo que puedes mirar desde fuera.',
      steps: [
        'Anota la hora y ponle a las ganas una nota del 0 al 10.',
        'Escribe qué pasó justo antes: dónde estabas, con quién, qué sentías.',
        'Escribe lo que te dicen las ganas, con sus propias palabras.',
        'Escribe qué vas a hacer en su lugar durante la próxima hora.',
        'Más tarde, vuelve a ponerles nota. Con el tiempo, tus notas te muestran tus patrones.',
      ],
    },
  },
  {
    key: 'meeting-now',
    whenHelps: ['cravings', 'loneliness', 'triggers'],
    en: {
      title: 'Go to a meeting now',
      summary: 'There is a meeting somewhere, in person or online, at almost any hour. You can just listen.',
      steps: [
        'Open the meeting finder and look for one starting soon, in person or online.',
        'If nothing is close, join an online meeting: many run late at night.',
        'You do not have to speak. Camera off is fine.',
        'Stay until the end, then message one person you heard or met.',
        'If you cannot find one, post in the forum or call someone from your list.',
      ],
    },
    es: {
      title: 'Ir a una reunión ahora',
      summary: 'Casi a cualquier hora hay una reunión en algún lado, presencial o en línea. Puedes solo escuchar.',
      steps: [
        'Abre el buscador de reuniones y busca una que empiece pronto, presencial o en línea.',
        'Si no hay nada cerca, entra a una en línea: muchas son de noche.',
        'No tienes que hablar. Puedes tener la cámara apagada.',
        'Quédate hasta el final y luego escríbele a una persona que escuchaste o conociste.',
        'Si no encuentras ninguna, escribe en el foro o llama a alguien de tu lista.',
      ],
    },
  },
  {
    key: 'just-for-today',
    whenHelps: ['stress', 'cravings'],
    en: {
      title: 'The "just for today" plan',
      summary: 'Forever is too big. Today is a size you can carry.',
      steps: [
        'Tell yourself: "Just for today, I will not use." Only today.',
        'Write down three things you will do today: one for your body, one for your recovery, one for someone else.',
        'Plan the hardest hour of the day and who you can call then.',
        'Tonight, before bed, tick off what you did. Anything counts.',
        'Tomorrow is a new today.',
      ],
    },
    es: {
      title: 'El plan de "solo por hoy"',
      summary: 'Para siempre es demasiado. Hoy es un tamaño que puedes cargar.',
      steps: [
        'Dite: "Solo por hoy no voy a consumir". Solo hoy.',
        'Anota tres cosas que harás hoy: una por tu cuerpo, una por tu recuperación y una por otra persona.',
        'Piensa en la hora más difícil del día y a quién puedes llamar en ese momento.',
        'En la noche, antes de dormir, marca lo que hiciste. Todo cuenta.',
        'Mañana es un nuevo hoy.',
      ],
    },
  },
  {
    key: 'sleep-wind-down',
    whenHelps: ['sleep', 'halt'],
    en: {
      title: 'Sleep wind-down routine',
      summary: 'Give your body the same signals every night that the day is over.',
      steps: [
        'Pick a bedtime and start winding down 30 minutes before it.',
        'Dim the lights and put the phone on the other side of the room, or on do-not-disturb.',
        'Do the same calm things in the same order: wash up, a warm drink without caffeine, a few pages of a book.',
        'Write down anything on your mind for tomorrow, so it can wait on paper.',
        'In bed, breathe slowly and let your body get heavy.',
      ],
    },
    es: {
      title: 'Rutina para prepararte a dormir',
      summary: 'Dale a tu cuerpo las mismas señales cada noche de que el día terminó.',
      steps: [
        'Elige una hora para dormir y empieza a bajar el ritmo 30 minutos antes.',
        'Baja las luces y deja el teléfono al otro lado del cuarto, o en modo no molestar.',
        'Haz las mismas cosas tranquilas en el mismo orden: asearte, una bebida caliente sin cafeína, unas páginas de un libro.',
        'Anota lo que te dé vueltas para mañana, para que espere en el papel.',
        'Ya en la cama, respira despacio y deja que el cuerpo se ponga pesado.',
      ],
    },
  },
  {
    key: 'cant-sleep',
    whenHelps: ['sleep'],
    en: {
      title: 'When you cannot sleep',
      summary: 'Lying there fighting it makes the night longer. Get up, keep it dim and dull, and try again.',
      steps: [
        'If you have been awake a long while, get up instead of tossing and turning.',
        'Go somewhere dim and do something quiet and a little boring: fold laundry, read something easy.',
        'Skip bright screens, news and anything that gets you worked up.',
        'If thoughts keep spinning, write them down and tell yourself they can wait until morning.',
        'Go back to bed when you feel sleepy. A rough night is survivable; you do not need to fix it tonight.',
      ],
    },
    es: {
      title: 'Cuando no puedes dormir',
      summary: 'Quedarte peleando con el insomnio alarga la noche. Levántate, con poca luz y algo aburrido, y vuelve a intentarlo.',
      steps: [
        'Si llevas mucho rato sin poder dormir, levántate en vez de dar vueltas en la cama.',
        'Ve a un lugar con poca luz y haz algo tranquilo y un poco aburrido: doblar ropa, leer algo ligero.',
        'Evita pantallas brillantes, noticias y todo lo que te altere.',
        'Si los pensamientos no paran, escríbelos y dite que pueden esperar a mañana.',
        'Vuelve a la cama cuando te dé sueño. Una mala noche se aguanta; no tienes que arreglarla hoy.',
      ],
    },
  },
  {
    key: 'boredom-menu',
    whenHelps: ['boredom', 'cravings'],
    en: {
      title: 'A boredom menu',
      summary: 'Boredom is a common trigger. Decide on a good day what you will do on an empty one.',
      steps: [
        'On a calm day, write a list of things you can do in 10 minutes, in an hour, and in an afternoon.',
        'Mix kinds: something with your hands, something outside, something with people, something just for fun.',
        'Keep the list on your phone where you can find it fast.',
        'When boredom hits, pick from the menu without thinking too hard. Any choice is fine.',
        'Cross off what did not work and add new ideas as you find them.',
      ],
    },
    es: {
      title: 'Un menú contra el aburrimiento',
      summary: 'El aburrimiento es un detonante común. Decide en un día bueno qué harás en uno vacío.',
      steps: [
        'En un día tranquilo, haz una lista de cosas que puedes hacer en 10 minutos, en una hora y en una tarde.',
        'Mezcla de todo: algo con las manos, algo al aire libre, algo con gente, algo solo por diversión.',
        'Guarda la lista en el teléfono, donde la encuentres rápido.',
        'Cuando llegue el aburrimiento, elige del menú sin pensarlo mucho. Cualquier opción sirve.',
        'Tacha lo que no funcionó y agrega ideas nuevas cuando se te ocurran.',
      ],
    },
  },
  {
    key: 'anger-time-out',
    whenHelps: ['anger'],
    en: {
      title: 'Anger time-out',
      summary: 'When anger is rising fast, step away before you say or do something you will pay for.',
      steps: [
        'Notice your early signs: hot face, clenched jaw, fists, a loud voice.',
        'Say calmly: "I need a break. I will come back in 30 minutes." Then leave.',
        'Use the time to cool down: walk, breathe, splash water on your face. Not to replay the argument.',
        'Do not drive while you are still very angry.',
        'Come back when you said you would, and talk once you are calm.',
      ],
    },
    es: {
      title: 'Tiempo fuera para el enojo',
      summary: 'Cuando el enojo sube rápido, aléjate antes de decir o hacer algo que luego te cueste caro.',
      steps: [
        'Reconoce tus primeras señales: la cara caliente, la mandíbula apretada, los puños, la voz alta.',
        'Di con calma: "Necesito un descanso. Vuelvo en 30 minutos". Y sal.',
        'Usa ese tiempo para calmarte: camina, respira, échate agua en la cara. No para repetir la discusión en tu cabeza.',
        'No manejes mientras sigas con mucho enojo.',
        'Regresa a la hora que dijiste y habla cuando estés en calma.',
      ],
    },
  },
  {
    key: 'self-compassion-break',
    whenHelps: ['stress', 'loneliness'],
    en: {
      title: 'Self-compassion break',
      summary: 'Talk to yourself the way you would talk to a friend who is having a hard time. It helps after a slip, too.',
      steps: [
        'Put a hand on your chest or your cheek, if that feels okay.',
        'Say to yourself: "This is a hard moment."',
        'Then: "Other people feel this too. I am not the only one."',
        'Then: "May I be kind to myself right now."',
        'Ask: what would I tell a friend in my place? Tell yourself that.',
      ],
    },
    es: {
      title: 'Una pausa para tratarte con cariño',
      summary: 'Háblate como le hablarías a una amistad que la está pasando mal. También ayuda después de una recaída.',
      steps: [
        'Ponte una mano en el pecho o en la mejilla, si te resulta cómodo.',
        'Dite: "Este es un momento difícil".',
        'Luego: "Otras personas también sienten esto. No soy la única persona".',
        'Luego: "Que pueda tratarme con cariño ahora mismo".',
        'Pregúntate: ¿qué le diría a alguien querido en mi lugar? Y dítelo a ti.',
      ],
    },
  },
  {
    key: 'reach-out-mentor',
    whenHelps: ['cravings', 'loneliness', 'stress'],
    en: {
      title: 'Reach out to your mentor or sponsor',
      summary: 'The people walking with you in recovery would rather hear from you early than late.',
      steps: [
        'Send a short message now: "Having a rough time, can we talk?" That is enough.',
        'Say honestly what is going on. They have heard it before.',
        'Ask them what helped them in moments like this.',
        'Agree on one thing you will do next, and when you will check in again.',
        'If they are not available, reach out to the next person on your list.',
      ],
    },
    es: {
      title: 'Buscar a tu mentor, padrino o madrina',
      summary: 'Quienes te acompañan en la recuperación prefieren saber de ti temprano y no tarde.',
      steps: [
        'Manda un mensaje corto ahora: "La estoy pasando mal, ¿podemos hablar?". Con eso basta.',
        'Cuenta con honestidad lo que pasa. Seguro que ya ha escuchado algo así.',
        'Pregúntale qué le ayudó en momentos así.',
        'Acuerden una cosa que vas a hacer ahora y cuándo vuelven a hablar.',
        'Si no está disponible, busca a la siguiente persona de tu lista.',
      ],
    },
  },
  {
    key: 'eat-and-drink-water',
    whenHelps: ['halt', 'cravings'],
    en: {
      title: 'Eat something, drink some water',
      summary: 'The H in HALT. Hunger and thirst can feel a lot like a craving, and they are easy to fix.',
      steps: [
        'Drink a full glass of water, slowly.',
        'Eat something simple: toast, fruit, a sandwich, yogurt, leftovers.',
        'Sit down to eat it, away from screens if you can.',
        'Wait 15 minutes and check the craving again.',
        'Keep easy snacks and a water bottle where you will see them tomorrow.',
      ],
    },
    es: {
      title: 'Comer algo y tomar agua',
      summary: 'La H de HALT: hambre. El hambre y la sed se pueden sentir muy parecidas a las ganas, y son fáciles de atender.',
      steps: [
        'Tómate un vaso de agua entero, despacio.',
        'Come algo sencillo: pan tostado, fruta, un sándwich, yogur, lo que haya quedado de la comida.',
        'Siéntate a comer, lejos de las pantallas si puedes.',
        'Espera 15 minutos y vuelve a revisar las ganas.',
        'Deja bocadillos fáciles y una botella de agua donde los veas mañana.',
      ],
    },
  },
  {
    key: 'remove-the-trigger',
    whenHelps: ['triggers', 'cravings'],
    en: {
      title: 'Remove the trigger',
      summary: 'Make the easy choice the safe one: put distance between you and the things that pull you back.',
      steps: [
        'Look around your home, phone and routine for reminders of using: bottles, gear, contacts, routes, apps.',
        'Get rid of what you can today, with someone with you if that helps.',
        'Delete or block numbers that lead back to using.',
        'Change a route or a routine that passes through a risky place.',
        'Tell someone what you removed, so you are not alone with the decision.',
      ],
    },
    es: {
      title: 'Quitar el detonante',
      summary: 'Haz que la opción fácil sea la segura: pon distancia entre tú y lo que te jala de vuelta.',
      steps: [
        'Revisa tu casa, tu teléfono y tu rutina buscando lo que te recuerda el consumo: botellas, cosas para consumir, contactos, rutas, aplicaciones.',
        'Deshazte hoy de lo que puedas, con alguien a tu lado si eso te ayuda.',
        'Borra o bloquea los números que te llevan de vuelta al consumo.',
        'Cambia la ruta o la costumbre que pasa por un lugar de riesgo.',
        'Cuéntale a alguien qué quitaste, para no quedarte a solas con la decisión.',
      ],
    },
  },
  {
    key: 'name-the-feeling',
    whenHelps: ['anger', 'stress', 'triggers'],
    en: {
      title: 'Name the feeling',
      summary: 'A feeling with a name is easier to handle than a storm without one.',
      steps: [
        'Stop and ask: what am I feeling right now?',
        'Find the most exact word you can: not just "bad" but hurt, scared, ashamed, jealous, restless.',
        'Say it quietly or write it: "I am feeling ___ because ___."',
        'Notice where you feel it in your body.',
        'Ask: what do I need right now? Then do one small thing toward it.',
      ],
    },
    es: {
      title: 'Ponerle nombre a lo que sientes',
      summary: 'Una emoción con nombre se maneja mejor que una tormenta sin nombre.',
      steps: [
        'Detente y pregúntate: ¿qué estoy sintiendo ahora mismo?',
        'Busca la palabra más exacta: no solo "mal", sino dolor, miedo, vergüenza, celos, inquietud.',
        'Dilo en voz baja o escríbelo: "Siento ___ porque ___".',
        'Fíjate en qué parte del cuerpo lo sientes.',
        'Pregúntate: ¿qué necesito ahora? Y da un paso pequeño hacia eso.',
      ],
    },
  },
  {
    key: 'if-then-plan',
    whenHelps: ['triggers', 'cravings'],
    en: {
      title: 'An if-then plan for a risky time',
      summary: 'Payday, Friday night, a family event: decide now what you will do then, while your head is clear.',
      steps: [
        'Name one situation coming up that is risky for you.',
        'Write: "If ___ happens, then I will ___." Make the "then" something concrete.',
        'Add a backup: "If that does not work, I will call ___."',
        'Tell someone your plan so they can check on you.',
        'Afterwards, note what worked and change the plan for next time.',
      ],
    },
    es: {
      title: 'Un plan "si pasa esto, haré aquello"',
      summary: 'Día de pago, viernes en la noche, una reunión familiar: decide ahora qué harás entonces, con la cabeza despejada.',
      steps: [
        'Piensa en una situación que viene pronto y que es de riesgo para ti.',
        'Escribe: "Si pasa ___, entonces voy a ___". Que el "entonces" sea algo concreto.',
        'Agrega un plan B: "Si eso no funciona, llamo a ___".',
        'Cuéntale tu plan a alguien para que pueda preguntarte cómo te fue.',
        'Después, anota qué funcionó y ajusta el plan para la próxima vez.',
      ],
    },
  },
  {
    key: 'reasons-list',
    whenHelps: ['cravings', 'stress'],
    en: {
      title: 'Read your reasons',
      summary: 'In a craving it is hard to remember why you started. Keep your reasons where you can read them in ten seconds.',
      steps: [
        'On a steady day, write down your reasons for recovery: people, health, money, freedom, self-respect.',
        'Add a photo or a message that reminds you what is at stake.',
        'Save it as a note or a favourite photo on your phone.',
        'When an urge hits, open it and read every line slowly, out loud if you can.',
        'Add a new reason whenever recovery gives you one.',
      ],
    },
    es: {
      title: 'Leer tus razones',
      summary: 'Con las ganas encima cuesta recordar por qué empezaste. Ten tus razones donde puedas leerlas en diez segundos.',
      steps: [
        'En un día tranquilo, escribe tus razones para la recuperación: personas, salud, dinero, libertad, respeto por ti.',
        'Agrega una foto o un mensaje que te recuerde lo que está en juego.',
        'Guárdalo como nota o como foto favorita en el teléfono.',
        'Cuando lleguen las ganas, ábrelo y lee cada línea despacio, en voz alta si puedes.',
        'Agrega una razón nueva cada vez que la recuperación te dé una.',
      ],
    },
  },
  {
    key: 'help-someone',
    whenHelps: ['loneliness', 'boredom'],
    en: {
      title: 'Do something for someone else',
      summary: 'Getting out of your own head for a moment, by being useful to another person, helps a lot of people in recovery.',
      steps: [
        'Think of one person who could use a kind word or a hand today.',
        'Send them a message, or offer something small: a ride, a meal, some help.',
        'Welcome a newcomer in the forum or after a meeting.',
        'Keep it simple; you do not need to fix anyone.',
        'Notice how you feel afterwards.',
      ],
    },
    es: {
      title: 'Hacer algo por otra persona',
      summary: 'Salir un rato de tu propia cabeza siendo útil a alguien más le ayuda a mucha gente en recuperación.',
      steps: [
        'Piensa en una persona a la que le vendría bien una palabra amable o una mano hoy.',
        'Mándale un mensaje u ofrécele algo pequeño: llevarla, una comida, una ayuda.',
        'Dale la bienvenida a alguien nuevo en el foro o después de una reunión.',
        'Que sea sencillo; no tienes que arreglarle la vida a nadie.',
        'Fíjate cómo te sientes después.',
      ],
    },
  },
  {
    key: 'tense-and-release',
    whenHelps: ['stress', 'sleep', 'anger'],
    en: {
      title: 'Tense and release',
      summary: 'Squeeze each part of your body, then let it go. It shows you what letting go feels like.',
      steps: [
        'Sit or lie down comfortably.',
        'Squeeze your feet and toes for five seconds, then let go and feel the difference.',
        'Move up: legs, stomach, hands, arms, shoulders, face. Squeeze, hold, let go.',
        'Breathe out each time you let go.',
        'Go gently with any part that hurts, or skip it.',
      ],
    },
    es: {
      title: 'Apretar y soltar',
      summary: 'Aprieta cada parte del cuerpo y luego suéltala. Así notas cómo se siente soltar.',
      steps: [
        'Siéntate o acuéstate en una posición cómoda.',
        'Aprieta los pies y los dedos durante cinco segundos, luego suelta y nota la diferencia.',
        'Sube poco a poco: piernas, abdomen, manos, brazos, hombros, cara. Aprieta, sostén, suelta.',
        'Suelta el aire cada vez que sueltes un músculo.',
        'Ve con cuidado con cualquier parte que te duela, o sáltatela.',
      ],
    },
  },
];

type Tx = Pick<NodePgDatabase, 'execute' | 'insert'>;

/** Inserts the strategies added after `fromVersion`, in both languages; a key already there is left alone. */
export async function insertStarterStrategies(tx: Tx, fromVersion: number): Promise<void> {
  const rows = STARTER_STRATEGIES.filter((s) => (s.since ?? 1) > fromVersion).flatMap((s) =>
    (['en', 'es'] as const).map((locale) => ({
      key: s.key,
      locale,
      ...s[locale],
      whenHelps: s.whenHelps,
      source: 'kindred',
      status: 'approved',
    })),
  );
  if (rows.length === 0) return;
  await tx
    .insert(copingLibraryStrategy)
    .values(rows)
    .onConflictDoNothing({ target: [copingLibraryStrategy.key, copingLibraryStrategy.locale] });
}
