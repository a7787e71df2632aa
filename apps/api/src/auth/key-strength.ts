/** Below this many bits, estimated from a key's own characters, a key is refused as guessable. */
export const MIN_KEY_BITS = 48;
/** Keys whose characters mostly repeat or count up or down (`aaaa...`, `0123...`, `fedc...`) are refused too. */
const MAX_SEQUENTIAL_STEPS = 0.75;

/**
 * An estimate of a key's entropy from its characters: their Shannon entropy times the length. It cannot know how
 * a key was made, only refuse the obviously weak: `aaaaaaaaaaaaaaaa` is 0 bits, a 24-byte random key in base64url
 * about 140. Fresh keys from `openssl rand -base64 24` always pass.
 */
export function estimatedKeyBits(key: string): number {
  const characters = [...key];
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bitsPerCharacter = 0;
  for (const count of counts.values()) {
    const share = count / characters.length;
    bitsPerCharacter -= share * Math.log2(share);
  }
  return bitsPerCharacter * characters.length;
}

function sequentialShare(key: string): number {
  const points = [...key].map((character) => character.codePointAt(0)!);
  let sequential = 0;
  for (let index = 1; index < points.length; index++) {
    if (Math.abs(points[index]! - points[index - 1]!) <= 1) sequential += 1;
  }
  return points.length > 1 ? sequential / (points.length - 1) : 1;
}

/** Guessable keys in a `role:key` list, each problem naming the variable and which key, never the key itself. */
export function weakKeyProblems(variable: string, pairs: readonly { role: string; key: string }[]): string[] {
  return pairs.flatMap(({ role, key }, index) => weakKeyProblem(variable, role, key, `pair ${index + 1}`) ?? []);
}

/** Why one key looks guessable, naming where it was given (`which`: the place within it), or undefined. */
export function weakKeyProblem(where: string, role: string, key: string, which?: string): string | undefined {
  const bits = estimatedKeyBits(key);
  if (bits >= MIN_KEY_BITS && sequentialShare(key) <= MAX_SEQUENTIAL_STEPS) return undefined;
  return `${where}: the ${role} key${which ? ` (${which})` : ''} looks guessable (about ${Math.floor(bits)} bits by its characters, at least ${MIN_KEY_BITS} needed, and not mostly repeated or consecutive characters); generate one, e.g. openssl rand -base64 24`;
}

/** A key given more than once (to two roles, the first would win, silently): one problem per such key. */
export function sharedKeyProblems(variable: string, pairs: readonly { role: string; key: string }[]): string[] {
  const rolesOfKey = new Map<string, string[]>();
  for (const { role, key } of pairs) rolesOfKey.set(key, [...(rolesOfKey.get(key) ?? []), role]);
  return [...rolesOfKey.values()]
    .filter((roles) => roles.length > 1)
    .map(
      (roles) =>
        `${variable}: one key is given ${roles.length} times (roles ${roles.join(', ')}); give each role its own key`,
    );
}

/** Splits a `role:key, role:key` list as TIMELINE_API_KEYS and the keys file hold it. */
export function splitKeyList(list: string): { role: string; key: string }[] {
  return list
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const separator = pair.indexOf(':');
      return separator < 0
        ? { role: pair, key: '' }
        : { role: pair.slice(0, separator), key: pair.slice(separator + 1) };
    });
}
