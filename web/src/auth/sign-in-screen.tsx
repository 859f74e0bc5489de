import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/problem';
import type { Role } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router';
import { Field, FormAlert, Notice } from '../ui/field';
import { useLoad } from '../ui/use-load';
import { DEMO_SIGN_IN_USERS, ROLES } from './demo-users';
import { startOidcSignIn, type AuthConfig } from './oidc';
import { useSession } from './session';

/** Sign-in: dev mode picks a demo user and role (dev token); OIDC mode starts the code flow. */
export function SignInScreen() {
  const { t } = useI18n();
  const config = useLoad(() => api<AuthConfig>('auth/config').catch(() => ({ mode: 'dev' }) as AuthConfig), []);
  if (config.loading || !config.data) return <p>{t('common.loading')}</p>;
  return (
    <section className="card narrow">
      <h1>{t('signIn.title')}</h1>
      <p className="muted">{t('app.tagline')}</p>
      {config.data.mode === 'oidc' && config.data.oidc ? <OidcSignIn oidc={config.data.oidc} /> : <DevSignIn />}
    </section>
  );
}

function OidcSignIn({ oidc }: { oidc: NonNullable<AuthConfig['oidc']> }) {
  const { t } = useI18n();
  const { search } = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  return (
    <>
      <FormAlert message={state.error} />
      <button
        type="button"
        className="primary"
        disabled={state.busy}
        onClick={() => {
          setState({ busy: true, error: null });
          startOidcSignIn(oidc, search.get('returnTo') ?? '/').catch((error: unknown) =>
            setState({ busy: false, error: t('signIn.failed', { detail: error instanceof Error ? error.message : String(error) }) }),
          );
        }}
      >
        {state.busy ? t('signIn.oidcRedirecting') : t('signIn.oidc')}
      </button>
    </>
  );
}

function DevSignIn() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const { navigate, search } = useRouter();
  const [sub, setSub] = useState(DEMO_SIGN_IN_USERS[1].sub);
  const [role, setRole] = useState<Role>(DEMO_SIGN_IN_USERS[1].role);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const user = DEMO_SIGN_IN_USERS.find((u) => u.sub === sub)!;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const issued = await api<{ accessToken: string; expiresIn: number }>('dev/token', { body: { sub, role } });
      signIn({ token: issued.accessToken, sub, role, name: user.name, expiresAt: Date.now() + issued.expiresIn * 1000 });
      navigate(search.get('returnTo') ?? '/', { replace: true });
    } catch (e) {
      setError(t('signIn.failed', { detail: e instanceof ApiError ? `${e.code}: ${e.detail}` : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Notice tone="warning">{t('signIn.devNotice')}</Notice>
      <FormAlert message={error} />
      <Field label={t('signIn.user')} hint={user.detail}>
        <select
          value={sub}
          onChange={(e) => {
            const next = DEMO_SIGN_IN_USERS.find((u) => u.sub === e.target.value)!;
            setSub(next.sub);
            setRole(next.role);
          }}
        >
          {DEMO_SIGN_IN_USERS.map((u) => (
            <option key={u.sub} value={u.sub}>
              {u.name} — {t(`role.${u.role}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('signIn.role')}>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {t('signIn.submit')}
      </button>
    </form>
  );
}
