// Shared helpers for the browser tests: a loopback static server (at the root or under a
// sub-path), Debian's Chromium driven by playwright-core, and guards that fail a test on any
// console error or request leaving the site.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
};

// Serves `root` on 127.0.0.1 under `prefix` ("/" or "/portal/"); resolves to {url, close}.
export function serve(root, prefix = '/') {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(prefix)) { res.writeHead(404); res.end(); return; }
    rel = rel.slice(prefix.length);
    let file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root))) { res.writeHead(400); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'Content-Type': TYPES['.html'] });
      res.end(fs.readFileSync(path.join(root, '404.html')));
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// `fileAccess: false` leaves out --allow-file-access-from-files, as in a reader's browser.
export async function launch({ fileAccess = true } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...(fileAccess ? ['--allow-file-access-from-files'] : [])],
  });
}

// A page that records console errors, page errors, failed requests and any request whose
// URL does not start with `siteBase`.
export async function guardedPage(browser, siteBase, viewport = { width: 1280, height: 900 }, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => { page.problems.push(`dialog opened: ${d.message()}`); await d.dismiss(); });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(siteBase) && !u.startsWith('data:')) page.problems.push(`request outside the site: ${u}`);
  });
  // A load cut short by the test moving on to the next page is aborted, not failed.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') page.problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => { if (r.status() >= 400) page.problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  // Content-Security-Policy violations, with the directive and what was blocked.
  page.cspViolations = [];
  await page.exposeBinding('__congkhaiCspViolation', (source, v) => {
    page.cspViolations.push(v);
    page.problems.push(`CSP violation (${v.directive}) on ${v.page}: blocked ${v.blocked}` +
      `${v.sample ? ` "${v.sample}"` : ''}${v.element ? ` in <${v.element}>` : ''}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const t = e.target;
      window.__congkhaiCspViolation({
        directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI || 'inline',
        sample: e.sample || '', page: location.href, line: e.lineNumber,
        element: t && t.getAttribute ? `${t.localName}${t.getAttribute('class') ? '.' + t.getAttribute('class').split(' ')[0] : ''}` : '',
      });
    });
  });
  return page;
}

// All .html files under `dir`, relative, sorted.
export function htmlFiles(dir, base = dir) {
  const out = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) out.push(...htmlFiles(full, base));
    else if (name.endsWith('.html')) out.push(path.relative(base, full));
  }
  return out;
}

let failures = 0;
export function check(ok, message) {
  if (ok) return;
  failures += 1;
  console.error(`FAIL: ${message}`);
}
export function done(name) {
  if (failures) {
    console.error(`${name}: ${failures} failure(s)`);
    process.exit(1);
  }
  console.log(`${name}: ok`);
}
