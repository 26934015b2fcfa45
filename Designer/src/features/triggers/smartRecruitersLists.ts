// Static fallbacks when the tenant's SmartRecruiters connection cannot answer GET …/options
// (shared/smartrecruiters/README.md: webhook events and candidate statuses).
export const SR_EVENTS = [
  'application.created', 'application.status.updated', 'application.attachment.created',
  'candidate.created', 'candidate.updated', 'candidate.deleted', 'job.created', 'job.updated', 'job.status.updated',
] as const;

export const SR_STATUSES = ['LEAD', 'NEW', 'IN_REVIEW', 'INTERVIEW', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN', 'TRANSFERRED'] as const;

/** Inputs of `SmartRecruiters.Event` edited by the dedicated pickers. */
export const SR_EVENT_INPUTS = { event: 'event', job: 'jobId', status: 'status', subStatus: 'subStatus' } as const;
