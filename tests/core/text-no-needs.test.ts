import { describe, expect, it } from 'vitest';
import { saysNoNeeds } from '../../src/core/text/normalize.ts';

describe('saysNoNeeds', () => {
  it('accepts the ways people say nothing more is needed', () => {
    for (const text of ['Nothing further needed right now', 'Needs: none', 'None at this time', 'No additional needs', "We don't need anything else", 'n/a', 'N/A.', 'None.', 'Nothing more for now.', 'No needs at this time', 'Not at this time, thanks.'])
      expect(saysNoNeeds(text), text).toBe(true);
  });

  it('refuses text that asks for something or is about something else', () => {
    for (const text of ['', 'None of the customers can log in', 'no rollback yet, we need approval', 'Need the DBA', 'None of the SMEs can find Bill', 'Nothing. We need a decision on the rollback.', 'None. A review meeting with Kestrel.'])
      expect(saysNoNeeds(text), text).toBe(false);
  });

  it('lets a remark that asks for nothing stand beside "nothing more"', () => {
    expect(saysNoNeeds('Nothing more for now; we expect the carrier to give us an estimate soon.')).toBe(true);
  });
});
