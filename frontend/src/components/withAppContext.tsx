import type { ComponentType } from 'react';
import { App as AntApp } from 'antd';

/**
 * Gives a page antd's message, modal and notification (App.useApp) under the app's ConfigProvider.
 * Each lazily loaded page wraps itself, so the shell's first download does not carry them.
 */
export function withAppContext<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  function WithAppContext(props: P) {
    return (
      <AntApp component={false}>
        <Page {...props} />
      </AntApp>
    );
  }
  WithAppContext.displayName = `WithAppContext(${Page.displayName ?? Page.name})`;
  return WithAppContext;
}
