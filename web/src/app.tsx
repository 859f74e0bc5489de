import { useEffect, type ReactElement, type ReactNode } from 'react';
import { CapabilitiesProvider } from './api/capabilities';
import type { Role } from './api/types';
import { CallbackScreen } from './auth/callback-screen';
import { CALLBACK_PATH } from './auth/oidc';
import { SignInScreen } from './auth/sign-in-screen';
import { SessionProvider, useSession } from './auth/session';
import { I18nProvider, useI18n } from './i18n/i18n';
import { OrgProvider } from './org';
import { match, RouterProvider, useRouter } from './router';
import { AdminScreen } from './screens/admin-screen';
import { AuditScreen } from './screens/audit-screen';
import { CaseScreen } from './screens/case-screen';
import { CasesScreen } from './screens/cases-screen';
import { BoardScreen } from './screens/board-screen';
import { DashboardScreen } from './screens/dashboard-screen';
import { FindingScreen } from './screens/finding-screen';
import { FindingsScreen } from './screens/findings-screen';
import { InboxScreen } from './screens/inbox-screen';
import { InspectionScreen } from './screens/inspection-screen';
import { InspectionsScreen } from './screens/inspections-screen';
import { Layout } from './ui/layout';

/** Each role's home screen. */
const HOME: Record<Role, string> = {
  inspector: '/inspections',
  team_lead: '/inspections',
  unit_head: '/inbox',
  supervisor: '/inbox',
  board_member: '/board',
  board_secretary: '/board',
  auditor: '/audit',
  admin: '/admin',
};

function Redirect({ to }: { to: string }) {
  const { navigate } = useRouter();
  useEffect(() => navigate(to, { replace: true }), [to, navigate]);
  return null;
}

function Screens() {
  const { path } = useRouter();
  const { session } = useSession();
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);
  if (path === CALLBACK_PATH) return <CallbackScreen />;
  if (path === '/sign-in') return session ? <Redirect to={HOME[session.role]} /> : <SignInScreen />;
  if (!session) return <Redirect to={`/sign-in${path === '/' ? '' : `?returnTo=${encodeURIComponent(path)}`}`} />;
  const routes: [string, (p: Record<string, string>) => ReactElement][] = [
    ['/', () => <Redirect to={HOME[session.role]} />],
    ['/inspections', () => <InspectionsScreen />],
    ['/inspections/:id', (p) => <InspectionScreen id={p.id} />],
    ['/findings', () => <FindingsScreen />],
    ['/findings/:id', (p) => <FindingScreen id={p.id} />],
    ['/inbox', () => <InboxScreen />],
    ['/board', () => <BoardScreen />],
    ['/board/officials/:id', (p) => <BoardScreen officialId={p.id} />],
    ['/board/cases', () => <CasesScreen />],
    ['/board/cases/:id', (p) => <CaseScreen id={p.id} />],
    ['/dashboard', () => <DashboardScreen />],
    ['/admin', () => <AdminScreen />],
    ['/audit', () => <AuditScreen />],
  ];
  for (const [pattern, render] of routes) {
    const params = match(pattern, path);
    if (params) return render(params);
  }
  return <Redirect to={HOME[session.role]} />;
}

/** The org registry is loaded once per signed-in session. */
function SignedIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  return session ? <OrgProvider key={session.token}>{children}</OrgProvider> : <>{children}</>;
}

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <CapabilitiesProvider>
            <Layout>
              <SignedIn>
                <Screens />
              </SignedIn>
            </Layout>
          </CapabilitiesProvider>
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
