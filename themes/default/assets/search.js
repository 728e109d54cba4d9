/*
 * Công khai: search as you type, a progressive enhancement of the search form on every page
 *   <form role="search" class="site-search" action="…/tim-kiem/index.html">
 *     <input id="q" name="q" type="search"> …
 * and of the search page's <div id="search-results" aria-live="polite">.
 *
 * Without JavaScript the form still submits to the search page. With it, nothing is loaded
 * until the search box is first focused or typed in (except on the search page itself):
 * then lunr.js, search-words.js, search-core.js and the index files, each with a <script> element, so that
 * the same code works over HTTP, under a sub-path and from file://. An index file holds its
 * data's JSON deflated, in base64; the browser's DecompressionStream inflates it, or, in a
 * browser without one, pako's inflate (assets/pako_inflate.min.js, loaded only then).
 *
 * <html> (or <body>) carries data-root (the relative prefix to the site root, "../../"),
 * data-area (the path of the page's unit, the key of its shard, or empty) and data-versions
 * (the versioned URL of each file loaded here, "assets/search-core.js?v=0a1b2c3d4e …
 * tim-kiem/chi-muc?f=5", the last for every index file). Which index files are loaded is
 * described in docs/search.md.
 */
(function () {
  'use strict';

  var doc = document;
  if (!doc.querySelector || !window.Promise) return;

  var AREA_PARAM = 'khu-vuc';
  var GLOBAL_KEY = '*';
  // Bytes of shards a search may load, counted as their JSON once inflated, the sizes the
  // shards list (docs/search.md). From a unit's page: the unit and its descendants while they
  // fit a phone's first search (with lunr.js and search-core.js, 900 KB, 160 KB gzip); past
  // it, the unit's own shard and links to narrower searches.
  var UNIT_BUDGET = 800 * 1000;
  // The search page loads every shard of its scope (one unit, or all) while they weigh less
  // than this together; otherwise the global index and a choice of narrower searches.
  var ALL_AREAS_BUDGET = 3 * 1000 * 1000;
  // The box on a page of no unit (the home page) searches every unit only while that stays
  // light on a phone; past it, the top-level units, and a link to the search page.
  var BOX_AREAS_BUDGET = 600 * 1000;
  var DROPDOWN_LIMIT = 8;
  var PAGE_STEP = 50;
  var DEBOUNCE_MS = 150;
  var KINDS = { unit: 'Đơn vị', plan: 'Kế hoạch', task: 'Nhiệm vụ', target: 'Chỉ tiêu', report: 'Báo cáo' };
  // The search page's filters: facet, its URL parameter and its label.
  var FACETS = [['kind', 'loai', 'Loại'], ['year', 'nam', 'Năm'], ['status', 'tinh-trang', 'Tình trạng'],
    ['unit', 'don-vi', 'Đơn vị']];
  var STATUSES = { overdue: 'Quá hạn', not_started: 'Chưa bắt đầu', in_progress: 'Đang thực hiện',
    done: 'Hoàn thành', postponed: 'Tạm hoãn', cancelled: 'Huỷ bỏ' };

  function pageData(name) {
    var v = doc.documentElement.getAttribute(name);
    if (v == null && doc.body) v = doc.body.getAttribute(name);
    return v || '';
  }
  var ROOT = pageData('data-root');
  // The path of the page's unit ("ha-tinh/huong-son/son-lam"), the key of its shard.
  var PAGE_AREA = pageData('data-area');
  // Path → the query that versions its URL ("?v=0a1b2c3d4e"), from data-versions; a file not
  // named there (a theme's own layout may leave the attribute out) is loaded by its plain path.
  var VERSIONS = {};
  pageData('data-versions').split(' ').forEach(function (url) {
    var q = url.indexOf('?');
    if (q > 0) VERSIONS[url.slice(0, q)] = url.slice(q);
  });
  function versioned(path) {
    if (VERSIONS[path]) return path + VERSIONS[path];
    var shards = 'tim-kiem/chi-muc';
    var shard = path.slice(0, shards.length + 1);
    return path + ((shard === shards + '.' || shard === shards + '/') && VERSIONS[shards] || '');
  }
  var resultsRegion = doc.getElementById('search-results');
  var onSearchPage = !!resultsRegion;

  function param(name) {
    var m = new RegExp('[?&]' + name + '=([^&#]*)').exec(location.search);
    if (!m) return null;
    try {
      return decodeURIComponent(m[1].replace(/\+/g, ' '));
    } catch (e) {
      return '';
    }
  }
  // The search page's scope: ?khu-vuc=<unit path>, "?khu-vuc=" for everything, else the page's.
  var scopeParam = onSearchPage ? param(AREA_PARAM) : null;
  var wantedArea = scopeParam !== null ? scopeParam : PAGE_AREA;

  function searchPageHref(q, area) {
    var href = ROOT + 'tim-kiem/index.html?q=' + encodeURIComponent(q);
    if (area !== undefined && area !== null) href += '&' + AREA_PARAM + '=' + encodeURIComponent(area);
    return href;
  }

  // ---- loading ----------------------------------------------------------------------------

  var scripts = {};
  function loadScript(path) {
    if (!scripts[path]) {
      scripts[path] = new Promise(function (resolve, reject) {
        var s = doc.createElement('script');
        s.src = ROOT + versioned(path);
        s.async = true;
        s.onload = function () { resolve(); };
        s.onerror = function () {
          delete scripts[path];
          if (s.parentNode) s.parentNode.removeChild(s);
          reject(new Error('Không tải được ' + path));
        };
        (doc.head || doc.documentElement).appendChild(s);
      });
    }
    return scripts[path];
  }

  // The shard's JSON from its file's {"deflate": base64 of the zlib stream}: inflated by
  // DecompressionStream('deflate') where the browser has it, else by pako (Safari before 16.4,
  // older Android WebViews). Resolves to the JSON text.
  function inflate(packed) {
    var binary = atob(packed);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    function withPako() {
      return loadScript('assets/pako_inflate.min.js').then(function () {
        return window.pako.inflate(bytes, { to: 'string' });
      });
    }
    if (typeof DecompressionStream !== 'function' || typeof Response !== 'function') return withPako();
    try {
      var stream = new Response(bytes).body.pipeThrough(new DecompressionStream('deflate'));
      return new Response(stream).text().catch(withPako);
    } catch (e) {
      return withPako();
    }
  }

  var core = null;
  var entries = [];  // loaded indexes: {key, name, index, store}
  var global = null; // CONGKHAI_INDEX["*"]: the top-level units and the areas
  var tops = {};     // loaded top-level shards' data, by slug (for their lists of units)
  var names = {};    // unit path → name, from the loaded shards
  var narrower = []; // [{key, name}]: narrower searches offered when not everything fits
  var state = 'idle';    // idle, loading, ready, failed
  var starting = null;
  var listeners = [];

  function changed() {
    listeners.forEach(function (fn) { fn(); });
  }

  // Key → the promise of its shard's data, inflated, parsed and loaded into `entries` once.
  // CONGKHAI_INDEX[key] is then {loaded: true}: the packed text is no longer needed.
  var shards = {};
  function loadIndex(key) {
    var path = key === GLOBAL_KEY ? 'tim-kiem/chi-muc.js' : 'tim-kiem/chi-muc/' + key + '.js';
    if (!shards[key]) {
      shards[key] = loadScript(path).then(function () {
        var all = window.CONGKHAI_INDEX || {};
        var packed = all[key];
        if (!packed || typeof packed.deflate !== 'string') throw new Error('Chỉ mục trống: ' + key);
        return inflate(packed.deflate);
      }).then(function (text) {
        var data = JSON.parse(text);
        if (!data || !data.index) throw new Error('Chỉ mục trống: ' + key);
        entries.push(core.loadShard(window.lunr, data));
        data.index = null;  // the loaded index is all that is needed from now on
        window.CONGKHAI_INDEX[key] = { loaded: true };
        names[key] = data.name;
        if (key !== GLOBAL_KEY && key.indexOf('/') < 0) tops[key] = data;
        return data;
      });
      shards[key].catch(function () { delete shards[key]; });  // tried again on the next search
    }
    return shards[key];
  }

  function budget() {
    if (onSearchPage) return ALL_AREAS_BUDGET;
    return wantedArea ? UNIT_BUDGET : BOX_AREAS_BUDGET;
  }

  // Loads what core.shardPlan asks for: first the top-level shards it needs to decide, then
  // the shards to search. Results are refreshed as each one arrives.
  function loadPlanned() {
    var plan = core.shardPlan(wantedArea, global, tops, budget());
    if (plan.waiting.length) {
      return Promise.all(plan.waiting.map(function (key) {
        return loadIndex(key).then(changed);
      })).then(loadPlanned);
    }
    narrower = plan.narrower;
    changed();
    return Promise.all(plan.keys.map(function (key) {
      return loadIndex(key).then(changed, function () { /* the others still work */ });
    }));
  }

  function start() {
    if (starting) return starting;
    state = 'loading';
    changed();
    // search-words.js (the abbreviations and question words) before search-core.js reads it.
    starting = Promise.all([loadScript('assets/lunr.min.js'),
      loadScript('assets/search-words.js').then(function () { return loadScript('assets/search-core.js'); }),
      // Without DecompressionStream, pako inflates the shards: fetched meanwhile.
      typeof DecompressionStream === 'function' ? null : loadScript('assets/pako_inflate.min.js')])
      .then(function () {
        core = window.CongkhaiSearch;
        core.register(window.lunr);
        return loadIndex(GLOBAL_KEY);
      })
      .then(function (data) {
        global = data;
        (global.areas || []).forEach(function (a) { names[a.slug] = a.name; });
        state = 'ready';
        changed();
        return loadPlanned();
      })
      .catch(function () {
        state = 'failed';
        starting = null;  // try again on the next focus
        changed();
      });
    return starting;
  }

  // `complete`: the query was submitted (the search page's ?q=, or Enter), so its last word
  // is whole, not the start of a word still being typed.
  function find(q, complete) {
    if (!core || entries.length === 0) return null;
    try {
      return core.search(window.lunr, entries, q, { complete: !!complete });
    } catch (e) {
      return { parsed: { words: [], prefix: false }, results: [], partial: false };
    }
  }

  // ---- rendering --------------------------------------------------------------------------

  function el(tag, className, text) {
    var e = doc.createElement(tag);
    if (className) e.className = className;
    if (text) e.appendChild(doc.createTextNode(text));
    return e;
  }

  // Text with the matched words in <mark>, built from text nodes only.
  function appendHighlighted(parent, text, parsed) {
    core.highlight(text, parsed).forEach(function (part) {
      if (part.mark) {
        parent.appendChild(el('mark', '', part.text));
      } else {
        parent.appendChild(doc.createTextNode(part.text));
      }
    });
  }

  function renderList(list, found, limit) {
    list.textContent = '';
    found.results.slice(0, limit).forEach(function (r) {
      // A ref is a path inside the site; one with a scheme or a host would be a link out.
      if (/^([a-z][a-z0-9+.\-]*:|\/|\\)/i.test(r.ref)) return;
      var d = r.doc;
      var li = el('li', 'search-result');
      var a = el('a', 'search-result-title');
      a.href = ROOT + r.ref;
      appendHighlighted(a, d.t, found.parsed);
      li.appendChild(a);
      var meta = [KINDS[d.k] || '', d.u || ''].filter(Boolean).join(' · ');
      if (meta) li.appendChild(el('p', 'search-result-meta', meta));
      if (d.x) {
        var x = el('p', 'search-result-excerpt');
        appendHighlighted(x, d.x, found.parsed);
        li.appendChild(x);
      }
      list.appendChild(li);
    });
  }

  function countText(q, found, shown) {
    var n = found.results.length;
    if (n === 0) return 'Không tìm thấy kết quả nào cho “' + q + '”.';
    var s = 'Có ' + n + ' kết quả';
    if (found.partial) s += ' chứa một phần các từ đã nhập';
    s += '.';
    if (shown < n) s += ' Hiển thị ' + shown + ' kết quả đầu.';
    return s;
  }

  function statusFor(q) {
    if (state === 'failed') return 'Không tải được dữ liệu tìm kiếm. Hãy thử lại sau.';
    if (state !== 'ready') return 'Đang tải dữ liệu tìm kiếm…';
    return null;
  }

  // Arrow keys move between the input and the result links; Escape goes back to the input.
  function linkKeys(input, container, onEscape) {
    function links() {
      return Array.prototype.slice.call(container.querySelectorAll('a.search-result-title'));
    }
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown' || ev.key === 'Down') {
        var first = links()[0];
        if (first) {
          ev.preventDefault();
          first.focus();
        }
      } else if (ev.key === 'Escape' || ev.key === 'Esc') {
        onEscape(false);
      }
    });
    container.addEventListener('keydown', function (ev) {
      var all = links();
      var i = all.indexOf(doc.activeElement);
      if (ev.key === 'ArrowDown' || ev.key === 'Down') {
        if (i >= 0 && i + 1 < all.length) all[i + 1].focus();
        ev.preventDefault();
      } else if (ev.key === 'ArrowUp' || ev.key === 'Up') {
        if (i > 0) all[i - 1].focus();
        else input.focus();
        ev.preventDefault();
      } else if (ev.key === 'Escape' || ev.key === 'Esc') {
        input.focus();
        onEscape(true);
        ev.preventDefault();
      }
    });
  }

  function debounce(fn) {
    var timer = null;
    return function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(function () { timer = null; fn(); }, DEBOUNCE_MS);
    };
  }

  // ---- the dropdown under the search box, on every page but the search page -------------

  function enhanceDropdown(form, input) {
    if (PAGE_AREA && !form.querySelector('input[name="' + AREA_PARAM + '"]')) {
      var hidden = el('input');
      hidden.type = 'hidden';
      hidden.name = AREA_PARAM;
      hidden.value = PAGE_AREA;
      form.appendChild(hidden);
    }
    var panel = el('div', 'site-search-panel');
    panel.hidden = true;
    var status = el('p', 'site-search-status');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    var list = el('ol', 'search-results-list');
    var more = el('p', 'site-search-more');
    panel.appendChild(status);
    panel.appendChild(list);
    panel.appendChild(more);
    form.appendChild(panel);
    if (!panel.id) panel.id = 'site-search-panel-' + Math.random().toString(36).slice(2, 8);
    input.setAttribute('aria-controls', panel.id);
    input.setAttribute('autocomplete', 'off');

    var closed = false;
    function update() {
      var q = input.value;
      if (!q.trim() || closed) {
        panel.hidden = true;
        return;
      }
      panel.hidden = false;
      var wait = statusFor(q);
      var found = wait ? null : find(q);
      if (!found) {
        status.textContent = wait || '';
        list.textContent = '';
        more.textContent = '';
        return;
      }
      renderList(list, found, DROPDOWN_LIMIT);
      status.textContent = countText(q, found, Math.min(DROPDOWN_LIMIT, found.results.length));
      more.textContent = '';
      if (found.results.length > DROPDOWN_LIMIT) {
        var a = el('a', '', 'Xem tất cả ' + found.results.length + ' kết quả');
        a.href = searchPageHref(q, PAGE_AREA || undefined);
        more.appendChild(a);
      }
      if (narrower.length) {
        // Not every unit below this one was searched: the search page can go narrower.
        if (more.firstChild) more.appendChild(doc.createTextNode(' · '));
        var deeper = el('a', '', PAGE_AREA ? 'Tìm trong từng đơn vị trực thuộc' : 'Tìm cả nhiệm vụ, chỉ tiêu, báo cáo');
        deeper.href = searchPageHref(q, PAGE_AREA || '');
        more.appendChild(deeper);
      }
    }
    var later = debounce(update);
    listeners.push(update);
    input.addEventListener('focus', function () {
      start();
      closed = false;
      update();
    });
    input.addEventListener('input', function () {
      start();
      closed = false;
      later();
    });
    linkKeys(input, panel, function () {
      closed = true;
      update();
    });
    form.addEventListener('focusout', function () {
      setTimeout(function () {
        if (!form.contains(doc.activeElement)) panel.hidden = true;
      }, 0);
    });
  }

  // ---- the search page ---------------------------------------------------------------------

  var page = null;
  function setUpPage() {
    resultsRegion.textContent = '';
    var scope = el('p', 'search-scope');
    var filters = el('div', 'search-facets');
    var list = el('ol', 'search-results-list');
    var moreButton = el('button', 'search-more', 'Hiện thêm kết quả');
    moreButton.type = 'button';
    moreButton.hidden = true;
    var after = resultsRegion.nextSibling;
    var parent = resultsRegion.parentNode;
    parent.insertBefore(scope, after);
    parent.insertBefore(filters, after);
    parent.insertBefore(list, after);
    parent.insertBefore(moreButton, after);
    var selected = {};
    FACETS.forEach(function (f) {
      var v = param(f[1]);
      if (v) selected[f[0]] = v;
    });
    page = { list: list, scope: scope, filters: filters, selected: selected, more: moreButton, limit: PAGE_STEP,
      input: null, lastQ: null, submitted: null };
    moreButton.addEventListener('click', function () {
      page.limit += PAGE_STEP;
      updatePage();
      var links = list.querySelectorAll('a.search-result-title');
      var next = links[page.limit - PAGE_STEP];
      if (next) next.focus();
    });
    listeners.push(updatePage);
  }

  // A unit's name: from its own shard, or from its page's entry in its top-level shard.
  function unitName(key) {
    if (names[key]) return names[key];
    var slug = key.split('/')[0];
    var page = key.slice(slug.length + 1) + '/index.html';
    var found = ((tops[slug] && tops[slug].store) || []).filter(function (e) { return e[0] === page; })[0];
    return found ? found[1] : '';
  }

  function renderScope(q) {
    var scope = page.scope;
    scope.textContent = '';
    var name = wantedArea && unitName(wantedArea);
    if (name) {
      scope.appendChild(doc.createTextNode('Tìm trong ' + name + '. '));
      var all = el('a', '', 'Tìm trong tất cả các đơn vị');
      all.href = searchPageHref(q, '');
      scope.appendChild(all);
    }
    if (narrower.length) {
      if (scope.firstChild) scope.appendChild(doc.createTextNode(' '));
      scope.appendChild(doc.createTextNode(wantedArea
        ? 'Các đơn vị trực thuộc chưa được tìm hết. Để tìm trong một đơn vị, chọn: '
        : 'Đang tìm trong danh sách đơn vị. Để tìm cả kế hoạch, nhiệm vụ, chỉ tiêu và báo cáo, chọn: '));
      narrower.forEach(function (a, i) {
        if (i) scope.appendChild(doc.createTextNode(', '));
        var link = el('a', '', a.name);
        link.href = searchPageHref(q, a.key);
        scope.appendChild(link);
      });
    }
  }

  // The search page's address for `q`, with its scope and the selected filters.
  function pageQuery(q) {
    var query = '?q=' + encodeURIComponent(q);
    if (scopeParam !== null) query += '&' + AREA_PARAM + '=' + encodeURIComponent(scopeParam);
    FACETS.forEach(function (f) {
      if (page.selected[f[0]]) query += '&' + f[1] + '=' + encodeURIComponent(page.selected[f[0]]);
    });
    return query;
  }

  function facetLabel(facet, value) {
    if (facet === 'kind') return KINDS[value] || value;
    if (facet === 'status') return STATUSES[value] || value;
    return value;
  }

  // A row of toggle buttons per facet with more than one value (or one selected), each with
  // the number of results it would show.
  function renderFilters(found) {
    var box = page.filters;
    box.textContent = '';
    if (!found || found.results.length === 0) return;
    var counts = core.facets(found.results, page.selected);
    FACETS.forEach(function (f) {
      var values = counts[f[0]];
      var chosen = page.selected[f[0]];
      // A choice that this query's results do not have stays, so that it can be undone.
      if (chosen && !values.some(function (v) { return v.value === chosen; })) values = values.concat([{ value: chosen, count: 0 }]);
      if (values.length < 2 && !chosen) return;
      var row = el('p', 'search-facet');
      row.appendChild(el('span', 'search-facet-label', f[2] + ':'));
      values.forEach(function (v) {
        row.appendChild(doc.createTextNode(' '));
        var b = el('button', '', facetLabel(f[0], v.value) + ' (' + v.count + ')');
        b.type = 'button';
        b.setAttribute('aria-pressed', chosen === v.value ? 'true' : 'false');
        b.addEventListener('click', function () {
          if (page.selected[f[0]] === v.value) delete page.selected[f[0]];
          else page.selected[f[0]] = v.value;
          page.limit = PAGE_STEP;
          try {
            history.replaceState(null, '', pageQuery(page.input ? page.input.value : ''));
          } catch (e) { /* file:// in some browsers */ }
          updatePage();
          var again = page.filters.querySelectorAll('button');
          for (var i = 0; i < again.length; i++) {
            if (again[i].textContent.indexOf(facetLabel(f[0], v.value) + ' (') === 0) again[i].focus();
          }
        });
        row.appendChild(b);
      });
      box.appendChild(row);
    });
  }

  function updatePage() {
    var input = page.input;
    var q = input ? input.value : '';
    if (q !== page.lastQ) {
      page.limit = PAGE_STEP;
      page.lastQ = q;
      try {
        history.replaceState(null, '', pageQuery(q));
      } catch (e) { /* file:// in some browsers */ }
    }
    if (state === 'ready') renderScope(q);
    if (!q.trim()) {
      resultsRegion.textContent = '';
      page.list.textContent = '';
      page.filters.textContent = '';
      page.more.hidden = true;
      return;
    }
    var wait = statusFor(q);
    var found = wait ? null : find(q, q === page.submitted);
    if (!found) {
      resultsRegion.textContent = wait || '';
      page.list.textContent = '';
      page.filters.textContent = '';
      page.more.hidden = true;
      return;
    }
    renderFilters(found);
    found = { parsed: found.parsed, partial: found.partial, results: core.filterResults(found.results, page.selected) };
    renderList(page.list, found, page.limit);
    var shown = Math.min(page.limit, found.results.length);
    resultsRegion.textContent = countText(q, found, shown) +
        (Object.keys(page.selected).length ? ' Đang lọc theo lựa chọn bên dưới.' : '');
    page.more.hidden = shown >= found.results.length;
  }

  function enhancePage(form, input) {
    if (!page) setUpPage();
    if (!page.input) page.input = input;
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('aria-describedby', 'search-results');
    var later = debounce(updatePage);
    input.addEventListener('input', function () {
      page.input = input;
      later();
    });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      page.input = input;
      page.submitted = input.value;
      updatePage();
    });
    linkKeys(input, page.list, function () {});
  }

  // ---- start -------------------------------------------------------------------------------

  function init() {
    var forms = doc.querySelectorAll('form.site-search');
    Array.prototype.forEach.call(forms, function (form) {
      var input = form.querySelector('input[name="q"]');
      if (!input) return;
      if (onSearchPage) enhancePage(form, input);
      else enhanceDropdown(form, input);
    });
    if (onSearchPage && page) {
      var q = param('q');
      if (q && page.input) page.input.value = q;
      page.submitted = q;
      // The search page exists to search: load at once.
      start();
      updatePage();
    }
  }

  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
