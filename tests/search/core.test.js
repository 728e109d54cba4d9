// Unit tests of search-core.js (node --test), one group per failure class of issue 19, on
// small indexes built with lunr's own Builder and the viFold pipeline, laid out as the
// generator lays out a commune's shard (the unit chain given once as "constant").
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const repo = path.resolve(__dirname, '..', '..');
const lunr = require(path.join(repo, 'node_modules', 'lunr'));
const core = require(path.join(repo, 'themes', 'default', 'assets', 'search-core.js'));
const words = require(path.join(repo, 'themes', 'default', 'assets', 'search-words.js'));
core.register(lunr);

// lunr's serialised index in the compact form a shard publishes (generator/search/lunr_index.h:
// terms in _index order, vectors with term gaps and scores in thousandths), for refs that are
// the documents' positions in base 36.
function compact(serialised) {
  const terms = [];
  for (const [term, posting] of serialised.invertedIndex) terms[posting._index] = term;
  const vectors = serialised.fieldVectors.map(([, elements]) => {
    const out = [];
    for (let i = 0, previous = 0; i < elements.length; i += 2) {
      out.push(elements[i] - previous, Math.round(elements[i + 1] * 1000));
      previous = elements[i];
    }
    return out;
  });
  return { version: serialised.version, fields: serialised.fields, pipeline: serialised.pipeline, terms, vectors };
}

// A shard as search() takes it: docs are {ref, k (kind), title, text, year?}.
function shard(key, name, constant, docs) {
  const index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.pipeline.add(lunr.Pipeline.registeredFunctions.viFold);
    this.searchPipeline.add(lunr.Pipeline.registeredFunctions.viFold);
    this.ref('id');
    this.field('title', { boost: 3 });
    this.field('text');
    docs.forEach((d, i) => this.add({ id: i.toString(36), title: d.title, text: d.text || '' }));
  });
  const published = compact(JSON.parse(JSON.stringify(index)));
  // Expanded, the compact form is lunr's index again, to the key order.
  assert.equal(JSON.stringify(core.expandIndex(published)), JSON.stringify(index));
  return core.loadShard(lunr, {
    key, name, constant,
    index: published,
    store: docs.map((d) => (d.y || d.s ? [d.ref, d.title, d.k, d.text || '', 0, d.y || '', d.s || ''] : [d.ref, d.title, d.k, d.text || ''])),
  });
}

const commune = shard('ha-tinh/son-lam', 'xã Sơn Lâm', { unit: 'xã Sơn Lâm huyện Hương Sơn tỉnh Hà Tĩnh', year: '2023' }, [
  { ref: 'ke-hoach/2023/index.html', k: 'plan', title: 'Kế hoạch kiểm soát thủ tục hành chính năm 2023 28/KH-UBND', text: '28/KH-UBND' },
  { ref: 'ke-hoach/2023/index.html#nv-so-hoa', k: 'task', title: 'Số hóa kết quả giải quyết TTHC', text: '28/KH-UBND Đang thực hiện, chưa hoàn thành, chưa xong', y: '2023', s: 'in_progress' },
  { ref: 'ke-hoach/2023/index.html#nv-thanh-toan', k: 'task', title: 'Thanh toán trực tuyến phí, lệ phí', text: '28/KH-UBND Đã hoàn thành, đã xong, hoàn tất', y: '2023', s: 'done' },
  { ref: 'ke-hoach/2023/index.html#nv-bao-cao', k: 'task', title: 'Báo cáo phương án đơn giản hóa TTHC', text: '28/KH-UBND Đang thực hiện, chưa hoàn thành, chưa xong, quá hạn, trễ hạn, chậm tiến độ', y: '2023', s: 'in_progress overdue' },
  { ref: 'ke-hoach/2023/index.html#nv-hanh', k: 'task', title: 'Kiểm tra hành chính và kết quả', text: '28/KH-UBND Chưa bắt đầu, chưa thực hiện' },
  { ref: 'ke-hoach/2023/index.html#nv-dich-vu', k: 'task', title: 'Cung cấp dịch vụ công trực tuyến toàn trình', text: '28/KH-UBND' },
  { ref: 'ke-hoach/2023/index.html#nv-tu-phap', k: 'task', title: 'Chứng thực bản sao điện tử', text: 'Chủ trì: Tư pháp hộ tịch' },
  { ref: 'ke-hoach/2023/index.html#nv-tu-kiem-tra', k: 'task', title: 'Các bộ phận tự kiểm tra', text: 'tu kiem tra' },
  { ref: 'ke-hoach/2023/index.html#nv-qua', k: 'task', title: 'Công khai kết quả giải quyết', text: 'quả' },
  { ref: 'ke-hoach/2023/index.html#nv-ket-qua', k: 'task', title: 'Kết quả hạn', text: 'Kết quả' },
  { ref: 'ke-hoach/2023/index.html#nv-phan-anh', k: 'task', title: 'Tiếp nhận phản ánh, kiến nghị', text: 'Tiếp nhận phản ánh' },
]);
const province = shard('ha-tinh', 'tỉnh Hà Tĩnh', { unit: 'tỉnh Hà Tĩnh', kind: 'đơn vị xã' }, [
  { ref: 'son-lam/index.html', k: 'unit', title: 'xã Sơn Lâm', text: 'Phản ánh, kiến nghị, góp ý. Người dân, doanh nghiệp gửi phản ánh, kiến nghị về thủ tục hành chính tới: Bộ phận Tiếp nhận và Trả kết quả xã Sơn Lâm' },
]);
const all = [commune, province];
const find = (q, complete = false) => core.search(lunr, all, q, { complete }).results.map((r) => r.ref);
const first = (q, complete) => find(q, complete)[0];

test('1. a place name as the last word, typed or submitted, is the shard\'s and is left out', () => {
  for (const q of ['số hoá Sơn Lâm', 'số hoá Sơn Lâm ', 'so hoa son lam']) {
    const typed = core.search(lunr, all, q);
    assert.equal(typed.partial, false, q + ': every word found');
    assert.equal(typed.results[0].ref, 'ha-tinh/son-lam/ke-hoach/2023/index.html#nv-so-hoa', q);
    assert.equal(first(q, true), 'ha-tinh/son-lam/ke-hoach/2023/index.html#nv-so-hoa', q);
  }
  // The place's first word typed earlier too ("thanh toán … Thanh Xuân"): still left out.
  const again = core.search(lunr, all, 'Sơn số hoá Sơn Lâm');
  assert.equal(again.partial, false);
  assert.equal(again.results[0].ref, 'ha-tinh/son-lam/ke-hoach/2023/index.html#nv-so-hoa');
  // One word of the place, still being typed, may be the start of another word: it stays.
  assert.ok(core.parseQuery('thanh toán lâ').prefix);
});

test('2. status and its synonyms find tasks; "chưa" tells unfinished from finished', () => {
  assert.equal(first('phương án đơn giản hoá trễ hạn', true), 'ha-tinh/son-lam/ke-hoach/2023/index.html#nv-bao-cao');
  assert.equal(first('thanh toán đã xong', true), 'ha-tinh/son-lam/ke-hoach/2023/index.html#nv-thanh-toan');
  const unfinished = find('chưa hoàn thành', true);
  assert.ok(!unfinished.includes('ha-tinh/son-lam/ke-hoach/2023/index.html#nv-thanh-toan'));
  assert.ok(unfinished.includes('ha-tinh/son-lam/ke-hoach/2023/index.html#nv-so-hoa'));
});

test('3. a typo one edit away (folded) still finds the word, exact matches first', () => {
  assert.equal(first('thanh toán trực tuyếm', true), 'ha-tinh/son-lam/ke-hoach/2023/index.html#nv-thanh-toan');
  assert.equal(first('thủ tụt hành chính', true), 'ha-tinh/son-lam/ke-hoach/2023/index.html');
  const r = core.search(lunr, all, 'chứng thựk bản sao', { complete: true });
  assert.equal(r.results[0].ref, 'ha-tinh/son-lam/ke-hoach/2023/index.html#nv-tu-phap');
  assert.equal(r.partial, false, 'every word found, one of them one edit away');
  // Numbers are never fuzzy: 2024 is not 2023 (only "kiểm soát" is found).
  assert.equal(core.search(lunr, all, '2024 kiểm soát', { complete: true }).partial, true);
});

test('4. abbreviations and their full forms find each other; the list is data', () => {
  assert.ok(words.abbreviations.some((e) => e[0] === 'tthc' && e[1] === 'thủ tục hành chính'));
  assert.ok(find('đơn giản hóa thủ tục hành chính', true).includes('ha-tinh/son-lam/ke-hoach/2023/index.html#nv-bao-cao'));
  assert.equal(first('DVC toàn trình', true), 'ha-tinh/son-lam/ke-hoach/2023/index.html#nv-dich-vu');
  const parsed = core.search(lunr, all, 'TTHC', { complete: true }).parsed;
  assert.deepEqual(core.highlight('thủ tục hành chính', parsed).filter((p) => p.mark).map((p) => p.text),
    ['thủ', 'tục', 'hành', 'chính']);
});

test('5. question words do not decide; a unit\'s page answers where to send feedback', () => {
  assert.deepEqual(core.parseQuery('chứng thực làm ở đâu', true).words.map((w) => w.exact), ['chứng', 'thực']);
  assert.deepEqual(core.parseQuery('ở đâu', true).words.map((w) => w.exact), ['ở', 'đâu'], 'only question words: kept');
  // "làm" is a question word, "lâm" is not.
  assert.deepEqual(core.parseQuery('xã Sơn Lâm', true).words.map((w) => w.exact), ['xã', 'sơn', 'lâm']);
  assert.equal(first('gửi phản ánh ở đâu xã Sơn Lâm', true), 'ha-tinh/son-lam/index.html');
  // Typed at the end, still being typed: an accented question word is whole, a bare one may not be.
  assert.deepEqual(core.parseQuery('chứng thực ở đâu').words.map((w) => w.exact), ['chứng', 'thực']);
  assert.deepEqual(core.parseQuery('chứng thực ai').words.map((w) => w.exact), ['chứng', 'thực', 'ai']);
  // Where to send it, in a commune whose tasks speak of feedback too: the commune's page.
  assert.equal(first('xã Sơn Lâm nhận phản ánh ở đâu', true), 'ha-tinh/son-lam/index.html');
  assert.equal(first('ai phụ trách chứng thực bản sao', true), 'ha-tinh/son-lam/ke-hoach/2023/index.html#nv-tu-phap');
});

test('6. typed with diacritics: exact matches first, either tone spelling, no widening', () => {
  assert.equal(core.toneKey('hóa'), core.toneKey('hoá'));
  assert.equal(core.toneKey('ủy'), core.toneKey('uỷ'));
  assert.equal(core.otherSpelling('hoá'), 'hóa');
  const tu = find('tư pháp', true);
  assert.equal(tu[0], 'ha-tinh/son-lam/ke-hoach/2023/index.html#nv-tu-phap');
  assert.equal(first('tự kiểm tra', true), 'ha-tinh/son-lam/ke-hoach/2023/index.html#nv-tu-kiem-tra');
  // "quá" is not "quả": a short title with "quả" and "hạn" comes after the task with "quá hạn".
  const qua = find('quá hạn', true);
  assert.equal(qua[0], 'ha-tinh/son-lam/ke-hoach/2023/index.html#nv-bao-cao');
  assert.ok(qua.includes('ha-tinh/son-lam/ke-hoach/2023/index.html#nv-ket-qua'), 'found, after');
  // An accented last word being typed does not widen to unaccented prefixes: "hạn" is not "hành".
  const han = find('hạn');
  assert.ok(han.includes('ha-tinh/son-lam/ke-hoach/2023/index.html#nv-bao-cao'), han.join(' '));
  assert.ok(!han.includes('ha-tinh/son-lam/ke-hoach/2023/index.html#nv-hanh'), han.join(' '));
  assert.ok(find('han').includes('ha-tinh/son-lam/ke-hoach/2023/index.html#nv-hanh'), 'typed without: a prefix');
  const parsed = core.parseQuery('quá', true);
  assert.deepEqual(core.highlight('quá hạn, kết quả', parsed).filter((p) => p.mark).map((p) => p.text), ['quá']);
  // Text without diacritics is still marked for an accented word.
  assert.deepEqual(core.highlight('qua han', parsed).filter((p) => p.mark).map((p) => p.text), ['qua']);
});

test('7. a document number finds its plan first; a unit\'s name with a year finds the unit', () => {
  assert.equal(first('28/KH-UBND', true), 'ha-tinh/son-lam/ke-hoach/2023/index.html');
  const named = find('Sơn Lâm 2023', true);
  assert.equal(named[0], 'ha-tinh/son-lam/index.html');
  assert.ok(named.includes('ha-tinh/son-lam/ke-hoach/2023/index.html'), 'the plan of that year follows');
  assert.equal(first('xã Sơn Lâm năm 2023', true), 'ha-tinh/son-lam/index.html');
});

test('"đ" folds to "d", which Unicode decomposition alone does not do', () => {
  assert.deepEqual(core.viTerms('Định'), ['định', 'dinh']);
  assert.equal('định'.normalize('NFD').replace(/\p{M}/gu, ''), 'đinh');
});

test('facets: kind, year, status and unit of the results, with counts; filtering by them', () => {
  const r = core.search(lunr, all, '28/KH-UBND', { complete: true }).results;
  const f = core.facets(r, {});
  assert.deepEqual(f.kind.map((v) => [v.value, v.count]), [['plan', 1], ['task', 5]]);
  assert.deepEqual(f.status.map((v) => [v.value, v.count]), [['overdue', 1], ['in_progress', 2], ['done', 1]]);
  assert.deepEqual(f.year, [{ value: '2023', count: 3 }]);
  assert.deepEqual(f.unit, [{ value: 'xã Sơn Lâm', count: 6 }]);
  const overdue = core.filterResults(r, { status: 'overdue' });
  assert.deepEqual(overdue.map((x) => x.ref), ['ha-tinh/son-lam/ke-hoach/2023/index.html#nv-bao-cao']);
  // A facet's counts leave out its own choice: every kind stays countable.
  const chosen = core.facets(r, { kind: 'plan' });
  assert.deepEqual(chosen.kind.map((v) => [v.value, v.count]), [['plan', 1], ['task', 5]]);
  assert.deepEqual(chosen.status, []);
});

test('an index already in lunr\'s serialised form (a shard of an older format) is taken as it is', () => {
  const docs = [{ title: 'Số hóa kết quả giải quyết TTHC' }, { title: 'Thanh toán trực tuyến phí, lệ phí' }];
  const index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.pipeline.add(lunr.Pipeline.registeredFunctions.viFold);
    this.searchPipeline.add(lunr.Pipeline.registeredFunctions.viFold);
    this.ref('id');
    this.field('title', { boost: 3 });
    docs.forEach((d, i) => this.add({ id: i.toString(36), title: d.title }));
  });
  const serialised = JSON.parse(JSON.stringify(index));
  const text = JSON.stringify(serialised);
  const expanded = core.expandIndex(serialised);
  assert.equal(JSON.stringify(expanded), text, 'passed through unchanged');
  assert.equal(JSON.stringify(serialised), text, 'and left as it was');
  const old = core.loadShard(lunr, {
    key: 'ha-tinh/son-lam', name: 'xã Sơn Lâm',
    index: serialised,
    store: [['ke-hoach/2023/index.html#nv-so-hoa', docs[0].title, 'task', ''], ['ke-hoach/2023/index.html#nv-thanh-toan', docs[1].title, 'task', '']],
  });
  assert.equal(core.search(lunr, [old], 'thanh toán', { complete: true }).results[0].ref,
               'ha-tinh/son-lam/ke-hoach/2023/index.html#nv-thanh-toan');
});
