import { ACTION_KINDS } from '../actions/registry.ts';
import { MATCHER_ID_FIELDS, type ActionMatcher } from './schema.ts';

/** Matcher fields that test a property of the action, rather than its type. */
export type MatcherField = (typeof MATCHER_ID_FIELDS)[number] | 'timeBoxed' | 'mentions' | 'says';

type AnyKind = (typeof ACTION_KINDS)[number];
const typeOf = (kind: AnyKind): string => kind.schema.shape.type.value;
const hasField = (kind: AnyKind, field: string): boolean => Object.hasOwn(kind.schema.shape, field);

/** Whether an action type has what a matcher field tests, as its registry entry declares it. */
function kindHas(kind: AnyKind, field: MatcherField): boolean {
  if (field === 'timeBoxed') return hasField(kind, 'dueMinutes');
  if (field === 'mentions' || field === 'says') return 'text' in kind && kind.text !== undefined;
  return hasField(kind, field);
}

const MATCHER_FIELDS: readonly MatcherField[] = [...MATCHER_ID_FIELDS, 'timeBoxed', 'mentions', 'says'];

/** For each matcher field, the action types that have it, in registry order. */
export const ACTION_TYPES_WITH_FIELD: ReadonlyMap<MatcherField, readonly string[]> = new Map(
  MATCHER_FIELDS.map((field) => [field, ACTION_KINDS.filter((kind) => kindHas(kind, field)).map(typeOf)]),
);

export interface UnmatchableField {
  readonly field: MatcherField;
  /** The action types that do have the field. */
  readonly typesWithField: readonly string[];
}

/** The fields of a matcher that none of its action types has, so that it can never match. */
export function unmatchableFields(matcher: ActionMatcher): UnmatchableField[] {
  const types = typeof matcher.type === 'string' ? [matcher.type] : matcher.type;
  return MATCHER_FIELDS.flatMap((field) => {
    if (matcher[field] === undefined) return [];
    const typesWithField = ACTION_TYPES_WITH_FIELD.get(field) ?? [];
    return types.some((type) => typesWithField.includes(type)) ? [] : [{ field, typesWithField }];
  });
}
