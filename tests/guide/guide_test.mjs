// Runs every example of docs/huong-dan.md, in order, on a copy of tests/fixtures/small-site,
// so that the officials' guide can never drift from what the tool does and prints:
//
//   ```yaml title="content/…/2025.md"          a file as the guide shows it: written, then
//                                              `congkhai check` must pass;
//   ```yaml title="content/…" broken           a file with a mistake: written for the next
//                                              console block only, then put back as it was;
//   ```console                                 "$ congkhai …" lines are run; the lines under
//                                              each are exactly what it must print; each must
//                                              succeed, or fail when the block says `fails`;
//   <!-- test: placeholder content/…/x.pdf --> a file the official copies in (a scan): the
//                                              test creates a stand-in.
//   <!-- test: document tests/fixtures/import/x.docx NAME -->
//                                              a document the official has (for `import`):
//                                              the fixture is copied to NAME in the work folder.
//
// `congkhai serve` is started on a free port, its greeting compared, a page fetched, and stopped.
// Any other block that shows a congkhai command is an error: every command shown is run.
// Usage: node guide_test.mjs CONGKHAI_BINARY SOURCE_DIR
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

if (process.argv.length < 4) {
  console.error('usage: node guide_test.mjs CONGKHAI_BINARY SOURCE_DIR');
  process.exit(2);
}
const [binary, source] = process.argv.slice(2, 4).map((p) => path.resolve(p));
const guidePath = path.join(source, 'docs', 'huong-dan.md');
const guide = fs.readFileSync(guidePath, 'utf8');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'congkhai-guide-'));
fs.cpSync(path.join(source, 'tests', 'fixtures', 'small-site', 'content'), path.join(work, 'content'), { recursive: true });

const env = { ...process.env, SOURCE_DATE_EPOCH: '1735689600', LC_ALL: 'C.UTF-8', TZ: 'UTC' };
delete env.GITHUB_ACTIONS;  // annotations would be added to every error output

let problems = 0;
const fail = (line, message) => {
  problems += 1;
  console.error(`docs/huong-dan.md:${line}: ${message}`);
};

// Fenced blocks and test comments, in document order.
function parse(text) {
  const items = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const comment = lines[i].match(/^<!-- test: placeholder (\S+) -->$/);
    if (comment) items.push({ kind: 'placeholder', path: comment[1], line: i + 1 });
    const document = lines[i].match(/^<!-- test: document (tests\/fixtures\/import\/[\w.-]+) ([\w.-]+) -->$/);
    if (document) items.push({ kind: 'document', from: document[1], name: document[2], line: i + 1 });
    const open = lines[i].match(/^(`{3,})(.*)$/);
    if (!open) continue;
    const fence = open[1];
    const info = open[2].trim();
    const body = [];
    let j = i + 1;
    while (j < lines.length && lines[j] !== fence) body.push(lines[j++]);
    if (j === lines.length) fail(i + 1, 'unclosed code block');
    items.push({ kind: 'block', info, lang: info.split(/\s+/)[0], body, line: i + 1 });
    i = j;
  }
  return items;
}

// The file path a block represents, inside the work folder's content/.
function targetOf(item) {
  const m = item.info.match(/title="([^"]+)"/);
  if (!m) return null;
  const rel = m[1];
  if (!rel.startsWith('content/') || rel.split('/').includes('..')) {
    fail(item.line, `"${rel}" is not a path inside content/`);
    return null;
  }
  return path.join(work, rel);
}

function run(command) {
  const r = spawnSync('bash', ['-c', command.replace(/^congkhai\b/, `'${binary}'`) + ' 2>&1'],
    { cwd: work, env, encoding: 'utf8' });
  return { code: r.status, output: r.stdout };
}

function check(line, after) {
  const r = run('congkhai check');
  if (r.code !== 0) fail(line, `congkhai check fails after ${after}:\n${r.output}`);
}

// `congkhai serve`: the greeting matches the guide's line (any port), a page is served, and
// Ctrl+C stops it with the guide's farewell.
async function serve(item, command, expected) {
  const child = spawn('bash', ['-c', `exec '${binary}' ${command.replace(/^congkhai\s+/, '')} --port 0`],
    { cwd: work, env });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => { out += d; });
  const greeting = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 30000);
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) { clearTimeout(timer); resolve(out.slice(0, nl)); }
    });
  });
  const want = expected[0] || '';
  const pattern = new RegExp('^' + want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(':8080/', ':(\\d+)/') + '$');
  const m = greeting && greeting.match(pattern);
  if (!m) {
    fail(item.line, `\`${command}\` printed ${JSON.stringify(greeting ?? out)}, the guide shows ${JSON.stringify(want)}`);
  } else {
    const page = await new Promise((resolve) => {
      http.get(`http://127.0.0.1:${m[1]}/`, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { body += d; });
        res.on('end', () => resolve({ status: res.statusCode, body }));
      }).on('error', (e) => resolve({ status: 0, body: String(e) }));
    });
    if (page.status !== 200 || !page.body.includes('<main')) fail(item.line, `the preview did not serve the home page: ${page.status}`);
  }
  out = '';
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  const code = await exited;
  const farewell = expected.slice(1).join('\n');
  if (code !== 0 || out.trim() !== farewell.trim()) {
    fail(item.line, `stopping \`${command}\`: exit ${code}, printed ${JSON.stringify(out)}, the guide shows ${JSON.stringify(farewell)}`);
  }
}

const items = parse(guide);
const pending = [];  // broken files in force until the next console block ends: [file, original or null]
const counts = { files: 0, broken: 0, commands: 0 };
for (const item of items) {
  if (item.kind === 'document') {
    fs.copyFileSync(path.join(source, item.from), path.join(work, item.name));
    continue;
  }
  if (item.kind === 'placeholder') {
    const file = targetOf({ info: `title="${item.path}"`, line: item.line });
    if (!file) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '%PDF-1.4\n% stand-in for the scan the guide tells officials to copy here\n');
    continue;
  }
  const file = targetOf(item);
  if (file) {
    const broken = /\bbroken\b/.test(item.info);
    if (broken) pending.push([file, fs.existsSync(file) ? fs.readFileSync(file) : null]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, item.body.join('\n') + '\n');
    if (broken) counts.broken += 1;
    else {
      counts.files += 1;
      check(item.line, `writing ${path.relative(work, file)}`);
    }
    continue;
  }
  if (item.lang === 'console') {
    const fails = /\bfails\b/.test(item.info);
    const steps = [];
    for (const line of item.body) {
      if (line.startsWith('$ ')) steps.push({ command: line.slice(2), expected: [] });
      else if (steps.length) steps[steps.length - 1].expected.push(line);
      else fail(item.line, `console block starts with output, not a "$ " command: ${line}`);
    }
    for (const step of steps) {
      counts.commands += 1;
      if (!/^congkhai\b/.test(step.command)) {
        fail(item.line, `only congkhai commands can be run: ${step.command}`);
        continue;
      }
      if (/^congkhai\s+serve\b/.test(step.command)) {
        await serve(item, step.command, step.expected);
        continue;
      }
      const r = run(step.command);
      const want = step.expected.join('\n').trimEnd();
      const got = r.output.trimEnd();
      if (got !== want) {
        fail(item.line, `\`${step.command}\` prints something else than the guide shows.\n--- guide\n${want}\n--- congkhai\n${got}\n---`);
      }
      if (fails ? r.code === 0 : r.code !== 0) {
        fail(item.line, `\`${step.command}\` exited with ${r.code}, the guide expects ${fails ? 'a failure' : 'success'}`);
      }
    }
    for (const [broken, original] of pending.splice(0)) {
      if (original === null) fs.rmSync(broken);
      else fs.writeFileSync(broken, original);
    }
    continue;
  }
  // Any other block: it must not show a command that is not run.
  for (const line of item.body) {
    if (/^\s*(\$\s+)?congkhai\s/.test(line)) fail(item.line, `command shown outside a console block, so never tested: ${line.trim()}`);
  }
}
if (pending.length) fail(items.length ? items[items.length - 1].line : 1, 'a broken example is not followed by a console block');

// The guide's content, all of it, is a site that builds.
check(guide.split('\n').length, 'the last example');
const built = run('congkhai build --out public');
if (built.code !== 0) fail(1, `the guide's content does not build:\n${built.output}`);

// An extractor that finds nothing would pass silently: the guide has this much to test.
if (counts.files < 4 || counts.broken < 8 || counts.commands < 15) {
  fail(1, `too few examples found (${JSON.stringify(counts)}): are the blocks marked as this test expects?`);
}
console.log(`${counts.files} files, ${counts.broken} broken files, ${counts.commands} commands checked; ${problems} problems`);
fs.rmSync(work, { recursive: true, force: true });
process.exit(problems ? 1 : 0);
