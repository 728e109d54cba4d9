/*
 * Công khai: search core, shared by the browser (search.js) and the Node tests
 * (tests/search/compare.js). No DOM here.
 *
 * viTerms / viFold are the twin of generator/search/vi_terms.cc: the index is built in C++
 * with the pipeline function named "viFold" and queried here with the same function, so a
 * term typed with or without diacritics, composed (NFC) or decomposed (NFD), meets the
 * terms of the index. Keep both sides identical; tests/search/compare.js checks them.
 */
(function (root, factory) {
  var api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.CongkhaiSearch = api;
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  // Punctuation around a word: anything but letters, digits and combining marks.
  var TRIM = /^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu;
  var LEADING = /^[^\p{L}\p{N}\p{M}]*/u;
  var TRAILING = /[^\p{L}\p{N}\p{M}]*$/u;
  var MARKS = /\p{M}/gu;
  // lunr.tokenizer.separator
  var SEPARATOR = /[\s\-]+/;
  var WORD = /[^\s\-]+/g;
  var MAX_WORDS = 12;
  // Boost of a word typed with its diacritics, over its folded form.
  var EXACT_BOOST = 1;
  // Boost of the words the last, unfinished word may become: below a complete word.
  var PREFIX_BOOST = 0.2;

  // Lower-case NFC text without diacritics; "đ" becomes "d". C++: search_fold.
  function fold(lower) {
    return lower.normalize('NFD').replace(MARKS, '').normalize('NFC').replace(/đ/g, 'd');
  }

  // The exact and folded terms of a token. C++: vi_terms.
  function viTerms(str) {
    var exact = String(str).normalize('NFC').toLowerCase().replace(TRIM, '');
    if (!exact) return [];
    var folded = fold(exact);
    return folded && folded !== exact ? [exact, folded] : [exact];
  }

  // The lunr pipeline function: one token in, its exact and folded terms out.
  function viFold(token) {
    var terms = viTerms(token.toString());
    if (terms.length === 0) return undefined;
    if (terms.length === 1) {
      return token.update(function () { return terms[0]; });
    }
    return terms.map(function (term) {
      return token.clone(function () { return term; });
    });
  }

  function register(lunr) {
    if (!lunr.Pipeline.registeredFunctions.viFold) {
      lunr.Pipeline.registerFunction(viFold, 'viFold');
    }
    return viFold;
  }

  // What the user typed, as words: [{exact, folded}], and whether the last word is still
  // being typed (no space after it), to be matched as a prefix. Query syntax characters of
  // lunr mean nothing here: the query is built with lunr's query API, never parsed, and
  // "*" is dropped so that it cannot turn into a wildcard.
  function parseQuery(text) {
    text = String(text == null ? '' : text);
    var words = [];
    var seen = Object.create(null);
    var tokens = text.toLowerCase().split(SEPARATOR);
    var lastAdded = false;  // whether the last token typed is the last word
    for (var i = 0; i < tokens.length && words.length < MAX_WORDS; i++) {
      lastAdded = false;
      var terms = viTerms(tokens[i].replace(/\*/g, ''));
      if (terms.length === 0) continue;
      var exact = terms[0];
      var folded = terms[terms.length - 1];
      if (seen[exact]) continue;
      seen[exact] = true;
      words.push({ exact: exact, folded: folded });
      lastAdded = true;
    }
    var open = lastAdded && /[\p{L}\p{N}\p{M}]$/u.test(text);
    return { words: words, prefix: open };
  }

  // Runs a parsed query on one lunr.Index. Every word is required (in any field) unless
  // `anyWord`; the folded form finds the word with or without diacritics, the exact form,
  // when typed with diacritics, adds to the score of documents that have it as typed.
  function runQuery(lunr, index, parsed, anyWord) {
    var presence = anyWord ? lunr.Query.presence.OPTIONAL : lunr.Query.presence.REQUIRED;
    return index.query(function (q) {
      parsed.words.forEach(function (word, i) {
        var last = parsed.prefix && i === parsed.words.length - 1;
        q.term(word.folded, {
          usePipeline: false,
          presence: presence,
          boost: last ? PREFIX_BOOST : 1,
          wildcard: last ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
        });
        if (last) q.term(word.folded, { usePipeline: false });
        if (word.exact !== word.folded) {
          q.term(word.exact, { usePipeline: false, boost: EXACT_BOOST });
        }
      });
    });
  }

  // The query without the words every document of a shard has: a field the same in all of
  // them (a commune's unit chain) is given once beside the index instead of in it
  // (docs/search.md), so "Sơn Lâm thanh toán" on Sơn Lâm's shard looks for "thanh toán".
  // When every word is such a word, the query stays whole.
  function withoutConstant(parsed, constant) {
    if (!constant) return parsed;
    var last = parsed.words.length - 1;
    var kept = parsed.words.filter(function (w, i) {
      return (parsed.prefix && i === last) || !constant[w.folded];
    });
    if (kept.length === 0 || kept.length === parsed.words.length) return parsed;
    var keepsLast = kept[kept.length - 1] === parsed.words[last];
    return { words: kept, prefix: parsed.prefix && keepsLast };
  }

  // Whether every word of the query is a word of `title` (folded; the last, unfinished one
  // as a prefix).
  function namesAll(title, parsed) {
    var folded = [];
    String(title || '').toLowerCase().split(SEPARATOR).forEach(function (t) {
      var terms = viTerms(t);
      if (terms.length) folded.push(terms[terms.length - 1]);
    });
    return parsed.words.every(function (w, i) {
      var last = parsed.prefix && i === parsed.words.length - 1;
      return folded.some(function (f) { return last ? f.indexOf(w.folded) === 0 : f === w.folded; });
    });
  }

  // Searches every loaded index: entries are {index: lunr.Index, store: {ref: display}}
  // (display: {r: path#anchor, t: title, u: unit, k: kind, x: excerpt}).
  // Returns {parsed, results: [{ref: path#anchor, score, doc}], partial}, best first; a document found in
  // several indexes (a plan is in the global index and in its area) keeps its best score.
  // When no document has every word, documents with any of them are returned, and
  // `partial` is true.
  function search(lunr, entries, text) {
    var parsed = parseQuery(text);
    var results = [];
    if (parsed.words.length === 0) return { parsed: parsed, results: results, partial: false };
    var byRef = Object.create(null);
    function collect(anyWord) {
      entries.forEach(function (entry) {
        var found;
        try {
          found = runQuery(lunr, entry.index, withoutConstant(parsed, entry.constant), anyWord);
        } catch (e) {
          found = [];
        }
        found.forEach(function (r) {
          // The index knows a document by its short ref; the store gives its path.
          var doc = entry.store[r.ref] || { r: r.ref, t: r.ref, u: '', k: '', x: '' };
          var ref = doc.r || r.ref;
          var seen = byRef[ref];
          if (seen) {
            if (r.score > seen.score) seen.score = r.score;
            return;
          }
          seen = { ref: ref, score: r.score, doc: doc };
          byRef[ref] = seen;
          results.push(seen);
        });
      });
    }
    collect(false);
    var partial = false;
    if (results.length === 0 && parsed.words.length > 1) {
      collect(true);
      partial = results.length > 0;
    }
    // A unit whose name has every word typed is what a search for a place wants. Its
    // document sits in a small shard (its top-level unit's, or the global index) whose
    // scores do not compare with a commune's big one, so such units come first.
    results.forEach(function (r) { r.named = r.doc.k === 'unit' && namesAll(r.doc.t, parsed); });
    results.sort(function (a, b) { return (b.named - a.named) || (b.score - a.score); });
    return { parsed: parsed, results: results, partial: partial };
  }

  // A published shard (CONGKHAI_INDEX[key]) as {key, name, index, store, constant}, ready for
  // search(): the index loaded with lunr.Index.load, the store keyed by ref with full paths,
  // and the folded terms of the fields the shard gives once for all its documents.
  function loadShard(lunr, data) {
    var prefix = data.key && data.key !== '*' ? data.key + '/' : '';
    var store = Object.create(null);
    (data.store || []).forEach(function (e, i) {
      store[i.toString(36)] = { r: prefix + e[0], t: e[1], k: e[2], x: e[3], u: e.length > 4 ? e[4] : data.name };
    });
    var constant = Object.create(null);
    Object.keys(data.constant || {}).forEach(function (field) {
      String(data.constant[field]).toLowerCase().split(SEPARATOR).forEach(function (token) {
        var terms = viTerms(token);
        if (terms.length) constant[terms[terms.length - 1]] = true;
      });
    });
    return { key: data.key, name: data.name, index: lunr.Index.load(data.index), store: store, constant: constant };
  }

  function sum(list) {
    return list.reduce(function (n, e) { return n + e[1]; }, 0);
  }

  // Which shards a search loads besides the global index, within `budget` bytes of shard
  // files (docs/search.md). `unit`: the path of the page's unit, or '' for every unit.
  // `global`: CONGKHAI_INDEX["*"]; `tops`: the top-level shards loaded so far, by slug.
  // Returns {waiting: top-level shards to load before deciding, keys: shards to load,
  // narrower: [{key, name}] narrower searches to offer when not everything fits}.
  function shardPlan(unit, global, tops, budget) {
    var areas = (global && global.areas) || [];
    var out = { waiting: [], keys: [], narrower: [] };
    function listing(area) {
      var list = area.bytes ? [[area.slug, area.bytes]] : [];
      var top = tops[area.slug];
      ((top && top.units) || []).forEach(function (u) { list.push([area.slug + '/' + u[0], u[1]]); });
      return list;
    }
    function need(area) {
      if (area.bytes && !tops[area.slug]) out.waiting.push(area.slug);
    }
    if (!unit) {
      if (areas.reduce(function (n, a) { return n + a.total; }, 0) > budget) {
        out.narrower = areas.map(function (a) { return { key: a.slug, name: a.name }; });
        return out;
      }
      areas.forEach(need);
      if (out.waiting.length) return out;
      areas.forEach(function (a) { listing(a).forEach(function (e) { out.keys.push(e[0]); }); });
      return out;
    }
    var slug = unit.split('/')[0];
    var area = areas.filter(function (a) { return a.slug === slug; })[0];
    if (!area) return out;
    need(area);
    if (out.waiting.length) return out;
    var list = listing(area);
    var below = list.filter(function (e) { return e[0] === unit || e[0].indexOf(unit + '/') === 0; });
    var always = list.filter(function (e) { return e[0] === slug || e[0] === unit; });
    var all = always.concat(below.filter(function (e) { return always.indexOf(e) < 0; }));
    if (sum(all) <= budget) {
      out.keys = all.map(function (e) { return e[0]; });
      return out;
    }
    out.keys = always.map(function (e) { return e[0]; });
    // The unit's children that have documents below them, named from the top shard's store.
    var top = tops[slug] || {};
    var seen = Object.create(null);
    below.forEach(function (e) {
      if (e[0] === unit) return;
      var child = unit + '/' + e[0].slice(unit.length + 1).split('/')[0];
      if (seen[child]) return;
      seen[child] = true;
      var page = child.slice(slug.length + 1) + '/index.html';
      var named = (top.store || []).filter(function (s) { return s[0] === page; })[0];
      out.narrower.push({ key: child, name: named ? named[1] : child });
    });
    return out;
  }

  // `text` cut into [{text, mark}] parts, marking the words that match the query.
  function highlight(text, parsed) {
    text = String(text == null ? '' : text);
    var parts = [];
    var words = parsed.words;
    if (words.length === 0) return [{ text: text, mark: false }];
    var lastFolded = parsed.prefix ? words[words.length - 1].folded : null;
    var at = 0;
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      var terms = viTerms(m[0]);
      if (terms.length === 0) continue;
      var folded = terms[terms.length - 1];
      var hit = words.some(function (w) { return w.folded === folded; }) ||
          (lastFolded !== null && folded.indexOf(lastFolded) === 0);
      if (!hit) continue;
      var start = m.index + LEADING.exec(m[0])[0].length;
      var end = m.index + m[0].length - TRAILING.exec(m[0])[0].length;
      if (start > at) parts.push({ text: text.slice(at, start), mark: false });
      parts.push({ text: text.slice(start, end), mark: true });
      at = end;
    }
    if (at < text.length) parts.push({ text: text.slice(at), mark: false });
    return parts;
  }

  return {
    fold: fold,
    viTerms: viTerms,
    viFold: viFold,
    register: register,
    parseQuery: parseQuery,
    runQuery: runQuery,
    search: search,
    highlight: highlight,
    loadShard: loadShard,
    shardPlan: shardPlan
  };
});
