import { describe, expect, it } from '@jest/globals';
import { NO_STREAM, STREAM_EXISTS, WrongExpectedRevisionError } from '@timeline/event-store';
import { treatyStreamName } from '@timeline/treaty';
import { problemFromKnownError } from './known-errors';

describe('problemFromKnownError', () => {
  describe('an If-Match that no longer holds: 412 in the editor’s terms, not the store’s', () => {
    it('names the treaty, the revision sent and the one it is at, and what to do', () => {
      const answer = problemFromKnownError(new WrongExpectedRevisionError(treatyStreamName('ru-ir-cstp'), 2n, 5n));
      expect(answer).toMatchObject({ status: 412, code: 'REVISION_MISMATCH', currentRevision: '5' });
      expect(answer?.detail).toBe(
        'Treaty ru-ir-cstp has changed since revision 2 (your If-Match): it is at revision 5. Read it again, decide on what it now says, and send its ETag as If-Match',
      );
      expect(answer?.detail).not.toContain('treaty-ru-ir-cstp');
    });

    it('says that a treaty does not exist for If-Match: *', () => {
      const answer = problemFromKnownError(
        new WrongExpectedRevisionError(treatyStreamName('never'), STREAM_EXISTS, NO_STREAM),
      );
      expect(answer).toMatchObject({ status: 412, currentRevision: 'no_stream' });
      expect(answer?.detail).toBe('Treaty never does not exist, so If-Match * does not hold');
    });
  });
});
