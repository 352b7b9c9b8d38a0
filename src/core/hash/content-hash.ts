import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalJson } from './canonical-json.ts';

/** A content hash as attempt records carry it: 64 lowercase hex digits. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The sha256 of a JSON value's canonical text (see canonical-json.ts), as 64 lowercase hex digits.
 *
 * A scenario's or playbook's hash (CONTRACTS.md §6) is taken of the file's parsed JSON value as written
 * (its `$schema` line included), never of the object the loader returns. The two are the same JSON today,
 * as the schemas add no defaults, but a schema that one day fills in a default would otherwise change the
 * hash of a file nobody edited. Key order and whitespace in the file never change the hash; any changed
 * value does. Throws a CanonicalJsonError for a value JSON cannot hold.
 */
export function contentSha256(value: unknown): string {
  return toHex(sha256(new TextEncoder().encode(canonicalJson(value))));
}

/** contentSha256 of JSON text; a leading byte-order mark is not content. Throws a SyntaxError when the text is not JSON. */
export function contentSha256OfJsonText(text: string): string {
  return contentSha256(JSON.parse(text.replace(/^\uFEFF/, '')));
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
