import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../../contracts/common.ts';
import { Loading } from '../../components/Loading.tsx';
import { NotFoundPage } from '../../routes/not-found.tsx';
import { useMe } from './api.ts';

/** Pages for signed-in people: a signed-out visitor is sent to sign in and brought back afterwards. */
export function RequireSignedIn({ role, children }: { role?: Role; children: ReactNode }) {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (!me) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  // Like the API, a page someone may not use does not exist for them.
  if (role && !me.roles.includes(role)) return <NotFoundPage />;
  return children;
}

/**
 * Sign-in and sign-up make no sense when already signed in. Signing in re-renders this guard before the sign-in
 * page's own navigation lands, so it honours ?next= too: otherwise it would win the race and drop the person at home.
 */
export function RequireSignedOut({ children }: { children: ReactNode }) {
  const { data: me, isPending } = useMe();
  const { search } = useLocation();
  if (isPending) return <Loading />;
  if (me) return <Navigate to={safeNext(new URLSearchParams(search).get('next'))} replace />;
  return children;
}

/** Only same-site paths, so a crafted ?next= cannot send someone to another site after signing in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
