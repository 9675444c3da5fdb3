/** Runtime settings read from /config.json next to index.html, so one build serves any site. */
export interface AppConfig {
  /** Base URL of the gateway; "" means this origin (the web server forwards /api). */
  gatewayUrl: string;
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

let current: AppConfig | undefined;

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`config.json: HTTP ${response.status}`);
  }
  const raw = (await response.json()) as Partial<AppConfig>;
  for (const key of ['keycloakUrl', 'realm', 'clientId'] as const) {
    if (!raw[key]) {
      throw new Error(`config.json: "${key}" is missing`);
    }
  }
  current = {
    gatewayUrl: (raw.gatewayUrl ?? '').replace(/\/+$/, ''),
    keycloakUrl: raw.keycloakUrl!.replace(/\/+$/, ''),
    realm: raw.realm!,
    clientId: raw.clientId!,
  };
  return current;
}

export function config(): AppConfig {
  if (!current) {
    throw new Error('config.json not loaded yet');
  }
  return current;
}
