import type { TreatyStatus } from '@timeline/treaty';

// A record, so that a status added to the domain and not here fails to compile.
const STATUSES: Record<TreatyStatus, true> = {
  registered: true,
  signed: true,
  'ratification-in-progress': true,
  ratified: true,
  'in-force': true,
  suspended: true,
  terminated: true,
  'will-not-enter-into-force': true,
};

export const TREATY_STATUSES = Object.keys(STATUSES) as TreatyStatus[];
