import { describe, expect, it } from '@jest/globals';
import { extractDevelopments } from './extract-developments';
import type { KnownTreaty } from './extraction.types';

// Decision 0067: a multilateral convention an organisation adopted may be registered with no original party, or one.
const ilo190 = (parties: string[]): KnownTreaty => ({
  id: 'ilo-c190',
  title: 'Violence and Harassment Convention, 2019 (No. 190)',
  parties,
});
const TWO_PARTY_CONVENTION: KnownTreaty = { ...ilo190(['FR', 'IT']), id: 'two-party' };

describe('a treaty registered with fewer than two parties in the extraction', () => {
  const text = 'Paris — France and Germany signed a defence agreement on Monday.';

  it('a convention of two parties does not catch a France–Germany act (as before 0067)', () => {
    const { proposals } = extractDevelopments({ text, publishedOn: '2025-04-16' }, [TWO_PARTY_CONVENTION]);
    expect(proposals[0]).toMatchObject({ treatyId: null });
  });

  it.each([[[]], [['FR']]])(
    'a convention registered with parties %j does not catch a France–Germany act either',
    (parties) => {
      const { proposals } = extractDevelopments({ text, publishedOn: '2025-04-16' }, [ilo190(parties)]);
      expect(proposals[0]).toMatchObject({ treatyId: null });
    },
  );
});
