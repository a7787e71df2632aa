import type { JsonView } from '@timeline/projections';

/**
 * The schema.org vocabulary inline, so that a JSON-LD processor expands the download without fetching a context.
 * Dates keep their precision (`2025`, `2025-04`, `2025-04-08` are all ISO 8601).
 */
export const TREATIES_CONTEXT = { '@vocab': 'https://schema.org/' } as const;

const LEGAL_FORCE: Record<string, string> = {
  'in-force': 'InForce',
  suspended: 'NotInForce',
  terminated: 'NotInForce',
};

/** A treaty as a schema.org `Legislation`: signed (`legislationDate`) and in force (`legislationDateOfApplicability`). */
export function treatyAsLegislation(treaty: JsonView, baseUrl: string): Record<string, unknown> {
  const id = String(treaty.id);
  const status = String(treaty.status);
  const parties = (treaty.parties as string[] | undefined) ?? [];
  return {
    '@id': `${baseUrl}/treaties/${encodeURIComponent(id)}`,
    '@type': 'Legislation',
    identifier: id,
    name: treaty.title,
    legislationType: 'treaty',
    genre: treaty.category,
    ...(typeof treaty.signedOn === 'string' ? { legislationDate: treaty.signedOn } : {}),
    ...(typeof treaty.enteredIntoForceOn === 'string'
      ? { legislationDateOfApplicability: treaty.enteredIntoForceOn }
      : {}),
    legislationLegalForce: { '@id': `https://schema.org/${LEGAL_FORCE[status] ?? 'NotInForce'}` },
    legislationPassedBy: parties.map((party) => ({ '@type': 'Organization', identifier: party, name: party })),
    creativeWorkStatus: status,
  };
}

/** The whole download, lazily: `{"@context":..., "@graph":[` then each treaty, then `]}`. */
export function* treatiesJsonLd(treaties: Iterable<JsonView>, baseUrl: string): Generator<string> {
  yield `{"@context":${JSON.stringify(TREATIES_CONTEXT)},"@graph":[`;
  let first = true;
  for (const treaty of treaties) {
    yield `${first ? '' : ','}\n${JSON.stringify(treatyAsLegislation(treaty, baseUrl))}`;
    first = false;
  }
  yield '\n]}\n';
}
