import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, StreamNotFoundError, type EventStore } from '@timeline/event-store';
import { isTreatyRuleViolation, treatyStreamName } from '@timeline/treaty';
import { ApiProblem } from '../../problems/api-problem';

/** The events that concern a development without being one, and how a message names them. */
const ABOUT_A_DEVELOPMENT: Record<string, string> = {
  DevelopmentCorrected: 'a correction',
  DevelopmentCorroborated: 'a corroborating report',
  DevelopmentRetracted: 'the retraction',
};

/**
 * A correction or a retraction names the development it concerns. An editor correcting a correction pastes the id
 * the correction's write answered (its permalink resolves it too); the decider, which knows developments only,
 * answered that the id named no development of the treaty, as it does for an id that was never written. When the id
 * is an event of the treaty about a development, the answer names that development and the route to post to.
 */
@Injectable()
export class DevelopmentNamedByEvent {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** `error`, or a clearer `DEVELOPMENT_NOT_FOUND` when `id` is a correction's, corroboration's or retraction's. */
  async explain(error: unknown, treatyId: string, id: string, route: 'corrections' | 'retractions'): Promise<unknown> {
    if (!isTreatyRuleViolation(error) || error.code !== 'DEVELOPMENT_NOT_FOUND') return error;
    const about = await this.eventAbout(treatyId, id).catch(() => undefined);
    if (!about) return error;
    const path = `/treaties/${treatyId}/developments/${about.developmentId}/${route}`;
    const instead =
      route === 'corrections'
        ? `to correct it (again), post to ${path}: a correction's fields replace those of the corrections before it`
        : `to retract the development, post to ${path}; a correction is undone by correcting the development again`;
    return new ApiProblem(
      404,
      'DEVELOPMENT_NOT_FOUND',
      `${id} is the id of ${about.what} of development ${about.developmentId}, not of a development: ${instead}`,
      { field: 'developmentId', developmentId: about.developmentId },
    );
  }

  private async eventAbout(treatyId: string, id: string) {
    try {
      for await (const event of this.store.readStream(treatyStreamName(treatyId))) {
        if (event.id !== id) continue;
        const what = ABOUT_A_DEVELOPMENT[event.type];
        const { developmentId } = event.data as { developmentId?: unknown };
        return what && typeof developmentId === 'string' ? { what, developmentId } : undefined;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return undefined;
  }
}
