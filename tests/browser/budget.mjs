// Page-weight budget: a page's HTML plus the CSS it links, gzip-compressed, stays under
// 60 KB (search index and lunr.js excluded: they load only on first search).
// Usage: node tests/browser/budget.mjs SITE_DIR
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { check, done, htmlFiles } from './lib.mjs';

const BUDGET = 60 * 1024;
const site = path.resolve(process.argv[2]);
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
let largest = { size: 0, page: '' };
for (const rel of htmlFiles(site)) {
  const file = path.join(site, rel);
  const html = fs.readFileSync(file);
  let size = gz(html);
  for (const m of html.toString().matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"?]*)/g))  // the file, without its version
    size += gz(fs.readFileSync(m[1].startsWith('/') ? path.join(site, m[1])  // 404.html
      : path.resolve(path.dirname(file), m[1])));
  check(size <= BUDGET, `${rel}: ${size} bytes compressed, over the ${BUDGET} byte budget`);
  if (size > largest.size) largest = { size, page: rel };
}
console.log(`largest page: ${largest.page}, ${largest.size} bytes gzip (HTML + CSS)`);
done('budget');
