import { z } from 'zod';
import { ROLES } from '../db/store.ts';
import { PASSWORD_MAX } from '../passwords.ts';

/** Request shapes shared by several routes. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'expected an email address' }));
export const Password = z.string().max(PASSWORD_MAX);
export const PersonName = z.string().trim().min(1, 'a name is needed').max(200);
export const RoleName = z.enum(ROLES);
export const Uuid = z.uuid();
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits');
export const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a link token');
export const IdParam = z.object({ id: Uuid });
