import type { z } from 'zod';
import type { StoragePort } from './ports.ts';

export const UNREADABLE_MARK = ':unreadable';

export type LoadResult<T> =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'unreadable'; readonly reason: string; readonly keptAs: string | null };

/**
 * JSON values in the storage port, validated on the way in. Nothing that cannot be read is
 * deleted: it is copied to a key of its own first, and removed only once that copy is stored.
 * Writes report a message for people instead of throwing.
 */
export class StoredValues {
  constructor(private readonly port: StoragePort) {}

  async load<T>(key: string, schema: z.ZodType<T>): Promise<LoadResult<T>> {
    const text = await this.readText(key);
    if (text === null) return { kind: 'none' };
    const parsed = parseWith(schema, text);
    if (parsed.ok) return { kind: 'ok', value: parsed.value };
    return { kind: 'unreadable', reason: parsed.reason, keptAs: await this.setAside(key, text) };
  }

  async readText(key: string): Promise<string | null> {
    try {
      return await this.port.read(key);
    } catch {
      return null;
    }
  }

  /** Stores `value` as JSON; returns why not, in words for the trainee, or null when stored. */
  async write(key: string, value: unknown): Promise<string | null> {
    try {
      await this.port.write(key, JSON.stringify(value));
      return null;
    } catch (error) {
      return refusal(error);
    }
  }

  async remove(key: string): Promise<void> {
    try {
      await this.port.remove(key);
    } catch {
      // Nothing is lost: the entry stays until a later write replaces it.
    }
  }

  async keys(prefix: string): Promise<string[]> {
    try {
      return (await this.port.keys(prefix)).filter((key) => !key.includes(UNREADABLE_MARK));
    } catch {
      return [];
    }
  }

  /**
   * Copies `text` to a free `key:unreadable[:N]` key (or another mark), then removes `key`. Returns the copy's key,
   * or null when the copy could not be stored, in which case the original stays where it was.
   */
  async setAside(key: string, text: string, mark = UNREADABLE_MARK): Promise<string | null> {
    const copy = await this.keepAside(key, text, mark);
    // Only the text that was copied goes: what another tab stored there since stays.
    if (copy !== null && (await this.readText(key)) === text) await this.remove(key);
    return copy;
  }

  /** Stores a copy of `text` under a free `key:unreadable[:N]` key and reads it back; returns that key, or null when it could not be stored. */
  async keepAside(key: string, text: string, mark = UNREADABLE_MARK): Promise<string | null> {
    const taken = new Set(await this.port.keys(`${key}${mark}`).catch(() => []));
    try {
      let copy = `${key}${mark}`;
      // Checked again just before the write: another tab may have set a copy aside since the keys were listed.
      for (let n = 2; taken.has(copy) || (await this.port.read(copy)) !== null; n++) copy = `${key}${mark}:${n}`;
      await this.port.write(copy, text);
      return (await this.port.read(copy)) === text ? copy : null;
    } catch {
      return null;
    }
  }
}

function refusal(error: unknown): string {
  return error instanceof Error && error.name === 'QuotaExceededError'
    ? 'The browser’s storage is full, so your progress is not being saved. Free some space or finish the exercise in this tab.'
    : 'The browser would not let Bridge Drill save your progress (storage may be turned off). Finish the exercise in this tab.';
}

export function parseWith<T>(schema: z.ZodType<T>, text: string): { ok: true; value: T } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, reason: issue ? `${issue.path.join('.') || 'the data'}: ${issue.message}` : 'it does not have the expected shape' };
}
