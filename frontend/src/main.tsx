import '@ant-design/v5-patch-for-react-19';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadConfig } from './config';
import { i18nReady } from './i18n';
import './index.css';

const root = createRoot(document.getElementById('root')!);

// config.json first: the login and the API client are built from it
Promise.all([loadConfig(), i18nReady])
  .then(async ([config]) => {
    const { Root } = await import('./App');
    root.render(
      <StrictMode>
        <Root config={config} />
      </StrictMode>,
    );
  })
  .catch((e: unknown) => {
    root.render(
      <pre style={{ padding: 24, color: '#a8071a' }}>
        CertCare: {e instanceof Error ? e.message : String(e)}
      </pre>,
    );
  });
