import { readFileSync } from 'node:fs';
import { WebSocket } from 'ws';

/**
 * The server process's memory, for the classroom benchmark: a full garbage collection first, asked for through
 * the process's own inspector (the benchmark starts it with `--inspect=127.0.0.1:0`, loopback only), so startup
 * garbage does not count; then its RSS and peak RSS from /proc, and its V8 heap in use.
 */
export interface ServerMemory {
  readonly rssKb: number;
  readonly peakKb: number;
  readonly heapUsedKb: number;
}

export const INSPECT_ARG = '--inspect=127.0.0.1:0';

export async function serverMemory(pid: number, output: string): Promise<ServerMemory> {
  const url = /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1];
  let heapUsedKb = 0;
  if (url) {
    const ws = new WebSocket(url);
    const replies = new Map<number, (result: unknown) => void>();
    ws.onmessage = (event: { data: unknown }) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
      if (message.id !== undefined) replies.get(message.id)?.(message.result);
    };
    await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
    let id = 0;
    const call = (method: string, params: object = {}) =>
      Promise.race([new Promise<unknown>((resolve) => (replies.set(++id, resolve), ws.send(JSON.stringify({ id, method, params })))), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await call('HeapProfiler.collectGarbage');
    const evaluated = (await call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true })) as { result?: { value?: number } } | undefined;
    heapUsedKb = Math.round((evaluated?.result?.value ?? 0) / 1024);
    ws.close();
  }
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssKb: field('VmRSS'), peakKb: field('VmHWM'), heapUsedKb };
}
