// Runs graphql-http's GraphQL-over-HTTP audits against PATCHWORK_URL (…/graphql), signed in with PATCHWORK_TOKEN, and
// prints each result and the totals as JSON.
import { auditServer } from 'graphql-http';

const url = process.env.PATCHWORK_URL;
const token = process.env.PATCHWORK_TOKEN;
const signedIn = (input, init = {}) =>
  fetch(input, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });

const results = await auditServer({ url, fetchFn: signedIn });
const count = (status) => results.filter((r) => r.status === status).length;
process.stdout.write(JSON.stringify({
  ok: count('ok'),
  warn: count('warn'),
  error: count('error'),
  results: results.map((r) => ({ id: r.id, name: r.name, status: r.status, reason: r.reason })),
}, null, 2));
