// The sample portal's own search index, as `congkhai build` publishes it (one .js file per
// shard, run as a browser runs it, then expanded and loaded with lunr.Index.load): queries typed with and
// without diacritics find the documents a citizen expects, first, both over every shard and
// over what a commune's page loads.
//
//   node sample_site.js <site-dir>
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { readShardScript } = require('./shard_file.js');

const repo = path.resolve(__dirname, '..', '..');
const lunr = require(path.join(repo, 'node_modules', 'lunr'));
const core = require(path.join(repo, 'themes', 'default', 'assets', 'search-core.js'));
core.register(lunr);

const site = process.argv[2];
if (!site) {
  console.error('usage: node sample_site.js <site-dir>');
  process.exit(2);
}
// Every shard file, run and inflated as the browser does: CONGKHAI_INDEX[key] is its data.
const window = { CONGKHAI_INDEX: {} };
const dir = path.join(site, 'tim-kiem');
for (const f of fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.js')).sort()) {
  const shard = readShardScript(fs.readFileSync(path.join(dir, f), 'utf8'), f);
  window.CONGKHAI_INDEX[shard.key] = shard.data;
}
const shards = {};
for (const key of Object.keys(window.CONGKHAI_INDEX)) shards[key] = core.loadShard(lunr, window.CONGKHAI_INDEX[key]);
const entries = Object.values(shards);
// What a page of `unit` loads with the budget of a unit's page.
function pageEntries(unit) {
  const global = window.CONGKHAI_INDEX['*'];
  const tops = {};
  for (const a of global.areas) tops[a.slug] = window.CONGKHAI_INDEX[a.slug];
  const plan = core.shardPlan(unit, global, tops, 800 * 1000);
  return ['*'].concat(plan.keys).map((k) => shards[k]);
}
// As submitted (the search page's ?q=): the last word is whole. While a word is being typed
// with diacritics it matches only words that begin with it as typed (docs/search.md).
const search = (q) => core.search(lunr, entries, q, { complete: true }).results;
const fold = (s) => core.viTerms(s).join(' ');

let failed = 0;
function check(name, fn) {
  try {
    fn();
    console.log('ok   ' + name);
  } catch (e) {
    failed += 1;
    console.log('FAIL ' + name + '\n     ' + e.message.split('\n').join('\n     '));
  }
}

// Each query, typed both ways, must give the same documents, and the first must be what a
// citizen is looking for.
const cases = [
  ['số hoá hồ sơ', 'so hoa ho so', (r, all) => {
    // The digitisation targets and tasks: a target's measure or a task's text.
    assert.match(r.ref, /#(nv|ct)-/, 'a task or a target comes first');
    assert.ok(fold(r.doc.t).includes('so hoa'), r.doc.t);
    assert.ok(all.slice(0, 5).some((x) => /#nv-/.test(x.ref) && fold(x.doc.t).includes('so hoa ho so')),
      'the task "Số hóa hồ sơ" is among the first five');
  }],
  ['thanh toán trực tuyến', 'thanh toan truc tuyen', (r) => {
    assert.ok(fold(r.doc.t + ' ' + r.doc.x).includes('thanh toan truc tuyen'), r.doc.t);
  }],
  ['Định Hoá', 'dinh hoa', (r) => assert.equal(r.ref, 'thai-nguyen/dinh-hoa/index.html')],
  ['Sơn Lâm', 'son lam', (r) => assert.equal(r.ref, 'ha-tinh/huong-son/son-lam/index.html')],
  ['Thanh Xuân', 'thanh xuan', (r) => assert.equal(r.ref, 'hai-duong/thanh-ha/thanh-xuan/index.html')],
  ['một cửa liên thông', 'mot cua lien thong', (r) => assert.ok(r.score > 0)],
];
for (const [exact, folded, first] of cases) {
  check(`"${exact}" and "${folded}" find the same documents`, () => {
    const a = search(exact).map((r) => r.ref).sort();
    const b = search(folded).map((r) => r.ref).sort();
    assert.ok(a.length > 0, 'no result');
    assert.deepEqual(a, b);
  });
  check(`"${folded}": the expected document first`, () => { const r = search(folded); first(r[0], r); });
  check(`"${exact}": the expected document first`, () => { const r = search(exact); first(r[0], r); });
}

check("on a commune page, a query without diacritics finds the commune's task first", () => {
  const unit = 'ha-tinh/huong-son/son-lam';
  const loaded = pageEntries(unit);
  assert.deepEqual(loaded.map((e) => e.key), ['*', 'ha-tinh', unit]);
  for (const q of ['so hoa ho so', 'số hoá hồ sơ']) {
    const r = core.search(lunr, loaded, q).results;
    assert.ok(r.length > 0, q);
    assert.match(r[0].ref, new RegExp('^' + unit + '/ke-hoach/[^/]+/index\\.html#(nv|ct)-'), q);
    assert.ok(fold(r[0].doc.t).includes('so hoa'), r[0].doc.t);
  }
  // The commune's name in the query: its chain is given once beside its shard's index.
  const named = core.search(lunr, loaded, 'son lam so hoa ho so');
  assert.ok(!named.partial, 'every word found');
  assert.match(named.results[0].ref, new RegExp('^' + unit + '/'));
  // The commune's own page is found from its province's shard.
  assert.equal(core.search(lunr, loaded, 'son lam').results[0].ref, unit + '/index.html');
});

check('text typed decomposed (NFD) finds what NFC finds, with the same scores', () => {
  const nfc = search('Định Hoá').map((r) => [r.ref, r.score]);
  const nfd = search('Định Hoá'.normalize('NFD')).map((r) => [r.ref, r.score]);
  assert.deepEqual(nfd, nfc);
});

check('every result points to a page of the site, and its anchor exists', () => {
  for (const q of ['so hoa ho so', 'chi tieu', 'bao cao']) {
    for (const r of search(q).slice(0, 10)) {
      const [page, anchor] = r.ref.split('#');
      const file = path.join(site, page);
      assert.ok(fs.existsSync(file), r.ref);
      if (anchor) assert.ok(fs.readFileSync(file, 'utf8').includes(`id="${anchor}"`), r.ref);
    }
  }
});

console.log(failed ? `${failed} failed` : 'all passed');
process.exit(failed ? 1 : 0);
