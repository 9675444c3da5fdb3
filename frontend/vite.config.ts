/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The SPA calls the gateway on its own origin under /api (config.json: "gatewayUrl": ""); the dev and
// preview servers forward those calls, as the nginx site in deploy/nginx does in production.
const gateway = process.env.CERTCARE_GATEWAY_URL ?? 'http://localhost:8080';
// xfwd: the gateway's per-client limit on /api/public/** sees the browser's address, not this server's
const proxy = { '/api': { target: gateway, changeOrigin: false, xfwd: true } };

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 5173, strictPort: true, proxy },
  build: {
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
