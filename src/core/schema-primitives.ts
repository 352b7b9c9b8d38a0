import { z } from 'zod';
import { CLOCK_TIME_REGEX, DURATION_REGEX } from './time.ts';

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lowercase letters, digits and dashes, like "network-sme"')
  .meta({ description: 'An identifier: lowercase letters, digits and dashes.', examples: ['network-sme'] });

export const LevelId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'level ids use letters, digits and dashes, like "P1"')
  .meta({ description: 'A priority or severity level id from the playbook.', examples: ['P1', 'SEV1'] });

export const ClockTime = z
  .string()
  .regex(CLOCK_TIME_REGEX, 'expected a time on the incident clock written HH:MM:SS, like "02:46:23"')
  .meta({ description: 'A wall-clock time on the incident clock, 24-hour HH:MM:SS.', examples: ['02:46:23'] });

export const Duration = z
  .string()
  .regex(DURATION_REGEX, 'expected a duration written MM:SS or HH:MM:SS, like "15:00"')
  .meta({ description: 'A span of scenario time, MM:SS or HH:MM:SS.', examples: ['15:00', '01:00:00'] });

export const Scalar = z.union([z.boolean(), z.number(), z.string()]);
export type Scalar = z.infer<typeof Scalar>;

export const IdOrIds = z.union([Id, z.array(Id).min(1)]);
export const LevelOrLevels = z.union([LevelId, z.array(LevelId).min(1)]);

export const COMPETENCIES = ['priority', 'notification', 'bridge-control', 'escalation', 'can-report'] as const;
export const Competency = z.enum(COMPETENCIES).meta({ description: 'Score report competency id (CONTRACTS.md §3).' });
export type Competency = z.infer<typeof Competency>;

export const SemVer = z
  .string()
  .regex(/^\d+\.\d+\.\d+$/, 'expected a version like "1.0.0"')
  .meta({ examples: ['1.0.0'] });
