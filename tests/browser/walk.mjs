// A citizen's walk through the built sample site in headless Chromium: home → province →
// commune → plan → a task's anchor → a report, then a search typed without diacritics.
// Run at the site root, under a sub-path and from disk (file://). No page may log a console
// error or request anything outside the site. The index files are inflated by the browser's
// DecompressionStream, and pako's inflate is not fetched; with DecompressionStream removed
// before the page's scripts run (a browser without it), the search loads pako and works the
// same, at the root and from disk. Screenshots of each page type at phone and
// desktop widths go to tests/artifacts/screenshots/.
// Usage: node tests/browser/walk.mjs SITE_DIR
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, done, guardedPage, launch, serve } from './lib.mjs';

const site = path.resolve(process.argv[2]);
const shots = path.resolve('tests/artifacts/screenshots');
fs.mkdirSync(shots, { recursive: true });

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

async function clickTo(page, selector, what) {
  const link = page.locator(selector).first();
  check(await link.count() > 0, `${what}: no link matching ${selector} on ${page.url()}`);
  if (!(await link.count())) return false;
  await Promise.all([page.waitForLoadState('load'), link.click()]);
  return true;
}

// Types `query` into the box of `url`, waits for every shard the page loads, then checks the
// first result's link against `expect`, follows it to its anchor and, when `files` is given,
// that the page loaded exactly those index files.
async function searchFrom(page, url, query, expect, files, what) {
  await page.goto(url);
  await page.locator('#q').first().click();
  await page.locator('#q').first().pressSequentially(query, { delay: 30 });
  const hit = page.locator('.site-search-panel a.search-result-title').first();
  try {
    // Results grow as each shard arrives: judge them once every one asked for is in and the
    // list has been redrawn for the whole query.
    await page.waitForFunction(() => {
      const all = window.CONGKHAI_INDEX || {};
      const scripts = Array.from(document.querySelectorAll('script[src*="tim-kiem/chi-muc"]'));
      const key = (src) => {
        const file = src.replace(/\?.*$/, '');  // the query that versions the URL
        return /chi-muc\.js$/.test(file) ? '*' : decodeURIComponent(file.replace(/^.*tim-kiem\/chi-muc\//, '').replace(/\.js$/, ''));
      };
      return all['*'] && scripts.every((s) => all[key(s.getAttribute('src'))] && all[key(s.getAttribute('src'))].loaded);
    }, null, { timeout: 10000 });
    await page.waitForTimeout(600);
    await hit.waitFor({ state: 'visible', timeout: 5000 });
    const href = await hit.getAttribute('href');
    check(expect.test(href), `${what}: first result for "${query}" is ${href}`);
    const text = fold(await hit.innerText());
    check(query.split(' ').some((w) => text.includes(w)), `${what}: first search result does not match: ${text}`);
    // Every file search.js loads carries the query that versions its URL (docs/themes.md): the
    // scripts their bytes', the index files the shard format's.
    const loaded = await page.$$eval('script[src]', (list) => list.map((s) => s.getAttribute('src')));
    page.searchScripts = loaded;
    for (const src of loaded) {
      if (/tim-kiem\/chi-muc/.test(src)) check(/\.js\?f=\d+$/.test(src), `${what}: index file without its format: ${src}`);
      else if (/assets\//.test(src)) check(/\.js\?v=[0-9a-f]{10}$/.test(src), `${what}: script without its version: ${src}`);
    }
    if (files) {
      const got = (await page.$$eval('script[src*="tim-kiem/chi-muc"]', (list) => list.map((s) => s.getAttribute('src'))))
        .map((u) => u.replace(/^.*?(tim-kiem\/)/, '$1').replace(/\?.*$/, '')).sort();
      check(JSON.stringify(got) === JSON.stringify([...files].sort()), `${what}: loaded ${got.join(', ')}; expected ${files.join(', ')}`);
    }
    await Promise.all([page.waitForLoadState('load'), hit.click()]);
    check(/#(nv|ct)-/.test(page.url()), `${what}: search result did not lead to a task or target anchor`);
  } catch (e) {
    check(false, `${what}: no search result for "${query}" (${e.message.split('\n')[0]})`);
  }
}

// Whether the last search (searchFrom) loaded pako's inflate (a <script> search.js added).
function inflaterRequested(page) {
  return (page.searchScripts || []).some((src) => /assets\/pako_inflate\.min\.js\?v=[0-9a-f]{10}$/.test(src));
}

// A browser without DecompressionStream (Safari before 16.4, older Android WebViews): the
// commune page's search inflates its shards with pako and finds the same task.
async function withoutDecompressionStream(browser, base, mode) {
  const page = await guardedPage(browser, base);
  await page.addInitScript(() => { delete window.DecompressionStream; });
  const commune = 'ha-tinh/huong-son/son-lam';
  await searchFrom(page, base + commune + '/index.html', 'thanh toan truc tuyen',
    new RegExp(commune + '/ke-hoach/[^/]+/index\\.html#(nv|ct)-'),
    ['tim-kiem/chi-muc.js', 'tim-kiem/chi-muc/ha-tinh.js', `tim-kiem/chi-muc/${commune}.js`], `${mode} without DecompressionStream`);
  check(await page.evaluate(() => typeof window.DecompressionStream === 'undefined'),
    `${mode}: DecompressionStream was not removed`);
  check(inflaterRequested(page), `${mode}: without DecompressionStream, pako's inflate was not loaded`);
  for (const p of page.problems) check(false, `${mode} without DecompressionStream: ${p}`);
  await page.context().close();
}

async function walk(browser, base, mode) {
  const page = await guardedPage(browser, base);
  const visited = {};
  await page.goto(base + 'index.html');
  visited.home = page.url();
  check((await page.getAttribute('html', 'lang')) === 'vi', `${mode}: home has no lang="vi"`);
  check(await clickTo(page, 'main a[href$="ha-tinh/index.html"]', `${mode} home → province`), '');
  visited.unit = page.url();
  check(/Hà Tĩnh/.test(await page.locator('h1').innerText()), `${mode}: province page has no Hà Tĩnh heading`);
  if (!(await page.locator('main a[href*="son-lam/index.html"]').count()))
    await clickTo(page, 'main a[href*="huong-son/index.html"]', `${mode} province → district`);
  await clickTo(page, 'main a[href*="son-lam/index.html"]', `${mode} → commune`);
  check(/Sơn Lâm/.test(await page.locator('h1').innerText()), `${mode}: commune page heading`);
  await clickTo(page, 'main a[href*="ke-hoach/2023/index.html"]', `${mode} commune → plan`);
  visited.plan = page.url();
  const body = await page.locator('body').innerText();
  check(body.includes('28/KH-UBND'), `${mode}: plan number not visible on the plan page`);
  // A task's anchor: the row is there and is the :target.
  const anchor = await page.locator('[id^="nv-"]').nth(3).getAttribute('id');
  await page.goto(visited.plan.split('#')[0] + '#' + anchor);
  check(await page.locator(`[id="${anchor}"]`).isVisible(), `${mode}: task anchor #${anchor} not visible`);
  check(await page.evaluate(() => !!document.querySelector(':target')), `${mode}: #${anchor} is not the :target`);
  const reportLink = page.locator('main a[href*="bao-cao/"]');
  if (await reportLink.count()) {
    await clickTo(page, 'main a[href*="bao-cao/"]', `${mode} plan → report`);
    visited.report = page.url();
  } else {
    check(false, `${mode}: the plan page links no report`);
  }
  // The latest updates, from the home page, lead to a task's row.
  await page.goto(base + 'index.html');
  await clickTo(page, 'main a[href$="cap-nhat/index.html"]', `${mode} home → updates`);
  visited.updates = page.url();
  check(/Cập nhật mới/.test(await page.locator('h1').innerText()), `${mode}: updates page heading`);
  if (await clickTo(page, 'main .updates a[href*="#nv-"]', `${mode} updates → task`)) {
    // The click's load event may be the updates page's own: wait for the plan to be there.
    const targeted = await page.waitForFunction(() => !!document.querySelector(':target'), null, { timeout: 5000 })
      .then(() => true, () => false);
    check(targeted, `${mode}: the update's task is not the :target`);
    check(/ke-hoach\/[^/]+\/index\.html#nv-/.test(page.url()), `${mode}: an update did not lead to a task anchor: ${page.url()}`);
  }
  // Search without diacritics from the home page (every shard: the sample is small), from a
  // commune's page (its own shard and its province's only) and on the search page.
  await searchFrom(page, base + 'index.html', 'so hoa ho so', /#(nv|ct)-/, null, `${mode} home`);
  const commune = 'ha-tinh/huong-son/son-lam';
  await searchFrom(page, base + commune + '/index.html', 'thanh toan truc tuyen',
    new RegExp(commune + '/ke-hoach/[^/]+/index\\.html#(nv|ct)-'),
    ['tim-kiem/chi-muc.js', 'tim-kiem/chi-muc/ha-tinh.js', `tim-kiem/chi-muc/${commune}.js`], `${mode} commune`);
  check(page.searchScripts && !inflaterRequested(page), `${mode}: pako's inflate was loaded though the browser has DecompressionStream`);
  await page.goto(base + 'tim-kiem/index.html?q=' + encodeURIComponent('so hoa ho so') + '&khu-vuc=' + encodeURIComponent(commune));
  try {
    const first = page.locator('.search-results-list a.search-result-title').first();
    await first.waitFor({ state: 'visible', timeout: 10000 });
    check(new RegExp(commune + '/').test(await first.getAttribute('href')), `${mode}: search page scoped to the commune shows another unit first`);
    check(/Tìm trong xã Sơn Lâm/.test(await page.locator('.search-scope').innerText()), `${mode}: search page does not say its scope`);
  } catch (e) {
    check(false, `${mode}: no result on the search page scoped to ${commune} (${e.message.split('\n')[0]})`);
  }
  // Query syntax characters in ordinary text must not raise errors.
  await page.goto(base + 'tim-kiem/index.html?q=' + encodeURIComponent('hồ sơ: -trực +tuyến ~^*'));
  visited.search = page.url();
  await page.waitForTimeout(500);
  await page.locator('#q').first().fill('thanh toán: 50% - trực tuyến*');
  await page.waitForTimeout(800);
  for (const p of page.problems) check(false, `${mode}: ${p}`);
  await page.context().close();
  return visited;
}

async function screenshots(browser, visited) {
  for (const [name, url] of Object.entries(visited)) {
    for (const [label, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 900 }]]) {
      const page = await guardedPage(browser, url.split('/').slice(0, 3).join('/'), viewport);
      await page.goto(url);
      if (name === 'search') await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(shots, `${name}-${label}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 1, `${name} at ${label} width scrolls sideways by ${overflow}px`);
      await page.context().close();
    }
  }
}

const browser = await launch();
try {
  const root = await serve(site, '/');
  const visited = await walk(browser, root.url, 'root');
  await withoutDecompressionStream(browser, root.url, 'root');
  await screenshots(browser, visited);
  await root.close();
  const sub = await serve(site, '/portal/');
  await walk(browser, sub.url, 'sub-path');
  await sub.close();
  await walk(browser, pathToFileURL(site).href + '/', 'file');
  await withoutDecompressionStream(browser, pathToFileURL(site).href + '/', 'file');
} finally {
  await browser.close();
}
done('walk');
