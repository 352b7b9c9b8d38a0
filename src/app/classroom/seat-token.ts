import type { KeyValueStorage } from '../ports.ts';

/** Where a trainee's seat token is kept on the device, per classroom, so a reload takes the same seat. */
export function seatTokenKey(code: string): string {
  return `bridge-drill:classroom-seat:${code}`;
}

export interface SeatTokens {
  read(code: string): string | null;
  write(code: string, token: string): void;
  forget(code: string): void;
}

/** Seat tokens in a key-value storage; a storage that refuses (a private mode) only costs the rejoin after a reload. */
export function seatTokens(storage: KeyValueStorage): SeatTokens {
  return {
    read(code) {
      try {
        return storage.getItem(seatTokenKey(code));
      } catch {
        return null;
      }
    },
    write(code, token) {
      try {
        storage.setItem(seatTokenKey(code), token);
      } catch {
        // Kept for this page only: the link still rejoins with it after a drop.
      }
    },
    forget(code) {
      try {
        storage.removeItem(seatTokenKey(code));
      } catch {
        // Nothing was kept.
      }
    },
  };
}
