// Words for the API's tokens. The tokens themselves stay in `data-*` attributes, for styles and tests.

const STATUS_LABELS = {
  registered: 'registered',
  signed: 'signed',
  'ratification-in-progress': 'ratification in progress',
  ratified: 'ratified',
  'in-force': 'in force',
  suspended: 'suspended',
  terminated: 'terminated',
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
};

export const statusLabel = (status) => STATUS_LABELS[status] ?? String(status);
export const developmentLabel = (type) => DEVELOPMENT_LABELS[type] ?? String(type);

/** How the date axis draws a development: signature, a party's step, entry into force, or anything else. */
export function markKind(type) {
  switch (type) {
    case 'signed':
      return 'signature';
    case 'legislative-approval':
    case 'ratification-completed':
      return 'step';
    case 'entered-into-force':
      return 'force';
    default:
      return 'other';
  }
}

/** A development's title: its type, and the body that acted where there is one. */
export function developmentTitle(item) {
  const label = developmentLabel(item.type);
  return item.body ? `${label}: ${item.body}` : label;
}

export const PRECISION_NOTES = { month: 'known only to the month', year: 'known only to the year' };
