import type { Role } from './db/store.ts';

const NAMES: Readonly<Record<Role, string>> = { admin: 'an admin', hr: 'an HR', instructor: 'an instructor', trainee: 'a trainee' };

/** "an HR", "a trainee": a role as a sentence names it. */
export const roleWithArticle = (role: Role): string => NAMES[role];
