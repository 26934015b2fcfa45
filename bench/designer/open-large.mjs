// Measures how fast the Designer opens a 200-activity workflow and becomes interactive, in headless Debian Chromium
// against a running host, and how long the main thread blocks while one types C# with live diagnostics.
//   node bench/designer/open-large.mjs    (needs `npm ci` in Designer/ and a host: `rulesengine serve --demo`)
// Env: DESIGNER_URL (default http://127.0.0.1:5080), DESIGNER_TOKEN (required: an admin or tenant token),
//      DESIGNER_TENANT (default demo), RUNS (default 7), ACTIVITIES (default 200).
// "Interactive" = the 200 nodes are on the canvas AND a click on one of them shows its name in the properties panel.
import { launch } from '../../Designer/e2e/browser.mjs';

const base = process.env.DESIGNER_URL ?? 'http://127.0.0.1:5080';
const token = process.env.DESIGNER_TOKEN ?? '';
const tenant = process.env.DESIGNER_TENANT ?? 'demo';
const runs = Number(process.env.RUNS ?? 7);
const count = Number(process.env.ACTIVITIES ?? 200);
if (!token) throw new Error('set DESIGNER_TOKEN');

const api = async (method, path, body) => {
  const r = await fetch(`${base}/api/tenants/${tenant}/${path}`, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body),
  });
  if (!r.ok && r.status !== 404) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return r.status === 204 || r.status === 404 ? null : r.json();
};
const literal = (typeName, value) => ({ typeName, expression: { type: 'Literal', value } });
const csharp = (typeName, value) => ({ typeName, expression: { type: process.env.NO_CSHARP ? 'Literal' : 'CSharp', value } });

/** A chain of `count` activities: decisions every 10th step (both branches rejoin), C# in a third of the inputs, no positions. */
function largeWorkflow(id, withPositions) {
  const activities = [];
  const connections = [];
  for (let i = 0; i < count; i++) {
    const aid = `a${i}`;
    const position = withPositions ? { metadata: { designer: { position: { x: (i % 20) * 300, y: Math.floor(i / 20) * 160 } } } } : {};
    if (i % 10 === 9) activities.push({ id: aid, type: 'Elsa.FlowDecision', name: `Decide ${i}`, condition: csharp('Boolean', `Variables.Counter > ${i}`), ...position });
    else if (i % 3 === 0) activities.push({ id: aid, type: 'Elsa.SetVariable', name: `Set ${i}`, variable: literal('String', 'Counter'), value: csharp('Object', `Variables.Counter + ${i}`), ...position });
    else activities.push({ id: aid, type: 'Elsa.WriteLine', name: `Log ${i}`, text: literal('String', `step ${i}`), ...position });
    if (i > 0) {
      const prev = activities[i - 1];
      const ports = prev.type === 'Elsa.FlowDecision' ? ['True', 'False'] : ['Done'];
      for (const port of ports) connections.push({ source: { activity: prev.id, port }, target: { activity: aid, port: 'In' } });
    }
  }
  return { definitionId: id, name: `Large ${count}${withPositions ? ' (positions)' : ''}`, variables: [{ id: 'v1', name: 'Counter', typeName: 'Int32', value: 0 }],
    root: { id: 'flow', type: 'Elsa.Flowchart', activities, connections } };
}

/** The first activity (whose name starts with `prefix`) really under the pointer at its top, once the fit-to-view is over. */
async function visibleActivity(page, prefix) {
  return page.evaluate(async (prefix) => {
    // The canvas zooms to fit once the nodes are measured: wait until the viewport stops moving.
    const viewport = () => document.querySelector('.react-flow__viewport')?.getAttribute('style');
    for (let last = viewport(), i = 0; i < 60; i++) {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const now = viewport();
      if (now === last) break;
      last = now;
    }
    for (const el of document.querySelectorAll('[data-testid^="node-"]')) {
      const name = el.getAttribute('aria-label').replace(/ \(.*\)$/, '');
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + Math.min(12, r.height / 2);
      if (name.startsWith(prefix) && el.contains(document.elementFromPoint(x, y))) return { x, y, name };
    }
    return null;
  }, prefix);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await launch();
try {
  for (const withPositions of [false, true]) {
    const id = `bench-large-${count}${withPositions ? '-positions' : ''}`;
    await api('DELETE', `workflows/${id}`);
    await api('POST', 'workflows', largeWorkflow(id, withPositions));

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(base);
    await page.getByLabel('Token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('nav-workflows').waitFor();
    if (await page.getByTestId('tenant-switcher').count()) await page.getByTestId('tenant-switcher').selectOption(tenant).catch(() => {});

    const rendered = [];
    const interactive = [];
    const busy = [];
    // Main-thread work (CDP TaskDuration) is less sensitive than wall time to other processes on a shared machine.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    for (let run = 0; run < runs + 1; run++) {
      await page.goto(`${base}/workflows`);
      await page.getByTestId(`workflow-row-${id}`).waitFor();
      const start = Date.now();
      const task0 = await taskSeconds();
      // In-app navigation, as a user opens it from the list (the bundle is cached; Monaco is not loaded yet).
      await page.getByTestId(`workflow-row-${id}`).getByRole('link').first().click();
      // Nodes out of view are not in the DOM for large workflows: wait for the canvas to show activities and the count.
      await page.waitForFunction(() => document.querySelectorAll('[data-testid^="node-"]').length > 0, null, { polling: 'raf', timeout: 30_000 });
      const shown = Date.now() - start;
      // Click the first activity that is really under the pointer at its centre (at fit-to-view zoom most are off-screen).
      const target = await visibleActivity(page, '');
      if (!target) throw new Error('no activity is visible on the canvas');
      await page.mouse.click(target.x, target.y);
      await page.waitForFunction((name) => document.querySelector('[data-testid="input-name"]')?.value === name, target.name, { polling: 'raf' });
      const ready = Date.now() - start;
      const work = Math.round((await taskSeconds() - task0) * 1000);
      if (run > 0) { rendered.push(shown); interactive.push(ready); busy.push(work); } // run 0 warms the HTTP cache
    }
    console.log(`${count} activities, ${withPositions ? 'with positions' : 'auto-layout (no positions)'}: nodes on canvas median ${median(rendered)} ms, interactive median ${median(interactive)} ms (max ${Math.max(...interactive)} ms, ${runs} runs: ${interactive.join(', ')}); main-thread work median ${median(busy)} ms`);

    if (!withPositions) {
      // Typing in Monaco while /api/scripts/check runs on the 200-activity workflow: long tasks on the main thread.
      const set = await visibleActivity(page, 'Set ');
      if (!set) throw new Error('no SetVariable activity is visible on the canvas');
      await page.mouse.click(set.x, set.y);
      const code = page.getByRole('textbox', { name: /Value \(C#\)/ });
      await code.waitFor();
      await page.evaluate(() => {
        window.__long = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: false });
      });
      await code.focus();
      await page.keyboard.press('End');
      const typed = ' + Variables.Counter * 2 + 1';
      const t0 = Date.now();
      await page.keyboard.type(typed, { delay: 40 });
      await page.waitForTimeout(1500); // let the debounced check come back and render its markers
      const longTasks = await page.evaluate(() => window.__long);
      console.log(`typing ${typed.length} characters (40 ms apart) in Monaco with diagnostics: ${Date.now() - t0} ms; long tasks ${longTasks.length}, longest ${Math.round(Math.max(0, ...longTasks))} ms`);
    }
    await context.close();
    if (!process.env.KEEP) await api('DELETE', `workflows/${id}`);
  }
} finally {
  await browser.close();
}
