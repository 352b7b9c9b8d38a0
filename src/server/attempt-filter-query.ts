import { z } from 'zod';
import { ATTEMPT_SETTINGS } from './db/store.ts';
import { Uuid } from './http/inputs.ts';

/** The filter of the attempts list and of every export, as query parameters or command-line options. */
export const AttemptFilterQuery = z.object({
  scenario: z.string().min(1).max(200).optional(),
  trainee: Uuid.optional(),
  cohort: Uuid.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  passed: z.enum(['true', 'false']).transform((text) => text === 'true').optional(),
  mode: z.enum(ATTEMPT_SETTINGS).optional(),
});

/** For exports: the filter and nothing else, so a misspelt option is an error rather than an export of everything. */
export const ExportFilterQuery = z.strictObject(AttemptFilterQuery.shape);
