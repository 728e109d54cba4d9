// Validates a built site's open data with the reference tools:
//   - every <unit>/ke-hoach/<plan>/ke-hoach.json against du-lieu/schema/ke-hoach.schema.json
//     (JSON Schema draft 2020-12, ajv with formats);
//   - every datapackage.json against the Frictionless Data Package profile
//     (tabular-data-package), and every CSV it lists against its Table Schema: types,
//     constraints, primary keys and foreign keys (datapackage-js, the reference JavaScript
//     implementation of the Frictionless v1 specs).
// The CSV files start with a UTF-8 byte-order mark (for Excel). frictionless-py reads
// "encoding": "utf-8" files that start with one as "utf-8-sig"; datapackage-js does not, so
// each package is checked on a copy whose CSVs have the mark removed, after checking that
// every CSV starts with exactly one.
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
const plans = files.filter((f) => f.endsWith(`${path.sep}ke-hoach.json`));
for (const file of plans) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!validatePlan(data)) {
    for (const e of validatePlan.errors) fail(file, `${e.instancePath || '/'} ${e.message}`);
  }
}

// Data packages and their CSV files.
const packages = files.filter((f) => path.basename(f) === 'datapackage.json');
const checked = { rows: 0 };
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
for (const file of packages) {
  const descriptor = JSON.parse(fs.readFileSync(file, 'utf8'));
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'congkhai-datapackage-'));
  for (const resource of descriptor.resources || []) {
    const csv = fs.readFileSync(path.join(path.dirname(file), resource.path));
    if (!csv.subarray(0, 3).equals(BOM) || csv.subarray(3, 6).equals(BOM)) {
      fail(`${file} › ${resource.name}`, 'CSV does not start with exactly one UTF-8 byte-order mark');
    }
    if (csv.length !== resource.bytes) fail(`${file} › ${resource.name}`, `bytes ${csv.length} ≠ ${resource.bytes}`);
    fs.writeFileSync(path.join(copy, resource.path), csv.subarray(3));
  }
  const pkg = await Package.load(descriptor, { basePath: copy, strict: false });
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
      if (JSON.stringify(resource.headers) !== JSON.stringify(names)) {
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

console.log(`${plans.length} plan files, ${packages.length} data packages (${checked.rows} rows) checked; ${problems} problems`);
process.exit(problems ? 1 : 0);
