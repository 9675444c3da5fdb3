import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider, useAuth } from 'react-oidc-context';
import { WebStorageStateStore } from 'oidc-client-ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppConfig } from './config';
import { antdLocale, withMessages } from './i18n';
import { ApiError } from './api/http';
import { AuthGate, type ReturnState } from './auth/AuthGate';
import { RequirePermission } from './auth/RequirePermission';
import { useRoles } from './auth/useRoles';
import { AppLayout } from './layout/AppLayout';
import { NoPermission, NotFound } from './components/ErrorPages';
import { useReducedMotion } from './components/useReducedMotion';
import Home from './pages/Home';
import type { Permission } from './auth/roles';

// the screens below bring their own messages (i18n.ts: BUNDLES), loaded before they render
const CustomerList = lazy(() => withMessages('customers', import('./pages/customers/CustomerList')));
const CustomerDetail = lazy(() => withMessages('customers', import('./pages/customers/CustomerDetail')));
const CustomerFormPage = lazy(() => withMessages('customers', import('./pages/customers/CustomerFormPage')));
const ImportPage = lazy(() => withMessages('import', import('./pages/customers/ImportPage')));
const NationalReporting = lazy(() => withMessages('customers', import('./pages/reporting/NationalReporting')));
const Overview = lazy(() => withMessages('customers', import('./pages/customers/Overview')));
const DocumentList = lazy(() => withMessages('documents', import('./pages/documents/DocumentList')));
const DocumentDetail = lazy(() => withMessages('documents', import('./pages/documents/DocumentDetail')));
const PublicDocuments = lazy(() => withMessages('documents', import('./pages/public/PublicDocuments')));
const PublicApply = lazy(() => withMessages(['applications', 'documents'], import('./pages/public/PublicApply')));
const PublicApplicationStatus = lazy(() => withMessages('applications', import('./pages/public/PublicApplicationStatus')));
const PublicDirectory = lazy(() => withMessages('directory', import('./pages/public/PublicDirectory')));
const VerifyCertificate = lazy(() => withMessages('directory', import('./pages/public/VerifyCertificate')));
const ApplicationList = lazy(() => withMessages('applications', import('./pages/applications/ApplicationList')));
const ApplicationDetail = lazy(() => withMessages(['applications', 'documents'], import('./pages/applications/ApplicationDetail')));
const ApplicationNew = lazy(() => withMessages('applications', import('./pages/applications/ApplicationNew')));
const ContractList = lazy(() => withMessages('applications', import('./pages/contracts/ContractList')));
const ContractDetail = lazy(() => withMessages('applications', import('./pages/contracts/ContractDetail')));
const FeedbackList = lazy(() => withMessages('feedback', import('./pages/feedback/FeedbackList')));
const FeedbackNew = lazy(() => withMessages('feedback', import('./pages/feedback/FeedbackNew')));
// the item's topics, marks and the common issues and report screens: their own bundle, and the feedback one for
// the kinds, channels and departments they name
const FeedbackDetail = lazy(() => withMessages(['feedback', 'analysis'], import('./pages/feedback/FeedbackDetail')));
const CommonIssues = lazy(() => withMessages(['feedback', 'analysis'], import('./pages/analysis/CommonIssues')));
const ForwardingDetail = lazy(() => withMessages(['feedback', 'analysis'], import('./pages/analysis/ForwardingDetail')));
const YearReport = lazy(() => withMessages(['feedback', 'analysis'], import('./pages/analysis/YearReport')));
const CampaignList = lazy(() => withMessages('surveys', import('./pages/surveys/CampaignList')));
const CampaignDetail = lazy(() => withMessages('surveys', import('./pages/surveys/CampaignDetail')));
const SurveyDashboard = lazy(() => withMessages('surveys', import('./pages/surveys/Dashboard')));
const SurveyAnnual = lazy(() => withMessages('surveys', import('./pages/surveys/AnnualPage')));
const SurveyReport = lazy(() => withMessages('surveys', import('./pages/surveys/ReportPage')));
const SurveyTemplates = lazy(() => withMessages('surveys', import('./pages/surveys/TemplatesPage')));
const PublicSurvey = lazy(() => withMessages('surveys', import('./pages/public/PublicSurvey')));

const loading = <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;

function page(permission: Permission, element: ReactNode) {
  return (
    <RequirePermission permission={permission}>
      <Suspense fallback={loading}>{element}</Suspense>
    </RequirePermission>
  );
}

/** A page for anyone: no login, no console frame. */
function publicPage(element: ReactNode) {
  return <Suspense fallback={loading}>{element}</Suspense>;
}

/** "/" is the overview for whoever reads customers (the market department's home); a department's is its feedback items. */
function HomeRoute() {
  const { can } = useRoles();
  if (can('customers:read')) {
    return <Navigate to="/customers/overview" replace />;
  }
  return can('feedback:read') ? <Navigate to="/feedback" replace /> : <Home />;
}

/** "/surveys": the campaigns for whoever reads them, the questionnaires for auditors (who read only those). */
function SurveysRoute() {
  const { can } = useRoles();
  if (can('surveys:read')) {
    return <Navigate to="/surveys/campaigns" replace />;
  }
  return can('surveys:templates') ? <Navigate to="/surveys/templates" replace /> : <NoPermission />;
}

/** Back from Keycloak: on to the page the login started from. */
function SigninCallback() {
  const auth = useAuth();
  const state = auth.user?.state as ReturnState | undefined;
  const target = state?.returnTo && !state.returnTo.startsWith('/auth/callback') ? state.returnTo : '/';
  return <Navigate to={target} replace />;
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<AuthGate><AppLayout /></AuthGate>}>
        <Route index element={<HomeRoute />} />
        <Route path="auth/callback" element={<SigninCallback />} />
        <Route path="customers" element={page('customers:read', <CustomerList />)} />
        <Route path="customers/overview" element={page('customers:read', <Overview />)} />
        <Route path="customers/new" element={page('customers:edit', <CustomerFormPage />)} />
        <Route path="customers/import" element={page('customers:edit', <ImportPage />)} />
        <Route path="customers/:id" element={page('customers:read', <CustomerDetail />)} />
        <Route path="customers/:id/edit" element={page('customers:edit', <CustomerFormPage />)} />
        <Route path="reporting" element={page('reporting:read', <NationalReporting />)} />
        <Route path="applications" element={page('applications:read', <ApplicationList />)} />
        <Route path="applications/new" element={page('applications:manage', <ApplicationNew />)} />
        <Route path="applications/:id" element={page('applications:read', <ApplicationDetail />)} />
        <Route path="applications/:id/edit" element={page('applications:manage', <ApplicationNew />)} />
        <Route path="contracts" element={page('contracts:read', <ContractList />)} />
        <Route path="contracts/:id" element={page('contracts:read', <ContractDetail />)} />
        <Route path="documents" element={page('documents:read', <DocumentList />)} />
        <Route path="documents/:id" element={page('documents:read', <DocumentDetail />)} />
        <Route path="feedback" element={page('feedback:read', <FeedbackList />)} />
        <Route path="feedback/escalated" element={page('feedback:decide', <FeedbackList escalated />)} />
        <Route path="feedback/new" element={page('feedback:post', <FeedbackNew />)} />
        <Route path="feedback/common-issues" element={page('feedback:commonIssues', <CommonIssues />)} />
        <Route path="feedback/forwardings" element={page('feedback:forwardings', <CommonIssues forwardingsOnly />)} />
        <Route path="feedback/forwardings/:id" element={page('feedback:forwardings', <ForwardingDetail />)} />
        <Route path="feedback/report" element={page('feedback:report', <YearReport />)} />
        <Route path="feedback/:id" element={page('feedback:read', <FeedbackDetail />)} />
        <Route path="surveys" element={<SurveysRoute />} />
        <Route path="surveys/campaigns" element={page('surveys:read', <CampaignList />)} />
        <Route path="surveys/campaigns/:id" element={page('surveys:read', <CampaignDetail />)} />
        <Route path="surveys/dashboard" element={page('surveys:analysis', <SurveyDashboard />)} />
        <Route path="surveys/annual" element={page('surveys:analysis', <SurveyAnnual />)} />
        <Route path="surveys/reports/:quarter" element={page('surveys:analysis', <SurveyReport />)} />
        <Route path="surveys/templates" element={page('surveys:templates', <SurveyTemplates />)} />
        <Route path="*" element={<NotFound />} />
      </Route>
      {/* for anyone, without logging in: outside AuthGate and the console's frame */}
      <Route path="/public/documents" element={publicPage(<PublicDocuments />)} />
      <Route path="/public/apply" element={publicPage(<PublicApply />)} />
      <Route path="/public/applications" element={publicPage(<PublicApplicationStatus />)} />
      <Route path="/public/directory" element={publicPage(<PublicDirectory />)} />
      <Route path="/public/verify" element={publicPage(<VerifyCertificate />)} />
      {/* what the QR code printed on a certificate opens (certcare.directory.verify-url) */}
      <Route path="/verify/:number" element={publicPage(<VerifyCertificate />)} />
      {/* the satisfaction survey's one-time link, as the invitation e-mails it (certcare.survey.mail.public-url) */}
      <Route path="/survey/:token" element={publicPage(<PublicSurvey />)} />
    </Routes>
  );
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      // an answer is final unless nothing answered or the server failed
      retry: (count, error) => count < 2 && (!(error instanceof ApiError) || error.isNetwork || error.status >= 500),
    },
  },
});

// the user's system asks for reduced motion: no opening and closing animations (antd's motion token); a theme is
// always given, so a change of the setting does not change the tree above the app (which would remount it)
const MOTION = { token: { motion: true } };
const NO_MOTION = { token: { motion: false } };

function LocalizedProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const reducedMotion = useReducedMotion();
  return (
    <ConfigProvider locale={antdLocale(i18n.language)} theme={reducedMotion ? NO_MOTION : MOTION}>
      {children}
    </ConfigProvider>
  );
}

export function Root({ config }: { config: AppConfig }) {
  const origin = window.location.origin;
  return (
    <AuthProvider
      authority={`${config.keycloakUrl}/realms/${config.realm}`}
      client_id={config.clientId}
      redirect_uri={`${origin}/auth/callback`}
      post_logout_redirect_uri={`${origin}/`}
      scope="openid profile email"
      automaticSilentRenew
      userStore={new WebStorageStateStore({ store: window.sessionStorage })}
      // the code and state leave the address bar; SigninCallback then routes on
      onSigninCallback={() => window.history.replaceState(window.history.state, '', window.location.pathname)}
    >
      <QueryClientProvider client={queryClient}>
        <LocalizedProviders>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </LocalizedProviders>
      </QueryClientProvider>
    </AuthProvider>
  );
}
