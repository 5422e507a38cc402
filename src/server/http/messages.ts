import type { Locale } from '../../contracts/common.ts';

/**
 * Every message the API can say to a person, in each language. Services name a key; the error handler renders it
 * in the request's language (Accept-Language), so a client never matches on wording. Schema checks answer with the
 * contracts' own (English) field messages; the web app checks the same schemas before sending, in its language.
 */
export const messages = {
  signInToContinue: { en: 'Sign in to continue.', es: 'Inicia sesión para continuar.' },
  notFound: { en: 'Not found.', es: 'No se encontró.' },
  fieldsNeedAttention: { en: 'Some fields need attention.', es: 'Algunos campos necesitan atención.' },
  tooManyAttempts: { en: 'Too many attempts. Please wait and try again.', es: 'Demasiados intentos. Espera un momento y vuelve a intentarlo.' },
  wrongCredentials: { en: 'The email or password is not right.', es: 'El correo o la contraseña no son correctos.' },
  emailNotVerifiedResent: {
    en: 'Confirm your email address first. We have sent you a new link.',
    es: 'Primero confirma tu correo. Te enviamos un enlace nuevo.',
  },
  emailNotVerified: {
    en: 'Confirm your email address first, with the link we sent you.',
    es: 'Primero confirma tu correo con el enlace que te enviamos.',
  },
  passwordTooCommon: {
    en: 'This password is too common. Choose a longer phrase only you would think of.',
    es: 'Esta contraseña es demasiado común. Elige una frase más larga que solo se te ocurra a ti.',
  },
  inviteNeeded: {
    en: 'Joining needs an invitation. Ask the program coordinator for a link.',
    es: 'Para unirte necesitas una invitación. Pide un enlace a la coordinación del programa.',
  },
  inviteUsed: { en: 'This invitation has already been used or has expired.', es: 'Esta invitación ya se usó o venció.' },
  linkInvalid: { en: 'This link is not valid or has expired. Ask for a new one.', es: 'Este enlace no es válido o venció. Pide uno nuevo.' },
  linkDidNotWork: { en: 'The link did not work.', es: 'El enlace no funcionó.' },
  currentPasswordWrong: { en: 'The current password is not right.', es: 'La contraseña actual no es correcta.' },
  accountExists: { en: 'An account with this email already exists.', es: 'Ya existe una cuenta con este correo.' },
  alreadyRegistered: { en: 'Already registered', es: 'Ya está registrado' },
  keepCoordinator: { en: 'At least one coordinator must remain.', es: 'Debe quedar al menos una persona en la coordinación.' },
  keepCoordinatorField: { en: 'Keep at least one coordinator', es: 'Mantén al menos una persona en la coordinación' },
  databaseDown: { en: 'The database does not answer.', es: 'La base de datos no responde.' },
  csrfRejected: {
    en: 'This request did not come from this site. Reload the page and try again.',
    es: 'Esta solicitud no vino de este sitio. Recarga la página e inténtalo de nuevo.',
  },
  invalidJson: { en: 'The request body is not valid JSON.', es: 'El cuerpo de la solicitud no es JSON válido.' },
  emptyJson: { en: 'The JSON body is empty.', es: 'El cuerpo JSON está vacío.' },
  payloadTooLarge: { en: 'The request body is too large.', es: 'El cuerpo de la solicitud es demasiado grande.' },
  unsupportedMediaType: { en: 'Send the body as application/json.', es: 'Envía el cuerpo como application/json.' },
  requestInvalid: { en: 'The request is not valid.', es: 'La solicitud no es válida.' },
  internal: { en: 'Something went wrong on our side. Please try again.', es: 'Algo falló de nuestro lado. Inténtalo de nuevo.' },
  dateInFuture: { en: 'This date is in the future.', es: 'Esta fecha está en el futuro.' },
  dateBeforePeriod: {
    en: 'A new start cannot be before the current one began.',
    es: 'Un nuevo comienzo no puede ser antes de que empezara el actual.',
  },
  checkInDateOutOfRange: {
    en: 'A check-in is for today (a day either side is accepted for a device in another time zone).',
    es: 'El registro es para hoy (se acepta un día antes o después si tu dispositivo está en otra zona horaria).',
  },
  rangeTooLong: { en: 'Ask for at most 366 days at a time.', es: 'Pide como máximo 366 días a la vez.' },
  rangeReversed: { en: 'The start must not be after the end.', es: 'El inicio no puede ser después del final.' },
  goalCountsItself: {
    en: 'Kindred counts this goal from your activity, so there is nothing to add by hand.',
    es: 'Kindred cuenta esta meta a partir de tu actividad, así que no hace falta añadir nada a mano.',
  },
  copingToolboxFull: {
    en: 'Your toolbox holds up to 50 strategies. Remove one to add another.',
    es: 'Tu caja de herramientas admite hasta 50 estrategias. Quita una para añadir otra.',
  },
  copingOrderMismatch: { en: 'List each of your strategies exactly once.', es: 'Incluye cada una de tus estrategias exactamente una vez.' },
  // ── Groups and meetings ──
  noOccurrenceOnDate: { en: 'This meeting does not meet on that date.', es: 'Esta reunión no se celebra en esa fecha.' },
  occurrenceCancelled: { en: 'This meeting is cancelled on that date.', es: 'Esta reunión está cancelada en esa fecha.' },
  occurrencePast: { en: 'This meeting is already over.', es: 'Esta reunión ya terminó.' },
  checkInClosed: {
    en: 'Check-in opens 15 minutes before the meeting starts and closes when it ends.',
    es: 'El registro de asistencia abre 15 minutos antes de que empiece la reunión y cierra cuando termina.',
  },
  slugTaken: { en: 'Another meeting or group already uses this address.', es: 'Otra reunión u otro grupo ya usa esta dirección.' },
  facilitatorsMustBeMembers: { en: 'Choose people who have an account here.', es: 'Elige personas que tengan cuenta aquí.' },
  keepOneFacilitator: { en: 'A group needs at least one facilitator.', es: 'Un grupo necesita al menos una persona facilitadora.' },
  alreadyInGroup: { en: 'You are already in this group.', es: 'Ya estás en este grupo.' },
  notInGroup: { en: 'This person is not in the group.', es: 'Esta persona no está en el grupo.' },
  rosterNotYet: { en: 'The roster opens when the meeting starts.', es: 'La lista de asistencia se abre cuando empieza la reunión.' },
  // ── Safety: escalation and the on-call roster ──
  responderRoleNeeded: {
    en: 'Choose a peer supporter or a professional.',
    es: 'Elige a una persona de apoyo entre pares o a un profesional.',
  },
  responderNotCertified: {
    en: 'Certify this person for crisis response first.',
    es: 'Primero certifica a esta persona para responder a crisis.',
  },
  escalationClosed: { en: 'This escalation is already closed.', es: 'Esta alerta ya está cerrada.' },
  // ── Mentoring: the relationship's lifecycle, agreement, contacts and concerns ──
  mentoringAlreadyAnswered: {
    en: 'This can’t be done now: the request has already been answered, cancelled or has expired.',
    es: 'Ya no se puede hacer: la solicitud ya fue respondida, cancelada o venció.',
  },
  mentoringNotActive: {
    en: 'This can’t be done now: the relationship is not active.',
    es: 'Ahora no se puede hacer: la relación no está activa.',
  },
  mentoringNotPaused: { en: 'This can’t be done now: the relationship is not paused.', es: 'Ahora no se puede hacer: la relación no está en pausa.' },
  mentoringNotOpen: {
    en: 'This can’t be done now: the relationship has ended or has not been accepted.',
    es: 'Ahora no se puede hacer: la relación terminó o todavía no fue aceptada.',
  },
  mentoringAgreementOutdated: {
    en: 'A newer version of the agreement was proposed. Read it and sign that one.',
    es: 'Se propuso una versión más reciente del acuerdo. Léela y firma esa.',
  },
  mentoringRematchMenteeOnly: { en: 'Only the mentee can go back to matching.', es: 'Solo la persona acompañada puede volver a buscar mentor.' },
  mentoringFeedbackGiven: { en: 'You have already rated this contact.', es: 'Ya valoraste este contacto.' },
  mentoringConcernNotYet: {
    en: 'A concern can be raised once you have accepted the request.',
    es: 'Puedes comunicar una preocupación una vez que aceptes la solicitud.',
  },
  mentoringConcernClosed: { en: 'This concern is already closed.', es: 'Esta preocupación ya está cerrada.' },
  // ── Mentoring: profiles, requests and matching ──
  mentoringAlreadyOpen: {
    en: 'You already have a mentor or a request waiting for an answer. Cancel or end it first.',
    es: 'Ya tienes una mentoría o una solicitud esperando respuesta. Cancélala o termínala primero.',
  },
  mentoringRequestFirst: {
    en: 'Tell us what you are looking for in a mentor first.',
    es: 'Primero cuéntanos qué buscas en una persona mentora.',
  },
  mentoringMentorFull: {
    en: 'This mentor has just filled their last place. Choose another from your suggestions.',
    es: 'Esta persona mentora acaba de ocupar su última plaza. Elige otra de tus sugerencias.',
  },
  // ── Community forum ──
  communityGuidelinesRequired: {
    en: 'Please read and accept the community guidelines before your first post.',
    es: 'Lee y acepta las normas de la comunidad antes de tu primera publicación.',
  },
  communityGuidelinesVersion: {
    en: 'The guidelines have changed. Please read the current version and accept it.',
    es: 'Las normas cambiaron. Lee la versión actual y acéptala.',
  },
  communitySuspended: {
    en: 'Your posting is paused for now. Your notices say why and until when.',
    es: 'Por ahora no puedes publicar. Tus avisos explican por qué y hasta cuándo.',
  },
  communityBanned: {
    en: 'You can no longer post in the community. Your notices say why.',
    es: 'Ya no puedes publicar en la comunidad. Tus avisos explican por qué.',
  },
  communityTopicLocked: {
    en: 'This topic is closed to new replies.',
    es: 'Este tema está cerrado a nuevas respuestas.',
  },
  communityPostAccess: {
    en: 'Only some people can post in this category.',
    es: 'Solo algunas personas pueden publicar en esta categoría.',
  },
  communityOwnPost: {
    en: 'That is your own post.',
    es: 'Esa es tu propia publicación.',
  },
  communityAlreadyReported: {
    en: 'You have already reported this. Moderators will look at it.',
    es: 'Ya lo denunciaste. Las personas moderadoras lo revisarán.',
  },
  communityNotHeld: {
    en: 'This post is not waiting for review any more.',
    es: 'Esta publicación ya no está esperando revisión.',
  },
  communityCannotActOnSelf: {
    en: 'Another moderator needs to handle this one.',
    es: 'Otra persona moderadora tiene que encargarse de esto.',
  },
  communityCannotActOnCoordinator: {
    en: 'Coordinators cannot be suspended or banned from here.',
    es: 'Desde aquí no se puede suspender ni expulsar a la coordinación.',
  },
  communityReasonRequired: {
    en: 'Tell the author why, in plain words.',
    es: 'Explica el motivo a la persona autora, con palabras sencillas.',
  },
  tooManyLinks: { en: 'New members can share only a few links in one post for now.', es: 'Por ahora, los miembros nuevos pueden compartir pocos enlaces por publicación.' },
  tooManyImages: { en: 'New members cannot add images yet.', es: 'Los miembros nuevos aún no pueden añadir imágenes.' },
  tooManyMentions: { en: 'Mention fewer people in one post.', es: 'Menciona a menos personas en una publicación.' },
  categorySlugTaken: { en: 'That address is already used by another category.', es: 'Esa dirección ya la usa otra categoría.' },
  communityStillHeld: {
    en: 'This post is waiting for review: approve it or hide it.',
    es: 'Esta publicación espera revisión: apruébala u ocúltala.',
  },
  // ── Resources directory ──
  resourceNameRequired: { en: 'Give the resource a name', es: 'Ponle un nombre al recurso' },
  resourcePhoneInvalid: { en: 'Enter a phone number that can be dialled', es: 'Escribe un número de teléfono que se pueda marcar' },
  resourceWebsiteInvalid: { en: 'Enter a web address, such as https://example.org', es: 'Escribe una dirección web, como https://example.org' },
  resourceWebsiteScheme: { en: 'Use an http or https address', es: 'Usa una dirección http o https' },
  resourceWebsiteCredentials: { en: 'Leave the user name and password out of the address', es: 'Quita el usuario y la contraseña de la dirección' },
  resourceHoursOpensAtMidnight: { en: 'A period cannot open at 24:00', es: 'Un horario no puede abrir a las 24:00' },
  resourceHoursSameTime: { en: 'A period must close at another time than it opens', es: 'Un horario debe cerrar a otra hora que la de apertura' },
  resourceHoursEmpty: { en: 'Add the opening times, or mark it always open', es: 'Añade el horario, o marca que siempre está abierto' },
  resourceNotPending: { en: 'This is not waiting for review any more.', es: 'Esto ya no está esperando revisión.' },
  // ── Coping strategies library ──
  strategyTitleEmpty: { en: 'Give it a title of a few words.', es: 'Ponle un título de unas pocas palabras.' },
  strategyStepEmpty: { en: 'Write something in this step, or remove it.', es: 'Escribe algo en este paso o quítalo.' },
  strategyProgrammeEmpty: { en: 'Name the programme.', es: 'Indica el nombre del programa.' },
  copingLibraryToolboxFull: {
    en: 'Your toolbox is full (50 strategies). Remove one from your toolbox to save this one.',
    es: 'Tu caja de herramientas está llena (50 estrategias). Quita una de tu caja para guardar esta.',
  },
  // ── Messaging ──
  messagingUnavailable: { en: "You can't send messages to this person.", es: 'No puedes enviar mensajes a esta persona.' },
  messagingRequestPending: {
    en: 'Your message request is waiting. You can write again once they accept it.',
    es: 'Tu solicitud de mensaje está pendiente. Podrás escribir de nuevo cuando la acepten.',
  },
  messagingRequestNeedsMessage: { en: 'Write a first message for your request.', es: 'Escribe un primer mensaje para tu solicitud.' },
  messagingNotYourself: { en: "You can't start a conversation with yourself.", es: 'No puedes iniciar una conversación contigo.' },
  messagingGroupChatOff: { en: "This group's chat is turned off.", es: 'El chat de este grupo está desactivado.' },
  messagingMessageDeleted: { en: 'This message was deleted.', es: 'Este mensaje se eliminó.' },
  messagingAlreadyReported: { en: 'You have already reported this message.', es: 'Ya reportaste este mensaje.' },
  messagingReportResolved: { en: 'This report was already resolved.', es: 'Este reporte ya se resolvió.' },
  messagingNotARequest: { en: 'This is not a message request waiting for you.', es: 'Esta no es una solicitud de mensaje para ti.' },
  realtimeUnavailable: {
    en: 'Live updates are unavailable for a moment. Kindred will try again shortly.',
    es: 'Las actualizaciones en vivo no están disponibles por un momento. Kindred lo intentará de nuevo en breve.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

export const isMessageKey = (value: string): value is MessageKey => Object.hasOwn(messages, value);

/** The best of Kindred's languages for an Accept-Language header; English when none matches. */
export function localeOf(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { lang } of ranked) if (lang === 'es' || lang === 'en') return lang;
  return 'en';
}

export const say = (key: MessageKey, locale: Locale): string => messages[key][locale];
