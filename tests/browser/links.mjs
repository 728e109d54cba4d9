// Every internal link and anchor of the built site resolves, every link is relative, and
// nothing the pages load (scripts, styles, images) comes from outside the site.
// Usage: node tests/browser/links.mjs SITE_DIR
import fs from 'node:fs';
import path from 'node:path';
import { check, done, htmlFiles } from './lib.mjs';

const site = path.resolve(process.argv[2]);
const ids = new Map();
function idsOf(file) {
  if (!ids.has(file)) {
    const html = fs.readFileSync(file, 'utf8');
    ids.set(file, new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])));
  }
  return ids.get(file);
}
const decode = (s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

let links = 0;
for (const rel of htmlFiles(site)) {
  const file = path.join(site, rel);
  const html = fs.readFileSync(file, 'utf8');
  for (const m of html.matchAll(/<(a|link|script|img|source|iframe|form)\b[^>]*?\s(href|src|action)="([^"]*)"/g)) {
    const [, tag, attr, raw] = m;
    const target = decode(raw);
    links += 1;
    if (/^(https?:|mailto:|tel:)/.test(target)) {
      check(tag === 'a', `${rel}: <${tag} ${attr}> loads from outside the site: ${target}`);
      continue;
    }
    // 404.html is served at any depth: its links start at the site root (or base_url), and
    // they must lead to pages that exist there.
    if (rel === '404.html' && !target.startsWith('#')) {
      check(target.startsWith('/') && !target.startsWith('//'), `${rel}: link is not root-relative: ${target}`);
      const dest = path.join(site, target.split('#')[0].split('?')[0]);  // a host ignores the query
      check(fs.existsSync(dest) && fs.statSync(dest).isFile(), `${rel}: broken link ${target}`);
      continue;
    }
    check(!target.startsWith('/') && !/^[a-z]+:/i.test(target), `${rel}: link is not relative: ${target}`);
    const [pathPart, hash] = target.split('#');
    // A browser decodes %XX before it asks for the file (attachment names are percent-encoded).
    const dest = pathPart === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(pathPart.split('?')[0]));
    if (!dest.startsWith(site)) { check(false, `${rel}: link leaves the site: ${target}`); continue; }
    const exists = fs.existsSync(dest) && fs.statSync(dest).isFile();
    check(exists, `${rel}: broken link ${target}`);
    if (exists && hash && dest.endsWith('.html'))
      check(idsOf(dest).has(decodeURIComponent(hash)), `${rel}: missing anchor #${hash} in ${path.relative(site, dest)}`);
  }
}
check(links > 100, `only ${links} links found: is the site built?`);
console.log(`${links} links checked`);
done('links');
