// Functions that run inside the page under test (through Playwright's page.evaluate, which the
// page's Content-Security-Policy does not apply to). Each must be self-contained: Playwright sends
// its source text to the browser, so nothing outside the function body is visible to it.

/** Everything the checks need to know about the page as loaded, measured in the page itself. */
export function collectFacts() {
  const html = document.documentElement;

  function describe(el) {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim()) {
      name += '.' + el.className.trim().split(/\s+/).join('.');
    }
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
    return text ? name + ' "' + text.slice(0, 60) + '"' : name;
  }

  function parseColor(value) {
    const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(
      value
    );
    if (!m) return null;
    let alpha = m[4] === undefined ? 1 : parseFloat(m[4]);
    if (m[4] && m[4].endsWith('%')) alpha /= 100;
    return { r: +m[1], g: +m[2], b: +m[3], a: alpha };
  }

  function over(top, bottom) {
    const a = top.a + bottom.a * (1 - top.a);
    if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
    const mix = (t, b) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
    return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
  }

  // The colour an element's text is drawn on: its own background and its ancestors', composited,
  // down to the canvas. null when an ancestor has a background image (we cannot know the colour).
  function backgroundOf(el) {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage && style.backgroundImage !== 'none') return null;
      const color = parseColor(style.backgroundColor);
      if (color === null) return null;
      if (color.a > 0) layers.push(color);
      if (color.a >= 1) break;
    }
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    let result = dark ? { r: 18, g: 18, b: 18, a: 1 } : { r: 255, g: 255, b: 255, a: 1 };
    for (let i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
    return result;
  }

  function luminance(c) {
    const channel = (v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  }

  function ratio(fg, bg) {
    const a = luminance(fg) + 0.05;
    const b = luminance(bg) + 0.05;
    return Math.max(a, b) / Math.min(a, b);
  }

  const css = (c) => `rgb(${Math.round(c.r)}, ${Math.round(c.g)}, ${Math.round(c.b)})`;

  function rendered(el) {
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.display === 'none') return false;
    if (el.closest('details:not([open]) > :not(summary)')) return false;
    const rects = el.getClientRects();
    return rects.length > 0 && Array.from(rects).some((r) => r.width > 0 && r.height > 0);
  }

  // Colour contrast of every element that holds text of its own (paragraphs, list items, links,
  // table cells, code, dates...), against the background it is drawn on. WCAG 2.x AA: 4.5:1, or
  // 3:1 for large text (24 px, or 18.66 px bold).
  const contrast = { checked: 0, failures: [], unknown: [], bodyText: null, lowest: null };
  for (const el of document.body.querySelectorAll('*')) {
    const ownText = Array.from(el.childNodes).some(
      (n) => n.nodeType === 3 && n.textContent.trim() !== ''
    );
    if (!ownText || !rendered(el) || el.closest('svg')) continue;
    const style = getComputedStyle(el);
    const fg = parseColor(style.color);
    const bg = backgroundOf(el);
    if (fg === null || bg === null) {
      contrast.unknown.push(describe(el) + ' color ' + style.color);
      continue;
    }
    const text = bg && fg.a < 1 ? over(fg, bg) : fg;
    const r = ratio(text, bg);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
    const required = large ? 3 : 4.5;
    const entry = {
      element: describe(el),
      color: css(text),
      background: css(bg),
      ratio: Math.round(r * 100) / 100,
      required,
    };
    contrast.checked++;
    if (r < required) contrast.failures.push(entry);
    if (contrast.lowest === null || r < contrast.lowest.ratio) contrast.lowest = entry;
  }
  // "Body text": the longest paragraph (or list item, on a page of lists) in main, the text a
  // reader spends the most time on.
  const paragraphs = Array.from(document.querySelectorAll('main p, main li')).filter(rendered);
  const longest = paragraphs.sort((a, b) => b.textContent.length - a.textContent.length)[0];
  if (longest) {
    const fg = parseColor(getComputedStyle(longest).color);
    const bg = backgroundOf(longest);
    if (fg && bg) {
      contrast.bodyText = {
        element: describe(longest),
        color: css(fg),
        background: css(bg),
        ratio: Math.round(ratio(fg, bg) * 100) / 100,
      };
    }
  }
  const page = backgroundOf(document.body);

  // When the page scrolls sideways: the elements that stick out past its right edge, outermost
  // first, leaving out what sits inside a box that scrolls by itself (code blocks, tables).
  const width = html.clientWidth;
  const overflowing = [];
  if (html.scrollWidth > width) {
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.right <= width + 0.5 || !rendered(el)) continue;
      let contained = false;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') contained = true;
      }
      const parent = el.parentElement;
      const parentSticksOut = parent && parent.getBoundingClientRect().right > width + 0.5;
      if (!contained && !parentSticksOut) {
        overflowing.push(describe(el) + ' reaches ' + Math.round(rect.right) + ' px');
      }
      if (overflowing.length >= 5) break;
    }
  }

  // Anything in the document that could run a script if the browser let it.
  const dangerous = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    // The one form the site has: the search box in the site header, GET to /search.
    const siteSearch =
      tag === 'form' &&
      el.parentElement?.closest('header.site-header') !== null &&
      el.closest('main') === null &&
      el.getAttribute('action') === '/search' &&
      el.getAttribute('method') === 'get' &&
      document.querySelectorAll('form').length === 1;
    if (['script', 'iframe', 'object', 'embed', 'frame', 'base', 'form'].includes(tag) && !siteSearch) {
      dangerous.push('<' + tag + '> element');
    }
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) dangerous.push(tag + ' has ' + name + '="' + attr.value + '"');
      if (
        ['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href'].includes(name) &&
        /^\s*(javascript|vbscript|data):/i.test(attr.value)
      ) {
        dangerous.push(tag + ' has ' + name + '="' + attr.value + '"');
      }
      if (name === 'srcdoc') dangerous.push(tag + ' has srcdoc');
    }
    if (tag === 'meta' && (el.getAttribute('http-equiv') || '').toLowerCase() === 'refresh') {
      dangerous.push('<meta http-equiv="refresh">');
    }
  }

  const main = document.querySelector('main');
  const allLinks = Array.from(document.querySelectorAll('a[href]'));
  return {
    documentType: document.contentType,
    title: document.title,
    darkSchemeMatches: matchMedia('(prefers-color-scheme: dark)').matches,
    pageBackground: page ? css(page) : null,
    pageBackgroundLuminance: page ? Math.round(luminance(page) * 1000) / 1000 : null,
    lang: html.getAttribute('lang'),
    h1: Array.from(document.querySelectorAll('h1')).map((h) => h.textContent.trim()),
    mainTextLength: main ? main.innerText.trim().length : -1,
    scrollWidth: html.scrollWidth,
    clientWidth: html.clientWidth,
    overflowing,
    images: Array.from(document.querySelectorAll('main img')).map((img) => ({
      src: img.getAttribute('src'),
      alt: img.getAttribute('alt'),
    })),
    links: allLinks
      .map((a, index) => ({ index, href: a.getAttribute('href'), text: describe(a) }))
      .filter((link) => rendered(allLinks[link.index])),
    dangerous,
    contrast,
    codeBlocks: Array.from(document.querySelectorAll('main pre > code')).map((code) => ({
      className: code.className,
      text: code.innerText,
    })),
    header: Array.from(document.querySelectorAll('header .site-title, header .site-nav a')).map(
      (el) => {
        const rect = el.getBoundingClientRect();
        return {
          text: el.textContent.trim(),
          left: Math.round(rect.left * 10) / 10,
          top: Math.round(rect.top * 10) / 10,
          right: Math.round(rect.right * 10) / 10,
          bottom: Math.round(rect.bottom * 10) / 10,
          // More than one box: the label itself broke across lines.
          boxes: el.getClientRects().length,
        };
      }
    ),
    codeTokenColours: Array.from(
      new Set(
        Array.from(document.querySelectorAll('main pre > code span[class^="tok-"]')).map(
          (span) => getComputedStyle(span).color
        )
      )
    ),
  };
}

/**
 * Records, on every focus change, which element got focus and how its focus is drawn. Installed
 * before the Tab walk; {@link focusLog} reads the record back.
 */
export function installFocusRecorder() {
  function parseColor(value) {
    const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$/.exec(
      value
    );
    return m ? { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] } : null;
  }
  function luminance(c) {
    const channel = (v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  }
  function pageBackground() {
    for (const el of [document.body, document.documentElement]) {
      const c = parseColor(getComputedStyle(el).backgroundColor);
      if (c && c.a >= 1) return c;
    }
    return matchMedia('(prefers-color-scheme: dark)').matches
      ? { r: 18, g: 18, b: 18, a: 1 }
      : { r: 255, g: 255, b: 255, a: 1 };
  }
  const links = Array.from(document.querySelectorAll('a[href]'));
  const log = [];
  const recorder = { log, listener: null };
  recorder.listener = () => {
    const el = document.activeElement;
    if (!el || el === document.body) return;
    const style = getComputedStyle(el);
    const outlineWidth = parseFloat(style.outlineWidth) || 0;
    const ring = parseColor(style.outlineColor);
    let ringContrast = null;
    if (ring && style.outlineStyle !== 'none' && outlineWidth > 0) {
      const a = luminance(ring) + 0.05;
      const b = luminance(pageBackground()) + 0.05;
      ringContrast = Math.round((Math.max(a, b) / Math.min(a, b)) * 100) / 100;
    }
    const rect = el.getBoundingClientRect();
    log.push({
      linkIndex: links.indexOf(el),
      tag: el.tagName.toLowerCase(),
      href: el.getAttribute('href'),
      text: (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60),
      focusVisible: el.matches(':focus-visible'),
      outline: style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor,
      outlineShown: style.outlineStyle !== 'none' && outlineWidth > 0,
      boxShadow: style.boxShadow,
      ringContrast,
      onScreen:
        rect.bottom > 0 &&
        rect.right > 0 &&
        rect.top < innerHeight &&
        rect.left < document.documentElement.clientWidth,
    });
  };
  document.addEventListener('focusin', recorder.listener);
  window.__inkwellFocusRecorder = recorder;
}

/** The focus record since {@link installFocusRecorder}, which it removes. */
export function focusLog() {
  const recorder = window.__inkwellFocusRecorder;
  document.removeEventListener('focusin', recorder.listener);
  delete window.__inkwellFocusRecorder;
  return recorder.log;
}

/**
 * How many Tab presses take focus once round the page, at most: links, controls, and the boxes that
 * scroll by themselves (Chromium lets the keyboard focus those), plus a few to spare.
 */
export function tabStopsUpperBound() {
  const controls = document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'
  ).length;
  let scrollers = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const overflow = getComputedStyle(el).overflowX;
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth) {
      scrollers++;
    }
  }
  return controls + scrollers + 3;
}

/**
 * For the detector self-test only: plants one instance of every problem the checks look for, so
 * that a check that can no longer see its problem fails instead of passing quietly.
 */
export function plantProblems() {
  const main = document.querySelector('main');
  // An inline script: the Content-Security-Policy must refuse it (a violation is reported); if it
  // ran anyway, the marker is set.
  const script = document.createElement('script');
  script.textContent = 'window.__pwned = "canary";';
  document.body.append(script);
  // A request to another host.
  const img = document.createElement('img');
  img.src = 'https://foreign.invalid/canary.png';
  img.alt = 'canary';
  main.append(img);
  // Sideways scrolling.
  const wide = document.createElement('div');
  wide.textContent = 'wide';
  wide.style.width = '3000px';
  main.append(wide);
  // Low contrast text: #aaaaaa on the page background.
  const faint = document.createElement('p');
  faint.textContent = 'Faint text';
  faint.style.color = 'rgb(170, 170, 170)';
  faint.style.backgroundColor = 'rgb(255, 255, 255)';
  main.prepend(faint);
  // A link whose focus cannot be seen, first in the tab order.
  const hidden = document.createElement('a');
  hidden.href = '#canary';
  hidden.textContent = 'Invisible focus';
  hidden.style.outline = 'none';
  hidden.className = 'canary-no-focus';
  document.body.prepend(hidden);
  // A second h1 and an error in the console.
  const h1 = document.createElement('h1');
  h1.textContent = 'A second heading';
  main.append(h1);
  console.error('canary console error');
  // A form field with no label, for axe-core.
  const field = document.createElement('input');
  field.type = 'text';
  main.append(field);
  // The marker itself, set from outside the page's own scripts: the check must see it.
  window.__pwned = 'planted';
}
