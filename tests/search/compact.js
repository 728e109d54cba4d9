// The compact index every shard publishes, against lunr.js 2.3.9 itself (see CMakeLists.txt).
//
//   node compact.js <search_dump_index> <content-dir> <work-dir> [<built site>]
//
// search_dump_index writes the search files of the content folder (as of SOURCE_DATE_EPOCH,
// as `congkhai build` does) and, for each shard, its documents and its index in lunr's
// serialised form. For every shard:
// 1. the published compact index, expanded by search-core.js (expandIndex), must be the
//    JSON text lunr.Builder makes from the shard's documents, and the C++ full form;
// 2. queries made from the shard's own terms (exact, folded, prefixes, typos, pairs) must
//    give the same refs with the same scores on the expanded index and on lunr's, through
//    search-core.js's search and through lunr's own Index#search.
// Each shard is read as the browser reads it (shard_file.js: the script run, its payload
// inflated by zlib), and its payload must inflate to the same text with pako's inflate, the
// browser's fallback. With a built site, its published shards must be the files
// search_dump_index wrote. Prints the largest shard's expansion time.
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { readShardScript } = require('./shard_file.js');

const repo = path.resolve(__dirname, '..', '..');
const lunr = require(path.join(repo, 'node_modules', 'lunr'));
const core = require(path.join(repo, 'themes', 'default', 'assets', 'search-core.js'));
const pako = require(path.join(repo, 'node_modules', 'pako', 'dist', 'pako_inflate.es5.min.js'));
core.register(lunr);

const [tool, content, workDir, builtSite] = process.argv.slice(2);
if (!tool || !content || !workDir) {
  console.error('usage: node compact.js <search_dump_index> <content-dir> <work-dir> [<built site>]');
  process.exit(2);
}
const siteDir = path.join(workDir, 'site');
const inputDir = path.join(workDir, 'input');
fs.rmSync(workDir, { recursive: true, force: true });
const listing = execFileSync(tool, ['site', content, siteDir, inputDir], { encoding: 'utf8', maxBuffer: 1 << 28 })
  .trim().split('\n').map((l) => l.split(' ')[0]);
assert.ok(listing.length > 0, 'search files');

let failures = 0;
function check(name, fn) {
  try {
    fn();
  } catch (e) {
    failures++;
    console.log('FAIL ' + name + '\n     ' + String(e.message).split('\n').join('\n     '));
  }
}

function shardData(text, file) {
  const shard = readShardScript(text, file);
  const bytes = Uint8Array.from(Buffer.from(shard.packed, 'base64'));
  assert.ok(pako.inflate(bytes, { to: 'string' }) === shard.json, file + ': pako inflates the payload to the same JSON');
  return shard.data;
}

function lunrBuild(input) {
  const builder = new lunr.Builder();
  builder.pipeline.add(core.viFold);
  builder.searchPipeline.add(core.viFold);
  builder.ref('ref');
  for (const f of input.fields) builder.field(f.name, { boost: f.boost });
  for (const d of input.documents) builder.add(Object.assign({ ref: d.ref }, d.fields), { boost: d.boost });
  return builder.build();
}

// Queries from the shard's terms: every `step`-th term as typed, its first letters (a word
// being typed), with a letter dropped (a typo), and with the next one.
function queriesOf(terms) {
  const step = Math.max(1, Math.floor(terms.length / 25));
  const out = new Set();
  for (let i = 0; i < terms.length; i += step) {
    const t = terms[i];
    out.add(t);
    if (t.length > 3) {
      out.add(t.slice(0, 3));
      out.add(t.slice(0, 1) + t.slice(2));
    }
    if (i + 1 < terms.length) out.add(t + ' ' + terms[i + 1] + ' ');
  }
  return [...out];
}

function ranked(results) {
  return results.map((r) => [r.ref, r.score]);
}

let largest = null;
let shards = 0;
let queries = 0;
for (const file of listing) {
  check(file, () => {
    const text = fs.readFileSync(path.join(siteDir, file), 'utf8');
    if (builtSite) {
      assert.ok(text === fs.readFileSync(path.join(builtSite, file), 'utf8'), file + ': the published file');
    }
    const data = shardData(text, file);
    assert.ok(Array.isArray(data.index.terms) && Array.isArray(data.index.vectors), file + ': compact index');
    assert.equal(data.index.invertedIndex, undefined);
    const expanded = JSON.stringify(core.expandIndex(data.index));
    const full = fs.readFileSync(path.join(inputDir, file + '.lunr.json'), 'utf8');
    const built = lunrBuild(JSON.parse(fs.readFileSync(path.join(inputDir, file + '.input.json'), 'utf8')));
    const lunrText = JSON.stringify(built);
    assert.ok(full === lunrText, file + ': the C++ serialised index is lunr.Builder\'s');
    assert.equal(expanded.length, lunrText.length, file + ': length of the expanded index');
    assert.ok(expanded === lunrText, file + ': the expanded index is lunr.Builder\'s, byte for byte');

    const loaded = lunr.Index.load(core.expandIndex(data.index));
    const terms = data.index.terms;
    for (const q of queriesOf(terms)) {
      const a = core.search(lunr, [{ index: loaded, store: {} }], q).results;
      const b = core.search(lunr, [{ index: built, store: {} }], q).results;
      assert.deepEqual(ranked(a), ranked(b), file + ': ' + JSON.stringify(q));
      queries++;
    }
    for (const t of terms.slice(0, 40)) {
      const q = t.replace(/[:^~+\-*]/g, '');
      if (!q) continue;
      assert.deepEqual(ranked(loaded.search(q)), ranked(built.search(q)), file + ': lunr search ' + JSON.stringify(q));
    }
    const bytes = Buffer.byteLength(text);
    if (!largest || bytes > largest.bytes) largest = { file, bytes, index: data.index };
    shards++;
  });
}

// The largest shard's expansion, as a page pays it on its first search (first run) and later.
if (largest) {
  const time = (fn) => {
    const start = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const first = time(() => lunr.Index.load(core.expandIndex(largest.index)));
  const runs = [];
  for (let i = 0; i < 15; i++) runs.push(time(() => core.expandIndex(largest.index)));
  runs.sort((a, b) => a - b);
  console.log(`largest shard ${largest.file}: ${largest.bytes} bytes, ${largest.index.terms.length} terms; ` +
      `expansion and lunr.Index.load ${first.toFixed(1)} ms on first use, expansion ${runs[7].toFixed(1)} ms after`);
}

if (failures) {
  console.log(failures + ' shard(s) failed');
  process.exit(1);
}
console.log(`all ${shards} shards expand to lunr's index; ${queries} queries rank the same`);
