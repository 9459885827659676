import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Button, ConfigProvider, Layout, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import thTH from 'antd/locale/th_TH';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthProvider, canManageUsers, canSeePlans, isNationalRole, useAuth } from './auth';
import { provinceName } from './districts';
import type { Lang } from './format';
import { loadTexts, setLang } from './i18n';
import { useLiveUpdates } from './live';
import { NotificationBell, SETTINGS_ROUTE } from './NotificationBell';
import { PageErrorBoundary } from './PageErrorBoundary';
import { ReferralsBadge } from './ReferralsBadge';
import { answersReferrals, canSeeReferrals } from './referrals';
import { canReadPlanHistory } from './reports';
import { canSeeCases } from './pages/cases/cases';
import { SignInPage } from './pages/SignInPage';

/** A screen's module, once it and the texts of its sections (locales/<section>.*.json) have arrived. */
function withTexts<T>(load: () => Promise<T>, ...sections: string[]): () => Promise<T> {
  return () => Promise.all([load(), loadTexts(...sections)]).then(([module]) => module);
}

const DashboardPage = lazy(withTexts(() => import('./pages/dashboard/DashboardPage'), 'cases'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const PlansPage = lazy(
  withTexts(() => import('./pages/PlansPage').then((m) => ({ default: m.PlansPage })), 'plan-workspace'),
);
const PlanPage = lazy(
  withTexts(() => import('./pages/PlansPage').then((m) => ({ default: m.PlanPage })), 'plan-workspace'),
);
const NotificationSettingsPage = lazy(() => import('./pages/NotificationSettingsPage'));
const ReferralsPage = lazy(() => import('./pages/ReferralsPage'));
const ReferralPage = lazy(withTexts(() => import('./pages/ReferralPage'), 'cases'));
const AuditPage = lazy(withTexts(() => import('./pages/audit/AuditPage'), 'audit'));
const CasesPage = lazy(withTexts(() => import('./pages/cases/CasesPage'), 'cases'));
const CasePage = lazy(withTexts(() => import('./pages/cases/CasePage'), 'cases'));
const AccessLogPage = lazy(withTexts(() => import('./pages/cases/AccessLogPage'), 'cases'));
const NationalRollupPage = lazy(() => import('./pages/national/NationalRollupPage'));

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 10_000 } },
});

/** Routes live in the hash (`#/plans/…`), so the API serves one index.html and needs no fallback route. */
function useRoute(): [string, (path: string) => void] {
  const read = () => window.location.hash.replace(/^#/, '') || '/';
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (path: string) => (window.location.hash = path)];
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Button
      type="text"
      onClick={() => setLang(i18n.language === 'th' ? 'en' : 'th')}
      lang={i18n.language === 'th' ? 'en' : 'th'}
      style={{ color: '#fff' }}
      data-testid="language-switch"
    >
      {t('lang.switch')}
    </Button>
  );
}

function Shell() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { user, ready, signOut } = useAuth();
  const [route, navigate] = useRoute();
  const live = useLiveUpdates(user !== null);
  if (!ready) return <Spin fullscreen />;
  if (!user) {
    return (
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}>
          <LanguageSwitch />
        </Layout.Header>
        <SignInPage />
      </Layout>
    );
  }
  const home = canSeePlans(user.role) ? '/plans' : '/dashboard';
  const path = route === '/' ? home : route;
  const items = [
    ...(canSeePlans(user.role) ? [{ key: '/plans', label: t('nav.plans') }] : []),
    ...(canSeeReferrals(user.role) ? [{ key: '/referrals', label: t('nav.referrals') }] : []),
    ...(canSeeCases(user.role) ? [{ key: '/cases', label: t('nav.cases') }] : []),
    { key: '/dashboard', label: t('nav.dashboard') },
    ...(isNationalRole(user.role) ? [{ key: '/national', label: t('nav.national') }] : []),
    ...(canReadPlanHistory(user.role) ? [{ key: '/audit', label: t('nav.audit') }] : []),
    ...(canManageUsers(user.role) ? [{ key: '/users', label: t('nav.users') }] : []),
  ];
  const section = '/' + (path.split('/')[1] ?? '');
  let page;
  // A project's link (from a notice) opens its plan, where the project stands in the tree.
  const planMatch = /^\/plans\/([0-9a-f-]{36})(?:\/projects\/[0-9a-f-]{36})?$/.exec(path);
  const referralMatch = /^\/referrals\/([0-9a-f-]{36})$/i.exec(path);
  const caseMatch = /^\/cases\/([0-9a-f-]{36})$/i.exec(path);
  if (path === SETTINGS_ROUTE) page = <NotificationSettingsPage />;
  else if (planMatch && canSeePlans(user.role)) page = <PlanPage planId={planMatch[1]} navigate={navigate} />;
  else if (section === '/plans' && canSeePlans(user.role)) page = <PlansPage navigate={navigate} />;
  else if (referralMatch && canSeeReferrals(user.role))
    page = <ReferralPage key={referralMatch[1]} referralId={referralMatch[1]} navigate={navigate} />;
  else if (section === '/referrals' && canSeeReferrals(user.role)) page = <ReferralsPage navigate={navigate} />;
  // Case routes open for any role: the API refuses those who may not read cases, and the page says so.
  else if (path === '/cases/access-log') page = <AccessLogPage navigate={navigate} />;
  else if (caseMatch) page = <CasePage key={caseMatch[1]} caseId={caseMatch[1]} navigate={navigate} />;
  else if (section === '/cases') page = <CasesPage navigate={navigate} />;
  else if (section === '/users' && canManageUsers(user.role)) page = <UsersPage />;
  else if (section === '/audit' && canReadPlanHistory(user.role)) page = <AuditPage path={path} navigate={navigate} />;
  else if (section === '/national' && isNationalRole(user.role)) page = <NationalRollupPage />;
  else page = <DashboardPage />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <Layout.Header className="app-header">
        <Typography.Text strong style={{ color: '#fff', fontSize: 20 }}>
          {t('app.name')}
        </Typography.Text>
        <nav aria-label={t('nav.main')} className="main-nav-region">
          <ul className="main-nav">
            {items.map((item) => (
              <li key={item.key}>
                <a href={`#${item.key}`} aria-current={section === item.key ? 'page' : undefined}>
                  {item.label}
                  {item.key === '/referrals' && answersReferrals(user.role) && <ReferralsBadge />}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <Space className="header-tools">
          <span className={live ? 'live live-on' : 'live'}>{t('common.live')}</span>
          <NotificationBell navigate={navigate} />
          {/* Who is signed in, on two short lines: on one, with the province, it pushed the menu onto a second row at 1280 px. */}
          <div className="header-user" data-testid="signed-in-user">
            <span>
              {user.displayName}
              <span aria-hidden="true"> · </span>
              <span data-testid="user-province">
                {/* A national role reads every province: its token's province is only where its account was made. */}
                {isNationalRole(user.role)
                  ? t('app.national')
                  : t('app.province', { name: provinceName(user.province, lang) })}
              </span>
            </span>
            <span className="header-user-detail">
              {t(`roles.${user.role}`)} · {user.agency}
            </span>
          </div>
          <LanguageSwitch />
          <Button onClick={() => void signOut()} data-testid="sign-out">
            {t('nav.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} style={{ padding: 24 }}>
        <PageErrorBoundary route={path}>
          <Suspense fallback={<Spin />}>{page}</Suspense>
        </PageErrorBoundary>
      </Layout.Content>
    </Layout>
  );
}

/** Whether the person asked their system for less motion (WCAG 2.3.3): the console then animates nothing. */
function useReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setReduced(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

export function App() {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const reducedMotion = useReducedMotion();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : thTH}
      theme={{
        token: {
          motion: !reducedMotion,
          fontFamily: "'Sarabun', 'Noto Sans Thai', sans-serif",
          colorPrimary: '#1f5fa8',
          colorLink: '#1f5fa8',
          colorTextDescription: 'rgba(0, 0, 0, 0.68)',
          colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.68)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
          colorError: '#b3261e',
          fontSize: 15,
        },
      }}
    >
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <Shell />
        </AuthProvider>
      </QueryClientProvider>
    </ConfigProvider>
  );
}
