/**
 * Where the status view (`GET /treaties/{id}`) shows each field of a registration (`POST /treaties`). `parties` is
 * read from `originalParties`: `parties` grows as states join, and a rerun after the import's own accessions must
 * still find the same registration.
 */
const ON_RECORD: Readonly<Record<string, string>> = {
  title: 'title',
  parties: 'originalParties',
  category: 'category',
  kind: 'kind',
  depositary: 'depositary',
  entryIntoForce: 'entryIntoForceClause',
  withdrawalNoticeDays: 'withdrawalNoticeDays',
  withdrawalNotice: 'withdrawalNotice',
  identifiers: 'identifiers',
  relations: 'relations',
};

/**
 * The fields in which a registration from an import file differs from the treaty on record under its id (empty:
 * the same registration, sent again). Only the fields the file gives are compared: a treaty registered with more
 * detail than the file holds is still the file's. Parties and relations are sets (their order says nothing);
 * within a clause or the identifiers, a field the file leaves out must be empty on record too. Text is compared as
 * the service keeps it: one spelling (NFC) whatever the keyboard produced, without the spaces around it.
 */
export function registrationDifferences(
  registration: Readonly<Record<string, unknown>>,
  onRecord: Readonly<Record<string, unknown>>,
): string[] {
  return Object.keys(ON_RECORD).filter((field) => {
    const given = asKept(registration[field]);
    if (given === undefined) return false;
    const recorded = asKept(onRecord[ON_RECORD[field]!]);
    if (field === 'parties') return !sameSet(given, recorded);
    if (field === 'relations') return !sameSet(given, outgoing(recorded));
    return !same(given, recorded);
  });
}

/** Every text in `value` as the service keeps a name or title: NFC, trimmed (`"  Convention  on X "` is kept as
 * `"Convention  on X"`). */
function asKept(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (Array.isArray(value)) return value.map(asKept);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asKept(inner)]));
  return value;
}

/** The relations the treaty states itself, as registered: the view adds those other treaties state about it. */
function outgoing(relations: unknown): unknown {
  if (!Array.isArray(relations)) return relations;
  return relations
    .filter((relation: Record<string, unknown>) => relation?.direction === 'outgoing')
    .map((relation: Record<string, unknown>) => ({ type: relation.type, treatyId: relation.treatyId }));
}

function sameSet(given: unknown, recorded: unknown): boolean {
  if (!Array.isArray(given) || !Array.isArray(recorded) || given.length !== recorded.length) return false;
  const keys = recorded.map(canonical);
  return given.every((item) => keys.includes(canonical(item)));
}

function same(given: unknown, recorded: unknown): boolean {
  if (isObject(given) && isObject(recorded)) {
    const fields = new Set([...Object.keys(given), ...Object.keys(recorded)]);
    return [...fields].every((field) =>
      given[field] === undefined ? isEmpty(recorded[field]) : same(given[field], recorded[field]),
    );
  }
  return canonical(given) === canonical(recorded);
}

/** What the view shows for a field never given: null, false (a flag not set), or nothing. */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === false;
}

/** JSON with keys sorted, so that the same object written in another order compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isObject(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
