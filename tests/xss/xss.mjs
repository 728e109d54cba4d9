// Hostile content never runs script in a reader's browser.
//
// Writes a content folder in which every field holds injection payloads (hostile_content.mjs),
// builds it with the real congkhai, and opens every page in headless Chromium, served at the
// root and from file:// (without --allow-file-access-from-files), typing payloads into the
// search box and giving them to the search page as ?q=. No payload may run (window.__pwned
// stays undefined, no dialog opens), no Content-Security-Policy violation may fire, and the
// DOM may hold no script, event handler, frame or script address that the theme did not put
// there. The values the validator refuses must be refused with a clear message.
//
// Usage: node tests/xss/xss.mjs CONGKHAI WORK_DIR [--no-browser]
// --no-browser stops after the build: the C++ side alone, as the sanitizer run needs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { check, done, guardedPage, htmlFiles, launch, serve } from '../browser/lib.mjs';
import { refused, writeHostile, writeRefused } from './hostile_content.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const themeAssets = path.resolve(here, '../../themes/default/assets');
const bin = path.resolve(process.argv[2]);
const work = path.resolve(process.argv[3]);
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const content = path.join(work, 'content');
const site = path.join(work, 'public');
const env = { ...process.env, SOURCE_DATE_EPOCH: '1735689600', LC_ALL: 'C.UTF-8', TZ: 'UTC' };
delete env.GITHUB_ACTIONS;

// ---- the search code inserts text, never HTML ------------------------------------------------

for (const name of ['search.js', 'search-core.js', 'search-words.js']) {
  const code = fs.readFileSync(path.join(themeAssets, name), 'utf8');
  for (const [pattern, what] of [
    [/\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|createContextualFragment|DOMParser/, 'builds HTML'],
    [/document\.write|\beval\s*\(|new\s+Function\b|set(Timeout|Interval)\s*\(\s*['"`]/, 'runs strings as code'],
    [/\.setAttribute\(\s*['"]on|\.src\s*=(?!\s*ROOT\b)/, 'sets a handler or a script address from data'],
  ]) {
    check(!pattern.test(code), `themes/default/assets/${name} ${what}: ${code.match(pattern)?.[0]}`);
  }
}

// ---- refused values --------------------------------------------------------------------------

writeHostile(content);
writeRefused(path.join(work, 'refused'), content);
{
  const r = spawnSync(bin, ['check', '--content', 'refused'], { cwd: work, env, encoding: 'utf8' });
  const out = r.stdout + r.stderr;
  check(r.status === 1, `check of the refused values: exit code ${r.status}, expected 1\n${out}`);
  for (const want of refused) {
    check(out.split('\n').some((line) => want.message.test(line)),
      `${want.what} (${want.file}) is not refused with ${want.message}:\n${out}`);
  }
  const count = /Tìm thấy (\d+) lỗi/.exec(out);
  check(count && Number(count[1]) === refused.length,
    `check of the refused values: ${count ? count[1] : 'no'} problems, expected ${refused.length}\n${out}`);
}

// ---- the hostile site builds -----------------------------------------------------------------

{
  const r = spawnSync(bin, ['build', '--content', 'content', '--out', 'public'], { cwd: work, env, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`FAIL: the hostile content does not build (exit code ${r.status}):\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
}
const pages = htmlFiles(site);
check(pages.length >= 6, `only ${pages.length} pages in the hostile site`);

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'";
for (const rel of pages) {
  const html = fs.readFileSync(path.join(site, rel), 'utf8');
  // The policy must come before anything it governs: right after the charset.
  check(html.includes(`<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${CSP}">\n`),
    `${rel}: no Content-Security-Policy meta tag right after <meta charset>`);
  const scripts = html.match(/<script\b[^>]*>/g) || [];
  check(scripts.length === 1 && /^<script src="(\/|(\.\.\/)*)assets\/search\.js\?v=[0-9a-f]{10}" defer>$/.test(scripts[0]),
    `${rel}: unexpected script tags: ${scripts.join(' ')}`);
}

if (process.argv.includes('--no-browser')) {
  done('xss (no browser)');
  process.exit(0);
}

// ---- in the browser ---------------------------------------------------------------------------

function xmlFiles(dir, base = dir) {
  const out = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) out.push(...xmlFiles(full, base));
    else if (name.endsWith('.xml')) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

// What the DOM holds that no theme template put there: scripts other than the theme's, event
// handler attributes, frames and plugins, <base>, refresh, and addresses with a scheme that
// runs script or carries a document.
function inspectDom() {
  const found = [];
  const allowedScripts = /(^|\/)(assets\/(search|search-core|search-words|lunr\.min|pako_inflate\.min)\.js|tim-kiem\/chi-muc(\/[a-z0-9-]+)*\.js|__congkhai\/reload\.js)$/;  // the last in serve mode only
  for (const s of document.querySelectorAll('script')) {
    const src = s.getAttribute('src');
    if (!src) found.push(`inline <script>: ${s.textContent.slice(0, 80)}`);
    else if (!allowedScripts.test(new URL(src, location.href).pathname)) found.push(`<script src="${src}">`);
  }
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) found.push(`<${e.localName} ${name}="${a.value.slice(0, 60)}">`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc'].includes(name)) {
        const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (name === 'srcdoc' || /^(javascript|vbscript|data|file|blob):/.test(v)) {
          found.push(`<${e.localName} ${name}="${a.value.slice(0, 60)}">`);
        }
      }
    }
  }
  // (The theme may draw inline SVG and images: scripts, handlers and addresses in them are
  // checked above, and a request they make outside the site fails the page.)
  for (const sel of ['iframe', 'frame', 'object', 'embed', 'base', 'meta[http-equiv="refresh" i]', 'foreignObject',
    'math', 'textarea', 'style', 'link[rel="import"]', 'form:not(.site-search)']) {
    for (const e of document.querySelectorAll(sel)) found.push(`<${e.localName}> from ${sel}: ${e.outerHTML.slice(0, 80)}`);
  }
  return { found, pwned: window.__pwned, title: document.title, text: document.body.innerText };
}

async function visit(page, url, mode) {
  await page.goto(url);
  await page.waitForTimeout(150);
  const r = await page.evaluate(inspectDom);
  const where = `${mode} ${url.replace(/.*?\/(public\/|\d+\/)/, '')}`;
  check(r.pwned === undefined, `${where}: a payload ran: window.__pwned = ${r.pwned}`);
  for (const f of r.found) check(false, `${where}: ${f}`);
  // Text stays text: the site title's payload is shown as typed, and {{…}} is not expanded.
  check(r.text.includes("site.title: xssprobe <script>window.__pwned='site.title'</script>"),
    `${where}: the site title's payload is not shown as text`);
  check(r.text.includes('{{xss_probe}} {{{content}}}'), `${where}: {{mustache}} in content was not kept as text`);
  check(r.title.includes('<script>') || url.endsWith('404.html'), `${where}: <title> lost the payload text: ${r.title}`);
  return r;
}

async function search(page, base, mode) {
  // The search box of the home page: type payloads, look at the results.
  await page.goto(base + 'index.html');
  const box = page.locator('#q').first();
  await box.click();
  await box.pressSequentially('xssprobe', { delay: 10 });
  const hits = page.locator('a.search-result-title');
  try {
    await hits.first().waitFor({ state: 'visible', timeout: 5000 });
  } catch (e) {
    check(false, `${mode}: no search result for "xssprobe"`);
  }
  const shown = await hits.allInnerTexts();
  check(shown.some((t) => t.includes('<script>window.__pwned=')), `${mode}: search results do not show payloads as text: ${shown.slice(0, 3)}`);
  for (const q of ["<script>window.__pwned='typed'</script>", '<img src=x onerror=alert(1)>', '＜script＞alert',
    'javascript:alert(1)', '{{xss_probe}}', '\u202Egnp.exe', "plan.title: xssprobe <svg onload=alert('typed')>"]) {
    await box.fill(q);
    await page.waitForTimeout(400);
    const r = await page.evaluate(inspectDom);
    check(r.pwned === undefined, `${mode}: typing ${q} ran a payload: ${r.pwned}`);
    for (const f of r.found) check(false, `${mode} search box "${q}": ${f}`);
  }
  // Enter submits the form to the search page (form-action 'self', from file:// too).
  await box.fill("xssprobe <script>window.__pwned='submitted'</script>");
  await Promise.all([page.waitForURL(/tim-kiem\/index\.html\?q=/, { timeout: 10000 }).catch(() => {}), box.press('Enter')]);
  check(/tim-kiem\/index\.html\?q=xssprobe/.test(page.url()), `${mode}: submitting the search form did not open the search page: ${page.url()}`);
  await page.waitForTimeout(700);
  check(await page.locator('a.search-result-title').count() > 0, `${mode}: the submitted search found nothing`);
  // The search page, with payloads in ?q= and ?khu-vuc=.
  for (const [q, area] of [["<script>window.__pwned='q'</script>", null], ['xssprobe', null],
    ['"><img src=x onerror=alert(1)>', '"><svg onload=alert(1)>'], ['xssprobe task1', 'img-src-x-onerror-alert-1']]) {
    let url = base + 'tim-kiem/index.html?q=' + encodeURIComponent(q);
    if (area !== null) url += '&khu-vuc=' + encodeURIComponent(area);
    await page.goto(url);
    await page.waitForTimeout(700);
    const r = await page.evaluate(inspectDom);
    check(r.pwned === undefined, `${mode}: search page ?q=${q} ran a payload: ${r.pwned}`);
    for (const f of r.found) check(false, `${mode} search page ?q=${q}: ${f}`);
    const value = await page.locator('#q').first().inputValue();
    check(value === q, `${mode}: search page box holds ${JSON.stringify(value)}, not ${JSON.stringify(q)}`);
    if (q.startsWith('xssprobe')) {
      check(await page.locator('a.search-result-title').count() > 0, `${mode}: search page ?q=${q} found nothing`);
    }
  }
}

function report(page, mode) {
  const style = page.cspViolations.filter((v) => /^style-src/.test(v.directive) && v.blocked === 'inline');
  if (style.length) {
    const where = [...new Set(style.map((v) => v.element))].join(', ');
    check(false, `${mode}: ${style.length} inline style(s) blocked by the CSP (style="…" attributes in the ` +
      `templates, on ${where}): the theme must put its styles in style.css`);
  }
  for (const p of page.problems) {
    if (/Applying inline style violates/.test(p)) continue;  // counted above
    if (/^CSP violation \(style-src[^)]*\) .*blocked inline/.test(p)) continue;
    check(false, `${mode}: ${p}`);
  }
}

// `congkhai serve` adds its live-reload script to every page: under the policy it must still
// load (an external file, not inline), listen, and reload the tab when a file is saved.
async function serveMode(browser) {
  const { spawn } = await import('node:child_process');
  const server = spawn(bin, ['serve', '--content', 'content', '--port', '0'], { cwd: work, env });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`congkhai serve printed no address: ${out}`)), 20000);
      server.stdout.on('data', (d) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) { clearTimeout(timer); resolve(m[0]); }
      });
      server.on('exit', (code) => reject(new Error(`congkhai serve exited with ${code}: ${out}`)));
    });
    const page = await guardedPage(browser, url);
    const reloadScript = page.waitForResponse((r) => r.url().endsWith('/__congkhai/reload.js'), { timeout: 10000 });
    const events = page.waitForRequest((r) => r.url().endsWith('/__congkhai/events'), { timeout: 10000 });
    await page.goto(url + 'index.html');
    check((await reloadScript).status() === 200, 'serve: the reload script did not load');
    await events;
    await page.waitForTimeout(300);
    const reloaded = page.waitForEvent('load', { timeout: 15000 });
    const siteYaml = path.join(content, 'site.yaml');
    fs.writeFileSync(siteYaml, fs.readFileSync(siteYaml, 'utf8').replace('description: "', 'description: "reloaded '));
    try {
      await reloaded;
      check((await page.locator('body').innerText()).includes('reloaded site.description'), 'serve: the reloaded page does not show the change');
    } catch (e) {
      check(false, `serve: the page did not reload after a save (${e.message.split('\n')[0]})`);
    }
    const r = await page.evaluate(inspectDom);
    check(r.pwned === undefined, `serve: a payload ran: ${r.pwned}`);
    report(page, 'serve');
    await page.context().close();
  } catch (e) {
    check(false, `serve: ${e.message}`);
  } finally {
    server.kill('SIGTERM');
  }
}

const browser = await launch({ fileAccess: false });
try {
  const root = await serve(site, '/');
  const page = await guardedPage(browser, root.url);
  for (const rel of pages) await visit(page, root.url + rel.split(path.sep).join('/'), 'root');
  await search(page, root.url, 'root');
  // Feeds and sitemaps are served from the site's origin too, and a browser runs an XHTML
  // <script> found in any XML document: each must parse, with no element but its own
  // namespace's. (Parsed here rather than opened: Chromium would ask for /favicon.ico.)
  for (const rel of xmlFiles(site)) {
    const text = fs.readFileSync(path.join(site, rel), 'utf8');
    const r = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const ns = doc.documentElement.namespaceURI;
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        foreign: [...doc.getElementsByTagName('*')]
          .filter((e) => e.namespaceURI !== ns || [...e.attributes].some((a) => a.name.toLowerCase().startsWith('on')))
          .map((e) => e.outerHTML.slice(0, 80)),
      };
    }, text);
    check(!r.error, `root ${rel}: does not parse as XML`);
    for (const f of r.foreign) check(false, `root ${rel}: foreign element or handler: ${f}`);
  }
  report(page, 'root');
  await page.context().close();
  await root.close();

  const base = pathToFileURL(site).href + '/';
  const filePage = await guardedPage(browser, base);
  for (const rel of pages) {
    if (rel === '404.html') continue;  // its links are from the site root: for a web host only
    await visit(filePage, base + rel.split(path.sep).join('/'), 'file');
  }
  await search(filePage, base, 'file');
  report(filePage, 'file');
  await filePage.context().close();

  await serveMode(browser);
} finally {
  await browser.close();
}
done('xss');
