import { describe, expect, it } from '@jest/globals';
import { ApiProblem } from '../problems/api-problem';
import { revisionsInIfMatch } from '../treaties/if-match';
import { refuseStaleIfMatch } from './webhook-if-match';
import type { WebhookSubscription } from './webhook-subscription';

const subscription = { id: 's1', revision: 4n } as WebhookSubscription;
const judged = (header: string | undefined) => () =>
  refuseStaleIfMatch(subscription, header === undefined ? undefined : revisionsInIfMatch(header));

describe('refuseStaleIfMatch', () => {
  it('holds without If-Match, for *, and when a listed tag names the revision of the owner’s last change', () => {
    for (const header of [undefined, '*', '"4"', 'W/"4"', '4', '"2", "4"', '"4-digestofabody"', 'W/"4-x", "9"']) {
      expect(judged(header)).not.toThrow();
    }
  });

  it('is 412 REVISION_MISMATCH naming the current revision otherwise', () => {
    for (const [header, since] of [
      ['"3"', '3'],
      ['W/"5"', '5'],
      ['"1", "3", "7"', '3'],
      ['"7", "6"', '7'],
    ] as const) {
      let thrown: unknown;
      try {
        judged(header)();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ApiProblem);
      expect(thrown).toMatchObject({ status: 412, code: 'REVISION_MISMATCH', extensions: { currentRevision: '4' } });
      expect((thrown as Error).message).toContain(`since revision ${since}:`);
    }
  });
});
