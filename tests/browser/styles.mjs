// No page carries a style attribute or a <style> element: the Content-Security-Policy
// allows styles from the site's own stylesheet only ("style-src 'self'"), so progress bars
// are <progress> elements and charts inline SVG with attributes and classes.
// Usage: node tests/browser/styles.mjs SITE_DIR
import fs from 'node:fs';
import path from 'node:path';
import { check, done, htmlFiles } from './lib.mjs';

const site = path.resolve(process.argv[2]);
let pages = 0;
for (const rel of htmlFiles(site)) {
  const html = fs.readFileSync(path.join(site, rel), 'utf8');
  pages += 1;
  for (const m of html.matchAll(/<[a-zA-Z][^>]*?\sstyle\s*=/g))
    check(false, `${rel}: style attribute in ${m[0].slice(0, 80)}`);
  check(!/<style[\s>]/i.test(html), `${rel}: <style> element`);
}
check(pages > 10, `only ${pages} pages found: is the site built?`);
console.log(`${pages} pages checked for inline styles`);
done('styles');
