import { treatyStatusProjection, type Projection } from '@timeline/projections';

/** The projections the service's read model is made of: what it runs live and what a rebuild replays. */
export const READ_MODEL_PROJECTIONS: readonly Projection<unknown>[] = [treatyStatusProjection];
