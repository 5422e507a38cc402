import type { Locale } from '../../contracts/common.ts';

export interface MailContent {
  subject: string;
  text: string;
}

type Vars = { url: string; name?: string; instance: string };
type Template = (v: Vars) => MailContent;

/** Every message Kindred sends, in each language. Plain text only: no tracking pixels, no remote images. */
export const templates = {
  verify_email: {
    en: (v) => ({
      subject: `Confirm your email for ${v.instance}`,
      text: `Hi ${v.name},\n\nWelcome to ${v.instance}. Confirm your email address by opening this link:\n\n${v.url}\n\nThe link works for 24 hours. If you did not sign up, you can ignore this message.`,
    }),
    es: (v) => ({
      subject: `Confirma tu correo para ${v.instance}`,
      text: `Hola, ${v.name}:\n\nTe damos la bienvenida a ${v.instance}. Confirma tu dirección de correo abriendo este enlace:\n\n${v.url}\n\nEl enlace funciona durante 24 horas. Si no te registraste, puedes ignorar este mensaje.`,
    }),
  },
  reset_password: {
    en: (v) => ({
      subject: `Reset your ${v.instance} password`,
      text: `Hi ${v.name},\n\nSomeone asked to reset the password for your account. To choose a new password, open this link:\n\n${v.url}\n\nThe link works for 1 hour. If you did not ask for this, you can ignore this message; your password stays the same.`,
    }),
    es: (v) => ({
      subject: `Restablece tu contraseña de ${v.instance}`,
      text: `Hola, ${v.name}:\n\nAlguien pidió restablecer la contraseña de tu cuenta. Para elegir una nueva, abre este enlace:\n\n${v.url}\n\nEl enlace funciona durante 1 hora. Si no lo pediste, puedes ignorar este mensaje; tu contraseña no cambia.`,
    }),
  },
  account_exists: {
    en: (v) => ({
      subject: `You already have a ${v.instance} account`,
      text: `Hi ${v.name},\n\nSomeone tried to sign up with this email address, but it already has an account. If it was you, sign in here:\n\n${v.url}\n\nIf you forgot your password, use "Forgot password" on that page. If it was not you, you can ignore this message.`,
    }),
    es: (v) => ({
      subject: `Ya tienes una cuenta en ${v.instance}`,
      text: `Hola, ${v.name}:\n\nAlguien intentó registrarse con esta dirección de correo, pero ya tiene una cuenta. Si fuiste tú, inicia sesión aquí:\n\n${v.url}\n\nSi olvidaste tu contraseña, usa "Olvidé mi contraseña" en esa página. Si no fuiste tú, puedes ignorar este mensaje.`,
    }),
  },
  invite: {
    en: (v) => ({
      subject: `You are invited to ${v.instance}`,
      text: `Hello,\n\nYou have been invited to join ${v.instance}, a peer support community for recovery. Create your account with this link:\n\n${v.url}\n\nYou choose the name others see; no last name is needed.`,
    }),
    es: (v) => ({
      subject: `Te invitan a ${v.instance}`,
      text: `Hola:\n\nTe invitan a unirte a ${v.instance}, una comunidad de apoyo entre pares para la recuperación. Crea tu cuenta con este enlace:\n\n${v.url}\n\nTú eliges el nombre que ven los demás; no hace falta apellido.`,
    }),
  },
} satisfies Record<string, Record<Locale, Template>>;

export type TemplateName = keyof typeof templates;

export function render(name: TemplateName, locale: Locale, vars: Vars): MailContent {
  return templates[name][locale](vars);
}
