// Fixture data for the dev mock server (and, later, e2e tests). Shapes follow docs/api.md.
const inp = (name, displayName, typeName, uiHint, extra = {}) => ({
  name, displayName, typeName, uiHint, description: '', options: [], defaultValue: null, isSecret: false,
  required: false, order: 0, defaultSyntax: 'Literal', ...extra,
});
const act = (typeName, category, displayName, kind, inputs, outcomes = ['Done'], extra = {}) => ({
  typeName, category, displayName, description: extra.description ?? '', kind, isTrigger: kind === 'Trigger',
  isContainer: kind === 'Container', inputs: inputs.map((x, i) => ({ ...x, order: i })), outputs: extra.outputs ?? [],
  outcomes, dynamicOutcomesInput: extra.dynamicOutcomesInput ?? null,
});

export const descriptors = [
  act('Elsa.Cron', 'Scheduling', 'Cron', 'Trigger', [inp('cronExpression', 'Cron expression', 'String', 'cron', { required: true }), inp('enabled', 'Enabled', 'Boolean', 'checkbox')], ['Done'], { description: 'Starts the workflow on a Quartz cron schedule.' }),
  act('Elsa.Timer', 'Scheduling', 'Timer', 'Trigger', [inp('interval', 'Interval', 'TimeSpan', 'timespan')]),
  act('Elsa.Delay', 'Scheduling', 'Delay', 'Action', [inp('timeSpan', 'Duration', 'TimeSpan', 'timespan')]),
  act('Elsa.HttpEndpoint', 'HTTP', 'HTTP endpoint', 'Trigger', [inp('path', 'Path', 'String', 'singleline', { required: true }), inp('methods', 'Methods', 'String[]', 'list'), inp('enabled', 'Enabled', 'Boolean', 'checkbox')]),
  act('Elsa.SendHttpRequest', 'HTTP', 'Send HTTP request', 'Action', [inp('url', 'URL', 'String', 'singleline', { required: true }), inp('method', 'Method', 'String', 'dropdown', { options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], defaultValue: 'GET' }), inp('connection', 'Vendor endpoint', 'String', 'singleline'), inp('content', 'Body', 'Object', 'json')], ['Success', 'Failure'], { outputs: [{ name: 'result', displayName: 'Response', typeName: 'Object' }] }),
  act('Elsa.WriteHttpResponse', 'HTTP', 'Write HTTP response', 'Action', [inp('statusCode', 'Status code', 'Int32', 'number', { defaultValue: 200 }), inp('content', 'Content', 'Object', 'json')]),
  act('Elsa.WriteLine', 'Primitives', 'Write line', 'Action', [inp('text', 'Text', 'String', 'singleline')]),
  act('Elsa.SetVariable', 'Primitives', 'Set variable', 'Action', [inp('variable', 'Variable', 'String', 'variable', { required: true }), inp('value', 'Value', 'Object', 'code', { defaultSyntax: 'CSharp' })]),
  act('Elsa.RunCSharp', 'Scripting', 'Run C#', 'Action', [inp('script', 'Script', 'String', 'code', { defaultSyntax: 'CSharp', required: true })], ['Done'], { outputs: [{ name: 'result', displayName: 'Result', typeName: 'Object' }] }),
  act('Elsa.FlowDecision', 'Control Flow', 'Decision', 'Flow', [inp('condition', 'Condition', 'Boolean', 'code', { defaultSyntax: 'CSharp', required: true })], ['True', 'False']),
  act('Elsa.FlowSwitch', 'Control Flow', 'Switch', 'Flow', [inp('cases', 'Cases', 'Object', 'outcomes')], ['Default'], { dynamicOutcomesInput: 'cases' }),
  act('Elsa.FlowFork', 'Control Flow', 'Fork', 'Flow', [inp('branches', 'Branches', 'String[]', 'outcomes')], [], { dynamicOutcomesInput: 'branches' }),
  act('Elsa.FlowJoin', 'Control Flow', 'Join', 'Flow', [inp('mode', 'Mode', 'String', 'dropdown', { options: ['WaitAny', 'WaitAll'], defaultValue: 'WaitAll' })]),
  act('Elsa.ForEach', 'Control Flow', 'For each', 'Flow', [inp('items', 'Items', 'Object', 'code', { defaultSyntax: 'CSharp' })], ['Iterate', 'Done']),
  act('Elsa.Finish', 'Control Flow', 'Finish', 'Action', [], []),
  act('Elsa.Fault', 'Control Flow', 'Fault', 'Action', [inp('message', 'Message', 'String', 'singleline')], []),
  act('SmartRecruiters.Event', 'SmartRecruiters', 'SmartRecruiters event', 'Trigger', [inp('event', 'Event', 'String', 'dropdown'), inp('jobId', 'Job', 'String', 'singleline'), inp('status', 'Status', 'String', 'dropdown'), inp('subStatus', 'Sub-status', 'String', 'singleline'), inp('enabled', 'Enabled', 'Boolean', 'checkbox')]),
  act('SmartRecruiters.FetchJobs', 'SmartRecruiters', 'Fetch jobs', 'Action', [inp('updatedAfter', 'Updated after', 'DateTimeOffset', 'singleline'), inp('status', 'Status', 'String', 'dropdown', { options: ['CREATED', 'SOURCING', 'INTERVIEW', 'OFFER', 'FILLED', 'CANCELLED', 'ON_HOLD'] }), inp('limit', 'Limit', 'Int32', 'number', { defaultValue: 100 })], ['Done'], { outputs: [{ name: 'jobs', displayName: 'Jobs', typeName: 'Object[]' }] }),
  act('SmartRecruiters.FetchPostings', 'SmartRecruiters', 'Fetch postings', 'Action', [inp('companyIdentifier', 'Company', 'String', 'singleline')], ['Done'], { outputs: [{ name: 'postings', displayName: 'Postings', typeName: 'Object[]' }] }),
  act('SmartRecruiters.ExportCandidate', 'SmartRecruiters', 'Export candidate', 'Action', [inp('jobId', 'Job id', 'String', 'singleline', { required: true }), inp('candidate', 'Candidate', 'Object', 'json', { required: true }), inp('attachCv', 'Attach CV', 'Boolean', 'checkbox')], ['Created', 'Existing', 'Failed'], { outputs: [{ name: 'candidateId', displayName: 'Candidate id', typeName: 'String' }] }),
  act('SmartRecruiters.ApplyTag', 'SmartRecruiters', 'Apply tag', 'Action', [inp('candidateId', 'Candidate id', 'String', 'singleline', { required: true, defaultSyntax: 'CSharp' }), inp('tags', 'Tags', 'String[]', 'list', { required: true })], ['Done'], { description: 'Adds tags to a candidate and keeps every other tag.' }),
  act('SmartRecruiters.MoveStage', 'SmartRecruiters', 'Move stage', 'Action', [inp('candidateId', 'Candidate id', 'String', 'singleline', { required: true }), inp('jobId', 'Job id', 'String', 'singleline', { required: true }), inp('status', 'Status', 'String', 'dropdown', { options: ['LEAD', 'NEW', 'IN_REVIEW', 'INTERVIEW', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN', 'TRANSFERRED'] }), inp('subStatus', 'Sub-status', 'String', 'singleline')]),
  act('RulesEngine.Once', 'RulesEngine', 'Once', 'Flow', [inp('key', 'Key', 'String', 'singleline', { defaultSyntax: 'CSharp' })], ['First', 'Seen']),
  act('RulesEngine.DetectChanges', 'RulesEngine', 'Detect changes', 'Flow', [inp('key', 'Key', 'String', 'singleline'), inp('value', 'Value', 'Object', 'code', { defaultSyntax: 'CSharp' })], ['Changed', 'Unchanged']),
  act('RulesEngine.Lookup', 'RulesEngine', 'Lookup', 'Action', [inp('table', 'Table', 'String', 'singleline'), inp('key', 'Key', 'String', 'singleline', { defaultSyntax: 'CSharp' })], ['Found', 'Missing'], { outputs: [{ name: 'value', displayName: 'Value', typeName: 'String' }] }),
];

const lit = (typeName, value) => ({ typeName, expression: { type: 'Literal', value } });
const cs = (typeName, value) => ({ typeName, expression: { type: 'CSharp', value } });
const pos = (x, y) => ({ designer: { position: { x, y } } });
const conn = (s, port, t) => ({ source: { activity: s, port }, target: { activity: t, port: 'In' } });

export const syncJobs = {
  id: 'v-sync-2', definitionId: 'sync-jobs', tenantId: 'acme', name: 'Sync jobs to Acme ATS', description: 'Every 15 minutes, pushes new SmartRecruiters jobs to the vendor.',
  version: 2, isLatest: true, isPublished: true,
  variables: [{ id: 'var-jobs', name: 'Jobs', typeName: 'Object', value: null }, { id: 'var-count', name: 'Count', typeName: 'Int32', value: 0 }],
  inputs: [{ name: 'since', type: 'DateTimeOffset', displayName: 'Since' }], outputs: [], options: {},
  root: {
    id: 'flow1', type: 'Elsa.Flowchart', version: 1,
    activities: [
      { id: 'cron1', type: 'Elsa.Cron', name: 'Every15Minutes', version: 1, customProperties: { canStartWorkflow: true }, metadata: pos(40, 160), cronExpression: lit('String', '0 0/15 8-18 ? * MON-FRI') },
      { id: 'fetch1', type: 'SmartRecruiters.FetchJobs', name: 'FetchJobs', version: 1, metadata: pos(330, 160), status: lit('String', 'SOURCING'), limit: lit('Int32', 100), jobs: { typeName: 'Object[]', memoryReference: { id: 'var-jobs' } } },
      { id: 'dec1', type: 'Elsa.FlowDecision', name: 'AnyNew', version: 1, metadata: pos(620, 160), condition: cs('Boolean', 'Variables.Jobs.Count > 0') },
      { id: 'send1', type: 'Elsa.SendHttpRequest', name: 'PushToVendor', version: 1, metadata: pos(910, 60), url: cs('String', '$"https://ats.acme.example/api/jobs?since={Input.Since:O}"'), method: lit('String', 'POST') },
      { id: 'log1', type: 'Elsa.WriteLine', name: 'NothingToDo', version: 1, metadata: pos(910, 300), text: lit('String', 'No new jobs.') },
      { id: 'legacy1', type: 'Acme.LegacyNotifier', name: 'LegacyNotifier', version: 3, metadata: pos(1200, 60), channel: lit('String', '#recruiting'), somethingCustom: { keep: ['me', 42] } },
    ],
    connections: [conn('cron1', 'Done', 'fetch1'), conn('fetch1', 'Done', 'dec1'), conn('dec1', 'True', 'send1'), conn('dec1', 'False', 'log1'), conn('send1', 'Success', 'legacy1')],
  },
};

export const candidateFlow = {
  definitionId: 'candidate-export', tenantId: 'acme', name: 'Export hired candidates', description: 'On status HIRED, exports the candidate and tags them.',
  version: 1, isLatest: true, isPublished: false, variables: [], inputs: [], outputs: [], options: {},
  root: {
    id: 'flow2', type: 'Elsa.Flowchart',
    activities: [
      { id: 'ev1', type: 'SmartRecruiters.Event', name: 'Hired', customProperties: { canStartWorkflow: true }, event: lit('String', 'application.status.updated'), status: lit('String', 'HIRED') },
      { id: 'fork1', type: 'Elsa.FlowFork', name: 'Fork', branches: { typeName: 'String[]', expression: { type: 'Object', value: ['Export', 'Tag'] } } },
      { id: 'exp1', type: 'SmartRecruiters.ExportCandidate', name: 'Export', jobId: cs('String', 'Trigger["job_id"]'), candidate: cs('Object', 'Trigger') },
      { id: 'tag1', type: 'SmartRecruiters.ApplyTag', name: 'Tag', candidateId: cs('String', 'Trigger["candidate_id"]'), tags: { typeName: 'String[]', expression: { type: 'Object', value: ['exported'] } } },
    ],
    connections: [conn('ev1', 'Done', 'fork1'), conn('fork1', 'Export', 'exp1'), conn('fork1', 'Tag', 'tag1')],
  },
};
