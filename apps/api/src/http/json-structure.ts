import { ApiProblem } from '../problems/api-problem';

/** Deeper than any body this API takes (a correction's `changes.votes` is 3), far below what overflows a stack. */
export const MAX_JSON_DEPTH = 32;

interface Frame {
  readonly kind: 'object' | 'array';
  readonly path: string;
  /** Objects: the keys seen so far. Arrays: unused. */
  readonly keys: Set<string>;
  /** Objects: the next string is a key. */
  expectKey: boolean;
  /** Objects: the key of the current member. */
  key: string;
  /** Arrays: the index of the current element. */
  index: number;
}

/**
 * One iterative pass over a JSON text, before anything parses it: refuses nesting deeper than `maxDepth` (every
 * later step, JSON.parse included, recurses per level) and a key that appears twice in one object (JSON.parse
 * keeps the last, so `{"type":"signed","type":"terminated"}` would say something other than it seems to). It does
 * not validate the syntax: JSON.parse does that next, and a malformed text only has to leave this pass in time.
 */
export function assertJsonStructure(text: string, maxDepth = MAX_JSON_DEPTH): void {
  const stack: Frame[] = [];
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    const top = stack[stack.length - 1];
    if (char === 0x22 /* " */) {
      const end = endOfString(text, at);
      if (top?.kind === 'object' && top.expectKey) {
        const raw = text.slice(at, end + 1);
        const key = raw.includes('\\') ? decodeKey(raw) : raw.slice(1, -1);
        if (top.keys.has(key)) {
          const field = join(top.path, key);
          throw new ApiProblem(400, 'DUPLICATE_KEY', `${truncate(field)}: the key appears twice in one object`, {
            field: truncate(field),
          });
        }
        top.keys.add(key);
        top.expectKey = false;
        top.key = key;
      }
      at = end;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      if (stack.length >= maxDepth) {
        throw new ApiProblem(400, 'JSON_TOO_DEEP', `The body nests objects and arrays deeper than ${maxDepth} levels`, {
          maxDepth,
        });
      }
      const path = top === undefined ? '' : join(top.path, top.kind === 'object' ? top.key : top.index);
      const kind = char === 0x7b ? 'object' : 'array';
      stack.push({ kind, path, keys: new Set(), expectKey: true, key: '', index: 0 });
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      stack.pop();
    } else if (char === 0x2c /* , */ && top !== undefined) {
      if (top.kind === 'object') top.expectKey = true;
      else top.index += 1;
    }
  }
}

/** The index of the closing quote of the string opening at `start`, or the text's end if it has none. */
function endOfString(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (char === 0x5c /* \ */) at += 1;
    else if (char === 0x22) return at;
  }
  return text.length - 1;
}

function decodeKey(raw: string): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw; // malformed: JSON.parse of the whole body refuses it next
  }
}

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

function truncate(field: string): string {
  return field.length > 200 ? `${field.slice(0, 200)}…` : field;
}
