// Bytes a reader's first search transfers, computed from a built site's files with the
// rule search.js follows (search-core.js shardPlan, the budgets of search.js): lunr.min.js,
// search-core.js, the global index and the shards planned for the page's unit. Prints the
// total size of the search files and the largest first search from a commune page (a unit
// with nothing below it), a province page (a top-level unit) and the home page, uncompressed
// and gzip (level 9, each file on its own), and the shards' JSON once inflated (what the
// budget of search.js counts). See docs/search.md.
//
//   node bench/search_bytes.js SITE_DIR [--check]
//
// --check: exit 1 when a unit page's first search passes the budget of docs/search.md
// (160 KB gzip, 900 KB uncompressed), naming the pages.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET = 900 * 1000;
const BUDGET_GZIP = 160 * 1000;

const repo = path.resolve(__dirname, '..');
const core = require(path.join(repo, 'themes', 'default', 'assets', 'search-core.js'));
const { readShardScript } = require(path.join(repo, 'tests', 'search', 'shard_file.js'));

const [site, flag] = process.argv.slice(2);
if (!site) {
  console.error('usage: node bench/search_bytes.js SITE_DIR [--check]');
  process.exit(2);
}

// The budgets search.js uses, read from it so that both follow one source.
const searchJs = fs.readFileSync(path.join(repo, 'themes', 'default', 'assets', 'search.js'), 'utf8');
function constant(name) {
  const m = new RegExp('var ' + name + ' = ([0-9 *]+);').exec(searchJs);
  if (!m) throw new Error('search.js has no ' + name);
  return m[1].split('*').reduce((n, x) => n * Number(x.trim()), 1);
}
const UNIT_BUDGET = constant('UNIT_BUDGET');
const BOX_AREAS_BUDGET = constant('BOX_AREAS_BUDGET');

const sizes = new Map();  // file → [bytes, gzip bytes]
function size(rel) {
  if (!sizes.has(rel)) {
    const buf = fs.readFileSync(path.join(site, rel));
    sizes.set(rel, [buf.length, zlib.gzipSync(buf, { level: 9 }).length]);
  }
  return sizes.get(rel);
}
const shardFile = (key) => (key === '*' ? 'tim-kiem/chi-muc.js' : 'tim-kiem/chi-muc/' + key + '.js');
// The data a shard's .js assigns, run and inflated as a browser would; its JSON's bytes.
const inflated = new Map();
function read(key) {
  const shard = readShardScript(fs.readFileSync(path.join(site, shardFile(key)), 'utf8'), shardFile(key));
  inflated.set(shardFile(key), Buffer.byteLength(shard.json));
  return shard;
}
const shard = (key) => read(key).data;
const jsonBytes = (file) => (inflated.has(file) ? inflated.get(file)
  : Buffer.byteLength(read(file === shardFile('*') ? '*' : file.replace(/^tim-kiem\/chi-muc\//, '').replace(/\.js$/, '')).json));

const global = shard('*');
const tops = {};
for (const a of global.areas) if (a.bytes) tops[a.slug] = shard(a.slug);

// Every unit page: the top-level units, and the units whose pages their shards index.
const units = [];
for (const a of global.areas) {
  units.push({ key: a.slug, top: true, leaf: false });
  for (const e of (tops[a.slug] && tops[a.slug].store) || []) {
    if (e[2] === 'unit') units.push({ key: a.slug + '/' + e[0].replace(/\/index\.html$/, ''), top: false });
  }
}
for (const u of units) u.leaf = !units.some((v) => v.key.startsWith(u.key + '/'));

function firstSearch(unit, budget) {
  const plan = core.shardPlan(unit, global, tops, budget);
  const files = ['assets/lunr.min.js', 'assets/search-words.js', 'assets/search-core.js', shardFile('*')];
  for (const k of plan.waiting.concat(plan.keys)) if (!files.includes(shardFile(k))) files.push(shardFile(k));
  const total = files.map(size).reduce((s, x) => [s[0] + x[0], s[1] + x[1]], [0, 0]);
  const json = files.filter((f) => f.startsWith('tim-kiem/')).reduce((s, f) => s + jsonBytes(f), 0);
  return { unit, files, bytes: total[0], gzip: total[1], json };
}

const all = fs.readdirSync(path.join(site, 'tim-kiem'), { recursive: true })
  .filter((f) => f.endsWith('.js')).map((f) => size(path.join('tim-kiem', f)));
const sum = all.reduce((s, x) => [s[0] + x[0], s[1] + x[1]], [0, 0]);
console.log(`search index: ${all.length} files, ${sum[0]} bytes, ${sum[1]} gzip`);

const fmt = (r) => `${r.bytes} bytes, ${r.gzip} gzip, shards ${r.json} bytes inflated (${r.files.length} files${r.unit ? ', ' + r.unit : ''})`;
const largest = (list) => list.reduce((m, r) => (!m || r.bytes > m.bytes ? r : m), null);
const results = units.map((u) => Object.assign(firstSearch(u.key, UNIT_BUDGET), { leaf: u.leaf, top: u.top }));
const communes = results.filter((r) => r.leaf && !r.top);
const provinces = results.filter((r) => r.top);
if (communes.length) console.log('first search, commune page: ' + fmt(largest(communes)));
if (provinces.length) console.log('first search, province page: ' + fmt(largest(provinces)));
console.log('first search, home page: ' + fmt(firstSearch('', BOX_AREAS_BUDGET)));

if (flag === '--check') {
  const over = results.filter((r) => r.bytes > BUDGET || r.gzip > BUDGET_GZIP);
  for (const r of over) console.error(`over the budget (${BUDGET} bytes, ${BUDGET_GZIP} gzip): ${fmt(r)}`);
  console.log(over.length ? `${over.length} page(s) over the budget` : `every unit page within ${BUDGET} bytes, ${BUDGET_GZIP} gzip`);
  process.exit(over.length ? 1 : 0);
}
