import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<Storage['getTargetValidationMetadatas']>;
type GroupedRules = ReturnType<Storage['groupByPropertyName']>;

const REMEMBERING = Symbol('rememberingValidationRules');

/**
 * class-validator looks up a DTO's rules on every validation (of every nested object too): it filters the class's
 * rules and walks every class that has rules to find its parents, then groups the result by property. The answer
 * cannot change while no rule is registered, and rules are registered when DTO modules load, before requests come.
 * This remembers each answer per class and options and forgets them all whenever a rule is registered, so a class
 * loaded later is still seen. The validation itself (every rule on every value) still runs on every request.
 * Idempotent: the storage is process-wide, and tests build many apps in one process.
 */
export function rememberValidationRules(storage: Storage = getMetadataStorage()): void {
  const patched = storage as Storage & { [REMEMBERING]?: true };
  if (patched[REMEMBERING]) return;
  patched[REMEMBERING] = true;

  let rules = new Map<unknown, Map<string, Rules>>();
  let grouped = new WeakMap<Rules, GroupedRules>();
  const forget = () => {
    rules = new Map();
    grouped = new WeakMap();
  };

  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let forTarget = rules.get(target);
    if (forTarget === undefined) rules.set(target, (forTarget = new Map<string, Rules>()));
    let found = forTarget.get(options);
    if (found === undefined) forTarget.set(options, (found = lookUp(target, schema, always, strictGroups, groups)));
    return found;
  };

  const group = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (found === undefined) grouped.set(metadata, (found = group(metadata)));
    return found;
  };

  for (const register of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const original = (storage[register] as (argument: unknown) => void).bind(storage);
    (storage as unknown as Record<string, (argument: unknown) => void>)[register] = (argument) => {
      forget();
      original(argument);
    };
  }
}
