import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import { AGREEMENT_STATES, type agreement, type AgreementTerms, type agreementVersion, CONTACT_MODES } from '../../../contracts/mentoring.ts';
import type { AgreementRow } from './repo.ts';

type ContactMode = (typeof CONTACT_MODES)[number];
type Version = z.infer<typeof agreementVersion>;
type Agreement = z.infer<typeof agreement>;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

const TEXT: Record<Locale, Omit<AgreementTerms, 'channels'>> = {
  en: {
    contactHours: 'Weekdays 9:00–20:00 my time; weekends by arrangement',
    responseTime: 'Within one day',
    mentorDoes: 'Listen, share my own experience, help you find meetings and resources, celebrate progress, check in as agreed',
    mentorDoesNot: 'I am not a therapist or a doctor, not a lender, not a ride service, and I do not keep secrets that put your life at risk',
    inCrisis:
      'Call or text 988 (or 911 in an emergency) or press SOS in Kindred; then tell me. I will reach out to the program’s on-call team if I am worried about your safety.',
  },
  es: {
    contactHours: 'Entre semana de 9:00 a 20:00 en mi hora; fines de semana si lo acordamos',
    responseTime: 'En un día como máximo',
    mentorDoes: 'Escucharte, compartir mi propia experiencia, ayudarte a encontrar reuniones y recursos, celebrar tus avances, estar en contacto como acordemos',
    mentorDoesNot: 'No soy terapeuta ni médico, no presto dinero, no soy un servicio de transporte y no guardo secretos que pongan tu vida en riesgo',
    inCrisis:
      'Llama o envía un mensaje al 988 (o al 911 en una emergencia) o pulsa SOS en Kindred; después avísame. Si me preocupa tu seguridad, me pondré en contacto con el equipo de guardia del programa.',
  },
};

/** The ways both can meet, in the contract's order: the mentor's own when they share none or the mentee named none. */
export function defaultChannels(mentorModes: readonly string[], menteeModes: readonly string[]): ContactMode[] {
  const shared = mentorModes.filter((m) => menteeModes.includes(m));
  const modes = new Set(shared.length ? shared : mentorModes);
  const channels = CONTACT_MODES.filter((m) => modes.has(m));
  return channels.length ? channels : ['messages'];
}

/** Version 1's terms, written when the mentor accepts, in the mentor's language (docs/mentoring.md). */
export function defaultTerms(locale: string, channels: ContactMode[]): AgreementTerms {
  return { ...TEXT[locale === 'es' ? 'es' : 'en'], channels };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const signedByBoth = (v: AgreementRow) => v.mentorSignedAt !== null && v.menteeSignedAt !== null;

export function presentVersion(v: AgreementRow): Version {
  return {
    version: v.version,
    terms: v.terms,
    proposedBy: v.proposedBy as Version['proposedBy'],
    createdAt: v.createdAt.toISOString(),
    mentorSignedAt: iso(v.mentorSignedAt),
    menteeSignedAt: iso(v.menteeSignedAt),
  };
}

/**
 * The agreement in force is the newest version both signed; a newer one waiting for signatures is pending and
 * changes nothing until both sign it. Every version is kept (history, newest first).
 */
export function agreementView(versions: AgreementRow[]): Agreement {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  const current = newestFirst.find(signedByBoth) ?? null;
  const latest = newestFirst[0];
  const pending = latest && !signedByBoth(latest) ? latest : null;
  return { current: current && presentVersion(current), pending: pending && presentVersion(pending), history: newestFirst.map(presentVersion) };
}

/** What the newest version waits for. */
export function agreementState(latest: AgreementRow | undefined): AgreementState {
  if (!latest) return 'none';
  if (latest.mentorSignedAt && latest.menteeSignedAt) return 'signed';
  if (latest.mentorSignedAt) return 'waiting_for_mentee';
  if (latest.menteeSignedAt) return 'waiting_for_mentor';
  return 'waiting_for_both';
}
