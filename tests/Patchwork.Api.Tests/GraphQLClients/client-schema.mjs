// Reads an answer to the standard introspection query on stdin and builds a client schema from it as the tools do
// (graphql-js's buildClientSchema; assertValidSchema checks it as a server would). Prints, as JSON, that schema and the
// schema built from the SDL file named as the argument (the printed contract), both sorted and printed by graphql-js,
// so the two can be compared whatever the order and layout each printer chose.
import { readFileSync } from 'node:fs';
import { assertValidSchema, buildClientSchema, buildSchema, lexicographicSortSchema, printSchema } from 'graphql';

let text = '';
for await (const chunk of process.stdin) text += chunk;
const answer = JSON.parse(text);
if (answer.errors) throw new Error(`The introspection answer has errors: ${JSON.stringify(answer.errors)}`);

const client = buildClientSchema(answer.data);
assertValidSchema(client);
const contract = buildSchema(readFileSync(process.argv[2], 'utf8'));
const printed = (schema) => printSchema(lexicographicSortSchema(schema));
process.stdout.write(JSON.stringify({ client: printed(client), contract: printed(contract) }));
