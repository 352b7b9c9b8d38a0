import type { FindingStatus } from '../../core/report/score-report.ts';
import type { Ending } from '../../core/scenario/schema.ts';
import type { Competency } from '../../core/schema-primitives.ts';
import type { Mode } from '../../app/store.ts';

const COMPETENCY: Record<Competency, string> = {
  priority: 'Priority and classification',
  notification: 'Notification',
  'bridge-control': 'Bridge control',
  escalation: 'Escalation',
  'can-report': 'CAN report',
};

export function competencyLabel(id: Competency): string {
  return COMPETENCY[id];
}

/** good, mixed or bad: the colour family a status is drawn in. The text always says the status too. */
export type Tone = 'good' | 'mixed' | 'bad';

const STATUS: Record<FindingStatus, { readonly label: string; readonly icon: string; readonly tone: Tone }> = {
  'on-time': { label: 'On time', icon: '✓', tone: 'good' },
  avoided: { label: 'Avoided', icon: '✓', tone: 'good' },
  late: { label: 'Late', icon: '◷', tone: 'mixed' },
  partial: { label: 'Partly done', icon: '◐', tone: 'mixed' },
  missed: { label: 'Missed', icon: '✕', tone: 'bad' },
  violated: { label: 'Violated', icon: '!', tone: 'bad' },
};

export function statusLabel(status: FindingStatus): string {
  return STATUS[status].label;
}

export function statusIcon(status: FindingStatus): string {
  return STATUS[status].icon;
}

export function statusTone(status: FindingStatus): Tone {
  return STATUS[status].tone;
}

const OUTCOME: Record<Ending['outcome'], string> = { success: 'Success', partial: 'Partial success', failure: 'Failure' };

export function outcomeLabel(outcome: Ending['outcome']): string {
  return OUTCOME[outcome];
}

export function modeLabel(mode: Mode): string {
  return mode === 'coach' ? 'Coach mode' : 'Exam mode';
}

const SECTION = { conditions: 'Conditions', actions: 'Actions', needs: 'Needs' } as const;

export function canSectionLabel(section: keyof typeof SECTION): string {
  return SECTION[section];
}

/** Points as the report gives them: whole, or with one decimal where partial credit applies. */
export function pointsText(points: number): string {
  return String(Math.round(points * 10) / 10);
}

/** A tone for a percentage against the pass mark: at or above passes, within 20 points is close. */
export function percentTone(percent: number, passPercent: number): Tone {
  return percent >= passPercent ? 'good' : percent >= passPercent - 20 ? 'mixed' : 'bad';
}
