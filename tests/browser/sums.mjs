// Every count adds up: on every page, each block of counts (marked data-sum) has parts that
// sum to its total, each task under exactly one status, and a subset (overdue) no larger than
// the tasks not done nor cancelled. On a plan page the counts also match its task table: as
// many rows of each status as the summary says, and as many overdue rows.
// Usage: node tests/browser/sums.mjs SITE_DIR
import fs from 'node:fs';
import path from 'node:path';
import { check, done, htmlFiles } from './lib.mjs';

const site = path.resolve(process.argv[2]);
const count = (html, re) => [...html.matchAll(re)].length;
let blocks = 0;
let planPages = 0;
for (const rel of htmlFiles(site)) {
  const html = fs.readFileSync(path.join(site, rel), 'utf8');
  // A block never nests an element of its own tag: its end is the first closing tag.
  for (const m of html.matchAll(/<(div|tr)\b[^>]*\sdata-sum="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g)) {
    const [, , kind, inner] = m;
    blocks += 1;
    const where = `${rel} [data-sum=${kind}] #${blocks}`;
    const numbers = [...inner.matchAll(/<[a-z]+\b[^>]*\sdata-n="(total|part|subset)"(?:\s+data-key="([^"]*)")?[^>]*>(\d+)</g)]
      .map(([, role, key, n]) => ({ role, key: key || '', n: Number(n) }));
    const totals = numbers.filter((x) => x.role === 'total');
    const parts = numbers.filter((x) => x.role === 'part');
    check(totals.length === 1, `${where}: ${totals.length} totals`);
    if (totals.length !== 1) continue;
    const total = totals[0].n;
    const sum = parts.reduce((a, x) => a + x.n, 0);
    check(parts.length > 0 || total === 0, `${where}: a total of ${total} with no parts`);
    check(sum === total, `${where}: parts ${parts.map((x) => `${x.key || '?'}=${x.n}`).join(' + ')} = ${sum}, not the total ${total}`);
    const keys = parts.map((x) => x.key).filter(Boolean);
    check(new Set(keys).size === keys.length, `${where}: a status counted twice: ${keys.join(', ')}`);
    const closed = parts.filter((x) => x.key === 'done' || x.key === 'cancelled').reduce((a, x) => a + x.n, 0);
    for (const s of numbers.filter((x) => x.role === 'subset'))
      check(s.n <= total - closed, `${where}: subset ${s.key} = ${s.n} is more than the ${total - closed} tasks not done nor cancelled`);
    if (kind === 'children-plans') {
      // One row per unit below; those without a plan of the year say so, and are the part.
      const rows = count(inner, /<li class="child-plan"/g);
      check(rows === total, `${where}: ${total} units below counted, ${rows} listed`);
      const notHere = count(inner, /<span class="not-here">chưa có trên cổng<\/span>/g);
      const said = parts.filter((x) => x.key === 'not-here').reduce((a, x) => a + x.n, 0);
      check(notHere === said, `${where}: ${said} said not here, ${notHere} listed as not here`);
    }
    if (kind === 'plan') {
      planPages += 1;
      const rows = count(html, /<tr\b[^>]*class="row-task\b/g);
      check(rows === total, `${where}: the summary counts ${total} tasks, the table has ${rows}`);
      for (const key of ['done', 'in-progress', 'not-started', 'postponed', 'cancelled', 'no-report']) {
        const said = parts.filter((x) => x.key === key).reduce((a, x) => a + x.n, 0);
        const shown = count(html, new RegExp(`<tr\\b[^>]*class="row-task\\b[^"]*"[^>]*data-status="${key}"`, 'g'));
        check(said === shown, `${where}: the summary says ${said} ${key}, the table shows ${shown}`);
      }
      const overdue = numbers.filter((x) => x.key === 'overdue').reduce((a, x) => a + x.n, 0);
      const late = count(html, /<tr\b[^>]*class="row-task row-task--overdue\b/g);
      check(overdue === late, `${where}: the summary says ${overdue} overdue, the table marks ${late}`);
    }
  }
  if (/\/ke-hoach\/[^/]+\/index\.html$/.test('/' + rel) && /<table class="tasks">/.test(html))
    check(/data-sum="plan"/.test(html), `${rel}: a plan page with tasks and no summary`);
  if (rel === 'index.html') check(/data-sum="tasks"/.test(html), 'the home page has no summary of tasks');
}
check(blocks > 5 && planPages > 0, `only ${blocks} blocks of counts (${planPages} plans) found: is the site built?`);
console.log(`${blocks} blocks of counts checked, ${planPages} of them plan summaries`);
done('sums');
