import { describe, expect, it } from 'vitest';
import { addNotice } from '../../src/app/notices.ts';

describe('the notice bar', () => {
  it('keeps an earlier notice when a later one is said, and says a repeat once', () => {
    const first = addNotice(null, 'Your local history could not be read.');
    expect(first).toBe('Your local history could not be read.');
    const both = addNotice(first, 'The browser’s storage is full.');
    expect(both.split('\n')).toEqual(['Your local history could not be read.', 'The browser’s storage is full.']);
    expect(addNotice(both, 'The browser’s storage is full.')).toBe(both);
  });
});
