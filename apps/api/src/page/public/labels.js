// Words for the API's tokens. The tokens themselves stay in `data-*` attributes, for styles and tests.

const STATUS_LABELS = {
  registered: 'registered',
  signed: 'signed',
  'ratification-in-progress': 'ratification in progress',
  ratified: 'ratified',
  'in-force': 'in force',
  suspended: 'suspended',
  terminated: 'terminated',
  'will-not-enter-into-force': 'will not enter into force',
  pending: 'pending',
  'in-progress': 'in progress',
  completed: 'completed',
};

const DEVELOPMENT_LABELS = {
  signed: 'Signed',
  'legislative-approval': 'Legislative approval',
  'ratification-completed': 'Ratification completed',
  'instruments-exchanged': 'Instruments of ratification exchanged',
  'entered-into-force': 'Entered into force',
  suspended: 'Suspended',
  resumed: 'Resumed',
  withdrawn: 'Party withdrew',
  terminated: 'Terminated',
  'consent-to-be-bound': 'Consent to be bound',
  reservation: 'Reservation',
  declaration: 'Declaration',
  objection: 'Objection',
  'reservation-withdrawn': 'Reservation withdrawn',
  'objection-withdrawn': 'Objection withdrawn',
  'provisional-application-started': 'Provisional application started',
  'provisional-application-ended': 'Provisional application ended',
  'withdrawal-notified': 'Withdrawal notified',
  'withdrawal-revoked': 'Withdrawal notice revoked',
  statement: 'Statement',
  negotiations: 'Negotiations',
  context: 'Context',
};

export const CONSENT_LABELS = {
  ratification: 'ratification',
  acceptance: 'acceptance',
  approval: 'approval',
  accession: 'accession',
  succession: 'succession',
  'definitive-signature': 'definitive signature',
};

const STAGE_LABELS = { announced: 'announced', held: 'held', ended: 'ended' };

/** A chamber's stage of procedure; without one, a report is of the chamber's decisive vote. */
const LEGISLATIVE_STAGE_LABELS = {
  committee: 'committee',
  'first-reading': 'first reading',
  'second-reading': 'second reading',
  'third-reading': 'third reading',
  final: 'final vote',
};

/** How one treaty relates to another, read from this treaty's side (the API gives the inverse for incoming ones). */
const RELATION_LABELS = {
  amends: 'Amends',
  'amended-by': 'Amended by',
  'protocol-to': 'Protocol to',
  'has-protocol': 'Has a protocol',
  supersedes: 'Supersedes',
  'superseded-by': 'Superseded by',
  'builds-on': 'Builds on',
  'built-on-by': 'Built on by',
};

/** Statements, negotiations and context: the diplomacy around a treaty, which never changes where it stands. */
const DIPLOMACY_TYPES = new Set(['statement', 'negotiations', 'context']);
export const isDiplomacy = (item) => item.kind === 'diplomacy' || DIPLOMACY_TYPES.has(item.type);
export const consentLabel = (type) => CONSENT_LABELS[type] ?? String(type);
export const relationLabel = (type) => RELATION_LABELS[type] ?? String(type);

export const statusLabel = (status) => STATUS_LABELS[status] ?? String(status);
export const developmentLabel = (type) => DEVELOPMENT_LABELS[type] ?? String(type);

/**
 * How the date axis draws a development: signature, a party's step, entry into force, diplomacy (statement,
 * negotiations, context: drawn apart, as diamonds), or any other legal act.
 */
export function markKind(type) {
  switch (type) {
    case 'signed':
      return 'signature';
    case 'legislative-approval':
    case 'ratification-completed':
    case 'consent-to-be-bound':
      return 'step';
    case 'entered-into-force':
      return 'force';
    case 'statement':
    case 'negotiations':
    case 'context':
      return 'diplomacy';
    default:
      return 'other';
  }
}

/** A development's title: its type, and the body that acted where there is one. */
export function developmentTitle(item) {
  const label = developmentLabel(item.type);
  switch (item.type) {
    case 'consent-to-be-bound':
      return item.consentType ? `${label}: ${consentLabel(item.consentType)}` : label;
    case 'objection':
      return item.againstParty ? `Objection to ${item.againstParty}'s reservation` : label;
    case 'statement':
      return item.speaker ? `Statement by ${item.speaker}` : label;
    case 'negotiations':
      return `Negotiations ${STAGE_LABELS[item.stage] ?? String(item.stage ?? '')}`.trim();
    case 'legislative-approval': {
      const stage = item.stage ? `, ${LEGISLATIVE_STAGE_LABELS[item.stage] ?? String(item.stage)}` : '';
      return item.body ? `${label}: ${item.body}${stage}` : `${label}${stage}`;
    }
    case 'reservation':
      return item.confirmsReservationId ? 'Reservation confirmed on consent' : label;
    default:
      return item.body ? `${label}: ${item.body}` : label;
  }
}

export const PRECISION_NOTES = { month: 'known only to the month', year: 'known only to the year' };
