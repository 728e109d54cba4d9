// Validates a built site's open data with the reference tools:
//   - every <unit>/du-lieu/ke-hoach.json (the data of the unit's plans) against
//     du-lieu/schema/ke-hoach.schema.json (JSON Schema draft 2020-12, ajv with formats); the
//     file names its own unit, sits beside the unit's CSV pieces, and there is no other
//     ke-hoach.json;
//   - every datapackage.json against the Frictionless Data Package profile
//     (tabular-data-package), and every table it describes against its Table Schema: types,
//     constraints, primary keys and foreign keys (datapackage-js, the reference JavaScript
//     implementation of the Frictionless v1 specs).
// A table is published in pieces, one CSV per unit with plans (<unit>/du-lieu/<table>.csv),
// and a package lists the pieces of the units it covers: a plain path for one piece (with its
// byte size when it is the unit's own); an array (a multipart resource) for several, without. Every piece starts with
// a UTF-8 byte-order mark (for Excel) and its header row. datapackage-js reads no multipart
// table and no file with the mark, so each package is checked on a copy: each table joined as
// frictionless-py's multipart loader joins it (the first piece whole, every later one without
// its first line, which holds its mark and header), the mark removed, the resource pointed at
// the joined file. Paths with ".." or absolute ones are refused (Frictionless forbids them),
// and every package must list every piece in or below its folder exactly once and no other (the
// portal's, every piece on the site): a unit with no units below it publishes no package, so
// its pieces are read through the packages above it.
// Usage: node validate_open_data.mjs <site dir>. Exit status 1 on any problem.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const { Package } = require('datapackage');

const site = process.argv[2];
if (!site) {
  console.error('usage: node validate_open_data.mjs <site dir>');
  process.exit(2);
}

let problems = 0;
const fail = (file, message) => {
  problems += 1;
  console.error(`${file}: ${message}`);
};

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const files = walk(site).sort();

// JSON Schema of the plan files.
const schemaFile = path.join(site, 'du-lieu', 'schema', 'ke-hoach.schema.json');
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validatePlan = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
const relative = (f) => path.relative(site, f).split(path.sep).join('/');
const plans = files.filter((f) => path.basename(f) === 'ke-hoach.json' && !relative(f).startsWith('tep/'));
let planCount = 0;
for (const file of plans) {
  const rel = relative(file);
  if (!/^[^/].*\/du-lieu\/ke-hoach\.json$/.test(rel)) {
    fail(file, 'a ke-hoach.json outside a unit\'s du-lieu/ folder');
    continue;
  }
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!validatePlan(data)) {
    for (const e of validatePlan.errors) fail(file, `${e.instancePath || '/'} ${e.message}`);
  }
  const unit = rel.slice(0, -'/du-lieu/ke-hoach.json'.length);
  if (data.unit?.path !== unit) fail(file, `unit.path ${data.unit?.path} is not the file's unit ${unit}`);
  if (!fs.existsSync(path.join(site, unit, 'du-lieu', 'ke-hoach.csv'))) fail(file, 'no ke-hoach.csv beside it');
  planCount += (data.plans || []).length;
}

// Data packages and their CSV pieces.
const packages = files.filter((f) => path.basename(f) === 'datapackage.json');
const checked = { rows: 0, pieces: 0 };
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const safe = (p) => typeof p === 'string' && p !== '' && !path.posix.isAbsolute(p) && !/^[a-z][a-z0-9+.-]*:/i.test(p) &&
  !p.includes('\\') && !p.split('/').includes('..');
const pieceFiles = files.map((f) => path.relative(site, f).split(path.sep).join('/'))
  .filter((f) => /^(?!tep\/).*\/du-lieu\/[^/]+\.csv$/.test(f));
// Every unit with CSV pieces has the JSON of its plans.
for (const piece of pieceFiles.filter((f) => f.endsWith('/du-lieu/ke-hoach.csv'))) {
  if (!fs.existsSync(path.join(site, path.dirname(piece), 'ke-hoach.json'))) fail(piece, 'no ke-hoach.json beside it');
}
const rootPackage = path.join(site, 'datapackage.json');
if (!packages.includes(rootPackage)) fail(rootPackage, 'the portal has no data package at the site root');
for (const file of packages) {
  const descriptor = JSON.parse(fs.readFileSync(file, 'utf8'));
  const dir = path.dirname(file);
  // The descriptor as published, against the profile (its multipart paths included).
  try {
    const published = await Package.load(JSON.parse(JSON.stringify(descriptor)), { basePath: dir, strict: false });
    for (const e of published.errors) fail(file, `descriptor as published: ${e.message}`);
  } catch (error) {
    fail(file, `descriptor as published: ${error.message}`);
  }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'congkhai-datapackage-'));
  let listed = [];
  let broken = false;  // a piece not to read, or not there: the tables are not read
  for (const resource of descriptor.resources || []) {
    const where = `${file} › ${resource.name}`;
    if (resource.data !== undefined) continue;  // inline: datapackage-js checks it as it is
    const parts = Array.isArray(resource.path) ? resource.path : [resource.path];
    if (Array.isArray(resource.path) && resource.path.length < 2) fail(where, 'a single piece given as an array');
    const names = (resource.schema && resource.schema.fields || []).map((f) => f.name);
    const joined = [];
    let unsafe = false;  // a path not to read, or not there
    for (const [i, part] of parts.entries()) {
      if (!safe(part)) {
        fail(where, `path ${JSON.stringify(part)} is not a safe relative path`);
        unsafe = true;
        continue;
      }
      listed.push(path.relative(site, path.join(dir, part)).split(path.sep).join('/'));
      let csv;
      try {
        csv = fs.readFileSync(path.join(dir, part));
      } catch (error) {
        fail(where, `${part}: ${error.message}`);
        unsafe = true;
        continue;
      }
      checked.pieces += 1;
      if (!csv.subarray(0, 3).equals(BOM) || csv.subarray(3, 6).equals(BOM)) {
        fail(`${where} › ${part}`, 'CSV does not start with exactly one UTF-8 byte-order mark');
      }
      const end = csv.indexOf('\n');
      const header = csv.subarray(3, end < 0 ? csv.length : end).toString('utf8').replace(/\r$/, '');
      if (header !== names.join(',')) fail(`${where} › ${part}`, `header ${header} ≠ schema fields ${names.join(',')}`);
      // A unit's own single piece gives its size; a piece from below or one of several, none.
      const own = parts.length === 1 && path.dirname(part) === 'du-lieu' && file !== rootPackage;
      if (own && csv.length !== resource.bytes) fail(where, `bytes ${csv.length} ≠ ${resource.bytes}`);
      if (!own && resource.bytes !== undefined) fail(where, 'bytes of a piece that is not the unit\'s own');
      // frictionless-py: the first part whole, every later one from after its first line.
      joined.push(i === 0 ? csv : csv.subarray(end < 0 ? csv.length : end + 1));
    }
    if (unsafe) {
      broken = true;
      continue;
    }
    const whole = Buffer.concat(joined);
    const name = `${resource.name}.csv`;
    fs.writeFileSync(path.join(copy, name), whole.subarray(whole.subarray(0, 3).equals(BOM) ? 3 : 0));
    resource.path = name;
    delete resource.bytes;
  }
  {
    const folder = path.relative(site, dir).split(path.sep).join('/');
    const below = pieceFiles.filter((p) => folder === '' || p.startsWith(`${folder}/`));
    const seen = new Map();
    for (const p of listed) seen.set(p, (seen.get(p) || 0) + 1);
    for (const p of below) if (seen.get(p) !== 1) fail(file, `${p} listed ${seen.get(p) || 0} times`);
    for (const p of seen.keys()) if (!below.includes(p)) fail(file, `${p} listed but not a piece on the site in its folder`);
  }
  if (broken) {
    fs.rmSync(copy, { recursive: true, force: true });
    continue;
  }
  let pkg;
  try {
    pkg = await Package.load(descriptor, { basePath: copy, strict: false });
  } catch (error) {
    fail(file, `descriptor: ${error.message}`);
    continue;
  }
  if (!pkg.valid) {
    for (const e of pkg.errors) fail(file, `descriptor: ${e.message}`);
    continue;
  }
  if (pkg.descriptor.profile !== 'tabular-data-package') fail(file, 'not a tabular data package');
  for (const resource of pkg.resources) {
    const where = `${file} › ${resource.name}`;
    if (!resource.tabular) fail(where, 'resource is not tabular');
    try {
      // Casts every cell with its field's type and constraints, checks the header against the
      // schema, the primary key's uniqueness, and resolves foreign keys against the
      // referenced resources.
      const rows = await resource.read({ relations: true });
      const names = resource.schema.fieldNames;
      if (!resource.inline && JSON.stringify(resource.headers) !== JSON.stringify(names)) {
        fail(where, `header ${JSON.stringify(resource.headers)} ≠ schema fields ${JSON.stringify(names)}`);
      }
      checked.rows += rows.length;
    } catch (error) {
      const details = error.errors ? error.errors.map((e) => e.message).join('; ') : '';
      fail(where, `${error.message} ${details}`);
    }
  }
  fs.rmSync(copy, { recursive: true, force: true });
}

console.log(`${plans.length} units' JSON (${planCount} plans), ${packages.length} data packages (${checked.pieces} CSV pieces, ${checked.rows} rows) checked; ${problems} problems`);
process.exit(problems ? 1 : 0);
