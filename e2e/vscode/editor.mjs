// What run.mjs does in the page and through the probe: find words on screen, hover them, and ask
// VS Code's own command API (through probe/probe.cjs) what the Sitrep extension gives it.
/* global document, NodeFilter, getComputedStyle -- used in functions that run in the page */
/** Resolves when `check` returns a truthy value; rejects with `what` after `ms`. */
export async function until(what, ms, check, everyMs = 250) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} (after ${ms / 1000} s)`);
    await new Promise((done) => setTimeout(done, everyMs));
  }
}

/** The centre of the first occurrence of `word` in the editor, found with a DOM Range. */
export async function wordCentre(page, word) {
  const box = await page.evaluate((w) => {
    const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
    const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Monaco renders spaces as non-breaking ones.
      const at = node.textContent.replace(/\u00a0/g, ' ').indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return null;
  }, word);
  if (!box) throw new Error(`"${word}" is not on screen in the editor`);
  return box;
}

/** Moves the mouse to empty editor space below the text and waits until no hover shows. */
export async function clearHover(page) {
  const editor = await page.locator('.editor-instance .monaco-editor').boundingBox();
  await page.mouse.move(editor.x + editor.width / 2, editor.y + editor.height - 40);
  await page.keyboard.press('Escape');
  await page.locator('.monaco-hover:not(.hidden) .hover-contents').first().waitFor({ state: 'hidden', timeout: 5_000 });
}

/**
 * Hovers `word` until a hover whose headline starts with `expected` shows, retrying while the
 * extension host starts; returns the hover's text.
 */
export async function hover(page, word, expected, ms) {
  const deadline = Date.now() + ms;
  for (let attempt = 1; ; attempt++) {
    await clearHover(page);
    const { x, y } = await wordCentre(page, word);
    await page.mouse.move(x - 30, y, { steps: 3 });
    await page.mouse.move(x, y, { steps: 3 });
    try {
      await page.waitForFunction(
        (headline) =>
          [...document.querySelectorAll('.monaco-hover:not(.hidden) .hover-contents')].some((e) =>
            e.innerText.trim().startsWith(headline),
          ),
        expected,
        { timeout: 5_000, polling: 200 },
      );
      return (await page.locator('.monaco-hover:not(.hidden) .hover-contents').allInnerTexts()).join('\n');
    } catch {
      if (Date.now() > deadline) {
        const last = (await page.locator('.monaco-hover:not(.hidden) .hover-contents').allInnerTexts()).join('\n');
        throw new Error(
          `no hover for ${expected} on "${word}" after ${attempt} tries; last hover: ${last || '(none)'}`,
        );
      }
    }
  }
}

/** Asks the probe extension (probe/probe.cjs) one question; its answer comes from VS Code's API. */
export async function probe(port, op, params = {}) {
  const response = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    body: JSON.stringify({ op, ...params }),
    signal: AbortSignal.timeout(30_000),
  });
  const answer = await response.json();
  if (!answer.ok) throw new Error(`probe ${op}: ${answer.error}`);
  return answer.value;
}

/** `{ $position: [line, character] }` of `word` in `text` (its `delta`-th character). */
export function positionOf(text, word, delta = 1) {
  const at = text.indexOf(word);
  if (at < 0) throw new Error(`"${word}" is not in the document`);
  const before = text.slice(0, at).split('\n');
  return { $position: [before.length - 1, before.at(-1).length + delta] };
}

/** Semantic tokens as VS Code hands them over (5 numbers each, relative) decoded to words and types. */
export function decodeTokens(data, legend, text) {
  const lines = text.split('\n');
  const tokens = [];
  for (let i = 0, line = 0, character = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] ? data[i + 1] : character + data[i + 1];
    const length = data[i + 2];
    tokens.push({ text: lines[line].slice(character, character + length), type: legend.tokenTypes[data[i + 3]] });
  }
  return tokens;
}

/** The markdown text of VS Code's hovers at a position (empty when none). */
export const hoverText = (hovers) =>
  (hovers ?? []).flatMap((h) => h.contents.map((c) => c.value ?? String(c))).join('\n');

/** Whether `word` is drawn in another colour than `plain` in the editor (a semantic token's theme colour). */
export async function drawnApart(page, word, plain) {
  return page.evaluate(
    ([w, p]) => {
      const spans = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines span span')];
      const colour = (text) => {
        const span = spans.find((s) => s.textContent.replace(/\u00a0/g, ' ').includes(text));
        return span ? getComputedStyle(span).color : null;
      };
      const a = colour(w);
      const b = colour(p);
      return a !== null && b !== null && a !== b;
    },
    [word, plain],
  );
}

/** Opens `name` from the Explorer and waits until the editor shows `word` of its text. */
export async function openFromExplorer(page, name, word) {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click({ timeout: 30_000 });
  await page
    .locator('.editor-instance .monaco-editor .view-lines', { hasText: word })
    .first()
    .waitFor({ timeout: 30_000 });
}
