// A small in-memory fake of the RulesEngine API (docs/api.md) that also serves dist/ with the SPA
// fallback the real host uses. For looking at the Designer without the host:
//   npm run build && npm run mock        → http://127.0.0.1:5180  (token: dev)
// Options: PORT=5180, MOCK_TOKEN=dev. Not a test double for the host; shapes only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { candidateFlow, descriptors, syncJobs } from './fixtures.mjs';

const port = Number(process.env.PORT ?? 5180);
const token = process.env.MOCK_TOKEN ?? 'dev';
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.ttf': 'font/ttf', '.woff2': 'font/woff2' };

const now = () => new Date().toISOString();
const clone = (x) => structuredClone(x);
const tenants = [{ id: 'acme', name: 'Acme Recruiting', createdAt: '2026-01-05T09:00:00Z' }, { id: 'globex', name: 'Globex', createdAt: '2026-02-01T09:00:00Z' }];
/** definitionId → { versions: [{ definition, version, isPublished, savedBy, savedAt, publishedAt, stamp }] } */
const workflows = new Map();
let stampSeq = 1;
function addVersion(def, { published = false, by = 'alice' } = {}) {
  const entry = workflows.get(def.definitionId) ?? { versions: [] };
  workflows.set(def.definitionId, entry);
  const version = entry.versions.length + 1;
  if (published) entry.versions.forEach((v) => { v.isPublished = false; });
  entry.versions.push({ definition: { ...clone(def), version }, version, isPublished: published, savedBy: by, savedAt: now(), publishedAt: published ? now() : null, stamp: `s${stampSeq++}` });
  return entry.versions.at(-1);
}
const v1 = clone(syncJobs);
v1.root.activities = v1.root.activities.filter((a) => a.id !== 'legacy1' && a.id !== 'log1');
v1.root.connections = v1.root.connections.filter((c) => c.target.activity !== 'legacy1' && c.target.activity !== 'log1');
addVersion(v1, { published: true, by: 'bob' });
addVersion(syncJobs, { published: false });
addVersion(candidateFlow);

function model(id, v) {
  const entry = workflows.get(id);
  const latest = entry.versions.at(-1);
  const pub = entry.versions.find((x) => x.isPublished);
  return { definition: { ...v.definition, isLatest: v === latest, isPublished: v.isPublished }, version: v.version, isPublished: v.isPublished, isLatest: v === latest, publishedVersion: pub?.version ?? null, concurrencyStamp: v.stamp, savedBy: v.savedBy, savedAt: v.savedAt };
}

const instances = [
  { id: 'inst-0001', definitionId: 'sync-jobs', version: 1, name: 'Sync jobs to Acme ATS', status: 'Faulted', correlationId: null, createdAt: '2026-11-23T08:15:00Z', updatedAt: '2026-11-23T08:15:03Z', finishedAt: '2026-11-23T08:15:03Z', error: 'PushToVendor: 503 Service Unavailable' },
  { id: 'inst-0002', definitionId: 'sync-jobs', version: 1, name: 'Sync jobs to Acme ATS', status: 'Finished', correlationId: null, createdAt: '2026-11-23T08:30:00Z', updatedAt: '2026-11-23T08:30:02Z', finishedAt: '2026-11-23T08:30:02Z', error: null },
];
const journals = {
  'inst-0001': [
    { sequence: 1, activityId: 'cron1', activityType: 'Elsa.Cron', activityName: 'Every15Minutes', outcomes: ['Done'], startedAt: '2026-11-23T08:15:00Z', durationMs: 1, error: null, inputs: { cronExpression: '0 0/15 8-18 ? * MON-FRI' }, outputs: {} },
    { sequence: 2, activityId: 'fetch1', activityType: 'SmartRecruiters.FetchJobs', activityName: 'FetchJobs', outcomes: ['Done'], startedAt: '2026-11-23T08:15:00Z', durationMs: 812, error: null, inputs: { status: 'SOURCING', limit: 100 }, outputs: { jobs: [{ id: 'job-1', title: 'Backend engineer' }] } },
    { sequence: 3, activityId: 'dec1', activityType: 'Elsa.FlowDecision', activityName: 'AnyNew', outcomes: ['True'], startedAt: '2026-11-23T08:15:01Z', durationMs: 2, error: null, inputs: { condition: true }, outputs: {} },
    { sequence: 4, activityId: 'send1', activityType: 'Elsa.SendHttpRequest', activityName: 'PushToVendor', outcomes: [], startedAt: '2026-11-23T08:15:01Z', durationMs: 2004, error: 'HttpRequestException: 503 Service Unavailable (https://ats.acme.example/api/jobs)', inputs: { url: 'https://ats.acme.example/api/jobs?since=…', method: 'POST' }, outputs: {} },
  ],
};
journals['inst-0002'] = journals['inst-0001'].slice(0, 3).map((e) => ({ ...e, outcomes: e.activityId === 'dec1' ? ['False'] : e.outcomes }));

const connections = new Map([
  ['smartrecruiters', { name: 'smartrecruiters', kind: 'smartrecruiters', settings: { baseUrl: 'https://api.smartrecruiters.com', companyIdentifier: 'AcmeCorp', authMode: 'apiKey', clientId: null }, secrets: { apiKey: { hasValue: true }, clientSecret: { hasValue: false }, webhookSecretKeys: { hasValue: true } }, updatedAt: '2026-11-01T10:00:00Z' }],
  ['acme-ats', { name: 'acme-ats', kind: 'http', settings: { baseUrl: 'https://ats.acme.example/api' }, secrets: { authHeaderName: { hasValue: true }, authHeaderValue: { hasValue: true } }, updatedAt: '2026-11-01T10:00:00Z' }],
]);
const mappings = new Map([['departments', [{ key: 'ENG', value: 'Engineering' }, { key: 'SAL', value: 'Sales' }]]]);

const send = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
};
const problem = (res, status, title, extra = {}) => send(res, status, { type: `https://rulesengine.dev/problems/${extra.kind ?? status}`, title, status, ...extra });
const readBody = (req) => new Promise((resolve) => { let d = ''; req.on('data', (c) => { d += c; }); req.on('end', () => resolve(d)); });

function summaries() {
  return [...workflows.entries()].map(([id, e]) => {
    const latest = e.versions.at(-1);
    const pub = e.versions.find((x) => x.isPublished);
    const triggers = (latest.definition.root.activities ?? []).filter((a) => ['Elsa.Cron', 'Elsa.HttpEndpoint', 'SmartRecruiters.Event'].includes(a.type))
      .map((a) => ({ activityId: a.id, type: a.type, summary: a.type === 'Elsa.Cron' ? `Cron ${a.cronExpression?.expression?.value ?? ''}` : a.type === 'SmartRecruiters.Event' ? `SmartRecruiters ${a.event?.expression?.value ?? 'event'}` : `HTTP /${a.path?.expression?.value ?? ''}` }));
    const last = instances.filter((i) => i.definitionId === id).at(-1);
    return { definitionId: id, name: latest.definition.name, description: latest.definition.description ?? null, latestVersion: latest.version, publishedVersion: pub?.version ?? null, status: pub ? 'Published' : 'Draft', triggers, lastRun: last ? { instanceId: last.id, status: last.status, finishedAt: last.finishedAt } : null, updatedAt: latest.savedAt };
  });
}

function checkScripts(def) {
  const diagnostics = [];
  for (const a of def.root?.activities ?? []) {
    for (const [key, v] of Object.entries(a)) {
      if (v && typeof v === 'object' && v.expression?.type === 'CSharp' && typeof v.expression.value === 'string') {
        const lines = v.expression.value.split('\n');
        lines.forEach((line, i) => {
          const m = /\bVariables\.(\w+)/g;
          let hit;
          while ((hit = m.exec(line))) {
            if (!(def.variables ?? []).some((x) => x.name === hit[1])) diagnostics.push({ activityId: a.id, inputName: key, line: i + 1, column: hit.index + 11, severity: 'Error', code: 'CS0117', message: `'Variables' does not contain a definition for '${hit[1]}'` });
          }
          if (/System\.IO|File\./.test(line)) diagnostics.push({ activityId: a.id, inputName: key, line: i + 1, column: line.search(/System\.IO|File\./) + 1, severity: 'Error', code: 'RE0001', message: 'File system access is not allowed in scripts.' });
        });
      }
    }
  }
  return diagnostics;
}

async function api(req, res, url) {
  if (req.headers.authorization !== `Bearer ${token}`) return problem(res, 401, 'Unauthorized', { detail: 'Missing or invalid bearer token.', kind: 'unauthorized' });
  const p = url.pathname.split('/').filter(Boolean).map(decodeURIComponent); // api, ...
  const m = req.method;
  const body = m === 'GET' ? '' : await readBody(req);
  const json = () => (body ? JSON.parse(body) : {});
  if (p[1] === 'activities') return send(res, 200, descriptors);
  if (p[1] === 'scripts' && p[2] === 'check') return send(res, 200, { diagnostics: checkScripts(json().definition) });
  if (p[1] !== 'tenants') return problem(res, 404, 'Not found');
  if (p.length === 2) return send(res, 200, tenants);
  const area = p[3];
  if (area === 'workflows') {
    const id = p[4];
    if (!id) {
      if (m === 'GET') return send(res, 200, summaries());
      const def = json();
      def.definitionId = def.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const v = addVersion(def);
      return send(res, 201, model(def.definitionId, v));
    }
    if (id === 'import') {
      let parsed;
      try { parsed = JSON.parse(body); } catch (e) { return problem(res, 400, 'Invalid JSON', { detail: e.message }); }
      const list = Array.isArray(parsed) ? parsed : [parsed];
      const known = new Set(descriptors.map((d) => d.typeName));
      return send(res, 201, list.map((def) => {
        def.definitionId ??= (def.name ?? 'imported').toLowerCase().replace(/[^a-z0-9]+/g, '-');
        const v = addVersion(def);
        const items = (def.root?.activities ?? []).filter((a) => !known.has(a.type)).map((a) => ({ activityId: a.id, activityName: a.name, activityType: a.type, problem: 'Unknown activity type (kept as is).' }));
        return { definitionId: def.definitionId, version: v.version, report: { unknownTypes: items.length, unsupportedExpressions: 0, items } };
      }));
    }
    const entry = workflows.get(id);
    if (!entry) return problem(res, 404, 'Workflow not found');
    const latest = entry.versions.at(-1);
    const sub = p[5];
    if (!sub && m === 'GET') return send(res, 200, model(id, latest));
    if (!sub && m === 'DELETE') { workflows.delete(id); return send(res, 204); }
    if (!sub && m === 'PUT') {
      const { definition, concurrencyStamp } = json();
      if (concurrencyStamp !== latest.stamp) return problem(res, 409, 'Conflict', { detail: 'The workflow was saved by someone else.', kind: 'concurrency', current: model(id, latest) });
      if (latest.isPublished) return send(res, 200, model(id, addVersion(definition, { by: 'you' })));
      latest.definition = { ...definition, version: latest.version }; latest.savedAt = now(); latest.savedBy = 'you'; latest.stamp = `s${stampSeq++}`;
      return send(res, 200, model(id, latest));
    }
    if (sub === 'versions' && !p[6]) return send(res, 200, entry.versions.map((v) => ({ version: v.version, isPublished: v.isPublished, isLatest: v === latest, savedBy: v.savedBy, savedAt: v.savedAt, publishedAt: v.publishedAt })));
    if (sub === 'versions') { const v = entry.versions.find((x) => x.version === Number(p[6])); return v ? send(res, 200, model(id, v)) : problem(res, 404, 'Version not found'); }
    if (sub === 'publish') {
      const known = new Set(descriptors.map((d) => d.typeName));
      const errors = [];
      for (const a of latest.definition.root.activities) {
        if (!known.has(a.type)) errors.push({ activityId: a.id, activityName: a.name, activityType: a.type, input: null, line: null, column: null, code: 'unknown-type', message: `Unknown activity type '${a.type}'.` });
      }
      for (const d of checkScripts(latest.definition)) errors.push({ activityId: d.activityId, activityName: null, activityType: null, input: d.inputName, line: d.line, column: d.column, code: d.code, message: d.message });
      if (errors.length) return problem(res, 400, 'The workflow is invalid', { kind: 'workflow-invalid', detail: `${errors.length} problem(s).`, errors });
      entry.versions.forEach((v) => { v.isPublished = false; }); latest.isPublished = true; latest.publishedAt = now();
      return send(res, 200, model(id, latest));
    }
    if (sub === 'rollback') { const from = entry.versions.find((x) => x.version === json().version); return send(res, 200, model(id, addVersion(from.definition, { published: true, by: 'you' }))); }
    if (sub === 'retract') { entry.versions.forEach((v) => { v.isPublished = false; }); return send(res, 200, {}); }
    if (sub === 'export') { const def = clone(latest.definition); return send(res, 200, def, { 'Content-Disposition': `attachment; filename="${id}.json"` }); }
    if (sub === 'run') {
      const pub = entry.versions.find((x) => x.isPublished) ?? latest;
      const inst = { id: `inst-${String(instances.length + 1).padStart(4, '0')}`, definitionId: id, version: pub.version, name: pub.definition.name, status: 'Finished', correlationId: null, createdAt: now(), updatedAt: now(), finishedAt: now(), error: null };
      instances.push(inst);
      journals[inst.id] = (pub.definition.root.activities ?? []).slice(0, 2).map((a, i) => ({ sequence: i + 1, activityId: a.id, activityType: a.type, activityName: a.name, outcomes: ['Done'], startedAt: now(), durationMs: 3, error: null, inputs: {}, outputs: {} }));
      return send(res, 202, { instanceId: inst.id });
    }
  }
  if (area === 'instances') {
    const id = p[4];
    if (!id) {
      const q = url.searchParams;
      let items = instances.filter((i) => (!q.get('status') || i.status === q.get('status')) && (!q.get('definitionId') || i.definitionId === q.get('definitionId')));
      if (q.get('from')) items = items.filter((i) => i.createdAt >= q.get('from'));
      if (q.get('to')) items = items.filter((i) => i.createdAt <= q.get('to'));
      return send(res, 200, { items: [...items].reverse(), total: items.length });
    }
    const inst = instances.find((i) => i.id === id);
    if (!inst) return problem(res, 404, 'Instance not found');
    if (p[5] === 'retry') { inst.status = 'Finished'; inst.error = null; return send(res, 202, {}); }
    if (p[5] === 'cancel') { inst.status = 'Cancelled'; return send(res, 200, {}); }
    return send(res, 200, { ...inst, variables: { Jobs: [{ id: 'job-1' }], Count: 1 }, outputs: {}, bookmarks: [], journal: journals[id] ?? [] });
  }
  if (area === 'connections') {
    const name = p[4];
    if (!name) return send(res, 200, [...connections.values()]);
    if (p[5] === 'test') return send(res, 200, { ok: true, message: 'Connected to AcmeCorp (42 jobs visible).' });
    if (p[5] === 'options') return send(res, 200, { statuses: ['LEAD', 'NEW', 'IN_REVIEW', 'INTERVIEW', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN', 'TRANSFERRED'], subStatuses: { IN_REVIEW: ['Screening', 'Hiring manager review'], INTERVIEW: ['Phone', 'Onsite'], OFFERED: ['Pending', 'Accepted'] }, jobs: [{ id: 'job-1', title: 'Backend engineer' }, { id: 'job-2', title: 'Recruiter' }] });
    if (m === 'GET') { const c = connections.get(name); return c ? send(res, 200, c) : problem(res, 404, 'Connection not found'); }
    if (m === 'PUT') {
      const u = json();
      const prev = connections.get(name);
      const secrets = { ...(prev?.secrets ?? {}) };
      for (const [k, v] of Object.entries(u.secrets ?? {})) if (v !== null && v !== undefined) secrets[k] = { hasValue: true };
      const c = { name, kind: u.kind, settings: u.settings, secrets, updatedAt: now() };
      connections.set(name, c);
      return send(res, 200, c);
    }
  }
  if (area === 'mappings') {
    const name = p[4];
    if (!name) return send(res, 200, [...mappings.entries()].map(([n, rows]) => ({ name: n, rowCount: rows.length })));
    if (p[5] === 'import') {
      const rows = [];
      const lines = body.split(/\r?\n/).filter((l) => l.trim());
      for (const [i, line] of lines.entries()) {
        const idx = line.indexOf(',');
        if (idx < 0) return problem(res, 400, 'Invalid CSV', { detail: `Line ${i + 1}: expected key,value.` });
        rows.push({ key: line.slice(0, idx).trim(), value: line.slice(idx + 1).trim() });
      }
      mappings.set(name, rows);
      return send(res, 200, { name, rows });
    }
    if (m === 'PUT') { mappings.set(name, json().rows); return send(res, 200, { name, rows: mappings.get(name) }); }
    return mappings.has(name) ? send(res, 200, { name, rows: mappings.get(name) }) : problem(res, 404, 'Mapping table not found');
  }
  return problem(res, 404, 'Not found');
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  try {
    if (url.pathname.startsWith('/api/')) return await api(req, res, url);
    // Static files from dist/, falling back to index.html for client-side routes.
    const file = normalize(join(dist, url.pathname));
    const target = file.startsWith(dist) && (await stat(file).then((s) => s.isFile()).catch(() => false)) ? file : join(dist, 'index.html');
    res.writeHead(200, { 'Content-Type': types[extname(target)] ?? 'application/octet-stream' });
    res.end(await readFile(target));
  } catch (e) {
    problem(res, 500, 'Mock server error', { detail: String(e) });
  }
}).listen(port, '127.0.0.1', () => console.log(`Mock API + Designer on http://127.0.0.1:${port} (token: ${token})`));
