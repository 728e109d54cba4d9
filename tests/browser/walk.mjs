// A citizen's walk through the built sample site in headless Chromium: home → province →
// commune → plan → a task's anchor → a report, then a search typed without diacritics.
// Run at the site root, under a sub-path and from disk (file://). No page may log a console
// error or request anything outside the site. Screenshots of each page type at phone and
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
  // Search without diacritics from the home page.
  await page.goto(base + 'index.html');
  await page.locator('#q').first().click();
  await page.locator('#q').first().pressSequentially('so hoa ho so', { delay: 30 });
  const hit = page.locator('a[href*="#nv-"]').first();
  try {
    // Results grow as each area's index arrives: judge them once every index is in and the
    // list has been redrawn for the whole query.
    await page.waitForFunction(() => {
      const all = window.CONGKHAI_INDEX || {};
      return all['*'] && (all['*'].areas || []).every((a) => all[a.slug]);
    }, null, { timeout: 10000 });
    await page.waitForTimeout(600);
    await hit.waitFor({ state: 'visible', timeout: 5000 });
    const text = fold(await hit.innerText());
    check(text.includes('so hoa') || text.includes('ho so'), `${mode}: first search result does not match: ${text}`);
    await Promise.all([page.waitForLoadState('load'), hit.click()]);
    check(/#nv-/.test(page.url()), `${mode}: search result did not lead to a task anchor`);
  } catch (e) {
    check(false, `${mode}: no search result for "so hoa ho so" (${e.message.split('\n')[0]})`);
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
  await screenshots(browser, visited);
  await root.close();
  const sub = await serve(site, '/portal/');
  await walk(browser, sub.url, 'sub-path');
  await sub.close();
  await walk(browser, pathToFileURL(site).href + '/', 'file');
} finally {
  await browser.close();
}
done('walk');
