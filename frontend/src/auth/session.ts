/**
 * The bridge between the login state (React) and the API client (plain functions): the client asks
 * here for the current access token and calls back when the gateway answers 401.
 */
let tokenSource: () => string | undefined = () => undefined;
let onUnauthorized: () => void = () => {};

export function bindSession(token: () => string | undefined, unauthorized: () => void): void {
  tokenSource = token;
  onUnauthorized = unauthorized;
}

export function accessToken(): string | undefined {
  return tokenSource();
}

export function unauthorized(): void {
  onUnauthorized();
}
