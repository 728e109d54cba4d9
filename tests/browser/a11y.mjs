// Accessibility: axe-core with the WCAG 2.1 A and AA rules on every page type, zero
// violations; the page works by keyboard: the first Tab reaches the skip link, and focus is
// visible. Usage: node tests/browser/a11y.mjs SITE_DIR
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { check, done, guardedPage, launch, serve } from './lib.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const site = path.resolve(process.argv[2]);

function firstMatch(dir, re) {
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) {
      const found = firstMatch(full, re);
      if (found) return found;
    } else if (re.test(path.relative(site, full))) return path.relative(site, full);
  }
  return null;
}

const pages = {
  home: 'index.html',
  province: 'ha-tinh/index.html',
  commune: 'ha-tinh/huong-son/son-lam/index.html',
  plan: firstMatch(site, /ke-hoach\/[^/]+\/index\.html$/),
  report: firstMatch(site, /bao-cao\/[^/]+\/index\.html$/),
  search: 'tim-kiem/index.html',
  updates: 'cap-nhat/index.html',
  openData: 'du-lieu/index.html',
  notFound: '404.html',
  about: 'gioi-thieu/index.html',
};

const server = await serve(site, '/');
const browser = await launch();
try {
  for (const [name, rel] of Object.entries(pages)) {
    check(rel && fs.existsSync(path.join(site, rel)), `no ${name} page in the site`);
    if (!rel) continue;
    for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
      // axe is injected as a script; the pages' CSP forbids that, so only this context bypasses it.
      const page = await guardedPage(browser, server.url, viewport, { bypassCSP: true });
      await page.goto(server.url + rel);
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(async () => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }));
      for (const v of result.violations)
        check(false, `${name} (${viewport.width}px): ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      if (viewport.width === 1280) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement;
          const s = getComputedStyle(el);
          return { tag: el.tagName, href: el.getAttribute('href') || '', outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
        });
        check(focus.tag === 'A' && focus.href.startsWith('#'), `${name}: first Tab does not reach a skip link (${focus.tag} ${focus.href})`);
        check((focus.outline !== 'none' && focus.width !== '0px') || focus.shadow !== 'none', `${name}: focus is not visible`);
      }
      for (const p of page.problems) check(false, `${name}: ${p}`);
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
done('a11y');
