import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { StoreConflict, StoreInvalidInput, StoreUnavailable } from '../db/store.ts';

/** One field the client got wrong, named by its path in the request body or query. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Not valid',
  429: 'Too many requests',
  500: 'Server error',
  503: 'Service unavailable',
};

/** An RFC 9457 problem the API answers with; thrown anywhere in a handler. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) void reply.header(name, value);
  const title = TITLES[problem.status] ?? 'Error';
  const type = `about:blank`;
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({ type, title, status: problem.status, detail: problem.detail, ...problem.extra });
}

/** Parses a body or query with a zod schema; a 400 naming each wrong field otherwise. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, where: 'body' | 'query' = 'body'): T {
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.slice(0, 20).map((issue) => ({ field: issue.path.length > 0 ? issue.path.join('.') : where, message: issue.message }));
  const first = errors[0];
  throw new Problem(400, first ? `${first.field}: ${first.message}` : `The ${where} is not valid.`, { errors });
}

/** Turns anything a handler threw into a problem answer; unexpected errors are logged and answered 500 without details. */
export function problemFromError(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof StoreUnavailable) return new Problem(503, 'The database is not answering; try again shortly. Nothing was changed.', {}, { 'Retry-After': '5' });
  if (error instanceof StoreConflict) return new Problem(409, error.message);
  if (error instanceof StoreInvalidInput) return new Problem(400, error.message);
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(413, 'The request body is larger than the server accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'Send JSON with Content-Type: application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Problem(400, 'The request body is not valid JSON.');
  }
  if (error instanceof SyntaxError) return new Problem(400, 'The request body is not valid JSON.');
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) return new Problem(status, status === 400 ? 'The request is malformed.' : (TITLES[status] ?? 'The request was refused.'));
  request.log.error({ err: error }, 'request failed');
  return new Problem(500, 'Something went wrong on the server. It has been logged.');
}
