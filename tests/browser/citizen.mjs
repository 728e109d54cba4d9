// What a citizen comes for, checked in Chromium at 320, 375 and 1280 px: the counts add up as
// shown; the commune page leads to its first overdue task in one click; the plan page shows
// its summary and first task within two phone screens; no page scrolls sideways at 320 px;
// axe finds nothing with the search list open and with each filter of the task table applied
// (filters work without JavaScript); the history link opens its panel; status tags stay on one
// line; the search box shows its whole placeholder; each cell of a table's phone cards is
// labelled with its column's heading. Screenshots of each page type at 375 and 1280 px go to
// tests/artifacts/citizen/.
// Usage: node tests/browser/citizen.mjs SITE_DIR
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { check, done, guardedPage, htmlFiles, launch, serve } from './lib.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const site = path.resolve(process.argv[2]);
const shots = path.resolve('tests/artifacts/citizen');
fs.mkdirSync(shots, { recursive: true });

const PHONES = [{ width: 320, height: 568 }, { width: 375, height: 667 }];
const DESKTOP = { width: 1280, height: 900 };
const all = htmlFiles(site);
const firstOf = (re) => all.find((f) => re.test(f));
const types = {
  home: 'index.html',
  province: 'ha-tinh/index.html',
  district: 'ha-tinh/huong-son/index.html',
  commune: 'ha-tinh/huong-son/son-lam/index.html',
  plan: firstOf(/ke-hoach\/[^/]+\/index\.html$/),
  report: firstOf(/bao-cao\/[^/]+\/index\.html$/),
  search: 'tim-kiem/index.html',
  updates: 'cap-nhat/index.html',
  openData: 'du-lieu/index.html',
  notFound: '404.html',
  about: 'gioi-thieu/index.html',
};
const plans = all.filter((f) => /ke-hoach\/[^/]+\/index\.html$/.test(f));

async function axe(page, what) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  for (const v of result.violations)
    check(false, `${what}: ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function open(browser, server, rel, viewport, options = {}) {
  const page = await guardedPage(browser, server.url, viewport, options);
  await page.goto(server.url + rel);
  return page;
}

async function finish(page, what) {
  for (const p of page.problems) check(false, `${what}: ${p}`);
  await page.context().close();
}

// The counts as the reader sees them: each visible block's parts add up to its total.
async function visibleSums(page, what) {
  const blocks = await page.$$eval('[data-sum]', (list) => list.map((b) => ({
    kind: b.dataset.sum,
    visible: b.getClientRects().length > 0,
    total: [...b.querySelectorAll('[data-n="total"]')].map((e) => Number(e.innerText.trim())),
    parts: [...b.querySelectorAll('[data-n="part"]')].map((e) => Number(e.innerText.trim())),
  })));
  for (const b of blocks) {
    check(b.visible, `${what}: a block of counts (${b.kind}) is hidden`);
    const sum = b.parts.reduce((a, n) => a + n, 0);
    check(b.total.length === 1 && b.total[0] === sum, `${what}: ${b.kind}: parts ${b.parts.join('+')} = ${sum}, shown total ${b.total}`);
  }
  return blocks.length;
}

const server = await serve(site, '/');
const browser = await launch();
try {
  // No page scrolls sideways at 320 px; the search box's placeholder fits at 375.
  for (const rel of all) {
    const page = await open(browser, server, rel, PHONES[0]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `${rel} at 320 px scrolls sideways by ${overflow}px`);
    await finish(page, `${rel} at 320 px`);
  }
  for (const viewport of [PHONES[1], DESKTOP]) {
    const page = await open(browser, server, types.home, viewport);
    const fits = await page.evaluate(() => {
      const input = document.querySelector('#q');
      const s = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      return { room, need: ctx.measureText(input.placeholder).width };
    });
    check(fits.need <= fits.room, `search placeholder at ${viewport.width} px needs ${Math.ceil(fits.need)}px, has ${fits.room}px`);
    await finish(page, `home at ${viewport.width} px`);
  }

  // Every page type: the counts shown add up, and a screenshot at 375 and 1280 px.
  for (const [name, rel] of Object.entries(types)) {
    check(rel && fs.existsSync(path.join(site, rel)), `no ${name} page in the site`);
    if (!rel) continue;
    for (const viewport of [PHONES[1], DESKTOP]) {
      const page = await open(browser, server, rel, viewport);
      await visibleSums(page, `${name} at ${viewport.width} px`);
      await page.screenshot({ path: path.join(shots, `${name}-${viewport.width}.png`), fullPage: true });
      await finish(page, `${name} at ${viewport.width} px`);
    }
  }

  // The plan page on a phone: the summary and the first task row within two screens, the
  // status first in each card; at every width the tags stay on one line.
  for (const viewport of [...PHONES, { width: 360, height: 740 }, DESKTOP]) {
    for (const rel of plans) {
      const page = await open(browser, server, rel, viewport);
      const what = `${rel} at ${viewport.width} px`;
      const at = await page.evaluate(() => {
        const bottom = (el) => el && el.getBoundingClientRect().bottom + window.scrollY;
        const row = document.querySelector('.row-task');
        const cells = row ? [...row.children].filter((c) => c.getClientRects().length) : [];
        cells.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
        return {
          screen: window.innerHeight,
          summary: bottom(document.querySelector('.plan-summary')),
          // The row's first line: its number (its status follows).
          row: row && (row.getBoundingClientRect().top + window.scrollY + 40),
          order: cells.map((c) => c.className),
          tags: [...document.querySelectorAll('.tag')].filter((t) => t.getClientRects().length)
            .filter((t) => t.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(t).fontSize) * 1.1)
            .map((t) => t.innerText),
        };
      });
      if (viewport.width > 320) check(at.summary && at.summary <= 2 * at.screen, `${what}: the summary ends at ${at.summary}px, past two screens (${2 * at.screen}px)`);
      // A 320 px screen (568 px tall) is for reflow: two of them hold less than the header,
      // the title and the summary of a long plan.
      if (viewport.width > 320 && viewport.width < 400)
        check(at.row && at.row <= 2 * at.screen, `${what}: the first task row starts past two screens (${at.row}px)`);
      if (viewport.width < 400) {
        check(at.order[0] === 'c-num' && at.order[1] === 'c-status', `${what}: a task card does not show its status first: ${at.order.join(', ')}`);
      }
      check(at.tags.length === 0, `${what}: tags wrap: ${at.tags.slice(0, 3).join(' | ')}`);
      await finish(page, what);
    }
  }

  // The commune page answers: its overdue count leads to the list of overdue tasks, the first
  // of which is one click away; its latest updates and contact are there.
  for (const viewport of [PHONES[1], DESKTOP]) {
    const page = await open(browser, server, types.commune, viewport);
    const what = `commune at ${viewport.width} px`;
    check(await page.locator('.progress-overdue a[href="#qua-han"]').count() === 1, `${what}: the overdue count is not a link to the overdue tasks`);
    check(await page.locator('.contact-box').count() === 1, `${what}: no contact box`);
    check(await page.locator('#cap-nhat-h').count() === 1, `${what}: no latest updates`);
    const first = page.locator('#qua-han a[href*="#nv-"]').first();
    check(await first.count() === 1, `${what}: no overdue task listed`);
    if (await first.count()) {
      await Promise.all([page.waitForLoadState('load'), first.click()]);
      await page.waitForFunction(() => !!document.querySelector(':target'), null, { timeout: 5000 }).catch(() => {});
      const target = await page.evaluate(() => {
        const t = document.querySelector(':target');
        return t ? { overdue: t.classList.contains('row-task--overdue'), visible: t.getClientRects().length > 0 } : null;
      });
      check(target && target.overdue && target.visible, `${what}: one click does not lead to an overdue task's row (${page.url()})`);
    }
    await finish(page, what);
  }

  // The search list, open, floats over the page and passes axe, on the home and a commune page.
  for (const [name, rel] of [['home', types.home], ['commune', types.commune]]) {
    for (const viewport of [PHONES[1], DESKTOP]) {
      const what = `${name} at ${viewport.width} px with the search list open`;
      const page = await open(browser, server, rel, viewport, { bypassCSP: true });
      const before = await page.evaluate(() => document.querySelector('main').getBoundingClientRect().top);
      await page.locator('#q').click();
      await page.locator('#q').pressSequentially('so hoa', { delay: 20 });
      try {
        await page.locator('.site-search-panel .search-result').first().waitFor({ state: 'visible', timeout: 10000 });
        const after = await page.evaluate(() => document.querySelector('main').getBoundingClientRect().top);
        check(before === after, `${what}: the list pushes the page down (${before} → ${after})`);
        await page.screenshot({ path: path.join(shots, `search-open-${name}-${viewport.width}.png`) });
        await axe(page, what);
      } catch (e) {
        check(false, `${what}: the list did not open (${e.message.split('\n')[0]})`);
      }
      await finish(page, what);
    }
  }

  // Each filter of the task table, with and without JavaScript: only its rows show, and axe
  // finds nothing.
  // Which rows each filter keeps: the overdue ones by their class, the others by their status.
  const filters = { 'loc-qua-han': 'overdue', 'loc-chua-xong': 'unfinished', 'loc-da-xong': 'done' };
  for (const javaScriptEnabled of [true, false]) {
    for (const viewport of [PHONES[1], DESKTOP]) {
      for (const [id, cls] of Object.entries(filters)) {
        const what = `${types.plan}#${id} at ${viewport.width} px${javaScriptEnabled ? '' : ' without JavaScript'}`;
        const page = await open(browser, server, `${types.plan}#${id}`, viewport, { bypassCSP: true, javaScriptEnabled });
        const rows = await page.$$eval('.row-task', (list, kind) => list.map((r) => ({
          shown: r.getClientRects().length > 0,
          match: kind === 'overdue' ? r.classList.contains('row-task--overdue')
            : kind === 'done' ? r.dataset.status === 'done' : !['done', 'cancelled'].includes(r.dataset.status),
        })), cls);
        check(rows.length > 0 && rows.every((r) => r.shown === r.match), `${what}: the rows shown are not those of the filter`);
        check(await page.locator(`.filter-note--${id.slice(4)}`).isVisible(), `${what}: the filter does not say it is applied`);
        if (javaScriptEnabled) await axe(page, what);
        await finish(page, what);
      }
    }
  }

  // The history link opens its panel.
  for (const viewport of [PHONES[1], DESKTOP]) {
    const page = await open(browser, server, types.plan, viewport);
    const link = page.locator('.history-link').first();
    check(await link.count() === 1, `plan at ${viewport.width} px: no history link`);
    if (await link.count()) {
      await link.click();
      await page.waitForTimeout(200);
      const opened = await page.evaluate(() => {
        const t = document.querySelector(':target');
        const d = t && t.closest('details');
        return !!(d && d.open && t.getBoundingClientRect().top < window.innerHeight && t.getBoundingClientRect().bottom > 0);
      });
      check(opened, `plan at ${viewport.width} px: the history link does not open its panel in view`);
    }
    await finish(page, `plan history at ${viewport.width} px`);
  }

  // On a phone each cell of a table's cards is labelled with its column's heading: in every
  // plan's task table (the portal's own headings or those the plan printed), its table by
  // part, and the units' tables.
  for (const rel of [...plans, types.province, types.district]) {
    const page = await open(browser, server, rel, PHONES[1]);
    const found = await page.evaluate(() => {
      const wrong = [];
      let labelled = 0;
      for (const table of document.querySelectorAll('table.tasks, table.progress-table')) {
        const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
        for (const tr of table.querySelectorAll('tbody tr:not(.row-section)')) {
          [...tr.children].forEach((cell, i) => {
            if (cell.tagName !== 'TD' || cell.classList.contains('c-status')) return;
            const content = getComputedStyle(cell, '::before').content;
            const label = content.startsWith('attr(') ? cell.getAttribute(content.slice(5, -1)) ?? ''
              : content.replace(/^"(.*)"$/, '$1');
            labelled += 1;
            if (label !== heads[i]) wrong.push(`${table.className} ${tr.id || 'row ' + tr.rowIndex}, column ${i + 1}: "${label}" under "${heads[i]}"`);
          });
        }
      }
      return { wrong, labelled };
    });
    check(found.labelled > 0, `${rel} at 375 px: no labelled cell in a table`);
    for (const w of found.wrong.slice(0, 5)) check(false, `${rel} at 375 px: the card's label is not its column's heading: ${w}`);
    await finish(page, `${rel} labels at 375 px`);
  }
} finally {
  await browser.close();
  await server.close();
}
done('citizen');
