// The preview's live reload in headless Chromium, for LiveReloadBrowserTest
// (src/test/java/inkwell/browser) to judge: opens a post of a running preview, scrolls down, then
// edits, breaks and fixes the post's file on disk, and records what the open page shows after
// each save, without ever calling reload itself. This script measures; it asserts nothing.
//
//   node src/test/browser/live-reload.mjs --base-url http://127.0.0.1:PORT/ --path /a-post/ \
//     --file /tmp/folder/a-post.md --edited edited.md --broken broken.md --chromium /usr/bin/chromium \
//     --out result.json
//
// --edited and --broken name files whose contents are written over --file in turn; then the
// original contents are written back.

import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.mjs';
import { readFileSync, writeFileSync } from 'node:fs';

const PATIENCE_MS = 10000;

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) {
    options[argv[i].replace(/^--/, '')] = argv[i + 1];
  }
  for (const required of ['base-url', 'path', 'file', 'edited', 'broken', 'chromium', 'out']) {
    if (!options[required]) throw new Error(`--${required} is required`);
  }
  return options;
}

/** What the open page shows now. */
async function look(page) {
  return page.evaluate(() => ({
    title: document.querySelector('main h1')?.textContent.trim() ?? null,
    text: document.body.innerText,
    scrollY: window.scrollY,
    loads: Number(sessionStorage.getItem('test-loads') ?? '0'),
  }));
}

/** Saves `contents` over the file, then waits until the page satisfies `done(arg)`. */
async function saveAndWatch(page, file, contents, done, arg = null) {
  const started = Date.now();
  writeFileSync(file, contents);
  try {
    await page.waitForFunction(done, arg, { timeout: PATIENCE_MS, polling: 50 });
  } catch (e) {
    // Recorded below as what the page shows after waiting; the test judges.
  }
  return { ms: Date.now() - started, ...(await look(page)) };
}

const options = parseArgs(process.argv.slice(2));
const original = readFileSync(options.file, 'utf8');
const edited = readFileSync(options.edited, 'utf8');
const broken = readFileSync(options.broken, 'utf8');
const browser = await chromium.launch({ executablePath: options.chromium, args: CHROMIUM_ARGS });
const result = { console: [], cspViolations: [], failedResponses: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 600 } });
  page.on('console', (m) => {
    if (m.type() === 'error') result.console.push(m.text());
  });
  page.on('pageerror', (e) => result.console.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) result.failedResponses.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  // Counts page loads (a reload is a load) and CSP violations, in every document the tab shows.
  await page.addInitScript(() => {
    sessionStorage.setItem('test-loads', String(Number(sessionStorage.getItem('test-loads') ?? '0') + 1));
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error('CSP violation: ' + (e.effectiveDirective || e.violatedDirective)));
  });
  const url = new URL(options.path, options['base-url']).toString();
  await page.goto(url, { waitUntil: 'load' });
  // Give the event stream a moment to open before the first save.
  await page.waitForTimeout(300);
  await page.evaluate(() => window.scrollTo(0, 400));
  result.before = await look(page);

  const editedTitle = /^title:\s*(.*)$/m.exec(edited)[1].trim();
  result.edited = await saveAndWatch(
    page, options.file, edited,
    (t) => document.querySelector('main h1')?.textContent.trim() === t && window.scrollY > 0,
    editedTitle,
  );
  result.edited.expectedTitle = editedTitle;
  result.broken = await saveAndWatch(page, options.file, broken, () =>
    /\.md:\d+:\d+/.test(document.body.innerText));
  result.fixed = await saveAndWatch(page, options.file, original, () =>
    !/\.md:\d+:\d+/.test(document.body.innerText));
} finally {
  writeFileSync(options.file, original);
  await browser.close();
}
result.cspViolations = result.console.filter((m) => m.startsWith('CSP violation'));
writeFileSync(options.out, JSON.stringify(result, null, 2));
