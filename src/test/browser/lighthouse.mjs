// Lighthouse (mobile, its default) over pages of a running site, for LighthouseTest
// (src/test/java/inkwell/browser) to judge. One Chromium for all pages, one Lighthouse run per page,
// one after the other. This script measures; it asserts nothing.
//
//   node src/test/browser/lighthouse.mjs --base-url http://127.0.0.1:PORT/ \
//     --page home=/ --page code=/2025/code-in-every-language/ --chromium /usr/bin/chromium \
//     --out target/lighthouse/lighthouse.json
//
// The report, per page: the four category scores (0 to 1) and every audit that counts in a
// category and scored below 1 (id, title, score, displayValue). Each page's full Lighthouse result
// is written next to the report as NAME.json.

import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS } from './chromium.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** The metrics the performance score is made of (ms, except the layout shift). */
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

function parseArgs(argv) {
  const options = { pages: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (name === 'page') {
      const eq = argv[i + 1].indexOf('=');
      options.pages.push({ name: argv[i + 1].slice(0, eq), path: argv[i + 1].slice(eq + 1) });
    } else {
      options[name] = argv[i + 1];
    }
  }
  for (const required of ['base-url', 'chromium', 'out']) {
    if (!options[required]) throw new Error(`--${required} is required`);
  }
  return options;
}

/**
 * The audits of a category that scored below 1: in performance those that weigh in the score (the
 * metrics), elsewhere every one (a failed audit of weight 0 still says what is wrong).
 */
function misses(lhr, category) {
  return lhr.categories[category].auditRefs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ ref, audit }) => audit.score !== null && audit.score < 1 && (ref.weight > 0 || category !== 'performance'))
    .map(({ audit }) => ({
      id: audit.id,
      title: audit.title,
      score: audit.score,
      displayValue: audit.displayValue ?? null,
      explanation: audit.explanation ?? null,
      items: (audit.details?.items ?? []).slice(0, 5).map((item) =>
        [item.description, item.sourceLocation?.url ?? item.url ?? item.source?.url]
          .filter((part) => typeof part === 'string')
          .join(' '),
      ),
    }));
}

const options = parseArgs(process.argv.slice(2));
const require = createRequire(import.meta.url);
const version = JSON.parse(readFileSync(require.resolve('lighthouse/package.json'), 'utf8')).version;
const started = Date.now();
const chrome = await chromeLauncher.launch({
  chromePath: options.chromium,
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});
const report = { lighthouse: version, pages: [] };
try {
  for (const { name, path } of options.pages) {
    const url = new URL(path, options['base-url']).toString();
    const pageStarted = Date.now();
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    const lhr = result.lhr;
    writeFileSync(join(dirname(options.out), `${name}.json`), result.report);
    report.chromium = lhr.environment.hostUserAgent;
    report.pages.push({
      name,
      path,
      finalUrl: lhr.finalDisplayedUrl,
      runtimeError: lhr.runtimeError?.message ?? null,
      runWarnings: lhr.runWarnings,
      formFactor: lhr.configSettings.formFactor,
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score])),
      metrics: Object.fromEntries(
        METRICS.map((m) => [m, Math.round(lhr.audits[m].numericValue * 1000) / 1000]),
      ),
      misses: Object.fromEntries(CATEGORIES.map((c) => [c, misses(lhr, c)])),
      ms: Date.now() - pageStarted,
    });
  }
} finally {
  await chrome.kill();
}
report.ms = Date.now() - started;
writeFileSync(options.out, JSON.stringify(report, null, 2));
