// The JSON Schema of the OKR cascade file (assets/okr-cascade.schema.json) against the
// samples, the files the exporter writes, and broken variants it must reject. Where the
// native CLI is built, each variant is also given to the importer (`okr check`), so that
// the schema and the importer are seen to agree, and the limits of the schema (what only
// the importer refuses) are pinned down.
//
// Run: node --test schema.test.mjs   (OKR_CLI overrides the path of the native `okr`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const schemaPath = path.join(repoRoot, 'assets/okr-cascade.schema.json');
const samplesDir = path.join(repoRoot, 'assets/examples');
const exportsDir = path.join(here, 'artifacts/exports');
const cli = process.env.OKR_CLI || path.join(repoRoot, 'build/native/okr');

const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
// Strict mode stays on, so a typo in a keyword fails compilation; union types such as
// ["string", "null"] are how the schema writes nullable optional fields.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const samples = readdirSync(samplesDir).filter((name) => name.endsWith('.json')).sort();
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const sample = (name) => readJson(path.join(samplesDir, name));

// ajv's errors, one a line, with the offending value, so that a failure explains itself.
function explain(errors, document) {
  if (!errors || errors.length === 0) return '(no errors)';
  const lines = errors.slice(0, 25).map((e) => {
    let value;
    try {
      value = e.instancePath
        .split('/')
        .slice(1)
        .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((at, token) => (at == null ? at : at[token]), document);
    } catch {
      value = undefined;
    }
    const shown = value === undefined ? '' : ` (found ${JSON.stringify(value)?.slice(0, 80)})`;
    return `  ${e.instancePath || '/'}: ${e.message}${shown}  [${e.schemaPath}${
      e.params && Object.keys(e.params).length ? ' ' + JSON.stringify(e.params) : ''
    }]`;
  });
  if (errors.length > lines.length) lines.push(`  ... and ${errors.length - lines.length} more`);
  return lines.join('\n');
}

function assertValid(document, label) {
  const ok = validate(document);
  assert.ok(ok, `${label} does not match the schema:\n${explain(validate.errors, document)}`);
}

function assertInvalid(document, label) {
  const ok = validate(document);
  assert.equal(ok, false, `${label} was accepted by the schema, but must be rejected`);
  return validate.errors;
}

// ---- the native CLI ----------------------------------------------------------------------

function cliUsage() {
  if (!existsSync(cli)) return null;
  const run = spawnSync(cli, ['--help'], { encoding: 'utf8' });
  return `${run.stdout ?? ''}${run.stderr ?? ''}`;
}
const usage = cliUsage();
const cliMissing = usage === null ? `the native CLI is not built (${cli}); build it with ` +
  '`cmake --build build/native --target okr`' : null;
const hasMerge = usage !== null && /\bokr merge\b/.test(usage);

const work = mkdtempSync(path.join(tmpdir(), 'okr-schema-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
let counter = 0;

// What the importer says of a document: its refusals (lines starting "refused").
function importerRefusals(document) {
  const file = path.join(work, `variant-${++counter}.json`);
  writeFileSync(file, typeof document === 'string' ? document : JSON.stringify(document, null, 2) + '\n');
  const run = spawnSync(cli, ['check', file, '--today', '2027-03-01'], { encoding: 'utf8' });
  assert.equal(run.error, undefined, `could not run ${cli}: ${run.error}`);
  const output = `${run.stdout}${run.stderr}`;
  return { refusals: output.split('\n').filter((l) => l.startsWith('refused ')), output };
}

// ---- the samples -------------------------------------------------------------------------

test('the schema is a valid draft 2020-12 schema and compiles in strict mode', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.ok(ajv.validateSchema(schema), ajv.errorsText(ajv.errors));
  for (const [name, def] of Object.entries(schema.$defs))
    assert.ok(typeof def.description === 'string' && def.description.length > 0, `$defs/${name} has no description`);
});

test('both samples match the schema', () => {
  assert.ok(samples.length >= 2, `expected the two samples in ${samplesDir}, found ${samples.join(', ')}`);
  for (const name of samples) assertValid(sample(name), `assets/examples/${name}`);
});

// ---- files the exporter writes -----------------------------------------------------------

test('files written by `okr merge` match the schema', (t) => {
  if (cliMissing) return t.skip(cliMissing);
  if (!hasMerge)
    return t.skip(`the native CLI has no \`merge A B -o OUT\` command yet (${cli} --help lists none)`);

  const [a, b] = samples.map((name) => path.join(samplesDir, name));
  for (const [first, second, out] of [[a, b, 'a-into-b.json'], [b, a, 'b-into-a.json']]) {
    const target = path.join(work, out);
    const run = spawnSync(cli, ['merge', first, second, '-o', target], { encoding: 'utf8' });
    assert.ok(existsSync(target),
      `okr merge ${path.basename(first)} ${path.basename(second)} -o ${out} wrote no file ` +
        `(exit ${run.status}):\n${run.stdout}${run.stderr}`);
    const text = readFileSync(target, 'utf8');
    assert.ok(text.endsWith('\n'), `${out} does not end with a newline`);
    assertValid(JSON.parse(text), `the output of okr merge ${path.basename(first)} ${path.basename(second)}`);
  }
});

test('exports saved by the browser tests (tests/browser/artifacts/exports) match the schema', (t) => {
  if (!existsSync(exportsDir))
    return t.skip('no tests/browser/artifacts/exports folder: the browser tests have saved no exports yet');
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.json')) files.push(full);
    }
  };
  walk(exportsDir);
  if (files.length === 0) return t.skip(`no *.json file under ${exportsDir}`);
  // Every file is checked, and the failures reported together.
  const failures = [];
  for (const file of files) {
    const label = path.relative(here, file);
    let document;
    try {
      document = readJson(file);
    } catch (error) {
      failures.push(`${label} is not JSON: ${error.message}`);
      continue;
    }
    if (!validate(document)) failures.push(`${label} does not match the schema:\n${explain(validate.errors, document)}`);
  }
  t.diagnostic(`${files.length - failures.length} of ${files.length} exported files match`);
  assert.deepEqual(failures, [], failures.join('\n'));
});

// ---- variants: the schema must reject these, and the importer refuses them too ------------

const base = () => sample('northwind-it.json');
const first = (document, collection) => document[collection][0];

const rejected = [
  ['a wrong format string', (d) => { d.format = 'okr-cascades'; }],
  ['version 2 (a newer format)', (d) => { d.version = 2; }],
  ['version as a string', (d) => { d.version = '1'; }],
  ['a check-in confidence of 1.5', (d) => { first(d, 'check_ins').confidence = 1.5; }],
  ['a negative confidence', (d) => { first(d, 'check_ins').confidence = -0.1; }],
  ['a final_score above 1', (d) => { first(d, 'key_results').final_score = 1.01; }],
  ['a negative weight', (d) => { first(d, 'key_results').weight = -1; }],
  ['an id with bad characters', (d) => { first(d, 'objectives').id = 'o sales/growth!'; }],
  ['an id of 65 characters', (d) => { first(d, 'teams').id = 't'.repeat(65); }],
  ['an empty id', (d) => { first(d, 'people').id = ''; }],
  ['a tombstone id with bad characters', (d) => { d.deleted = [{ id: 'x y', deleted_at: '2027-03-01T00:00:00.000Z' }]; }],
  ['a missing required field (key result title)', (d) => { delete first(d, 'key_results').title; }],
  ['a missing required field (check-in recorded_at)', (d) => { delete first(d, 'check_ins').recorded_at; }],
  ['a missing workspace', (d) => { delete d.workspace; }],
  ['a missing updated_at on a team', (d) => { delete first(d, 'teams').updated_at; }],
  ['a null required field (objective title)', (d) => { first(d, 'objectives').title = null; }],
  ['a string where a number belongs (check-in value)', (d) => { first(d, 'check_ins').value = '42'; }],
  ['a string where a number belongs (KR target)', (d) => { first(d, 'key_results').target = '100'; }],
  ['a number where a boolean belongs (task done)', (d) => { first(d, 'tasks').done = 1; }],
  ['an unknown cycle state', (d) => { first(d, 'cycles').state = 'archived'; }],
  ['an unknown KR direction', (d) => { first(d, 'key_results').direction = 'up'; }],
  ['an unknown KPI direction', (d) => { first(d, 'kpis').direction = 'up_is_good'; }],
  ['a day that does not exist', (d) => { first(d, 'check_ins').date = '2027-02-30'; }],
  ['a date in another shape', (d) => { first(d, 'cycles').start = '01/04/2027'; }],
  ['year 0000', (d) => { first(d, 'cycles').end = '0000-03-31'; }],
  ['a timestamp without offset', (d) => { first(d, 'teams').updated_at = '2027-01-04T08:00:00.000'; }],
  ['a timestamp with a space for T', (d) => { first(d, 'teams').updated_at = '2027-01-04 08:00:00Z'; }],
  ['a collection that is null', (d) => { d.teams = null; }],
  ['a collection that is an object', (d) => { d.people = {}; }],
  ['an entity that is not an object', (d) => { d.tasks.push('t-new'); }],
  ['a KPI reading without value', (d) => { delete first(d, 'kpis').readings[0].value; }],
  ['kpis of an objective that are not all strings', (d) => { first(d, 'objectives').kpis = [7]; }],
];

for (const [label, mutate] of rejected) {
  test(`rejects ${label}`, (t) => {
    const document = base();
    mutate(document);
    const errors = assertInvalid(document, label);
    t.diagnostic(`ajv: ${errors.map((e) => `${e.instancePath || '/'} ${e.message}`).slice(0, 3).join('; ')}`);
    if (cliMissing) return;
    const { refusals, output } = importerRefusals(document);
    assert.ok(refusals.length > 0, `the importer accepted ${label}, yet the schema rejects it:\n${output}`);
  });
}

// ---- variants: the schema must accept these, as the importer does (with warnings) ---------

const accepted = [
  ['an unknown commitment and perspective (kept, warned)', (d) => {
    first(d, 'objectives').commitment = 'stretch';
    first(d, 'objectives').perspective = 'sustainability';
  }],
  ['a draft KR with baseline, target and deadline null', (d) => {
    Object.assign(first(d, 'key_results'), { baseline: null, target: null, deadline: null });
  }],
  ['a draft KR with baseline, target and deadline absent', (d) => {
    const kr = first(d, 'key_results');
    delete kr.baseline; delete kr.target; delete kr.deadline;
  }],
  ['every optional field null', (d) => {
    Object.assign(first(d, 'objectives'), {
      description: null, owner: null, parent: null, commitment: null, perspective: null, kpis: null, carried_from: null,
    });
    Object.assign(first(d, 'key_results'), { unit: null, weight: null, owner: null, final_score: null, score_note: null });
    Object.assign(first(d, 'check_ins'), { note: null, author: null, corrects: null });
    Object.assign(first(d, 'kpis'), { team: null, unit: null, readings: null });
    Object.assign(first(d, 'retrospectives'), { learned: null, change_next: null, carry_forward: null });
    first(d, 'people').email = null;
    first(d, 'teams').parent = null;
    first(d, 'tasks').owner = null;
    first(d, 'dependencies').note = null;
    d.workspace.updated_at = null;
  }],
  ['unknown fields at every level (a newer writer)', (d) => {
    d.x_future = { any: ['thing'] };
    d.workspace.x_theme = 'dark';
    first(d, 'objectives').x_labels = ['a', 'b'];
    first(d, 'check_ins').x_source = null;
    first(d, 'kpis').readings[0].x_by = 'p-ana';
    d.deleted = [{ id: 'o-gone', deleted_at: '2027-03-01T00:00:00.000Z', x_reason: 'merged' }];
  }],
  ['only the required top-level fields (missing collections read as empty)', (d) => {
    for (const key of Object.keys(d)) if (!['format', 'version', 'workspace'].includes(key)) delete d[key];
  }],
  ['references to ids the file does not hold (unresolved, unattached)', (d) => {
    first(d, 'objectives').parent = 'o-elsewhere';
    first(d, 'key_results').objective = 'o-not-here';
    first(d, 'dependencies').to = 'kr-in-another-file';
  }],
  ['weight 0, final_score 0 and 1, confidence 0 and 1', (d) => {
    Object.assign(d.key_results[0], { weight: 0, final_score: 0 });
    Object.assign(d.key_results[1], { final_score: 1 });
    d.check_ins[0].confidence = 0;
    d.check_ins[1].confidence = 1;
  }],
  ['timestamps with an offset, a long fraction, no fraction, or lower-case t and z', (d) => {
    d.teams[0].updated_at = '2027-01-04T10:00:00.123456+02:00';
    d.teams[1].updated_at = '2027-01-04T08:00:00Z';
    d.teams[2].updated_at = '2027-01-04t08:00:00.000z';
  }],
  ['an id of 64 characters and every allowed character', (d) => {
    first(d, 'people').id = 'p'.repeat(64);
    d.people[1].id = 'AZaz09._-';
  }],
  ['a leap day', (d) => { first(d, 'check_ins').date = '2028-02-29'; }],
];

for (const [label, mutate] of accepted) {
  test(`accepts ${label}`, () => {
    const document = base();
    mutate(document);
    assertValid(document, label);
    if (cliMissing) return;
    const { refusals, output } = importerRefusals(document);
    assert.deepEqual(refusals, [], `the importer refused ${label}, yet the schema accepts it:\n${output}`);
  });
}

// ---- the limits of the schema: only the importer refuses these ---------------------------

const beyondSchema = [
  ['duplicate ids within a collection', (d) => { d.people.push({ ...first(d, 'people') }); }],
  ['a parent loop among teams', (d) => {
    d.teams[0].parent = d.teams[1].id;
    d.teams[1].parent = d.teams[0].id;
  }],
  ['a parent loop among objectives', (d) => { first(d, 'objectives').parent = first(d, 'objectives').id; }],
  ['an integer beyond 2^53', (d) => `${JSON.stringify(d, null, 2).replace(/"value": [0-9.]+/, '"value": 9007199254740993')}\n`],
  ['a key written twice in one object', (d) => JSON.stringify(d, null, 2).replace('"version": 1,', '"version": 1,\n  "version": 1,')],
];

for (const [label, mutate] of beyondSchema) {
  test(`documented limit: the schema cannot see ${label}, the importer refuses it`, (t) => {
    const document = base();
    const text = mutate(document);
    assertValid(text === undefined ? document : JSON.parse(text), label);
    if (cliMissing) return t.skip(cliMissing);
    const { refusals, output } = importerRefusals(text === undefined ? document : text);
    assert.ok(refusals.length > 0, `the importer accepted ${label}:\n${output}`);
    t.diagnostic(refusals[0]);
  });
}
