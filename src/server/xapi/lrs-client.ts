import XAPI from '@xapi/xapi';

type Adapter = NonNullable<ConstructorParameters<typeof XAPI>[0]['adapter']>;
import type { XapiStatement } from '../../core/report/xapi-statements.ts';
import type { XapiSettings } from './settings.ts';

/** A send the LRS did not take: its HTTP status (null when it could not be reached) and what it said. */
export class LrsError extends Error {
  override readonly name = 'LrsError';
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}

export interface LrsClient {
  /** Posts the statements as one array; resolves when the LRS stored them, throws an LrsError otherwise. */
  send(statements: readonly XapiStatement[], signal?: AbortSignal): Promise<void>;
}

/** An LRS client on @xapi/xapi, over Node's fetch, with a time limit on each request. */
export function lrsClient(settings: XapiSettings, timeoutMs: number): LrsClient {
  const auth = XAPI.toBasicAuth(settings.key, settings.secret);
  return {
    async send(statements, signal) {
      const xapi = new XAPI({ endpoint: settings.endpoint, auth, version: '1.0.3', adapter: fetchAdapter(timeoutMs, signal) });
      await xapi.sendStatements({ statements: statements as unknown as Parameters<XAPI['sendStatements']>[0]['statements'] });
    },
  };
}

/** The library's requests over fetch: a time limit, a way to abort, and an LrsError with the status for any answer but 2xx. */
function fetchAdapter(timeoutMs: number, signal: AbortSignal | undefined): Adapter {
  return (async ({ url, method, headers, data }: { url: string; method: string; headers?: Record<string, string>; data?: unknown }) => {
    const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
    let response: Response;
    try {
      response = await fetch(url, { method, headers: headers ?? {}, body: data === undefined ? null : JSON.stringify(data), signal: AbortSignal.any(signals) });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new LrsError(null, `The LRS at ${new URL(url).origin} could not be reached (${error instanceof Error ? error.message : String(error)}${cause}).`);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new LrsError(response.status, `The LRS answered ${response.status} ${response.statusText}${text ? `: ${text.slice(0, 1000)}` : ''}`);
    let body: unknown = text;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON: kept as text.
    }
    return { data: body, headers: Object.fromEntries(response.headers.entries()), status: response.status };
  }) as Adapter;
}
