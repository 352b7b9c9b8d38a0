/** Join codes: 6 characters a class can read off a wall and type on a phone, with no 0, O, 1, I or L to confuse. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

const JOIN_CODE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** A new code from `randomIndex`, which answers a whole number below its argument (crypto-backed on the server). */
export function newJoinCode(randomIndex: (below: number) => number): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomIndex(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** The code as typed: upper-cased, spaces and dashes dropped; null when it cannot be a join code. */
export function normalizeJoinCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return JOIN_CODE.test(code) ? code : null;
}
