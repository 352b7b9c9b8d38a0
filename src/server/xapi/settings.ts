import { z } from 'zod';
import type { ResultsStore } from '../db/store.ts';
import { XAPI_SETTINGS_KEY } from '../db/xapi-outbox.ts';

/**
 * Where xAPI statements go: the LRS's statements endpoint (its base, such as `https://lrs.example.com/xAPI/`;
 * statements are posted to `statements` under it), the Basic credentials the LRS gave, whether sending is on,
 * and the home page of the actors' accounts (this server's public address). Kept in the `settings` table; the
 * secret is stored as given (the LRS needs it back) and never leaves the server.
 */
export interface XapiSettings {
  readonly endpoint: string;
  readonly key: string;
  readonly secret: string;
  readonly enabled: boolean;
  readonly homePage: string;
}

/** An absolute http or https address with no credentials or fragment in it. */
export const HttpUrl = z
  .string()
  .trim()
  .min(1, 'an address is needed')
  .max(2000)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' && url.hash === '';
    } catch {
      return false;
    }
  }, 'expected an http:// or https:// address, with no user name, password or #fragment in it');

const Secret = z.string().min(1, 'a secret is needed').max(1000);
const Key = z.string().trim().min(1, 'a key is needed').max(1000);

const StoredSettings = z.object({ endpoint: HttpUrl, key: Key, secret: Secret, enabled: z.boolean(), homePage: HttpUrl });

/** What an admin sends: the secret may be left out to keep the one stored. */
export const XapiSettingsInput = z.strictObject({ endpoint: HttpUrl, key: Key, secret: Secret.optional(), enabled: z.boolean(), homePage: HttpUrl });
export type XapiSettingsInput = z.infer<typeof XapiSettingsInput>;

/** The settings as stored, or undefined when no LRS was ever configured (or what is stored no longer reads). */
export async function readXapiSettings(store: ResultsStore): Promise<XapiSettings | undefined> {
  const parsed = StoredSettings.safeParse(await store.getSetting(XAPI_SETTINGS_KEY));
  return parsed.success ? parsed.data : undefined;
}

export async function writeXapiSettings(store: ResultsStore, settings: XapiSettings): Promise<void> {
  await store.putSetting(XAPI_SETTINGS_KEY, { ...settings, endpoint: withSlash(settings.endpoint) });
}

/** What an admin may see of the settings: everything but the secret, and whether one is set. */
export function publicXapiSettings(settings: XapiSettings | undefined) {
  if (settings === undefined) return { configured: false, endpoint: null, key: null, secretSet: false, enabled: false, homePage: null };
  return { configured: true, endpoint: settings.endpoint, key: settings.key, secretSet: settings.secret !== '', enabled: settings.enabled, homePage: settings.homePage };
}

/** The xAPI base ends with a slash, so `statements` is resolved under it rather than beside it. */
function withSlash(endpoint: string): string {
  return endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
}
