import type { Assignment, Cohort, Role, StoredVersion, User } from './store.ts';

/** Turning rows into what the store answers with. Timestamps leave as ISO 8601 UTC texts. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a text can be a uuid column's value; reads with anything else find nothing instead of failing. */
export const isUuid = (text: string): boolean => UUID.test(text);

export const iso = (date: Date): string => date.toISOString();

/** Emails are kept trimmed and lowercased, so each address has one account whatever its case. */
export const normalEmail = (email: string): string => email.trim().toLowerCase();

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  created_at: Date;
}

export function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: iso(row.created_at) };
}

export interface CohortRow {
  id: string;
  name: string;
  instructor_id: string;
  created_at: Date;
  member_count: number | null;
}

export function toCohort(row: CohortRow): Cohort {
  return { id: row.id, name: row.name, instructorId: row.instructor_id, createdAt: iso(row.created_at), memberCount: Number(row.member_count ?? 0) };
}

export interface VersionRow {
  kind: StoredVersion['kind'];
  id: string;
  version: string;
  sha256: string;
  text: string;
}

export function toVersion(row: VersionRow): StoredVersion {
  return { kind: row.kind, id: row.id, version: row.version, sha256: row.sha256, text: row.text };
}

export interface AssignmentRow {
  id: string;
  cohort_id: string;
  cohort_name: string;
  scenario_id: string;
  scenario_version: string;
  scenario_sha256: string;
  scenario_text: string;
  due_at: Date | null;
  created_at: Date;
}

export function toAssignment(row: AssignmentRow): Assignment {
  return {
    id: row.id,
    cohortId: row.cohort_id,
    cohortName: row.cohort_name,
    scenario: { id: row.scenario_id, version: row.scenario_version, sha256: row.scenario_sha256, title: titleOf(row.scenario_text, row.scenario_id) },
    dueAt: row.due_at === null ? null : iso(row.due_at),
    createdAt: iso(row.created_at),
  };
}

/** The `title` of a stored scenario's JSON text; its id when the text has none. */
export function titleOf(text: string, fallback: string): string {
  try {
    const value: unknown = JSON.parse(text);
    const title = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['title'] : undefined;
    return typeof title === 'string' && title !== '' ? title : fallback;
  } catch {
    return fallback;
  }
}
