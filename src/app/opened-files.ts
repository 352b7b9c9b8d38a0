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

/** The scenario files opened in this browser. */
export class OpenedFiles {
  private readonly values: StoredValues;

  constructor(port: StoragePort) {
    this.values = new StoredValues(port);
  }

  async load(): Promise<OpenedFile[]> {
    const loaded = await this.values.load(KEY, OpenedFilesSchema);
    return loaded.kind === 'ok' ? loaded.value : [];
  }

  /** Returns why the files could not be kept, or null. */
  save(files: readonly OpenedFile[]): Promise<string | null> {
    return this.values.write(KEY, files);
  }
}
