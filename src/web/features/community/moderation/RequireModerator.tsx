import type { ReactNode } from 'react';
import type { Me } from '../../../../contracts/accounts.ts';
import { Loading } from '../../../components/Loading.tsx';
import { NotFoundPage } from '../../../routes/not-found.tsx';
import { useMe } from '../../account/api.ts';

/** Moderation is a capability coordinators grant (the `moderator` role); coordinators hold it too. */
export const isModerator = (me: Me | null | undefined): me is Me => Boolean(me && (me.roles.includes('moderator') || me.roles.includes('coordinator')));

/** Like the API, the moderation pages do not exist for anyone else (the router has already asked them to sign in). */
export function RequireModerator({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!isModerator(me.data)) return <NotFoundPage />;
  return children(me.data);
}
