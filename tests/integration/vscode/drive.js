// Drives code-server in headless Chromium (playwright-core, system chromium) with the assay
// extension installed: opens a file, waits for squiggles, checks the Problems panel lists the
// expected rules, shows the hover on the first finding, runs "assay: Copy Secure Prompt" and
// reads the clipboard, and takes a screenshot. Adapted from ../shared/integration/vscode/drive.js.
//
// node drive.js --url URL --file NAME --out DIR --rules a,b [--chromium PATH] [--timeout MS]
// Prints one JSON line with what it saw; exits 0 when every check passed.
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { chromium } = require('playwright-core');

function arg(name, dflt) {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? process.argv[i + 1] : dflt;
}
const url = arg('url');
const file = arg('file', 'app.py');
const outDir = arg('out', '.');
const exe = arg('chromium', '/usr/bin/chromium');
const timeout = Number(arg('timeout', '60000'));
const rules = arg('rules', '').split(',').filter(Boolean);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
const ms = () => Date.now() - t0;

async function until(what, fn, limit = timeout) {
  const deadline = Date.now() + limit;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await sleep(250);
  }
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill('>' + title);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
}

(async () => {
  const result = { url, file, rules, steps: {}, problems: [] };
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-assay-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: exe,
    headless: true,
    viewport: { width: 1400, height: 860 },
    permissions: ['clipboard-read', 'clipboard-write'],
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const check = (ok, what) => { if (!ok) result.problems.push(what); };
  let page;
  try {
    page = ctx.pages()[0] || (await ctx.newPage());
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
    await page.waitForSelector('.monaco-workbench', { timeout });
    await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout }).catch(() => {});
    result.steps.workbench_ms = ms();
    await sleep(1500);

    // Quick Open the file, like a user.
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }).catch(() => {});
    let opened = false;
    for (let attempt = 0; attempt < 5 && !opened; attempt++) {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      try { await input.waitFor({ state: 'visible', timeout: 5000 }); } catch { continue; }
      await input.fill(file);
      try {
        await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10000 });
      } catch { await page.keyboard.press('Escape'); continue; }
      await page.keyboard.press('Enter');
      try {
        await page.locator(`.tabs-container .tab[aria-label*="${file}"]`).first().waitFor({ timeout: 10000 });
        opened = true;
      } catch { await sleep(1000); }
    }
    if (!opened) throw new Error('could not open ' + file + ' via Quick Open');
    result.steps.file_open_ms = ms();

    const squiggle = '.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info';
    result.squiggles = await until('squiggles', async () => page.locator(squiggle).count());
    result.steps.squiggles_ms = ms();

    // Problems panel: every expected rule is listed, from source assay.
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').first().waitFor({ timeout: 10000 });
    const panelText = await until('the Problems panel to list the rules', async () => {
      const t = await page.locator('.markers-panel').first().innerText().catch(() => '');
      return rules.every((r) => t.includes(r)) ? t : null;
    }, 20000).catch(async () => page.locator('.markers-panel').first().innerText().catch(() => ''));
    result.problems_panel = panelText.split('\n').filter(Boolean).slice(0, 30);
    for (const r of rules) check(panelText.includes(r), `Problems panel does not list ${r}`);
    check(panelText.includes('assay'), 'Problems panel names no source "assay"');
    result.statusbar = await page.locator('.statusbar-item', { hasText: 'assay' }).first().innerText().catch(() => null);
    check(/assay \d+/.test(result.statusbar || ''), `status bar item "assay N" missing: ${result.statusbar}`);

    // Back to the editor, to the first finding (F8: next problem), then the hover.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('F8');
    await sleep(800);
    await page.keyboard.press('Escape');
    await sleep(300);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:visible').first();
    result.hover = await until('the hover', async () => {
      const t = await hover.innerText().catch(() => '');
      return t.includes('Secure prompt') ? t : null;
    }, 20000).catch(async () => hover.innerText().catch(() => ''));
    check(result.hover.includes('Secure prompt'), 'hover shows no secure prompt');
    result.hover_rule = rules.find((r) => result.hover.includes(r)) || null;
    check(result.hover_rule, 'hover names none of the expected rules');
    await page.screenshot({ path: path.join(outDir, 'vscode_assay.png') });
    result.screenshot = path.join(outDir, 'vscode_assay.png');
    await page.keyboard.press('Escape');

    // Copy Secure Prompt for the finding at the cursor; read the clipboard.
    await page.evaluate(() => navigator.clipboard.writeText('')).catch(() => {});
    await runCommand(page, 'assay: Copy Secure Prompt');
    result.clipboard = await until('the clipboard', async () => page.evaluate(() => navigator.clipboard.readText()).catch(() => ''), 15000).catch(() => '');
    result.notification = await page.locator('.notifications-toasts .notification-toast', { hasText: 'secure prompt' }).first().innerText({ timeout: 5000 }).catch(() => null);
    check(result.clipboard.length > 20, 'clipboard empty after Copy Secure Prompt');
    check(result.hover.replace(/\s+/g, ' ').includes(result.clipboard.replace(/\s+/g, ' ').slice(0, 60)), 'clipboard text is not the hover\'s secure prompt');

    // Show Rule Documentation: `assay explain` of the finding at the cursor, in a new editor.
    await page.keyboard.press('Escape');
    await runCommand(page, 'assay: Show Rule Documentation');
    result.rule_doc = await until('the rule documentation', async () => {
      const texts = await page.locator('.editor-instance .view-lines').allInnerTexts().catch(() => []);
      return texts.find((t) => t.includes(`(${result.hover_rule})`) && t.includes('severity:')) || null;
    }, 15000).catch(() => null);
    check(result.rule_doc, `Show Rule Documentation shows no "assay explain ${result.hover_rule}"`);

    // Scan Workspace: a file that is not open gets its findings in the Problems panel.
    const scanRule = arg('scan-rule', '');
    if (scanRule) {
      await runCommand(page, 'assay: Scan Workspace');
      result.scan_notification = await page.locator('.notifications-toasts .notification-toast', { hasText: /scanned \d+ files?/ })
        .first().innerText({ timeout: 20000 }).catch(() => null);
      await page.keyboard.press('Control+Shift+M');
      const scanned = await until('the scanned file in the Problems panel', async () => {
        const t = await page.locator('.markers-panel').first().innerText().catch(() => '');
        return t.includes(scanRule) ? t : null;
      }, 20000).catch(() => null);
      check(scanned && result.scan_notification, `Scan Workspace: ${scanRule} not in the Problems panel or no notification (${result.scan_notification})`);
    }

    // Restart Server: the open file's findings come back from the new server.
    await runCommand(page, 'assay: Restart Server');
    await sleep(1000);
    result.statusbar_after_restart = await until('the status bar after the restart', async () => {
      const t = await page.locator('.statusbar-item', { hasText: 'assay' }).first().innerText().catch(() => '');
      return /assay [1-9]/.test(t) ? t : null;
    }, 20000).catch(() => null);
    check(result.statusbar_after_restart, 'the findings of the open file did not come back after Restart Server');
    result.steps.done_ms = ms();
  } catch (e) {
    result.problems.push(String((e && e.stack) || e));
    if (page) await page.screenshot({ path: path.join(outDir, 'vscode_failure.png') }).catch(() => {});
  } finally {
    result.total_ms = ms();
    await ctx.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(JSON.stringify(result));
  process.exit(result.problems.length ? 1 : 0);
})();
