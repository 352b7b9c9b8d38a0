import { z } from 'zod';
import type { StoragePort } from './ports.ts';
import { StoredValues } from './stored-values.ts';

const KEY = 'bridge-drill:opened:v1';

/** A scenario file an instructor opened in this browser: its name and its text, validated again on every load. */
export interface OpenedFile {
  readonly file: string;
  readonly text: string;
}

const OpenedFilesSchema = z.array(z.object({ file: z.string(), text: z.string() }));

const LEFT_UNREADABLE =
  'The list of scenario files opened in this browser cannot be read and the storage has no room to copy it aside, so the file is not kept.';

/**
 * The scenario files opened in this browser. A file is kept whether or not it validates today (a new check may
 * reject it; it is listed as needing attention, never dropped), and every change is merged into the list as it
 * is stored at that moment, so a file another tab opened meanwhile stays.
 */
export class OpenedFiles {
  private readonly values: StoredValues;

  constructor(port: StoragePort) {
    this.values = new StoredValues(port);
  }

  async load(): Promise<OpenedFile[]> {
    const loaded = await this.values.load(KEY, OpenedFilesSchema);
    return loaded.kind === 'ok' ? loaded.value : [];
  }

  /** Adds `file` to the stored list, in place of the stored files `replaces` picks. Returns why it could not be kept, or null. */
  async add(file: OpenedFile, replaces: (stored: OpenedFile) => boolean): Promise<string | null> {
    const loaded = await this.values.load(KEY, OpenedFilesSchema);
    if (loaded.kind === 'unreadable' && loaded.keptAs === null) return LEFT_UNREADABLE;
    const stored = loaded.kind === 'ok' ? loaded.value : [];
    return this.values.write(KEY, [...stored.filter((other) => !replaces(other)), file]);
  }
}

/** The `id` a scenario file's text names, read loosely so that a file that no longer validates can still be matched. */
export function namedId(text: string): string | null {
  try {
    const data: unknown = JSON.parse(text);
    const id = typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
