import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import validateStatement from 'xapi-validation';

/**
 * A learning record store for tests, on a real HTTP port: `POST /xAPI/statements` with one statement or an
 * array of them. Strict, as a real LRS is: it answers 400 unless `X-Experience-API-Version` is 1.0.x, 401
 * unless the Basic credentials are its own, and 400 (storing none of the request) when any statement fails
 * xapi-validation or has no id. It keeps statements by id and counts every statement sent again with an id
 * it holds. It can be told to answer 503 for a while, or to refuse (400) the statements of given registrations.
 */
export interface MockLrs {
  /** The xAPI base to configure, e.g. `http://127.0.0.1:41234/xAPI/`. */
  readonly endpoint: string;
  readonly key: string;
  readonly secret: string;
  /** Statements stored, by id. */
  readonly statements: ReadonlyMap<string, Record<string, any>>;
  /** Statements sent again with an id already stored. */
  duplicates(): number;
  /** POSTs received, answered or not. */
  requests(): number;
  /** 400s answered for invalid statements (not for refusals asked with `refuse`). */
  invalid(): readonly string[];
  /** Answers 503 to every request from now until `recover`. */
  fail(): void;
  recover(): void;
  /** Refuses with 400 any request holding a statement of this registration (an attempt id). */
  refuse(registration: string): void;
  /** The stored statements of one registration. */
  ofRegistration(registration: string): Record<string, any>[];
  close(): Promise<void>;
}

export async function startMockLrs(options: { key?: string; secret?: string } = {}): Promise<MockLrs> {
  const key = options.key ?? 'lrs-key';
  const secret = options.secret ?? 'lrs-secret: with odd characters é';
  const expectedAuth = `Basic ${Buffer.from(`${key}:${secret}`, 'binary').toString('base64')}`;
  const statements = new Map<string, Record<string, any>>();
  const refused = new Set<string>();
  const invalid: string[] = [];
  let duplicates = 0;
  let requests = 0;
  let failing = false;

  function answer(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' });
    response.end(JSON.stringify(body));
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://lrs');
    if (url.pathname !== '/xAPI/statements') return answer(response, 404, { message: 'no such resource' });
    if (request.method !== 'POST') return answer(response, 405, { message: 'only POST here' });
    requests++;
    if (failing) return answer(response, 503, { message: 'down for maintenance' });
    if (!/^1\.0(\.\d+)?$/.test(String(request.headers['x-experience-api-version'] ?? ''))) return answer(response, 400, { message: 'X-Experience-API-Version 1.0.x is required' });
    if (request.headers.authorization !== expectedAuth) return answer(response, 401, { message: 'bad credentials' });
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) return answer(response, 400, { message: 'expected application/json' });
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return answer(response, 400, { message: 'the body is not JSON' });
    }
    const batch = Array.isArray(body) ? body : [body];
    const problems = batch.flatMap((statement: any, index) => {
      const warnings = validateStatement(statement).map((warning: any) => `statement ${index}: ${(warning.path ?? []).join('.')}: ${warning.constructor?.name ?? 'warning'}`);
      if (typeof statement?.id !== 'string') warnings.push(`statement ${index}: no id`);
      return warnings;
    });
    if (problems.length > 0) {
      invalid.push(...problems);
      return answer(response, 400, { message: 'invalid statements', problems });
    }
    const refusal = batch.find((statement: any) => refused.has(statement.context?.registration));
    if (refusal) return answer(response, 400, { message: `refused registration ${refusal.context.registration}` });
    for (const statement of batch as Record<string, any>[]) {
      if (statements.has(statement['id'])) duplicates++;
      else statements.set(statement['id'], { ...statement, stored: new Date().toISOString() });
    }
    return answer(response, 200, batch.map((statement: any) => statement.id));
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => answer(response, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/xAPI/`,
    key,
    secret,
    statements,
    duplicates: () => duplicates,
    requests: () => requests,
    invalid: () => invalid,
    fail: () => void (failing = true),
    recover: () => void (failing = false),
    refuse: (registration) => void refused.add(registration),
    ofRegistration: (registration) => [...statements.values()].filter((statement) => statement['context']?.registration === registration),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
