/* global fetch */
// The API's own validation rules, read from its OpenAPI document at run time, so that the desk never states a rule
// the API does not apply (nor misses one it adds).

/** Loads /docs-json and answers the rules of a field, named by its schema and its path (`source.publisher`). */
export async function loadRules() {
  const response = await fetch('/docs-json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`The API's OpenAPI document did not load (${response.status})`);
  const document = await response.json();
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema) => {
    const reference = schema?.$ref ?? schema?.allOf?.find((part) => part.$ref)?.$ref;
    return reference ? { ...schemas[reference.split('/').pop()], ...withoutRef(schema) } : schema;
  };
  return function rulesOf(schemaName, path) {
    let schema = schemas[schemaName];
    let required = false;
    for (const part of path.split('.')) {
      const parent = resolve(schema);
      schema = parent?.properties?.[part];
      required = (parent?.required ?? []).includes(part);
      if (!schema) return null;
    }
    return describe(resolve(schema), required);
  };
}

function withoutRef(schema) {
  const rest = { ...schema };
  delete rest.$ref;
  delete rest.allOf;
  return rest;
}

/** The rule of one field in the editor's words, and the values a choice offers. */
function describe(schema, required) {
  const items = schema.type === 'array' ? (schema.items ?? {}) : null;
  const rules = [required ? 'required' : 'optional'];
  if (schema.maxLength !== undefined) rules.push(`at most ${schema.maxLength} characters`);
  if (items?.maxLength !== undefined) rules.push(`each at most ${items.maxLength} characters`);
  if (schema.maxItems !== undefined) rules.push(`at most ${schema.maxItems}`);
  if (schema.pattern !== undefined) rules.push(`matches ${schema.pattern}`);
  if (items?.pattern !== undefined) rules.push(`each matches ${items.pattern}`);
  if (schema.format !== undefined) rules.push(schema.format);
  if (schema.type === 'integer') rules.push('a whole number');
  if (schema.minimum !== undefined) rules.push(`at least ${schema.minimum}`);
  if (schema.maximum !== undefined) rules.push(`at most ${schema.maximum}`);
  return {
    required,
    maxLength: schema.maxLength,
    pattern: schema.pattern,
    enum: schema.enum ?? items?.enum ?? null,
    list: items !== null,
    // In a correction, `null` removes a recorded value: the form offers to send it.
    nullable: schema.nullable === true,
    text: rules.join(' · '),
    description: schema.description ?? null,
  };
}
