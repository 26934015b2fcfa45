// Browser smoke test of the Designer against a running server (dev/mock-server.mjs or the real host).
//   npm run build && npm run mock &   then   npm run e2e
// Env: DESIGNER_URL (default http://127.0.0.1:5180), DESIGNER_TOKEN (default dev), DESIGNER_WORKFLOW (default sync-jobs).
// The real end-to-end suite will be written against the host (possibly in C# with Microsoft.Playwright);
// this script documents the selectors and proves the main interactions work in Chromium.
import assert from 'node:assert/strict';
import { launch, signIn } from './browser.mjs';

const base = process.env.DESIGNER_URL ?? 'http://127.0.0.1:5180';
const token = process.env.DESIGNER_TOKEN ?? 'dev';
const workflowId = process.env.DESIGNER_WORKFLOW ?? 'sync-jobs';
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
const step = (name) => console.log(`• ${name}`);

try {
  step('sign in');
  await signIn(page, base, token);

  step('open the workflow; nodes render, unknown type kept');
  await page.goto(`${base}/workflows/${workflowId}`);
  const nodes = page.locator('[data-testid^="node-"]');
  await nodes.first().waitFor();
  const before = await nodes.count();

  step('drag an activity from the palette onto the canvas');
  await page.getByTestId('palette-item-Elsa.Delay').dragTo(page.getByTestId('canvas'), { targetPosition: { x: 200, y: 120 } });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="node-"]').length === n + 1, before);
  await page.getByTestId('dirty-indicator').waitFor();

  step('undo with Ctrl+Z, redo with Ctrl+Shift+Z');
  await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  assert.equal(await nodes.count(), before);
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await nodes.count(), before + 1);

  step('connect the new activity Done port to another activity');
  const added = nodes.last();
  const addedId = (await added.getAttribute('data-testid')).slice('node-'.length);
  const edgesBefore = await page.locator('.react-flow__edge').count();
  await page.getByTestId(`port-${addedId}-Done`).dragTo(page.locator(`.react-flow__node:not([data-id="${addedId}"]) .handle-in`).first());
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__edge').length === n + 1, edgesBefore);

  step('copy and paste with Ctrl+C / Ctrl+V');
  await added.click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  assert.equal(await nodes.count(), before + 2);
  await page.keyboard.press('Control+z');
  assert.equal(await nodes.count(), before + 1);

  step('delete the selected node with Delete');
  await added.click();
  await page.keyboard.press('Delete');
  assert.equal(await nodes.count(), before);

  step('C# input shows squiggles from /api/scripts/check');
  const decision = page.locator('[data-testid="node-dec1"]');
  if (await decision.count()) {
    await decision.click();
    const editor = page.getByTestId('input-condition').locator('.monaco-editor');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' && Variables.Missing');
    await page.locator('.squiggly-error').first().waitFor({ timeout: 5000 });
  }

  step('save with Ctrl+S');
  await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+s');
  await page.getByTestId('editor-message').filter({ hasText: 'Saved version' }).waitFor();

  step('publish lists problems; clicking one selects the activity');
  await page.getByTestId('publish-button').click();
  const problem = page.getByTestId('problem-0');
  await problem.waitFor();
  await problem.click();
  await page.getByTestId('properties-panel').waitFor();

  step('a stale save shows who saved and offers Reload');
  const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await other.goto(`${base}/workflows/${workflowId}`); // same tab session storage is not shared: sign in again
  await other.getByLabel('Token').fill(token);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await other.getByTestId('workflow-name').waitFor().catch(async () => { await other.goto(`${base}/workflows/${workflowId}`); });
  await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
  await page.getByTestId('workflow-description').fill('changed in tab 1');
  await page.keyboard.press('Control+s');
  await page.getByTestId('editor-message').filter({ hasText: 'Saved version' }).waitFor();
  await other.getByTestId('workflow-description').fill('changed in tab 2');
  await other.getByTestId('save-button').click();
  await other.getByTestId('conflict-banner').filter({ hasText: 'saved by' }).waitFor();
  await other.getByTestId('conflict-reload').click();
  assert.equal(await other.getByTestId('workflow-description').inputValue(), 'changed in tab 1');
  await other.close();

  assert.deepEqual(errors, []);
  console.log('smoke: OK');
} finally {
  await browser.close();
}
