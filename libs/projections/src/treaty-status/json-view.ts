/** A view as it leaves the process: bigints as decimal strings, dates as ISO strings (the read model stores this). */
export type JsonView = { [key: string]: unknown };

/** The view's JSON text: what the read model stores and what clients receive. */
export function toJsonText(view: object): string {
  return JSON.stringify(view, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

export function toJsonView(view: object): JsonView {
  return JSON.parse(toJsonText(view)) as JsonView;
}
