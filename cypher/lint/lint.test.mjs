// The linter itself: it passes Patchwork's Cypher and fails each kind of broken query, through its API and as
// the command ./test calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintFile, loadSchema } from './lint.mjs';

const schema = loadSchema();
const lintScript = fileURLToPath(new URL('./lint.mjs', import.meta.url));
const problems = (text, file = 'visits/visit_by_id.cypher') => lintFile(text, file, schema).map((p) => p.message);

test('a correct statement with its declared parameter has no problems', () => {
  assert.deepEqual(problems('MATCH (v:Visit {id: $id}) RETURN v.status AS status'), []);
});

test('a syntax error is a problem', () => {
  assert.match(problems('MATCH (v:Visit {id: $id} RETURN v')[0], /Invalid input/);
});

test('an unknown label is a problem', () => {
  assert.match(problems('MATCH (v:Vist {id: $id}) RETURN v')[0], /Label Vist is not present/);
});

test('an unknown relationship type is a problem', () => {
  const found = problems('MATCH (v:Visit {id: $id})-[:WITH_CLIENT]->(c) RETURN c');
  assert.ok(found.some((m) => /Relationship type WITH_CLIENT is not present/.test(m)), found.join('\n'));
});

test('a relationship drawn against the graph schema is a problem', () => {
  const found = problems('MATCH (c:Client)-[:WITH]->(v:Visit {id: $id}) RETURN c');
  assert.ok(found.length > 0);
});

test('an unknown property key is a problem', () => {
  assert.match(problems('MATCH (v:Visit {id: $id}) RETURN v.scheduledAt')[0], /scheduledAt is not present/);
});

test('a parameter the file does not declare is a problem', () => {
  assert.match(problems('MATCH (v:Visit {id: $visitId}) RETURN v')[0], /Parameter \$visitId is not defined/);
});

test('an unknown function is a problem, a built-in one is not', () => {
  assert.match(problems('MATCH (v:Visit {id: $id}) RETURN datetme(v.scheduledFor)')[0], /Function datetme is not present/);
  assert.deepEqual(problems('MATCH (v:Visit {id: $id}) RETURN datetime(v.scheduledFor) AS at'), []);
});

test('the command fails on a folder holding one broken query, and passes once it is fixed', () => {
  const root = mkdtempSync(join(tmpdir(), 'cypher-lint-'));
  try {
    mkdirSync(join(root, 'visits'));
    writeFileSync(join(root, 'visits', 'visit_by_id.cypher'), 'MATCH (v:Visit {id: $id}) RETURN v.status AS status\n');
    writeFileSync(join(root, 'visits', 'cancel_visit.cypher'), 'MATCH (v:Visit {id: $id}) SET v.status = $status\n');
    const broken = spawnSync(process.execPath, [lintScript, root], { encoding: 'utf8' });
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /visits\/cancel_visit\.cypher:1:\d+: Parameter \$status is not defined/);

    writeFileSync(join(root, 'visits', 'cancel_visit.cypher'), "MATCH (v:Visit {id: $id}) SET v.status = 'Cancelled'\n");
    const fixed = spawnSync(process.execPath, [lintScript, root], { encoding: 'utf8' });
    assert.equal(fixed.status, 0, fixed.stdout);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("every one of Patchwork's Cypher files is clean", () => {
  const all = spawnSync(process.execPath, [lintScript], { encoding: 'utf8' });
  assert.equal(all.status, 0, all.stdout);
  assert.match(all.stdout, /[1-9][0-9]* Cypher file\(s\) linted, 0 problem\(s\)\./);
});
