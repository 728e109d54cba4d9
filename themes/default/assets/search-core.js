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
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./search-words.js'));
  } else {
    root.CongkhaiSearch = factory(root.CongkhaiSearchWords);
  }
})(typeof self !== 'undefined' ? self : this, function (WORDS) {
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
  // Boost of the words one edit away from a word no index has (a typo): below the word.
  var FUZZY_BOOST = 0.5;
  // Boost of clauses there only to show, in lunr's match data, how a word was matched.
  var SEEN_BOOST = 0.001;

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

  // The words of search-words.js: abbreviations, question and filler words.
  function wordLists() {
    if (!wordLists.cache) {
      var data = WORDS || (typeof self !== 'undefined' && self.CongkhaiSearchWords) || {};
      var folded = function (text) { return splitTerms(text).map(function (w) { return w.folded; }); };
      var exact = function (text) { return splitTerms(text).map(function (w) { return w.exact; }); };
      wordLists.cache = {
        abbreviations: (data.abbreviations || []).map(function (e) { return [folded(e[0]), folded(e[1])]; }),
        question: (data.questionWords || []).map(exact).sort(function (a, b) { return b.length - a.length; }),
        filler: (data.fillerWords || []).map(function (w) { return exact(w)[0]; })
      };
    }
    return wordLists.cache;
  }

  // Text as [{exact, folded}], one per word, in order (repeats kept).
  function splitTerms(text) {
    var out = [];
    String(text == null ? '' : text).toLowerCase().split(SEPARATOR).forEach(function (t) {
      var terms = viTerms(t.replace(/\*/g, ''));
      if (terms.length) out.push({ exact: terms[0], folded: terms[terms.length - 1] });
    });
    return out;
  }

  // Vietnamese writes the tone of "oa", "oe", "uy" at the end of a word on either vowel
  // ("hoá" and "hóa", "uỷ" and "ủy"): one form of each, to compare words as typed.
  var TONES = '\u0300\u0301\u0303\u0309\u0323';
  var TONE_FIRST = new RegExp('(o)([' + TONES + '])([ae])|(u)([' + TONES + '])(y)', 'g');
  function toneKey(exact) {
    return exact.normalize('NFD').replace(TONE_FIRST, function (m, o, t, a, u, t2, y) {
      return o ? o + a + t : u + y + t2;
    }).normalize('NFC');
  }
  var TONE_SECOND = new RegExp('(o)([ae])([' + TONES + '])|(u)(y)([' + TONES + '])', 'g');
  // The word's other spelling, when it has one.
  function otherSpelling(exact) {
    var nfd = exact.normalize('NFD');
    var moved = nfd.replace(TONE_SECOND, function (m, o, a, t, u, y, t2) { return o ? o + t + a : u + t2 + y; });
    if (moved === nfd) moved = nfd.replace(TONE_FIRST, function (m, o, t, a, u, t2, y) { return o ? o + a + t : u + y + t2; });
    moved = moved.normalize('NFC');
    return moved !== exact ? moved : null;
  }

  // What the user typed, as words: [{exact, folded, accented}], and whether the last word is
  // still being typed (no space after it), to be matched as a prefix. Query syntax characters
  // of lunr mean nothing here: the query is built with lunr's query API, never parsed, and
  // "*" is dropped so that it cannot turn into a wildcard. Question words ("ở đâu", "ai") are
  // left out when other words remain (`dropped` lists them). `complete`: the query was
  // submitted, so its last word is whole.
  function parseQuery(text, complete) {
    text = String(text == null ? '' : text);
    var all = splitTerms(text);
    var open = !complete && all.length > 0 && /[\p{L}\p{N}\p{M}]$/u.test(text);
    var question = wordLists().question;
    var keep = all.map(function () { return true; });
    for (var i = 0; i < all.length; i++) {
      for (var q = 0; q < question.length; q++) {
        var phrase = question[q];
        if (phrase.length === 0 || i + phrase.length > all.length) continue;
        var same = phrase.every(function (w, k) { return all[i + k].exact === w; });
        // A word still being typed may become another word: it stays, unless typed with
        // diacritics ("… ở đâu"), which a syllable has once it is whole.
        var lastWord = all[all.length - 1];
        if (same && !(open && i + phrase.length === all.length && lastWord.exact === lastWord.folded)) {
          for (var k = 0; k < phrase.length; k++) keep[i + k] = false;
        }
      }
    }
    var kept = all.filter(function (w, j) { return keep[j]; });
    var dropped = [];
    if (kept.length === 0) kept = all;
    else dropped = all.filter(function (w, j) { return !keep[j]; });
    var words = [];
    var seen = Object.create(null);
    kept.forEach(function (w) {
      if (seen[w.exact] || words.length >= MAX_WORDS) return;
      seen[w.exact] = true;
      words.push({ exact: w.exact, folded: w.folded, accented: w.exact !== w.folded });
    });
    var lastKept = kept.length > 0 && all.length > 0 && kept[kept.length - 1] === all[all.length - 1] &&
        words.length > 0 && words[words.length - 1].exact === all[all.length - 1].exact;
    return { words: words, prefix: open && lastKept, dropped: dropped };
  }

  // The query written with abbreviations expanded, or full forms abbreviated: [parsed], the
  // query itself first. "kiểm soát TTHC" also gives "kiểm soát thủ tục hành chính".
  function variants(parsed) {
    var out = [parsed];
    var words = parsed.words;
    wordLists().abbreviations.forEach(function (pair) {
      for (var dir = 0; dir < 2; dir++) {
        var from = pair[dir], to = pair[1 - dir];
        if (from.length === 0) continue;
        for (var i = 0; i + from.length <= words.length; i++) {
          var lastIn = i + from.length === words.length;
          // A word still being typed is not yet an abbreviation.
          if (lastIn && parsed.prefix && from.length === 1) continue;
          var match = from.every(function (f, k) { return words[i + k].folded === f; });
          if (!match) continue;
          var replaced = to.map(function (f) { return { exact: f, folded: f, accented: false, expanded: true }; });
          out.push({
            words: words.slice(0, i).concat(replaced, words.slice(i + from.length)),
            prefix: parsed.prefix && !lastIn,
            dropped: parsed.dropped
          });
        }
      }
    });
    return out.slice(0, 6);
  }

  // Whether an index has `term` (folded), or, as a prefix, a term beginning with it.
  function hasTerm(index, term, prefix) {
    if (!prefix) return Object.prototype.hasOwnProperty.call(index.invertedIndex, term);
    var node = index.tokenSet;
    for (var i = 0; i < term.length && node; i++) node = node.edges[term.charAt(i)];
    return !!node;
  }

  // Runs a parsed query on one lunr.Index. Every word is required (in any field) unless
  // `mode.anyWord`; the folded form finds the word with or without diacritics, the exact
  // form, when typed with diacritics, adds to the score of documents that have it as typed.
  // `mode.fuzzy`: each word of three letters or more also matches the words one edit away
  // (folded), below the word itself; `mode.missing`: the words to treat so because no index
  // has them.
  function runQuery(lunr, index, parsed, mode) {
    mode = mode || {};
    var presence = mode.anyWord ? lunr.Query.presence.OPTIONAL : lunr.Query.presence.REQUIRED;
    return index.query(function (q) {
      parsed.words.forEach(function (word, i) {
        var last = parsed.prefix && i === parsed.words.length - 1;
        var fuzzy = (mode.fuzzy || (mode.missing && mode.missing[word.folded])) && word.folded.length >= 3 &&
            !/^[\p{N}]+$/u.test(word.folded);
        if (fuzzy && !last) {
          q.term(word.folded, { usePipeline: false, presence: presence, boost: FUZZY_BOOST, editDistance: 1 });
          q.term(word.folded, { usePipeline: false });
        } else {
          q.term(word.folded, {
            usePipeline: false,
            presence: presence,
            boost: last ? PREFIX_BOOST : 1,
            wildcard: last ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
          });
          if (last) q.term(word.folded, { usePipeline: false });
        }
        if (word.accented) {
          q.term(word.exact, { usePipeline: false, boost: EXACT_BOOST });
          // The other spelling of its tone, and the words that begin with it as typed, weigh
          // next to nothing: they only tell which documents have the word as typed.
          var other = otherSpelling(word.exact);
          if (other) q.term(other, { usePipeline: false, boost: SEEN_BOOST });
          if (last) q.term(word.exact, { usePipeline: false, boost: SEEN_BOOST, wildcard: lunr.Query.wildcard.TRAILING });
        }
      });
    });
  }

  // The query without the words every document of a shard has: a field the same in all of
  // them (a commune's unit chain) is given once beside the index instead of in it
  // (docs/search.md), so "Sơn Lâm thanh toán" on Sơn Lâm's shard looks for "thanh toán".
  // The last word, while still being typed, is kept unless another word is dropped too (a
  // place name of two words, "… Sơn Lâm", whose first word may also have been typed earlier:
  // "thanh toán … Thanh Xuân"). Returns null when every word is such a word.
  function withoutConstant(parsed, constant) {
    if (!constant) return parsed;
    var last = parsed.words.length - 1;
    var isConstant = function (w) { return !w.expanded && constant[w.folded]; };
    var kept = parsed.words.filter(function (w, i) {
      if (!isConstant(w)) return true;
      return parsed.prefix && i === last && !parsed.words.some(function (o, j) { return j !== last && isConstant(o); });
    });
    if (kept.length === parsed.words.length) return parsed;
    if (kept.length === 0) return null;
    var keepsLast = kept[kept.length - 1] === parsed.words[last];
    return { words: kept, prefix: parsed.prefix && keepsLast, dropped: parsed.dropped };
  }

  // The folded words of a unit's name, without its level ("xã Sơn Lâm" → son, lam).
  function nameWords(title) {
    var filler = wordLists().filler;
    return splitTerms(title).filter(function (w) { return filler.indexOf(w.exact) < 0; })
      .map(function (w) { return w.folded; });
  }

  // Whether every word of the query is a word of `title` (folded; the last, unfinished one
  // as a prefix).
  function namesAll(title, parsed) {
    var folded = splitTerms(title).map(function (w) { return w.folded; });
    return parsed.words.every(function (w, i) {
      var last = parsed.prefix && i === parsed.words.length - 1;
      return folded.some(function (f) { return last ? f.indexOf(w.folded) === 0 : f === w.folded; });
    });
  }

  // Whether the query names the unit `title` and says nothing else but filler ("xã Sơn Lâm
  // 2023", "UBND xã Sơn Lâm"): every word of its name, and only filler besides.
  function namesUnit(title, parsed) {
    var name = nameWords(title);
    if (name.length === 0) return false;
    var filler = wordLists().filler;
    var used = 0;
    var ok = parsed.words.every(function (w, i) {
      var last = parsed.prefix && i === parsed.words.length - 1;
      if (name.indexOf(w.folded) >= 0) { used++; return true; }
      if (last && name.some(function (n) { return n.indexOf(w.folded) === 0; })) { used++; return true; }
      return filler.indexOf(w.exact) >= 0 || /^(19|20)\d\d$/.test(w.folded);
    });
    return ok && used >= name.length;
  }

  // Of an accented query word, whether a document matched it as typed: one of the terms it
  // matched (`terms`, from lunr's match data) is the word with the same diacritics (either
  // spelling of its tone), or, for the last word being typed, begins with it.
  function matchedAsTyped(word, last, terms) {
    var key = toneKey(word.exact);
    return terms.some(function (t) {
      var k = toneKey(t);
      return last ? k.indexOf(key) === 0 : k === key;
    });
  }

  // Searches every loaded index: entries are {index: lunr.Index, store: {ref: display}}
  // (display: {r: path#anchor, t: title, u: unit, k: kind, x: excerpt}).
  // Returns {parsed, results: [{ref: path#anchor, score, doc}], partial}, best first; a document found in
  // several indexes (a plan is in the global index and in its area) keeps its best score.
  // Each query is tried in turn as typed (abbreviations expanded both ways, words no index
  // has matched one edit away), then with every word matched one edit away, then with any
  // word (`partial` is true). `options.complete`: the last word is whole (a submitted query).
  function search(lunr, entries, text, options) {
    var parsed = parseQuery(text, options && options.complete);
    var results = [];
    if (parsed.words.length === 0) return { parsed: parsed, results: results, partial: false };
    var forms = variants(parsed);
    parsed.also = [];
    forms.slice(1).forEach(function (f) {
      f.words.forEach(function (w) { if (w.expanded && parsed.also.indexOf(w.folded) < 0) parsed.also.push(w.folded); });
    });
    var missing = Object.create(null);
    parsed.words.forEach(function (w, i) {
      var last = parsed.prefix && i === parsed.words.length - 1;
      if (!entries.some(function (e) { return hasTerm(e.index, w.folded, last); })) missing[w.folded] = true;
    });
    var byRef = Object.create(null);
    function add(entry, ref, score, terms, plan, query) {
      var doc = entry.store[ref] || { r: ref, t: ref, u: '', k: '', x: '' };
      var path = doc.r || ref;
      var seen = byRef[path];
      if (!seen) {
        seen = { ref: path, score: score, doc: doc, terms: Object.create(null), shard: plan, misses: 99 };
        byRef[path] = seen;
        results.push(seen);
      } else if (score > seen.score) {
        seen.score = score;
      }
      terms.forEach(function (t) { seen.terms[t] = true; });
      // Words typed with diacritics that the document has only otherwise (or not at all).
      var misses = 0;
      if (query) {
        query.words.forEach(function (w, i) {
          if (w.accented && !matchedAsTyped(w, query.prefix && i === query.words.length - 1, terms)) misses++;
        });
        if (query.prefix) seen.open = true;
      }
      seen.misses = Math.min(seen.misses, misses);
    }
    // Whether the query names the shard's unit ("… Định Hoá" on Định Hoá's shard).
    var typed = parsed.words.map(function (w) { return w.folded; });
    function namesShard(entry) {
      var name = entry.key && entry.key !== '*' ? nameWords(entry.name) : [];
      return name.length > 0 && name.every(function (n) { return typed.indexOf(n) >= 0; });
    }
    function collect(mode) {
      entries.forEach(function (entry) {
        var placed = namesShard(entry);
        forms.forEach(function (form) {
          var query = withoutConstant(form, entry.constant);
          if (query === null) {
            // Every word is the shard's own (its unit's name, its year): its plans answer.
            Object.keys(entry.store).forEach(function (ref) {
              if (entry.store[ref].k === 'plan') {
                add(entry, ref, 0, [], true, null);
                byRef[entry.store[ref].r].placed = true;
              }
            });
            return;
          }
          var found;
          try {
            found = runQuery(lunr, entry.index, query, mode);
          } catch (e) {
            found = [];
          }
          found.forEach(function (r) {
            add(entry, r.ref, r.score, Object.keys((r.matchData && r.matchData.metadata) || {}), false, query);
            if (placed) byRef[(entry.store[r.ref] || {}).r || r.ref].placed = true;
          });
        });
      });
    }
    collect({ missing: missing });
    if (results.length === 0) collect({ fuzzy: true });
    var partial = false;
    if (results.length === 0 && parsed.words.length > 1) {
      collect({ anyWord: true });
      partial = results.length > 0;
    }
    // A unit named by the query ("Sơn Lâm", "xã Sơn Lâm 2023") is what a search for a place
    // wants; its document sits in a small shard (its top-level unit's, or the global index)
    // whose scores do not compare with a commune's big one, so such units come first. A
    // unit's page not found by the words (the year is not on it) is added.
    entries.forEach(function (entry) {
      Object.keys(entry.store).forEach(function (ref) {
        var doc = entry.store[ref];
        if (doc.k === 'unit' && !byRef[doc.r] && namesUnit(doc.t, parsed)) add(entry, ref, 0, [], false, null);
      });
    });
    var lastWord = parsed.words[parsed.words.length - 1];
    // A plan whose number is typed ("28/KH-UBND") comes first too: its excerpt begins with
    // its label, "Kế hoạch số 28/KH-UBND năm 2023".
    var numbered = parsed.words.some(function (w) { return /\d/.test(w.folded) && /\D/.test(w.folded); });
    results.forEach(function (r) {
      // A unit's page with every word, the unit named by the query, is as placed as its shard.
      if (r.doc.k === 'unit' && r.score > 0 && nameWords(r.doc.t).every(function (n) { return typed.indexOf(n) >= 0; })) {
        r.placed = true;
      }
      r.named = (r.doc.k === 'unit' && (namesAll(r.doc.t, parsed) || namesUnit(r.doc.t, parsed))) ||
          (numbered && r.doc.k === 'plan' && namesAll(String(r.doc.x || '').split('. ')[0], parsed));
    });
    // An accented last word being typed does not widen to every unaccented prefix ("hạn"
    // is not "hành"): documents matching it only so go, unless nothing else is found.
    if (parsed.prefix && lastWord.accented && !partial) {
      var kept = results.filter(function (r) {
        var terms = Object.keys(r.terms);
        return !r.open || r.named || matchedAsTyped(lastWord, true, terms) ||
            terms.some(function (t) { return t === lastWord.folded; });
      });
      if (kept.length > 0) results = kept;
    }
    // "… ở đâu" about a unit the query names: its page (contact, where to send feedback) first.
    var where = parsed.dropped.some(function (w) { return w.exact === 'đâu' || w.exact === 'nào'; });
    results.forEach(function (r) { r.where = where && r.doc.k === 'unit' && !!r.placed; });
    results.sort(function (a, b) {
      // Words typed with diacritics, found as typed: such documents come first.
      // Then the documents of the unit the query names, then those with the accented words
      // as typed.
      return (b.named - a.named) || (b.where - a.where) || ((b.placed | 0) - (a.placed | 0)) || (a.misses - b.misses) || (b.score - a.score);
    });
    return { parsed: parsed, results: results, partial: partial };
  }

  // The compact index a shard publishes (generator/search/lunr_index.h,
  // build_lunr_compact_index_json) as the index lunr 2.3.9 itself serialises, for
  // lunr.Index.load: {version, fields, fieldVectors, invertedIndex, pipeline}, equal to it to
  // the key order (JSON.stringify gives the same text; tests/search/compact.js checks it).
  // The compact form holds the terms in _index order and the field vectors, one per document
  // and field, document-major, as [term gap, score × 1000, …]; document refs are the
  // positions in base 36 unless `refs` lists them. No metadata is indexed, so the inverted
  // index is the vectors transposed: each term's posting {_index, field: {ref: {}} …}, the
  // fields in `fields` order, the refs in document order (JavaScript lists "0" … "9", "10" …
  // first, as it does in lunr's own objects), the terms sorted as Array.prototype.sort does.
  // The postings' {} are one shared, empty object: lunr only reads them.
  // An index already in lunr's serialised form (it has `invertedIndex`: a shard written
  // before the compact form, from a cache that kept it) is returned as it is.
  function expandIndex(c) {
    if (c.invertedIndex) return c;
    var fields = c.fields, nf = fields.length, terms = c.terms, refs = c.refs, vectors = c.vectors;
    var none = {};
    var postings = new Array(terms.length);
    var t, f, v, i;
    for (t = 0; t < terms.length; t++) {
      var p = { _index: t };
      for (f = 0; f < nf; f++) p[fields[f]] = {};
      postings[t] = p;
    }
    var fieldVectors = new Array(vectors.length);
    for (v = 0; v < vectors.length; v++) {
      var d = (v / nf) | 0, field = fields[v - d * nf];
      var ref = refs ? refs[d] : d.toString(36);
      var coded = vectors[v], elements = new Array(coded.length), term = 0;
      for (i = 0; i < coded.length; i += 2) {
        term += coded[i];
        elements[i] = term;
        elements[i + 1] = coded[i + 1] / 1000;
        postings[term][field][ref] = none;
      }
      fieldVectors[v] = [field + '/' + ref, elements];
    }
    var order = new Array(terms.length);
    for (t = 0; t < terms.length; t++) order[t] = t;
    order.sort(function (a, b) { return terms[a] < terms[b] ? -1 : 1; });
    var invertedIndex = new Array(terms.length);
    for (t = 0; t < order.length; t++) invertedIndex[t] = [terms[order[t]], postings[order[t]]];
    return { version: c.version, fields: fields, fieldVectors: fieldVectors, invertedIndex: invertedIndex, pipeline: c.pipeline };
  }

  // A published shard (CONGKHAI_INDEX[key]) as {key, name, index, store, constant}, ready for
  // search(): the index expanded and loaded with lunr.Index.load, the store keyed by ref with full paths,
  // and the folded terms of the fields the shard gives once for all its documents.
  function loadShard(lunr, data) {
    var prefix = data.key && data.key !== '*' ? data.key + '/' : '';
    var store = Object.create(null);
    (data.store || []).forEach(function (e, i) {
      // [ref, title, kind, excerpt, unit (0: the shard's), year, status]
      store[i.toString(36)] = { r: prefix + e[0], t: e[1], k: e[2], x: e[3], u: e[4] || data.name, y: e[5] || '', s: e[6] || '' };
    });
    var constant = Object.create(null);
    Object.keys(data.constant || {}).forEach(function (field) {
      String(data.constant[field]).toLowerCase().split(SEPARATOR).forEach(function (token) {
        var terms = viTerms(token);
        if (terms.length) constant[terms[terms.length - 1]] = true;
      });
    });
    return { key: data.key, name: data.name, index: lunr.Index.load(expandIndex(data.index)), store: store, constant: constant };
  }

  function sum(list) {
    return list.reduce(function (n, e) { return n + e[1]; }, 0);
  }

  // Which shards a search loads besides the global index, within `budget` bytes of shards
  // (their JSON inflated, the sizes the shards list: docs/search.md). `unit`: the path of
  // the page's unit, or '' for every unit. `global`: CONGKHAI_INDEX["*"], inflated; `tops`:
  // the top-level shards loaded so far, by slug.
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

  // Filters of the search page (facets): kind, year, status and unit of each result.
  var FACETS = ['kind', 'year', 'status', 'unit'];
  var KIND_ORDER = ['unit', 'plan', 'task', 'target', 'report'];
  var STATUS_ORDER = ['overdue', 'not_started', 'in_progress', 'done', 'postponed', 'cancelled'];
  function facetValues(doc, facet) {
    if (facet === 'kind') return doc.k ? [doc.k] : [];
    if (facet === 'year') return doc.y ? [doc.y] : [];
    if (facet === 'status') return doc.s ? doc.s.split(' ') : [];
    return doc.u ? [doc.u] : [];
  }
  // The results that have every selected value (`selected`: {facet: value}), leaving out the
  // facet `except`.
  function filterResults(results, selected, except) {
    return results.filter(function (r) {
      return FACETS.every(function (f) {
        return f === except || !selected[f] || facetValues(r.doc, f).indexOf(selected[f]) >= 0;
      });
    });
  }
  // For each facet, [{value, count}] over the results filtered by the other facets' selected
  // values, so that a count says how many results choosing it would show.
  function facets(results, selected) {
    var out = {};
    FACETS.forEach(function (f) {
      var counts = Object.create(null);
      filterResults(results, selected || {}, f).forEach(function (r) {
        facetValues(r.doc, f).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      });
      var list = Object.keys(counts).map(function (v) { return { value: v, count: counts[v] }; });
      var order = f === 'kind' ? KIND_ORDER : f === 'status' ? STATUS_ORDER : null;
      list.sort(function (a, b) {
        if (order) return order.indexOf(a.value) - order.indexOf(b.value);
        if (f === 'year') return a.value < b.value ? 1 : a.value > b.value ? -1 : 0;
        return (b.count - a.count) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
      });
      out[f] = list;
    });
    return out;
  }

  // `text` cut into [{text, mark}] parts, marking the words that match the query: a word
  // typed with diacritics only where the text has them as typed (either spelling of the tone)
  // or has none; the words of an abbreviation's other form too (`parsed.also`).
  function highlight(text, parsed) {
    text = String(text == null ? '' : text);
    var parts = [];
    var words = parsed.words;
    if (words.length === 0) return [{ text: text, mark: false }];
    var lastIndex = parsed.prefix ? words.length - 1 : -1;
    var keys = words.map(function (w) { return w.accented ? toneKey(w.exact) : null; });
    var also = parsed.also || [];
    var at = 0;
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      var terms = viTerms(m[0]);
      if (terms.length === 0) continue;
      var exact = terms[0];
      var folded = terms[terms.length - 1];
      var key = null;
      var hit = also.indexOf(folded) >= 0 || words.some(function (w, i) {
        var last = i === lastIndex;
        if (!w.accented || exact === folded) return last ? folded.indexOf(w.folded) === 0 : folded === w.folded;
        if (key === null) key = toneKey(exact);
        return last ? key.indexOf(keys[i]) === 0 : key === keys[i];
      });
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
    variants: variants,
    toneKey: toneKey,
    otherSpelling: otherSpelling,
    runQuery: runQuery,
    search: search,
    highlight: highlight,
    facets: facets,
    filterResults: filterResults,
    expandIndex: expandIndex,
    loadShard: loadShard,
    shardPlan: shardPlan
  };
});
