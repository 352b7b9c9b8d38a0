import { UserSchema, type User } from './account-types.ts';
import type { StoragePort } from './ports.ts';
import { StoredValues } from './stored-values.ts';

const KEY = 'bridge-drill:account:v1';

/**
 * Who was signed in on this device last, so an attempt finished while the server cannot be reached still waits
 * in the outbox for that account. It is no secret (the session cookie is HttpOnly and never seen here), and is
 * forgotten on sign-out.
 */
export class RememberedAccount {
  private readonly values: StoredValues;

  constructor(port: StoragePort) {
    this.values = new StoredValues(port);
  }

  async load(): Promise<User | null> {
    const loaded = await this.values.load(KEY, UserSchema);
    return loaded.kind === 'ok' ? loaded.value : null;
  }

  async remember(user: User): Promise<void> {
    await this.values.write(KEY, user);
  }

  forget(): Promise<void> {
    return this.values.remove(KEY);
  }
}
