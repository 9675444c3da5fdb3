import { useEffect, type ReactNode } from 'react';
import { useAuth } from 'react-oidc-context';
import { Alert, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { bindSession } from './session';

/** Where to come back to after the login round trip. */
export interface ReturnState {
  returnTo: string;
}

export function currentLocation(): ReturnState {
  return { returnTo: window.location.pathname + window.location.search + window.location.hash };
}

/** Everything behind it needs a logged-in user: starts the login, shows its progress and failures. */
export function AuthGate({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const { t } = useTranslation();

  // bound while rendering, not in an effect: the pages' effects (their first API calls) run before this
  // component's effects would
  bindSession(
    () => auth.user?.access_token,
    () => void auth.signinRedirect({ state: currentLocation() }),
  );

  const mustLogIn = !auth.isLoading && !auth.isAuthenticated && !auth.activeNavigator && !auth.error;
  useEffect(() => {
    if (mustLogIn) {
      void auth.signinRedirect({ state: currentLocation() });
    }
  }, [mustLogIn, auth]);

  if (auth.error) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ maxWidth: 560, margin: '120px auto' }}
        message={t('auth.failed')}
        description={auth.error.message}
        action={
          <Button type="primary" onClick={() => void auth.signinRedirect({ state: currentLocation() })}>
            {t('auth.retry')}
          </Button>
        }
      />
    );
  }
  if (!auth.isAuthenticated) {
    return <Spin size="large" fullscreen tip={t('auth.signingIn')} />;
  }
  return <>{children}</>;
}
