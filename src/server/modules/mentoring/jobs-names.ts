/**
 * Job names shared by the code that sends a job and the worker that handles it (jobs.ts), kept apart so neither
 * imports the other. The expiry job's data is `{ mentorshipId: string }`; it is sent with `startAfter` = expiresAt.
 */
export const EXPIRY_JOB = 'mentoring.request-expiry';
