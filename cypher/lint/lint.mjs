// Lints every .cypher file under cypher/ with Neo4j's own Cypher language tooling, offline, against schema.json:
// the labels, relationship types and property keys of Patchwork's graph, the parameters each file may use
// (keyed by its path without .cypher, e.g. "team/insert_involvement"), and the built-in function and procedure signatures
// in builtins.json. Any diagnostic fails: a syntax or semantic error, an undeclared parameter, or an unknown
// label, relationship type, property key, function or procedure.
//
//   node lint.mjs [cypher-root]      exit code 0 when every file is clean, 1 otherwise
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const here = fileURLToPath(new URL('.', import.meta.url));

export function loadSchema(dir = here) {
  const schema = JSON.parse(readFileSync(join(dir, 'schema.json'), 'utf8'));
  const builtins = JSON.parse(readFileSync(join(dir, 'builtins.json'), 'utf8'));
  return { ...schema, ...builtins };
}

/** Every .cypher file under root, as paths relative to it, skipping this tooling's own folder. */
export function cypherFiles(root) {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'node_modules' && path !== join(root, 'lint')) walk(path);
      } else if (name.endsWith('.cypher')) {
        found.push(relative(root, path).split(sep).join('/'));
      }
    }
  };
  walk(root);
  return found;
}

/** The problems of one file: [{ line, column, message }]. */
export function lintFile(text, file, schema) {
  const statement = file.replace(/\.cypher$/, '');
  const parameters = Object.fromEntries((schema.parameters[statement] ?? []).map((name) => [name, null]));
  const dbSchema = {
    labels: schema.labels,
    relationshipTypes: schema.relationshipTypes,
    propertyKeys: schema.propertyKeys,
    graphSchema: schema.graphSchema,
    functions: schema.functions,
    procedures: schema.procedures,
    parameters,
  };
  const { diagnostics } = lintCypherQuery(text, dbSchema);
  return diagnostics.map((d) => ({
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    message: d.message,
  }));
}

/** Lints every file under root; prints each problem as file:line:column and returns how many there were. */
export function lintAll(root, schema = loadSchema(), print = console.log) {
  let problems = 0;
  const files = cypherFiles(root);
  for (const file of files) {
    for (const p of lintFile(readFileSync(join(root, file), 'utf8'), file, schema)) {
      print(`${file}:${p.line}:${p.column}: ${p.message}`);
      problems++;
    }
  }
  print(`${files.length} Cypher file(s) linted, ${problems} problem(s).`);
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.argv[2] ?? join(here, '..');
  process.exitCode = lintAll(root) === 0 ? 0 : 1;
}
