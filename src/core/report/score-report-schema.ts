import { z } from 'zod';
import { CanSection } from '../scenario/schema.ts';
import { Competency } from '../schema-primitives.ts';
import type { ScoreReport } from './score-report.ts';

/**
 * The score report (CONTRACTS.md §3 and the README's extensions) as a schema, for reading reports that were
 * stored, such as the one inside an attempt record. Fields it does not know are dropped, so a newer engine's
 * report still reads. `scenario` and `playbook` may carry the content hash that CONTRACTS.md §6 adds.
 */
const Points = z.number().finite();

const ScoreSchema = z.object({ points: Points, max: Points, percent: z.number().int().min(0).max(100) });

const ContentRefSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  title: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits').optional(),
});

const FindingSchema = z.object({
  id: z.string(),
  title: z.string(),
  competency: Competency,
  rule: z.string(),
  met: z.boolean(),
  status: z.enum(['on-time', 'late', 'missed', 'avoided', 'violated', 'partial']),
  due: z.string().nullable(),
  at: z.string().nullable(),
  points: Points,
  max: Points,
  message: z.string(),
  expected: z.string(),
  observed: z.string(),
  reference: z.string(),
  actionIndex: z.number().int().min(0).optional(),
  critical: z.literal(true).optional(),
});

const VerdictSchema = z.object({
  percent: z.number().int().min(0).max(100),
  reasons: z.array(
    z.object({
      code: z.enum(['below-pass-mark', 'critical-missed', 'failure-ending', 'capped-by-ending']),
      message: z.string(),
      finding: z.string().optional(),
    }),
  ),
  summary: z.string(),
});

const CanFeedbackSchema = z.object({
  submittedAt: z.string().nullable(),
  facts: z.array(
    z.object({ id: z.string(), label: z.string(), section: CanSection, foundIn: CanSection.nullable(), points: Points, max: Points, contradicted: z.literal(true).optional() }),
  ),
  found: z.array(z.string()),
  missed: z.array(z.string()),
});

export const ScoreReportSchema = z.object({
  scenario: ContentRefSchema,
  playbook: ContentRefSchema,
  trainee: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  total: ScoreSchema,
  passed: z.boolean(),
  passPercent: z.number().min(0).max(100),
  competencies: z.array(z.object({ id: Competency, ...ScoreSchema.shape })),
  findings: z.array(FindingSchema),
  can: CanFeedbackSchema.nullable(),
  ending: z.object({ id: z.string(), title: z.string(), outcome: z.string() }).nullable(),
  verdict: VerdictSchema.optional(),
}) satisfies z.ZodType<ScoreReport>;
