import { STATUS_CODES } from 'node:http';

/** RFC 9457 problem details, as every error leaves the service. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** Stable, machine-readable: clients switch on it, never on the text. */
  readonly code: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

/** An error the HTTP layer raises on purpose, with the status and code it must leave with. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }
}

/** A problem+json body; its `type` is derived from the code, its `title` from the status. */
export function problem(
  status: number,
  code: string,
  detail: string,
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  return {
    type: `https://treaty-timeline.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extensions,
  };
}
