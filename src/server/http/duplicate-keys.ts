/** A key written twice in one object of a JSON text, and where its second spelling begins. */
export interface DuplicateKey {
  readonly key: string;
  readonly offset: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The first key repeated within one object of a text that JSON.parse has already accepted, or undefined.
 * JSON.parse keeps the last value silently; a request is refused instead. One pass, no recursion, so a deep or
 * wide document cannot overflow the stack.
 */
export function firstDuplicateKey(validJson: string): DuplicateKey | undefined {
  const keysByDepth: (Set<string> | null)[] = [];
  let expectingKey = false;
  for (let i = 0; i < validJson.length; i++) {
    const code = validJson.charCodeAt(i);
    if (code === QUOTE) {
      const start = i;
      let escaped = false;
      for (i++; validJson.charCodeAt(i) !== QUOTE; i++) {
        if (validJson.charCodeAt(i) === BACKSLASH) {
          escaped = true;
          i++;
        }
      }
      const keys = keysByDepth[keysByDepth.length - 1];
      if (!expectingKey || !keys) continue;
      const key = escaped ? (JSON.parse(validJson.slice(start, i + 1)) as string) : validJson.slice(start + 1, i);
      if (keys.has(key)) return { key, offset: start };
      keys.add(key);
      expectingKey = false;
    } else if (code === 0x7b) {
      keysByDepth.push(new Set());
      expectingKey = true;
    } else if (code === 0x5b) {
      keysByDepth.push(null);
    } else if (code === 0x7d || code === 0x5d) {
      keysByDepth.pop();
    } else if (code === 0x2c) {
      expectingKey = keysByDepth[keysByDepth.length - 1] != null;
    }
  }
  return undefined;
}

/** Line and column (from 1) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
