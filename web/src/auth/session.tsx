import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { configureClient } from '../api/client';
import type { Role } from '../api/types';

export interface Session {
  token: string;
  sub: string;
  role: Role;
  name: string;
  /** Epoch ms after which the token is no longer accepted. */
  expiresAt: number;
  /** OIDC only: signing out also ends the provider's session here (RP-initiated logout). */
  endSessionUrl?: string;
}

interface SessionValue {
  session: Session | null;
  signIn(session: Session): void;
  /** Forgets the session; an OIDC session also ends at the provider (the browser goes there and comes back to /sign-in). */
  signOut(): void;
}

const STORAGE_KEY = 'rectify.session';
const SessionContext = createContext<SessionValue | null>(null);

function load(): Session | null {
  try {
    const session = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    return session && session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

/** The signed-in user; persisted in localStorage until the token expires or the user signs out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(load);
  // A refused token (401) only forgets the session; the provider's session is left alone.
  const forget = useCallback(() => {
    localStorage.removeItem(STORAGE_KEY);
    setSession(null);
  }, []);
  const signOut = useCallback(() => {
    const endSessionUrl = session?.endSessionUrl;
    forget();
    if (endSessionUrl) window.location.assign(endSessionUrl);
  }, [session, forget]);
  const signIn = useCallback((next: Session) => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setSession(next);
  }, []);
  configureClient(() => session?.token ?? null, forget);
  useEffect(() => configureClient(() => session?.token ?? null, forget), [session, forget]);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Claims of a JWT, without verifying it (the server verifies every request). */
export function decodeClaims(token: string): Record<string, unknown> {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      Array.from(atob(payload), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return {};
  }
}
