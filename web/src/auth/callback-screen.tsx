import { useEffect, useState } from 'react';
import type { Role } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router';
import { FormAlert } from '../ui/field';
import { completeOidcSignIn } from './oidc';
import { decodeClaims, useSession } from './session';

/** /auth/callback: finishes the OIDC code flow and signs the user in. */
export function CallbackScreen() {
  const { t } = useI18n();
  const { search, navigate } = useRouter();
  const { signIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    completeOidcSignIn(search).then(
      ({ accessToken, idToken, expiresIn, returnTo, endSessionUrl }) => {
        const claims = decodeClaims(accessToken);
        // The display name comes from the ID token (access tokens usually carry no profile claims).
        const profile = idToken ? decodeClaims(idToken) : {};
        const roles = Array.isArray(claims.roles) ? (claims.roles as string[]) : [];
        const role = (typeof claims.role === 'string' ? claims.role : roles[0]) as Role;
        const name = String(profile.name ?? claims.name ?? profile.preferred_username ?? claims.sub ?? '');
        signIn({ token: accessToken, sub: String(claims.sub ?? ''), role, name, expiresAt: Date.now() + expiresIn * 1000, endSessionUrl });
        navigate(returnTo, { replace: true });
      },
      (e: unknown) => setError(t('signIn.failed', { detail: e instanceof Error ? e.message : String(e) })),
    );
    // Runs once: the code can be exchanged only once.
  }, []);
  return (
    <section className="card narrow">
      <h1>{t('signIn.title')}</h1>
      {error ? <FormAlert message={error} /> : <p>{t('signIn.callback')}</p>}
    </section>
  );
}
