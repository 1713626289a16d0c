// Opens pages of a running Inkwell preview in headless Chromium and writes down what it sees, as
// JSON, for BrowserChecksTest (src/test/java/inkwell/browser) to judge. This script measures; it
// asserts nothing.
//
//   node src/test/browser/site-checks.mjs --base-url http://127.0.0.1:PORT/ --out result.json \
//     --screenshots target/screenshots [--chromium /usr/bin/chromium] \
//     --page home=/ --page post=/2025/a-post/ ... --feed rss=/feed.xml ... [--canary /]
//
// Every --page is visited at each viewport (phone 375 px, desktop 1280 px) in each colour scheme
// (light, dark); every --feed once as served and, for XML feeds, once more rendered as XML;
// --canary visits a page after planting one of every problem the checks look for. axe-core runs in
// every page visit, last.
//
// Chromium is Debian's (/usr/bin/chromium), driven by playwright-core: the `playwright` package
// would try to download its own browser, which cannot work here.

import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.mjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  collectFacts,
  focusLog,
  installFocusRecorder,
  plantProblems,
  tabStopsUpperBound,
} from './page-facts.mjs';

const VIEWPORTS = [
  { name: 'phone', width: 375, height: 812, isMobile: true, hasTouch: true },
  { name: 'desktop', width: 1280, height: 800, isMobile: false, hasTouch: false },
];
const SCHEMES = ['light', 'dark'];

/**
 * axe-core, the engine of Lighthouse's accessibility audit, evaluated in each page after the other
 * checks (page.evaluate runs in the page without the Content-Security-Policy's script rules).
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Records a violation event in this document and every frame; Playwright adds it before load. */
const CSP_LISTENER = `
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__inkwellCspViolation(JSON.stringify({
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      source: e.sourceFile,
      sample: e.sample,
    }));
  });
`;

function parseArgs(argv) {
  const options = { pages: [], feeds: [], chromium: '/usr/bin/chromium', canary: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    const named = () => {
      const text = value();
      const at = text.indexOf('=');
      if (at <= 0) throw new Error(`${arg} takes NAME=PATH, not ${text}`);
      return { name: text.slice(0, at), path: text.slice(at + 1) };
    };
    switch (arg) {
      case '--base-url':
        options.baseUrl = value();
        break;
      case '--out':
        options.out = value();
        break;
      case '--screenshots':
        options.screenshots = value();
        break;
      case '--chromium':
        options.chromium = value();
        break;
      case '--page':
        options.pages.push(named());
        break;
      case '--feed':
        options.feeds.push(named());
        break;
      case '--canary':
        options.canary = value();
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  if (!options.baseUrl || !options.out || !options.screenshots) {
    throw new Error('--base-url, --out and --screenshots are required');
  }
  return options;
}

/**
 * One browser context per viewport and scheme: what the page may load, what it logs and what it
 * reports are recorded per visit, and any request to another host is refused and written down.
 */
async function openContext(browser, origin, viewport, scheme) {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    isMobile: viewport.isMobile,
    hasTouch: viewport.hasTouch,
    deviceScaleFactor: 1,
    colorScheme: scheme,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  const state = { visit: null };
  await context.exposeBinding('__inkwellCspViolation', ({ frame }, json) => {
    state.visit?.cspViolations.push({ ...JSON.parse(json), frame: frame.url() });
  });
  await context.addInitScript(CSP_LISTENER);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    state.visit?.foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => state.visit?.requests.push(request.url()));
  context.on('response', (response) => {
    if (response.status() >= 400) {
      state.visit?.failedResponses.push({ url: response.url(), status: response.status() });
    }
  });
  context.on('requestfailed', (request) => {
    state.visit?.failedRequests.push({ url: request.url(), error: request.failure()?.errorText });
  });
  context.on('websocket', (ws) => state.visit?.foreignRequests.push(ws.url()));
  const page = await context.newPage();
  page.on('console', (message) => {
    state.visit?.console.push({
      type: message.type(),
      text: message.text(),
      url: message.location()?.url ?? '',
    });
  });
  page.on('pageerror', (error) => state.visit?.pageErrors.push(String(error)));
  return { context, page, state };
}

function newVisit(kind, name, pagePath, viewport, scheme) {
  return {
    kind,
    page: name,
    path: pagePath,
    viewport: viewport.name,
    width: viewport.width,
    scheme,
    status: null,
    console: [],
    pageErrors: [],
    cspViolations: [],
    requests: [],
    foreignRequests: [],
    failedResponses: [],
    failedRequests: [],
    pwned: [],
    tabbed: [],
    facts: null,
    axe: null,
    screenshots: [],
    error: null,
  };
}

/** window.__pwned in the page and every frame in it: anything but undefined means a script ran. */
async function pwnedMarkers(page) {
  const found = [];
  for (const frame of page.frames()) {
    try {
      const value = await frame.evaluate(() =>
        typeof window.__pwned === 'undefined' ? null : String(window.__pwned)
      );
      if (value !== null) found.push({ frame: frame.url(), value });
    } catch (e) {
      // A frame that went away or that the page may not script is not a frame a payload ran in.
    }
  }
  return found;
}

/**
 * Lets late events (image errors, console messages) arrive before we look. The load event comes
 * after every image has loaded or failed, so their error handlers have had their chance.
 */
async function settle(page) {
  await page.waitForLoadState('load');
  await page.waitForTimeout(150);
}

/**
 * Runs axe-core's WCAG 2.x A and AA rules and its best practices in the page; returns each rule
 * violated, with the elements that violate it.
 */
async function runAxe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return {
      version: window.axe.version,
      passes: results.passes.length,
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target.join(' '),
          html: n.html.slice(0, 200),
          summary: (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300),
        })),
      })),
    };
  });
}

/**
 * Presses Tab enough times to take focus once round the page and records every element that got
 * focus, with how its focus is drawn.
 */
async function tabWalk(page) {
  await page.evaluate(installFocusRecorder);
  const presses = await page.evaluate(tabStopsUpperBound);
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
  }
  return page.evaluate(focusLog);
}

async function visitPage(open, origin, screenshots, spec, viewport, scheme, canary) {
  const { page, state } = open;
  const visit = newVisit(canary ? 'canary' : 'page', spec.name, spec.path, viewport, scheme);
  state.visit = visit;
  try {
    const response = await page.goto(new URL(spec.path, origin).href, { waitUntil: 'load' });
    visit.status = response ? response.status() : null;
    await settle(page);
    if (canary) {
      await page.evaluate(plantProblems);
      await settle(page);
    }
    visit.facts = await page.evaluate(collectFacts);
    const base = `${spec.name}-${viewport.width}-${scheme}`;
    const top = path.join(screenshots, `${base}-top.png`);
    const full = path.join(screenshots, `${base}.png`);
    await page.screenshot({ path: top });
    await page.screenshot({ path: full, fullPage: true });
    visit.screenshots.push(top, full);
    visit.tabbed = await tabWalk(page);
    await page.waitForTimeout(50);
    visit.pwned = await pwnedMarkers(page);
    visit.axe = await runAxe(page);
  } catch (e) {
    visit.error = String(e && e.stack ? e.stack : e);
  }
  state.visit = null;
  return visit;
}

/**
 * A feed opened in the browser as the site serves it (Chromium shows the text), then, for XML
 * feeds, the same bytes served as application/xml without the Content-Security-Policy header, so
 * that Chromium builds an XML document from them with nothing to stop a script: an unescaped XHTML
 * <script> in an entry would be a live element and would run. (With the policy in place Chromium's
 * own XML viewer trips it, by styling its tree with inline styles.) This checks the feeds' escaping
 * on its own, without the policy's help.
 */
async function visitFeed(open, origin, spec, asXml) {
  const { context, page, state } = open;
  const kind = asXml ? 'feed-as-xml' : 'feed';
  const visit = newVisit(kind, spec.name, spec.path, VIEWPORTS[1], 'light');
  state.visit = visit;
  const url = new URL(spec.path, origin).href;
  const handler = async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-type': 'application/xml; charset=utf-8' };
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  };
  try {
    if (asXml) await context.route(url, handler);
    const response = await page.goto(url, { waitUntil: 'load' });
    visit.status = response ? response.status() : null;
    await settle(page);
    visit.facts = {
      documentType: await page.evaluate(() => document.contentType),
      dangerous: await page.evaluate(() =>
        Array.from(document.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'script')).map(
          (s) => '<script> element: ' + s.textContent.slice(0, 80)
        )
      ),
    };
    visit.pwned = await pwnedMarkers(page);
  } catch (e) {
    visit.error = String(e && e.stack ? e.stack : e);
  } finally {
    if (asXml) await context.unroute(url, handler);
  }
  state.visit = null;
  return visit;
}

/**
 * For the detector self-test: a made-up feed with an XHTML <script> in it, shown the way the XML
 * feeds are in visitFeed. The script must run, or the XML view could not catch a feed that lets one
 * through.
 */
async function visitCanaryFeed(open, origin) {
  const spec = { name: 'canary-feed', path: '/canary-feed.xml' };
  const url = new URL(spec.path, origin).href;
  const body =
    '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>' +
    '<script xmlns="http://www.w3.org/1999/xhtml">window.__pwned = "xml-canary";</script></feed>';
  // Served directly as XML without a policy, as visitFeed's XML view serves the real feeds.
  const handler = (route) =>
    route.fulfill({ status: 200, contentType: 'application/xml; charset=utf-8', body });
  await open.context.route(url, handler);
  try {
    const visit = await visitFeed(open, origin, spec, false);
    visit.kind = 'canary-feed';
    return visit;
  } finally {
    await open.context.unroute(url, handler);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const origin = new URL(options.baseUrl).origin;
  mkdirSync(options.screenshots, { recursive: true });
  const started = Date.now();
  // launch() gives Chromium a new, empty --user-data-dir of its own and removes it on close.
  const browser = await chromium.launch({
    executablePath: options.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const result = {
    browser: browser.version(),
    playwright: createRequire(import.meta.url)('playwright-core/package.json').version,
    visits: [],
    durationMs: 0,
  };
  try {
    // The four viewport and scheme combinations run side by side, one browser context each.
    const combinations = VIEWPORTS.flatMap((viewport) =>
      SCHEMES.map((scheme) => ({ viewport, scheme }))
    );
    const visitsByCombination = await Promise.all(
      combinations.map(async ({ viewport, scheme }) => {
        const open = await openContext(browser, origin, viewport, scheme);
        const visits = [];
        for (const spec of options.pages) {
          visits.push(
            await visitPage(open, origin, options.screenshots, spec, viewport, scheme, false)
          );
          process.stderr.write(`visited ${spec.name} at ${viewport.width} px, ${scheme}\n`);
        }
        await open.context.close();
        return visits;
      })
    );
    result.visits.push(...visitsByCombination.flat());
    const open = await openContext(browser, origin, VIEWPORTS[1], 'light');
    for (const spec of options.feeds) {
      result.visits.push(await visitFeed(open, origin, spec, false));
      if (/\.xml$/.test(spec.path)) result.visits.push(await visitFeed(open, origin, spec, true));
      process.stderr.write(`visited feed ${spec.name}\n`);
    }
    await open.context.close();
    if (options.canary) {
      const canary = await openContext(browser, origin, VIEWPORTS[0], 'light');
      const spec = { name: 'canary', path: options.canary };
      result.visits.push(
        await visitPage(canary, origin, options.screenshots, spec, VIEWPORTS[0], 'light', true)
      );
      result.visits.push(await visitCanaryFeed(canary, origin));
      await canary.context.close();
    }
  } finally {
    await browser.close();
  }
  result.durationMs = Date.now() - started;
  writeFileSync(options.out, JSON.stringify(result, null, 2));
  process.stderr.write(`${result.visits.length} visits in ${result.durationMs} ms\n`);
}

main().catch((e) => {
  process.stderr.write(`site-checks: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
