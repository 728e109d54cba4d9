// Compares the C++ search index with lunr.js 2.3.9 itself (see CMakeLists.txt).
//
//   node compare.js <search_dump_index> <fixture.json> <work-dir>
//
// 1. The Vietnamese terms of every Vietnamese letter (NFC and NFD, both cases) and of edge
//    cases: vi_terms (C++) must equal viTerms (search-core.js).
// 2. The fixture's documents indexed by lunr.Builder with the viFold pipeline must serialise
//    to exactly the text the C++ code writes, and the compact form the shards publish must
//    expand (search-core.js's expandIndex) to that text too.
// 3. Fixed queries must rank the same documents with the same scores on lunr's index and on
//    the expanded compact one, and rank the expected documents first.
// 4. The shard files of a small portal must load in a browser-like global and be searchable,
//    and a page loads the shards shardPlan gives.
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { readShardScript } = require('./shard_file.js');

const repo = path.resolve(__dirname, '..', '..');
const lunr = require(path.join(repo, 'node_modules', 'lunr'));
const core = require(path.join(repo, 'themes', 'default', 'assets', 'search-core.js'));

const [tool, fixturePath, workDir] = process.argv.slice(2);
if (!tool || !fixturePath || !workDir) {
  console.error('usage: node compare.js <search_dump_index> <fixture.json> <work-dir>');
  process.exit(2);
}
fs.mkdirSync(workDir, { recursive: true });
core.register(lunr);

let failures = 0;
function check(name, fn) {
  try {
    fn();
    console.log('ok   ' + name);
  } catch (e) {
    failures++;
    console.log('FAIL ' + name + '\n     ' + String(e.message).split('\n').join('\n     '));
  }
}
function run(...args) {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
}

// 1. Terms -------------------------------------------------------------------------------

function vietnameseLetters() {
  const vowels = 'aăâeêioôơuưy';
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const out = [];
  for (const v of vowels) {
    for (const t of tones) {
      out.push((v + t).normalize('NFC'));
      out.push((v.toUpperCase() + t).normalize('NFC'));
    }
  }
  for (const c of 'bcdđghklmnpqrstvx') out.push(c, c.toUpperCase());
  return out;
}

check('C++ and JS give the same terms for every Vietnamese letter and edge case', () => {
  const letters = vietnameseLetters();
  assert.equal(letters.length, 2 * (12 * 6 + 17));
  const words = [];
  for (const l of letters) words.push(l, l.normalize('NFD'));
  words.push('Số', 'Số:', '(TTHC),', '“Ủy', 'Định', 'Hoá', 'hóa', 'ĐƯỜNG', '28/kh', '50%', '–', '...',
      'ΟΔΟΣ', 'ΣΑ', 'İstanbul', 'Straße', 'ﬁle', '𝐀𝐁', 'Ǆ', 'ǅ', 'Ω', 'ÅNGSTRÖM', '한국어', 'ﾊﾝｶｸ',
      'ﬀ', 'x\u0301\u0323', '\u0301', 'thủ_tục', 'a*b', 'e\u0323\u0302', 'e\u0302\u0323');
  const wordsPath = path.join(workDir, 'words.json');
  fs.writeFileSync(wordsPath, JSON.stringify(words));
  const cpp = JSON.parse(run('terms', wordsPath));
  const js = words.map(core.viTerms);
  for (let i = 0; i < words.length; i++) {
    assert.deepEqual(cpp[i], js[i], 'terms of ' + JSON.stringify(words[i]));
  }
  // Every letter folds to one ASCII letter, and NFD gives the same terms as NFC.
  for (const l of letters) {
    const t = core.viTerms(l);
    assert.match(t[t.length - 1], /^[a-z]$/, l);
    assert.deepEqual(core.viTerms(l.normalize('NFD')), t, l);
  }
});

// 2. Index -------------------------------------------------------------------------------

const fixture = JSON.parse(fs.readFileSync(fixturePath, 'utf8'));

function lunrBuild(fields, documents) {
  const builder = new lunr.Builder();
  builder.pipeline.add(core.viFold);
  builder.searchPipeline.add(core.viFold);
  builder.ref('ref');
  for (const f of fields) builder.field(f.name, { boost: f.boost });
  for (const d of documents) {
    builder.add(Object.assign({ ref: d.ref }, d.fields), { boost: d.boost });
  }
  return builder.build();
}

const jsIndex = lunrBuild(fixture.fields, fixture.documents);
const jsText = JSON.stringify(jsIndex);
const cppText = run('index', fixturePath);
const compactText = run('compact', fixturePath);
fs.writeFileSync(path.join(workDir, 'index-lunr.json'), jsText);
fs.writeFileSync(path.join(workDir, 'index-cpp.json'), cppText);
fs.writeFileSync(path.join(workDir, 'index-compact.json'), compactText);

check('the serialised C++ index is byte-for-byte the one lunr.Builder makes', () => {
  const a = JSON.parse(cppText);
  const b = JSON.parse(jsText);
  assert.deepEqual(a.fields, b.fields, 'fields');
  assert.deepEqual(a.pipeline, b.pipeline, 'pipeline');
  assert.deepEqual(a.invertedIndex.map((t) => t[0]), b.invertedIndex.map((t) => t[0]), 'sorted terms');
  for (let i = 0; i < b.invertedIndex.length; i++) {
    assert.deepEqual(a.invertedIndex[i], b.invertedIndex[i], 'posting of ' + b.invertedIndex[i][0]);
    assert.deepEqual(Object.keys(a.invertedIndex[i][1]), Object.keys(b.invertedIndex[i][1]));
  }
  for (let i = 0; i < b.fieldVectors.length; i++) {
    assert.deepEqual(a.fieldVectors[i], b.fieldVectors[i], 'vector of ' + b.fieldVectors[i][0]);
  }
  assert.equal(cppText.length, jsText.length, 'length of the JSON text');
  assert.ok(cppText === jsText, 'JSON text');
});

check('the compact C++ index expands to the text lunr.Builder makes', () => {
  const compact = JSON.parse(compactText);
  assert.deepEqual(Object.keys(compact), ['version', 'fields', 'pipeline', 'terms', 'refs', 'vectors']);
  // The fixture's refs are paths and numbers, not positions: the compact form lists them.
  assert.deepEqual(compact.refs, fixture.documents.map((d) => d.ref).filter((r, i, all) => all.indexOf(r) === i));
  assert.ok(compactText.length < cppText.length / 1.5, compactText.length + ' bytes against ' + cppText.length);
  const expanded = JSON.stringify(core.expandIndex(compact));
  assert.equal(expanded.length, jsText.length, 'length of the JSON text');
  assert.ok(expanded === jsText, 'JSON text');
});

// 3. Queries -----------------------------------------------------------------------------

const cppIndex = lunr.Index.load(core.expandIndex(JSON.parse(compactText)));
const P = 'ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html';
const Q = 'thai-nguyen/dinh-hoa/ke-hoach/2024/index.html';
const R = 'hai-duong/thanh-ha/thanh-hong/ke-hoach/2021/index.html';

function searchBoth(query) {
  const a = core.search(lunr, [{ index: cppIndex, store: {} }], query).results;
  const b = core.search(lunr, [{ index: jsIndex, store: {} }], query).results;
  assert.deepEqual(a.map((r) => [r.ref, r.score]), b.map((r) => [r.ref, r.score]),
      'C++ and lunr indexes rank ' + JSON.stringify(query) + ' the same');
  return a;
}
function refs(results, n) {
  return results.slice(0, n).map((r) => r.ref);
}
function scoreOf(results, ref) {
  const r = results.find((x) => x.ref === ref);
  assert.ok(r, ref + ' is found');
  return r.score;
}

const queries = {
  'so hoa ho so': (r) => {
    assert.deepEqual(new Set(refs(r, 2)), new Set([P + '#nv-so-hoa-ho-so', R + '#nv-ascii']));
  },
  'số hoá hồ sơ': (r) => {
    assert.equal(r[0].ref, P + '#nv-so-hoa-ho-so');
    // Typed with diacritics: the document written with them ranks above the one without.
    assert.ok(scoreOf(r, P + '#nv-so-hoa-ho-so') > scoreOf(r, R + '#nv-ascii'));
  },
  'thanh toan truc tuyen': (r) => {
    assert.deepEqual(new Set(refs(r, 2)), new Set([P + '#nv-thanh-toan-truc-tuyen', P + '#ct-thanh-toan-truc-tuyen']));
  },
  'thanh toán trực tuy': (r) => {  // still typing: the last word is a prefix
    assert.deepEqual(new Set(refs(r, 2)), new Set([P + '#nv-thanh-toan-truc-tuyen', P + '#ct-thanh-toan-truc-tuyen']));
  },
  'Định Hoá': (r) => assert.equal(r[0].ref, 'thai-nguyen/dinh-hoa/index.html'),
  'dinh hoa': (r) => assert.equal(r[0].ref, 'thai-nguyen/dinh-hoa/index.html'),
  'Đi\u0323nh Hoa\u0301': (r) => {  // typed decomposed: same as composed
    const nfc = searchBoth('Định Hoá');
    assert.deepEqual(r.map((x) => [x.ref, x.score]), nfc.map((x) => [x.ref, x.score]));
  },
  'sổ': (r) => {
    // "sổ" exactly first, then the folded matches ("số", "so", "sơ" …).
    assert.equal(r[0].ref, Q + '#nv-so-sanh');
    assert.ok(r.length > 3);
  },
  'hóa': (r) => {
    // "hóa" (old accent placement) typed: the document that writes "hóa" comes first.
    assert.ok([Q + '#nv-so-hoa-ket-qua', Q].includes(r[0].ref), r[0].ref);
    assert.ok(refs(r, 20).includes(P + '#nv-so-hoa-ho-so'));
  },
  '28/KH-UBND: kiểm soát': (r) => {
    assert.ok(r.length > 0);
    assert.ok(refs(r, 3).includes(P), refs(r, 3).join(', '));
  },
  'field:value title:số -minus +plus ~1 ^2 *wild*': (r) => assert.equal(r[0].ref, '42'),
  '+số -hoá ~2 ^3 *:* " \\ ( ) [ ] { } ? ! …': (r) => assert.ok(Array.isArray(r)),
  '* - : ^ ~ +': (r) => assert.equal(r.length, 0),
  '': (r) => assert.equal(r.length, 0),
  'xyzzy khôngcó': (r) => assert.equal(r.length, 0),
  'đường': (r) => assert.equal(r[0].ref, '7'),
  'ΟΔΟΣ İSTANBUL ﬁle': (r) => assert.equal(r[0].ref, '42'),
};

for (const [q, expect] of Object.entries(queries)) {
  check('query ' + JSON.stringify(q), () => expect(searchBoth(q)));
}

check('highlighting marks the words the query matched, with or without diacritics', () => {
  const parsed = core.parseQuery('so hoa ho s');
  const parts = core.highlight('Số hoá hồ sơ, kết quả (TTHC)', parsed);
  assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ['Số', 'hoá', 'hồ', 'sơ']);
  assert.equal(parts.map((p) => p.text).join(''), 'Số hoá hồ sơ, kết quả (TTHC)');
  const tthc = core.highlight('Số hoá hồ sơ, kết quả (TTHC)', core.parseQuery('tthc '));
  assert.deepEqual(tthc.filter((p) => p.mark).map((p) => p.text), ['TTHC']);
});

// 4. Files of a small portal -------------------------------------------------------------

check('shard .js files load with <script> semantics and find tasks', () => {
  const siteDir = path.join(workDir, 'site');
  fs.rmSync(siteDir, { recursive: true, force: true });
  const listing = run('files', siteDir).trim().split('\n').map((l) => l.split(' ')[0]);
  assert.deepEqual(listing.sort(), [
    'tim-kiem/chi-muc.js', 'tim-kiem/chi-muc/ha-tinh.js', 'tim-kiem/chi-muc/ha-tinh/huong-son/son-lam.js',
    'tim-kiem/chi-muc/thai-nguyen.js', 'tim-kiem/chi-muc/thai-nguyen/dinh-hoa.js',
  ]);
  const all = {};
  for (const f of listing) {
    const shard = readShardScript(fs.readFileSync(path.join(siteDir, f), 'utf8'), f);
    all[shard.key] = shard.data;
  }
  assert.deepEqual(Object.keys(all).sort(),
      ['*', 'ha-tinh', 'ha-tinh/huong-son/son-lam', 'thai-nguyen', 'thai-nguyen/dinh-hoa']);
  assert.deepEqual(all['*'].areas.map((a) => [a.slug, a.name]),
      [['ha-tinh', 'tỉnh Hà Tĩnh'], ['thai-nguyen', 'tỉnh Thái Nguyên']]);
  // The sizes the global index and the top-level shards give are those of the shards' JSON,
  // inflated, rounded up to 4 KiB (an upper bound for the budget that does not move with
  // every edit).
  const bytes = (key) => Math.ceil(Buffer.byteLength(readShardScript(
      fs.readFileSync(path.join(siteDir, 'tim-kiem/chi-muc', key + '.js'), 'utf8'), key).json) / 4096) * 4096;
  for (const a of all['*'].areas) {
    assert.equal(a.bytes, bytes(a.slug));
    const below = all[a.slug].units.map((u) => { assert.equal(u[1], bytes(a.slug + '/' + u[0])); return u[1]; });
    assert.equal(a.total, a.bytes + below.reduce((x, y) => x + y, 0));
  }
  const shards = {};
  for (const k of Object.keys(all)) shards[k] = core.loadShard(lunr, all[k]);
  const entries = Object.values(shards);
  const found = core.search(lunr, entries, 'so hoa ho so').results;
  assert.equal(found[0].ref, 'ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html#nv-so-hoa-ho-so');
  assert.equal(found[0].doc.k, 'task');
  assert.equal(found[0].doc.u, 'xã Sơn Lâm');
  // A commune's page finds its own tasks in its own shard, with or without diacritics.
  for (const q of ['thanh toan truc tuyen', 'thanh toán trực tuyến']) {
    const own = core.search(lunr, [shards['ha-tinh/huong-son/son-lam']], q).results;
    const plan = 'ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html';
    assert.deepEqual(new Set(own.slice(0, 2).map((r) => r.ref)),
        new Set([plan + '#nv-thanh-toan-truc-tuyen', plan + '#ct-thanh-toan']), q);
  }
  // Unit pages: a commune's is in its province's shard, a province's in the global index.
  const unit = core.search(lunr, [shards['thai-nguyen']], 'dinh hoa').results;
  assert.equal(unit[0].ref, 'thai-nguyen/dinh-hoa/index.html');
  assert.equal(unit[0].doc.u, 'tỉnh Thái Nguyên');
  assert.equal(core.search(lunr, [shards['*']], 'ha tinh').results[0].ref, 'ha-tinh/index.html');
  // Every document of a shard has display data.
  for (const k of Object.keys(all)) {
    for (const v of core.expandIndex(all[k].index).fieldVectors) assert.ok(shards[k].store[v[0].slice(v[0].indexOf('/') + 1)], k + ': ' + v[0]);
  }
  // The commune's unit chain is given once: its name in a query still finds its tasks.
  assert.deepEqual(all['ha-tinh/huong-son/son-lam'].constant, { unit: 'xã Sơn Lâm huyện Hương Sơn tỉnh Hà Tĩnh', year: '2023' });
  assert.ok(!all['ha-tinh/huong-son/son-lam'].index.fields.includes('unit'));
  for (const q of ['Sơn Lâm thanh toán', 'son lam thanh toan', 'huong son so hoa 2023']) {
    const r = core.search(lunr, [shards['ha-tinh/huong-son/son-lam']], q);
    assert.ok(!r.partial && r.results.length > 0, q);
    assert.match(r.results[0].ref, /#(nv|ct)-(thanh-toan|so-hoa)/, q);
  }
});

check('shardPlan: a unit page loads its shard, its top-level shard and, within the budget, what is below', () => {
  const global = { areas: [{ slug: 'a', name: 'tỉnh A', bytes: 10, total: 10 + 100 + 200 + 300 }] };
  const top = { units: [['b/c', 100], ['b/d', 200], ['e', 300]],
    store: [['b/index.html', 'huyện B', 'unit', ''], ['b/c/index.html', 'xã C', 'unit', ''],
      ['b/d/index.html', 'xã D', 'unit', ''], ['e/index.html', 'xã E', 'unit', '']] };
  assert.deepEqual(core.shardPlan('a/b/c', global, {}, 1000), { waiting: ['a'], keys: [], narrower: [] });
  assert.deepEqual(core.shardPlan('a/b/c', global, { a: top }, 1000).keys, ['a', 'a/b/c']);
  // A district without a shard of its own: its communes while they fit, else links to them.
  assert.deepEqual(core.shardPlan('a/b', global, { a: top }, 1000).keys, ['a', 'a/b/c', 'a/b/d']);
  const tight = core.shardPlan('a/b', global, { a: top }, 250);
  assert.deepEqual(tight.keys, ['a']);
  assert.deepEqual(tight.narrower, [{ key: 'a/b/c', name: 'xã C' }, { key: 'a/b/d', name: 'xã D' }]);
  assert.deepEqual(core.shardPlan('a', global, { a: top }, 250).narrower.map((n) => n.key), ['a/b', 'a/e']);
  // No unit: everything while it fits, else the top-level units to choose from.
  assert.deepEqual(core.shardPlan('', global, { a: top }, 1000).keys, ['a', 'a/b/c', 'a/b/d', 'a/e']);
  assert.deepEqual(core.shardPlan('', global, {}, 100), { waiting: [], keys: [], narrower: [{ key: 'a', name: 'tỉnh A' }] });
});

if (failures) {
  console.log(failures + ' check(s) failed');
  process.exit(1);
}
console.log('all checks passed');
