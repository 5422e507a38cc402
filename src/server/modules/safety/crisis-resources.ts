import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import type { crisisResource } from '../../../contracts/journey.ts';

type Resource = z.infer<typeof crisisResource>;

/**
 * The United States defaults (shared/reference/domain.md §5), in each language. Coordinators configure an instance's
 * own lines per language (crisis_resource, crisis-resources-service.ts); a language with none answers with these.
 */
export const DEFAULT_CRISIS_RESOURCES: Record<Locale, Resource[]> = {
  en: [
    {
      id: '988',
      name: '988 Suicide & Crisis Lifeline',
      description: 'Call or text 988, any time. Press 1 for veterans, 2 for Spanish.',
      phone: '988',
      sms: { number: '988', body: null },
      url: 'https://988lifeline.org',
      emergency: false,
    },
    {
      id: 'samhsa',
      name: 'SAMHSA National Helpline',
      description: 'Free, confidential treatment referral, 24/7, in English and Spanish. TTY 1-800-487-4889.',
      phone: '1-800-662-4357',
      sms: null,
      url: null,
      emergency: false,
    },
    {
      id: 'crisis-text-line',
      name: 'Crisis Text Line',
      description: 'Text HOME to 741741 to reach a trained crisis counselor.',
      phone: null,
      sms: { number: '741741', body: 'HOME' },
      url: null,
      emergency: false,
    },
    {
      id: '911',
      name: 'Emergency: 911',
      description:
        'For an overdose, medical danger or violence. Overdose: call 911, give naloxone if you have it, do rescue breathing, put the person in the recovery position, and stay until help arrives.',
      phone: '911',
      sms: null,
      url: null,
      emergency: true,
    },
  ],
  es: [
    {
      id: '988',
      name: '988 Línea de Prevención del Suicidio y Crisis',
      description: 'Llama o envía un mensaje al 988, a cualquier hora. Marca 2 para español.',
      phone: '988',
      sms: { number: '988', body: null },
      url: 'https://988lifeline.org/es/',
      emergency: false,
    },
    {
      id: 'samhsa',
      name: 'Línea Nacional de Ayuda de SAMHSA',
      description: 'Orientación gratuita y confidencial sobre tratamiento, 24/7, en español e inglés. TTY 1-800-487-4889.',
      phone: '1-800-662-4357',
      sms: null,
      url: null,
      emergency: false,
    },
    {
      id: 'crisis-text-line',
      name: 'Crisis Text Line',
      description: 'Envía HOME al 741741 para hablar con una persona consejera en crisis (en inglés).',
      phone: null,
      sms: { number: '741741', body: 'HOME' },
      url: null,
      emergency: false,
    },
    {
      id: '911',
      name: 'Emergencias: 911',
      description:
        'Ante una sobredosis, un peligro médico o violencia. Sobredosis: llama al 911, da naloxona si la tienes, haz respiración de rescate, pon a la persona en posición de recuperación y quédate hasta que llegue la ayuda.',
      phone: '911',
      sms: null,
      url: null,
      emergency: true,
    },
  ],
};
