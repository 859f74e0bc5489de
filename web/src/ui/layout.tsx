import { useEffect, useRef, type ReactNode } from 'react';
import type { Role } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/vi';
import { Link, useRouter } from '../router';

const NAV: { to: string; label: MessageKey; roles: Role[] | 'all' }[] = [
  { to: '/inspections', label: 'nav.inspections', roles: ['inspector', 'team_lead', 'admin', 'auditor'] },
  { to: '/inbox', label: 'nav.inbox', roles: ['unit_head', 'supervisor'] },
  { to: '/findings', label: 'nav.findings', roles: 'all' },
  { to: '/board/cases', label: 'nav.cases', roles: ['board_member', 'board_secretary', 'auditor', 'admin'] },
  { to: '/board', label: 'nav.board', roles: ['board_member', 'board_secretary', 'auditor', 'admin', 'supervisor'] },
  { to: '/dashboard', label: 'nav.dashboard', roles: 'all' },
  { to: '/admin', label: 'nav.admin', roles: ['admin'] },
  { to: '/audit', label: 'nav.audit', roles: ['auditor', 'admin'] },
];

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang" role="group" aria-label={t('lang.label')}>
      <button type="button" aria-pressed={lang === 'vi'} onClick={() => setLang('vi')} lang="vi">
        {t('lang.vi')}
      </button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en">
        {t('lang.en')}
      </button>
    </div>
  );
}

/** The navigation item the path is under: the longest matching prefix (/board/cases over /board). */
function currentNav(path: string): string | undefined {
  return NAV.map((n) => n.to)
    .filter((to) => path === to || path.startsWith(`${to}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** Page chrome: skip link, header, role-based navigation, main landmark focused on navigation. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { session, signOut } = useSession();
  const { path, navigate } = useRouter();
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    // Move focus to the new page's heading so screen readers announce it.
    const heading = main.current?.querySelector('h1');
    if (heading instanceof HTMLElement) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [path]);
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <LanguageSwitch />
        {session ? (
          <div className="who">
            <span>{t('nav.signedInAs', { name: session.name, role: t(`role.${session.role}`) })}</span>
            <button
              type="button"
              onClick={() => {
                signOut();
                navigate('/sign-in');
              }}
            >
              {t('nav.signOut')}
            </button>
          </div>
        ) : null}
      </header>
      {session ? (
        <nav className="nav" aria-label={t('nav.main')}>
          <ul>
            {NAV.filter((n) => n.roles === 'all' || n.roles.includes(session.role)).map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={currentNav(path) === n.to ? 'page' : undefined}>
                  {t(n.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
