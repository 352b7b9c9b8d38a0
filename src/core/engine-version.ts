/**
 * The version of the grading engine, recorded in every attempt (CONTRACTS.md §6) so that a report can be
 * traced to the engine that graded it. It is package.json's "version"; a unit test keeps the two equal.
 */
export const ENGINE_VERSION = '0.3.0';
