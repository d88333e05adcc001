// The app's one door to Patchwork: GraphQL over HTTP at /graphql (and the reports' CSV downloads) with the user's
// bearer token. The API decides what the user may see; the app only turns its answers, and every error it can give,
// into plain words.
import { currentToken } from './sign-in.js';

export class ApiError extends Error {
  constructor(code, message, { requestId, retryAfter } = {}) {
    super(message);
    this.code = code;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }
}

const headings = {
  UNAUTHENTICATED: 'Please sign in again',
  FORBIDDEN: 'You cannot see this',
  NOT_FOUND: 'Not found',
  BAD_USER_INPUT: 'Please check what you entered',
  CONFLICT: 'That clashes with what is already recorded',
  RATE_LIMITED: 'Too many requests',
  TIMEOUT: 'Patchwork took too long to answer',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side',
  NETWORK: 'Patchwork cannot be reached',
};

// The API names the argument it refuses ("dateOfBirth must be in the past…"), which is precise for API clients; a
// person reads the name of what they filled in. An argument the table does not know never reaches the screen as code.
const inputNames = {
  query: 'the name', dateOfBirth: 'the date of birth', reason: 'the reason', outcome: 'the outcome',
  email: 'the email address', mobile: 'the mobile number', landline: 'the landline number',
  preferredContact: 'the preferred way to reach you', scheduledFor: 'the time of the visit',
  completedAt: 'the time of the contact', asOf: 'the date', days: 'the number of days', area: 'the area',
  agencyKind: 'the kind of agency', reasons: 'the reasons', reference: 'the family reference',
};

/** An API message in the words of the form: "dateOfBirth must be…" reads "The date of birth must be…". */
export function plainWords(message) {
  const named = message
    .replace(/^([a-z]\w*)(?= (?:must|is|fails|names|does) )/, (name) => inputNames[name] ?? name)
    .replace(/\b[a-z]+[A-Z]\w*\b/g, (name) => inputNames[name] ?? name);
  if (/\b[a-z]+[A-Z]\w*\b/.test(named)) return 'Check what you entered and try again.';
  return named.charAt(0).toUpperCase() + named.slice(1);
}

/** A heading and a sentence the user can act on, for any error. */
export function describe(error) {
  if (!(error instanceof ApiError)) {
    // Sign-in steps throw errors written for the user; anything else is a fault in the app itself.
    const written = error instanceof Error && error.constructor === Error && error.message;
    return written ? { heading: 'That did not work', text: error.message }
      : { heading: 'Something went wrong in the app', text: 'Reload the page and try again.' };
  }
  const heading = headings[error.code] ?? 'Patchwork could not do that';
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return { heading, text: 'Your sign-in has expired or is not valid. Sign in again to carry on.' };
    case 'RATE_LIMITED':
      return { heading, text: `You have made a lot of requests in a short time. Wait ${error.retryAfter ?? 'a few'} seconds, then try again.` };
    case 'TIMEOUT':
      return { heading, text: 'Nothing was changed. Try again in a moment.' };
    case 'INTERNAL_SERVER_ERROR':
      return {
        heading,
        text: `Try again. If it keeps happening, report it to your IT service desk and quote request id ${error.requestId ?? 'unknown'}.`,
      };
    case 'NETWORK':
      return { heading, text: 'Check your phone has signal or Wi-Fi, then try again. Nothing was changed.' };
    case 'FORBIDDEN': case 'NOT_FOUND': case 'BAD_USER_INPUT': case 'CONFLICT':
      return { heading, text: error.message }; // the API's messages say what to do
    default:
      return { heading, text: 'The app sent a request Patchwork could not handle. Reload the page and try again.' };
  }
}

/** Runs a query or mutation and returns its data, or throws an ApiError for the first error the API gave. */
export async function graphql(query, variables = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
        Authorization: `Bearer ${currentToken()}`,
      },
      body: JSON.stringify({ query, variables }),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('NETWORK', 'Patchwork cannot be reached.');
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR',
      `The answer could not be read (HTTP ${response.status}).`);
  }
  const first = body.errors?.[0];
  if (first) {
    const extensions = first.extensions ?? {};
    throw new ApiError(extensions.code ?? 'INTERNAL_SERVER_ERROR', plainWords(first.message), {
      requestId: extensions.requestId ?? /request id (\S+?)\.? /.exec(`${first.message} `)?.[1],
      retryAfter: response.headers.get('Retry-After'),
    });
  }
  return body.data;
}

/**
 * Downloads a report as CSV (/reports/{name}.csv) and hands it to the browser to save under the server's file name.
 * The download needs the bearer token, which a plain link cannot send: so it is fetched, and saved from a Blob URL.
 * Returns the file name; throws an ApiError as graphql() does.
 */
export async function downloadCsv(name, params) {
  let response;
  try {
    response = await fetch(`/reports/${name}.csv${params.size ? `?${params}` : ''}`, {
      headers: { Accept: 'text/csv', Authorization: `Bearer ${currentToken()}` },
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('NETWORK', 'Patchwork cannot be reached.');
  }
  if (!response.ok) throw await csvError(response);
  const blob = await response.blob();
  const filename = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `patchwork-${name}.csv`;
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000); // long enough for the browser to have read it
  return filename;
}

/** A refused download answers in the API's error shape; the status stands in when the body cannot be read. */
async function csvError(response) {
  const byStatus = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 400: 'BAD_USER_INPUT', 429: 'RATE_LIMITED' };
  let first;
  try {
    first = (await response.json()).errors?.[0];
  } catch {
    first = undefined;
  }
  return new ApiError(first?.extensions?.code ?? byStatus[response.status] ?? 'INTERNAL_SERVER_ERROR',
    first?.message ? plainWords(first.message) : `The download failed (HTTP ${response.status}).`, {
      requestId: first?.extensions?.requestId,
      retryAfter: response.headers.get('Retry-After'),
    });
}
