/** A test's HTTP client for the API: keeps its own session cookie and sends the server's own Origin, as a browser would. */
export class ApiClient {
  private cookie = '';

  constructor(
    readonly baseUrl: string,
    private readonly origin: string | null = baseUrl,
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Readonly<Record<string, string>> = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.origin ? { origin: this.origin } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const value = /^([^;]*)/.exec(setCookie)?.[1] ?? '';
      this.cookie = value.endsWith('=') ? '' : value;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON; the text is the body
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  get = (path: string) => this.request('GET', path);

  /** A GET whose body is kept as its exact bytes, and as UTF-8 text with any byte-order mark that text() would drop. */
  async getExact(path: string): Promise<{ status: number; bytes: Uint8Array; text: string; headers: Headers }> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { ...(this.origin ? { origin: this.origin } : {}), ...(this.cookie ? { cookie: this.cookie } : {}) } });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), headers: response.headers };
  }
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  put = (path: string, body?: unknown) => this.request('PUT', path, body ?? {});
  delete = (path: string) => this.request('DELETE', path);

  async signIn(email: string, password: string): Promise<void> {
    const answer = await this.post('/api/session', { email, password });
    if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}
