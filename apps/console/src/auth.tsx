import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import i18next from 'i18next';
import { api, readCookie, setAccessToken, unwrap } from './api/client';

export type Role =
  | 'coordinator'
  | 'chair'
  | 'agency_officer'
  | 'auditor'
  | 'viewer'
  | 'secretariat'
  | 'national_auditor'
  | 'national_viewer';
export interface SessionUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly agency: string;
  /** ISO 3166-2, e.g. TH-27. */
  readonly province: string;
}
export interface SignInAnswer {
  readonly status: 'signed_in' | 'password_change_required' | 'second_factor_enrolment_required';
  readonly accessToken?: string;
  readonly expiresIn?: number;
  readonly csrfToken?: string;
  readonly user?: SessionUser;
  readonly challenge?: string;
  readonly secret?: string;
  readonly otpauthUri?: string;
}

interface AuthState {
  readonly user: SessionUser | null;
  readonly ready: boolean;
  /** Takes a signed-in answer from any sign-in step. */
  readonly accept: (answer: SignInAnswer) => void;
  readonly signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

const csrf = () => ({ params: { header: { 'X-CSRF-Token': readCookie('ruamjai_csrf') ?? '' } } });

/** Holds the session: a short-lived access token in memory, renewed through the refresh cookie before it expires. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [ready, setReady] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Renewing schedules the next renewal: the timer calls whichever refresh is current.
  const renew = useRef<() => Promise<void>>(() => Promise.resolve());

  const schedule = useCallback((expiresIn: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void renew.current(), Math.max(5, expiresIn - 30) * 1000);
  }, []);

  const accept = useCallback(
    (answer: SignInAnswer) => {
      if (answer.status !== 'signed_in' || !answer.accessToken || !answer.user) return;
      setAccessToken(answer.accessToken);
      setUser(answer.user);
      schedule(answer.expiresIn ?? 300);
    },
    [schedule],
  );

  const refresh = useCallback(async () => {
    if (!readCookie('ruamjai_csrf')) {
      setAccessToken(null);
      setUser(null);
      return;
    }
    try {
      accept(await unwrap<SignInAnswer>(api.POST('/api/v1/auth/refresh', csrf())));
    } catch {
      setAccessToken(null);
      setUser(null);
    }
  }, [accept]);

  useEffect(() => {
    renew.current = refresh;
    // Reads the session once, on mount: without a session cookie it clears the user at once (no request).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh().finally(() => setReady(true));
    return () => clearTimeout(timer.current);
  }, [refresh]);

  const signOut = useCallback(async () => {
    clearTimeout(timer.current);
    await api.POST('/api/v1/auth/sign-out', csrf()).catch(() => undefined);
    setAccessToken(null);
    setUser(null);
    // Signed in through the OpenID provider: end the session there too, or the next person at this
    // desk would walk back in through it. The API sends the browser on only if it holds the
    // provider's ID token, and back to the console otherwise; a page load also clears memory.
    const methods = await api.GET('/api/v1/auth/methods').catch(() => undefined);
    const oidc = methods?.data?.oidc;
    if (oidc) window.location.assign(`${oidc.signOutUrl}?lang=${i18next.language === 'en' ? 'en' : 'th'}`);
  }, []);

  return <AuthContext.Provider value={{ user, ready, accept, signOut }}>{children}</AuthContext.Provider>;
}

export const canSeePlans = (role: Role): boolean => role !== 'viewer' && role !== 'national_viewer';
/** National roles read across provinces (the API's NATIONAL_ROLES): they choose which province's plans to list. */
export const isNationalRole = (role: Role): boolean =>
  role === 'secretariat' || role === 'national_auditor' || role === 'national_viewer';
export const canManageUsers = (role: Role): boolean => role === 'coordinator';
