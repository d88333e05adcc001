// Writes builtins.json: the signatures of the Neo4j 5 built-in functions and procedures Patchwork's Cypher calls,
// taken from the signature data the Cypher tooling ships. The linter needs them to tell a misspelt function from
// a real one without a server. Run again (node extract-builtins.mjs) when a statement starts using another one.
import { writeFileSync } from 'node:fs';
import { testData } from '@neo4j-cypher/language-support';

const functions = ['coalesce', 'collect', 'count', 'date', 'datetime', 'max', 'min', 'size', 'sum'];
const procedures = ['db.index.fulltext.queryNodes'];
const pick = (registry, names) => Object.fromEntries(names.map((name) => {
  if (!registry[name]) throw new Error(`No signature for ${name}`);
  return [name, registry[name]];
}));
const schema = testData.mockSchema;
const builtins = {
  functions: { 'CYPHER 5': pick(schema.functions['CYPHER 5'], functions) },
  procedures: { 'CYPHER 5': pick(schema.procedures['CYPHER 5'], procedures) },
};
writeFileSync(new URL('./builtins.json', import.meta.url), JSON.stringify(builtins, null, 2) + '\n');
