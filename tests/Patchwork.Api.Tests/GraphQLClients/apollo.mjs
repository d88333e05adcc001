// Asks PATCHWORK_URL (…/graphql) PATCHWORK_QUERY through Apollo Client's HttpLink, signed in with PATCHWORK_TOKEN:
// plainly; through its automatic-persisted-query link, which sends only the query's hash first and must fall back to
// the full query when the server says it keeps no persisted queries; and PATCHWORK_INVALID_QUERY, whose refusal must
// reach the caller as a GraphQL error. Prints the three outcomes and what each request carried, as JSON.
import { createHash } from 'node:crypto';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

let sent = [];
const http = new HttpLink({
  uri: process.env.PATCHWORK_URL,
  headers: { authorization: `Bearer ${process.env.PATCHWORK_TOKEN}` },
  fetch: (input, init) => {
    const body = JSON.parse(init.body);
    sent.push({ withQuery: typeof body.query === 'string', persistedQuery: Boolean(body.extensions?.persistedQuery) });
    return fetch(input, init);
  },
});
const persisted = new PersistedQueryLink({ sha256: (text) => createHash('sha256').update(text).digest('hex') });

async function ask(link, text) {
  sent = [];
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  const result = await client.query({ query: gql(text), fetchPolicy: 'no-cache', errorPolicy: 'all' });
  return { data: result.data ?? null, error: result.error?.message ?? null, sent };
}

process.stdout.write(JSON.stringify({
  plain: await ask(http, process.env.PATCHWORK_QUERY),
  persisted: await ask(ApolloLink.from([persisted, http]), process.env.PATCHWORK_QUERY),
  invalid: await ask(http, process.env.PATCHWORK_INVALID_QUERY),
}, null, 2));
