/** A view as it leaves the process: bigints as decimal strings, dates as ISO strings (the read model stores this). */
export type JsonView = { [key: string]: unknown };

export function toJsonView(view: object): JsonView {
  return JSON.parse(
    JSON.stringify(view, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
  ) as JsonView;
}
