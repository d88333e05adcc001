// Signing in. Development: pick a demo account, the API's development endpoint issues its token. Production: the
// authorization code flow with PKCE against the OpenID Connect provider, run here in the browser as a public client.
// The access token is kept in sessionStorage: it survives a reload on a doorstep but not closing the tab, and is
// never written to localStorage, where it would outlive the session on a shared phone.
const settings = JSON.parse(document.getElementById('sign-in-settings').textContent);
const SESSION = 'patchwork.session';
const PENDING = 'patchwork.sign-in';

export const signInMode = settings.mode;

function readJson(storage, key) {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function session() {
  const current = readJson(sessionStorage, SESSION);
  if (current && current.expiresAt > Date.now() + 10_000) return current;
  sessionStorage.removeItem(SESSION);
  return null;
}

export function currentToken() {
  return session()?.token ?? '';
}

export const isSignedIn = () => session() !== null;

/** Forgets the token (after a 401, or when the user signs out). */
export function forgetSession() {
  sessionStorage.removeItem(SESSION);
}

function base64UrlDecode(part) {
  const text = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(text, (c) => c.charCodeAt(0))));
}

function claimsOf(jwt) {
  try {
    return base64UrlDecode(jwt.split('.')[1]);
  } catch {
    return {};
  }
}

function keep(token, expiresInSeconds, idToken) {
  const exp = claimsOf(token).exp;
  const expiresAt = exp ? exp * 1000 : Date.now() + (expiresInSeconds ?? 300) * 1000;
  sessionStorage.setItem(SESSION, JSON.stringify({ token, expiresAt, idToken }));
}

// ---- Development ----

export async function demoAccounts() {
  const response = await fetch('/dev/users', { cache: 'no-store' });
  if (!response.ok) throw new Error(`The demo accounts could not be listed (HTTP ${response.status}).`);
  return response.json();
}

export async function signInAsDemo(email) {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.token) throw new Error(body.error ?? `Sign-in failed (HTTP ${response.status}).`);
  keep(body.token);
}

// ---- OpenID Connect: authorization code + PKCE ----

async function discovery() {
  const response = await fetch(`${settings.authority}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`Your organisation's sign-in service did not answer (HTTP ${response.status}).`);
  return response.json();
}

function randomText(bytes = 32) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const redirectUri = () => `${location.origin}/`;

// RFC 8707: named in both requests, for providers that issue a token for the API only when asked by its resource URI.
const resourceParameter = () => (settings.resource ? { resource: settings.resource } : {});

/** Sends the browser to the provider; it comes back to / with ?code=…&state=…. */
export async function beginProviderSignIn(returnTo) {
  const provider = await discovery();
  const verifier = randomText();
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const pending = { verifier, state: randomText(16), nonce: randomText(16), returnTo };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri(),
    scope: settings.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...resourceParameter(),
  }).toString();
  location.assign(url.toString());
}

/**
 * Finishes a sign-in when the provider has just sent the browser back. Returns the hash route to open, or null when
 * this page load is not a return from the provider. Throws with a message the user can act on when sign-in failed.
 */
export async function completeProviderSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return null;
  history.replaceState(null, '', '/'); // the code is single-use; keep it out of the address bar and history
  const pending = readJson(sessionStorage, PENDING);
  sessionStorage.removeItem(PENDING);
  if (params.has('error')) {
    throw new Error(`Sign-in did not complete: ${params.get('error_description') ?? params.get('error')}.`);
  }
  if (!pending || params.get('state') !== pending.state) {
    throw new Error('Sign-in did not complete: the answer from the sign-in service did not match this tab. Sign in again.');
  }
  const provider = await discovery();
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      client_id: settings.clientId,
      code_verifier: pending.verifier,
      ...resourceParameter(),
    }),
  });
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.access_token) throw refusal(tokens, response.status);
  // Asked for openid, the answer must carry an ID token bound to this tab's nonce: an answer without one could be a
  // code replayed from another sign-in, and skipping the check would let it through.
  const openid = (settings.scope ?? '').split(/\s+/).includes('openid');
  if ((openid && !tokens.id_token) || (tokens.id_token && claimsOf(tokens.id_token).nonce !== pending.nonce)) {
    throw new Error('Sign-in did not complete: the sign-in service answered for a different request. Sign in again.');
  }
  keep(tokens.access_token, tokens.expires_in, tokens.id_token);
  return pending.returnTo || '#/search';
}

/**
 * The token endpoint's refusal in words a person can act on. The provider's own wording ("The specified authorization
 * code is invalid.") is for the IT team, in the console: it names protocol parts nobody signing in has heard of.
 */
function refusal(tokens, status) {
  console.warn('The sign-in service refused the token request:', tokens.error ?? `HTTP ${status}`, tokens.error_description ?? '');
  return new Error(tokens.error === 'invalid_grant'
    // A code that expired, was used already, was altered on the way, or was not issued to this tab's sign-in.
    ? 'Sign-in did not complete: the sign-in service did not accept this sign-in, which may have taken too long. Sign in again.'
    : 'Sign-in did not complete: the sign-in service refused it. Sign in again, and if this keeps happening tell your IT team.');
}

/** Signs out here and, when the provider supports it, there too. */
export async function signOut() {
  const idToken = session()?.idToken;
  forgetSession();
  if (signInMode !== 'oidc') return;
  try {
    const provider = await discovery();
    if (!provider.end_session_endpoint) return;
    const url = new URL(provider.end_session_endpoint);
    url.search = new URLSearchParams({
      client_id: settings.clientId,
      post_logout_redirect_uri: redirectUri(),
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).toString();
    location.assign(url.toString());
  } catch {
    // Signed out of Patchwork; the provider's own session simply stays.
  }
}
