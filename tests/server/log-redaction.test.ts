import { describe, expect, it } from 'vitest';
import { redactedUrl } from '../../src/server/http/log-redaction.ts';

describe('request logs', () => {
  it('never show a one-time link’s token, in the path or in the query', () => {
    expect(redactedUrl('/api/setup/abcDEF123_-xyz')).toBe('/api/setup/[token]');
    expect(redactedUrl('/api/invites/abcDEF123_-xyz?x=1')).toBe('/api/invites/[token]?x=1');
    expect(redactedUrl('/?setup=abc&scenario=acme')).toBe('/?setup=[token]&scenario=acme');
    expect(redactedUrl('/?scenario=acme&invite=abc')).toBe('/?scenario=acme&invite=[token]');
    expect(redactedUrl('/api/attempts?scenario=acme')).toBe('/api/attempts?scenario=acme');
  });
});
