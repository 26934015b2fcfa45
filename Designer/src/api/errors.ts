import type { ProblemDetails, WorkflowProblem, WorkflowVersionModel } from './types';

/** Any non-success answer from the API, carrying the RFC 9457 problem details when the server sent them. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The stable problem `type` (e.g. `…/workflow-invalid`), or '' when absent. */
  get type(): string {
    return this.problem.type ?? '';
  }
}

/** 401/403: the token is missing, wrong or lacks access. */
export class UnauthorizedError extends ApiError {
  constructor(status: number, problem: ProblemDetails) {
    super(status, problem);
    this.name = 'UnauthorizedError';
  }
}

export class NotFoundError extends ApiError {
  constructor(status: number, problem: ProblemDetails) {
    super(status, problem);
    this.name = 'NotFoundError';
  }
}

/** 409 on save: someone else saved first; `current` is their version. */
export class ConflictError extends ApiError {
  readonly current: WorkflowVersionModel | null;

  constructor(status: number, problem: ProblemDetails) {
    super(status, problem);
    this.name = 'ConflictError';
    this.current = problem.current ?? null;
  }
}

/** 400 with per-activity problems (publish, import, validation). */
export class WorkflowInvalidError extends ApiError {
  readonly errors: WorkflowProblem[];

  constructor(status: number, problem: ProblemDetails, errors: WorkflowProblem[]) {
    super(status, problem);
    this.name = 'WorkflowInvalidError';
    this.errors = errors;
  }
}

/** 400 with ASP.NET-style `errors: { field: [messages] }`. */
export class ValidationError extends ApiError {
  readonly fieldErrors: Record<string, string[]>;

  constructor(status: number, problem: ProblemDetails, fieldErrors: Record<string, string[]>) {
    super(status, problem);
    this.name = 'ValidationError';
    this.fieldErrors = fieldErrors;
  }
}

/** The request never got an HTTP answer (offline, DNS, CORS, aborted). */
export class NetworkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

function isWorkflowProblemList(value: unknown): value is WorkflowProblem[] {
  return Array.isArray(value) && value.every((e) => typeof e === 'object' && e !== null && 'message' in e);
}

function isFieldErrorMap(value: unknown): value is Record<string, string[]> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    && Object.values(value).every((v) => Array.isArray(v));
}

/** Maps a status and (possibly partial) problem body onto the most specific error class. */
export function toApiError(status: number, problem: ProblemDetails): ApiError {
  if (status === 401 || status === 403) return new UnauthorizedError(status, problem);
  if (status === 404) return new NotFoundError(status, problem);
  if (status === 409) return new ConflictError(status, problem);
  if (isWorkflowProblemList(problem.errors)) return new WorkflowInvalidError(status, problem, problem.errors);
  if (status === 400 && isFieldErrorMap(problem.errors)) return new ValidationError(status, problem, problem.errors);
  return new ApiError(status, problem);
}

/** A one-line, human-readable message for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const { title, detail } = error.problem;
    if (title && detail && title !== detail) return `${title}: ${detail}`;
    return detail ?? title ?? `HTTP ${error.status}`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
