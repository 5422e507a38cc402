import type { Me } from '../../../contracts/accounts.ts';

/** Coordinators and moderators review tips, suggestions and strategies (the server decides; this only shapes pages). */
export const isReviewer = (me: Pick<Me, 'roles'>) => me.roles.includes('coordinator') || me.roles.includes('moderator');
