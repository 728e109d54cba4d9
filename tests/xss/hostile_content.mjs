// A content folder in which every text field of every content type holds script-injection
// payloads, and a second one holding the values the validator must refuse.
//
// Every payload, if it ever ran, would set window.__pwned or open a dialog; tests/xss/xss.mjs
// checks that none does. Each payload names its field, so a leak says where it came from.
import fs from 'node:fs';
import path from 'node:path';

// The text payloads for one field.
export function payload(field) {
  const tag = field.replace(/[^a-z0-9.]/gi, '_');
  return [
    `${field}: xssprobe`,
    `<script>window.__pwned='${tag}'</script>`,
    `<img src=x onerror="window.__pwned='${tag}'">`,
    `<svg onload="window.__pwned='${tag}'"><script>window.__pwned='${tag}'</script></svg>`,
    `"><img src=x onerror=alert('${tag}')> '><svg/onload=alert('${tag}')>`,
    `</title><script>alert('${tag}')</script>`,
    `</textarea><script>alert('${tag}')</script>`,
    `</style></script><iframe srcdoc="<script>parent.__pwned='${tag}'</script>"></iframe>`,
    `<a href="javascript:alert('${tag}')">a</a> <form action="javascript:alert(1)"><button>b</button></form>`,
    `<meta http-equiv="refresh" content="0;url=javascript:alert('${tag}')"> <base href="https://evil.example/">`,
    `<object data="data:text/html,<script>alert(1)</script>"></object> <embed src="javascript:alert(1)">`,
    `{{xss_probe}} {{{content}}} {{#site}}{{title}}{{/site}} {{> layout}} {{=<% %>=}}`,
    `\u202Egnp.exe\u202C \u200B\u200D\uFEFF ＜script＞alert('${tag}')＜/script＞`,
    `javascript:alert('${tag}') data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  ].join(' ');
}

// Markdown bodies and Markdown-valued fields: the text payloads plus links, images and raw
// HTML blocks.
export function markdownPayload(field) {
  const tag = field.replace(/[^a-z0-9.]/gi, '_');
  return [
    payload(field),
    '',
    `[js link](javascript:alert('${tag}')) [JS upper](JAVASCRIPT:alert(1)) [spaced]( javascript:alert(1))`,
    `[entity](&#106;avascript:alert(1)) [tab](java\tscript:alert(1)) [vb](vbscript:msgbox(1))`,
    `[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <javascript:alert('${tag}')>`,
    `![img js](javascript:alert('${tag}')) ![img data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
    `![svg](data:image/svg+xml,<svg onload=alert(1)>) [ok](https://example.org/?q="><script>alert(1)</script>)`,
    `[title attr](https://example.org "\\" onmouseover=\\"alert('${tag}')")`,
    '',
    '<div onclick="alert(1)">',
    '',
    `<script>window.__pwned='${tag}-block'</script>`,
    '',
    '</div>',
    '',
    `<svg><script>window.__pwned='${tag}-svg'</script></svg>`,
    '',
    '```html',
    `<script>window.__pwned='${tag}-code'</script>`,
    '```',
    '',
    `| <img src=x onerror=alert(1)> | ${tag} |`,
    '| --- | --- |',
    `| <script>alert('${tag}')</script> | [x](javascript:alert(1)) |`,
    '',
  ].join('\n');
}

// A minimal YAML writer: block style, every string double-quoted as JSON (which YAML reads
// the same way), so that no payload can change the document's structure.
export function yaml(value, indent = '') {
  if (Array.isArray(value)) {
    return value.map((v) => {
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const inner = yaml(v, indent + '  ');
        return `${indent}- ${inner.slice(indent.length + 2)}`;
      }
      return `${indent}- ${scalar(v)}\n`;
    }).join('');
  }
  return Object.entries(value).map(([k, v]) => {
    if (v !== null && typeof v === 'object') {
      if (Array.isArray(v) && v.length === 0) return `${indent}${k}: []\n`;
      return `${indent}${k}:\n${yaml(v, indent + '  ')}`;
    }
    return `${indent}${k}: ${scalar(v)}\n`;
  }).join('');
}
function scalar(v) {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Raw) return v.text;
  return JSON.stringify(String(v));
}
class Raw { constructor(text) { this.text = text; } }
const raw = (t) => new Raw(t);

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

// The folder of hostile content the generator must accept and publish safely.
// Returns the names of the files it wrote.
export function writeHostile(dir) {
  const P = payload;
  const M = markdownPayload;
  write(path.join(dir, 'site.yaml'), yaml({
    title: P('site.title'),
    description: P('site.description'),
    sample_data_notice: P('site.sample_data_notice'),
    licence: { name: P('site.licence.name'), url: 'https://example.org/licence?a="><script>alert(1)</script>' },
  }));
  // A unit folder whose name itself is a payload: it is slugged for the address, and its
  // `name` is shown.
  const province = path.join(dir, '<img src=x onerror=alert(1)>');
  write(path.join(province, 'unit.yaml'), yaml({
    name: P('unit.name'),
    level: 'tinh',
    contact: {
      address: P('unit.contact.address'),
      phone: P('unit.contact.phone') + ' 0239 3855 555',
      email: `x"><script>alert(1)</script>@example.org`,
      website: `https://example.org/?w="><script>alert('unit.contact.website')</script>`,
    },
    feedback: P('unit.feedback'),
  }));
  const commune = path.join(province, 'xa-thu');
  write(path.join(commune, 'unit.yaml'), yaml({
    name: P('commune.name'),
    level: 'xa',
    contact: { website: `https://example.org/"><script>alert('commune.website')</script>` },
    feedback: `https://example.org/feedback?"><script>alert('commune.feedback')</script>`,
  }));

  const task = (id, f) => ({
    id,
    number: P(`${f}.number`),
    task: M(`${f}.task`),
    lead: [P(`${f}.lead.1`), P(`${f}.lead.2`)],
    partners: P(`${f}.partners`),
    output: P(`${f}.output`),
    timeframe: `Tháng 3 năm 2024 ${P(`${f}.timeframe`)}`,
  });
  const plan = {
    number: P('plan.number'),
    title: P('plan.title'),
    year: 2024,
    date: '2024-03-03',
    place: P('plan.place'),
    issuer: P('plan.issuer'),
    signer: { name: P('plan.signer.name'), title: P('plan.signer.title'), capacity: [P('plan.signer.capacity.1'), P('plan.signer.capacity.2')] },
    legal_basis: [
      P('plan.legal_basis.text'),
      { text: P('plan.legal_basis.link'), url: `javascript:alert('plan.legal_basis.url')` },
      { text: P('plan.legal_basis.data'), url: 'data:text/html,<script>alert(1)</script>' },
      { text: P('plan.legal_basis.https'), url: 'https://example.org/"onmouseover="alert(1)' },
    ],
    implements: { text: P('plan.implements.text'), url: `JaVaScRiPt:alert('plan.implements.url')` },
    recipients: [P('plan.recipients.1'), P('plan.recipients.2')],
    budget: M('plan.budget'),
    appendix: { title: P('plan.appendix.title'), note: P('plan.appendix.note') },
    tasks: [
      {
        section: P('plan.section'),
        number: P('plan.section.number'),
        tasks: [
          task('nv-mot', 'task1'),
          task('nv-hai', 'task2'),
          { section: P('plan.subsection'), tasks: [task('nv-ba', 'task3')] },
        ],
      },
    ],
    targets: [
      { id: 'ct-mot', measure: P('target.measure'), comparison: 'at_least', value: 50, unit: P('target.unit'), task: 'nv-mot' },
      { id: 'ct-hai', measure: P('target2.measure'), comparison: 'at_most', value: 10, task: 'nv-hai' },
    ],
  };
  write(path.join(commune, 'plans', '2024.md'), `---\n${yaml(plan)}---\n\n${M('plan.body')}\n`);

  // Evidence and attachment files, one with markup in its name.
  const evilName = '"><img src=x onerror=alert(\'file.name\')>.pdf';
  write(path.join(commune, 'progress', 'files', evilName), '%PDF-1.4\n% not really\n');
  write(path.join(commune, 'progress', 'files', 'bang.csv'), 'a,b\n"<script>alert(1)</script>",=HYPERLINK("javascript:alert(1)")\n');
  write(path.join(commune, 'progress', '2024-q1.yaml'), yaml({
    plan: '2024',
    period: P('progress.period'),
    date: '2024-03-31',
    reported_by: P('progress.reported_by'),
    entries: [
      {
        task: 'nv-mot', status: 'in_progress', percent: 40,
        note: M('progress.note'),
        reported_by: P('progress.entry.reported_by'),
        evidence: [
          { title: P('evidence.url.title'), url: `https://example.org/e?x="><script>alert('evidence.url')</script>` },
          { title: P('evidence.file.title'), file: `files/${evilName}` },
          { title: P('evidence.csv.title'), file: 'files/bang.csv' },
        ],
      },
      { task: 'nv-hai', date: '2024-02-01', status: 'done', percent: 100, note: P('progress.note2') },
    ],
    measurements: [
      { target: 'ct-mot', value: 41.5, source: P('measurement.source') },
      { target: 'ct-hai', date: '2024-03-15', value: 4, source: M('measurement2.source') },
    ],
  }));

  write(path.join(commune, 'reports', 'attachments', 'bao-cao.pdf'), '%PDF-1.4\n% not really\n');
  write(path.join(commune, 'reports', 'attachments', evilName), '%PDF-1.4\n% not really\n');
  const report = {
    title: P('report.title'),
    date: '2024-04-05',
    period: '2024-Q1',
    number: P('report.number'),
    plan: '2024',
    tasks: ['nv-mot', 'nv-hai'],
    targets: ['ct-mot'],
    attachments: [
      { file: 'attachments/bao-cao.pdf', title: P('report.attachment.title') },
      { file: `attachments/${evilName}`, title: P('report.attachment2.title') },
    ],
  };
  write(path.join(commune, 'reports', 'bao-cao-quy-1.md'), `---\n${yaml(report)}---\n\n${M('report.body')}\n`);
}

// Values the validator must refuse, each with the message it must give: [file, field, yaml
// fragment, expected message]. The folder is the hostile one with these changes.
export const refused = [
  {
    what: 'javascript: evidence address',
    file: 'xa-thu/progress/2024-q2.yaml',
    text: yaml({ plan: '2024', date: '2024-06-30', entries: [{ task: 'nv-ba', status: 'in_progress', evidence: [{ title: 'x', url: "javascript:alert('evidence')" }] }] }),
    message: /2024-q2\.yaml:\d+:\d+: .*javascript:alert\('evidence'\).*https:\/\/ hoặc http:\/\//,
  },
  {
    what: 'data: evidence address',
    file: 'xa-thu/progress/2024-q3.yaml',
    text: yaml({ plan: '2024', date: '2024-09-30', entries: [{ task: 'nv-ba', status: 'in_progress', evidence: [{ title: 'x', url: 'data:text/html,<script>alert(1)</script>' }] }] }),
    message: /2024-q3\.yaml:\d+:\d+: .*data:text\/html.*https:\/\/ hoặc http:\/\//,
  },
  {
    what: 'javascript: licence address',
    file: 'site.yaml',
    edit: (text) => text.replace(/url: .*/, `url: "javascript:alert('licence')"`),
    message: /site\.yaml:\d+:\d+: .*licence.*https:\/\//,
  },
  {
    what: 'javascript: unit website',
    file: 'unit.yaml',
    edit: (text) => text.replace(/website: .*/, `website: "javascript:alert('unit.contact.website')"`),
    message: /unit\.yaml:\d+:\d+: địa chỉ trang web "javascript:alert\('unit\.contact\.website'\)" phải bắt đầu bằng https:\/\//,
  },
  {
    what: 'evidence file outside the content folder',
    file: 'xa-thu/progress/2024-q4.yaml',
    text: yaml({ plan: '2024', date: '2024-12-31', entries: [{ task: 'nv-ba', status: 'done', evidence: [{ title: 'x', file: '../../../../../../etc/passwd' }] }] }),
    message: /2024-q4\.yaml:\d+:\d+: /,
  },
  {
    what: 'SVG evidence file with script',
    file: 'xa-thu/progress/2025-q1.yaml',
    files: { 'xa-thu/progress/files/so-do.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"/>\n' },
    text: yaml({ plan: '2024', date: '2024-12-30', entries: [{ task: 'nv-ba', status: 'done', evidence: [{ title: 'x', file: 'files/so-do.svg' }] }] }),
    message: /2025-q1\.yaml:\d+:\d+: tệp "files\/so-do\.svg" không đăng được: .*chạy mã trong trình duyệt/,
  },
  {
    what: 'HTML report attachment',
    file: 'xa-thu/reports/bao-cao-html.md',
    files: { 'xa-thu/reports/trang.HTML': '<!DOCTYPE html><script>alert(document.domain)</script>\n' },
    text: `---\n${yaml({ title: 't', date: '2024-04-05', period: '2024-Q1', attachments: [{ file: 'trang.HTML', title: 'x' }] })}---\n`,
    message: /bao-cao-html\.md:\d+:\d+: tệp "trang\.HTML" không đăng được: /,
  },
  {
    // A line break to YAML but not to editors (and, in a script, a line terminator).
    what: 'U+2028 in a value',
    file: 'xa-thu/reports/bao-cao-dong.md',
    text: `---\n${yaml({ title: 't\u2028<script>alert(1)</script>', date: '2024-04-05', period: '2024-Q1' })}---\n`,
    message: /bao-cao-dong\.md:2:\d+: tệp có ký tự xuống dòng lạ \(U\+2028 LINE SEPARATOR\)/,
  },
  {
    what: 'task id with markup',
    file: 'xa-thu/plans/2025.md',
    text: `---\n${yaml({ number: '1/KH', title: 't', year: 2025, issuer: 'i', tasks: [{ id: '"><script>alert(1)</script>', task: 't' }] })}---\n`,
    message: /2025\.md:\d+:\d+: /,
  },
  {
    what: 'report file name with markup',
    file: 'xa-thu/reports/<script>alert(1)<%2Fscript>.md',
    text: `---\n${yaml({ title: 't', date: '2024-04-05', period: '2024-Q1' })}---\n`,
    message: /reports\/<script>alert\(1\)<%2Fscript>\.md:\d+:\d+: .*báo cáo/,
  },
];

export function writeRefused(dir, hostileDir) {
  fs.cpSync(hostileDir, dir, { recursive: true });
  const province = fs.readdirSync(dir).find((n) => n.startsWith('<img'));
  for (const r of refused) {
    const rel = r.file === 'site.yaml' ? r.file : path.join(province, r.file);
    const file = path.join(dir, rel);
    if (r.edit) write(file, r.edit(fs.readFileSync(file, 'utf8')));
    else write(file, r.text);
    for (const [name, text] of Object.entries(r.files || {})) write(path.join(dir, province, name), text);
  }
}

export { raw };
