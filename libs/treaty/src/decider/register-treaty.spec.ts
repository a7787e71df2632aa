import { describe, it } from '@jest/globals';
import { register, registered, spec, TREATY_ID } from '../testing/treaty-fixtures';

describe('RegisterTreaty', () => {
  it('registers a new treaty', () => {
    spec.given([]).when(register()).then(registered());
  });

  it('accepts organisation codes as parties and trims the title', () => {
    spec
      .given([])
      .when(register({ parties: ['EAEU', 'IR', 'RU'], title: '  Interim Agreement  ', category: 'trade' }))
      .then(registered({ parties: ['EAEU', 'IR', 'RU'], title: 'Interim Agreement', category: 'trade' }));
  });

  it('refuses to register a treaty twice', () => {
    spec
      .given([registered()])
      .when(register({ title: 'Another title' }))
      .thenThrows('TREATY_ALREADY_REGISTERED', { field: 'treatyId', message: new RegExp(TREATY_ID) });
  });

  it.each(['ab', 'RU-IR', '-ru-ir', 'ru_ir', `a${'b'.repeat(81)}`, ''])('refuses the id %j', (treatyId) => {
    spec
      .given([])
      .when(register({ treatyId }))
      .thenThrows(treatyId === '' ? 'MISSING_FIELD' : 'INVALID_TREATY_ID', { field: 'treatyId' });
  });

  it('accepts the longest id', () => {
    const treatyId = `a${'b'.repeat(80)}`;
    spec.given([]).when(register({ treatyId })).then(registered({ treatyId }));
  });

  it('needs a title', () => {
    spec
      .given([])
      .when(register({ title: '   ' }))
      .thenThrows('MISSING_FIELD', { field: 'title' });
  });

  it.each([['ru'], ['R'], ['RUSSIAN-FED'], ['EURASIANECU'], ['7R']])('refuses the party code %s', (code) => {
    spec
      .given([])
      .when(register({ parties: ['IR', code] }))
      .thenThrows('INVALID_PARTY_CODE', { field: 'parties[1]', message: /ISO 3166-1 alpha-2/ });
  });

  it('needs at least two parties', () => {
    spec
      .given([])
      .when(register({ parties: ['RU'] }))
      .thenThrows('TOO_FEW_PARTIES', { field: 'parties', message: /a treaty registered multilateral may name none/ });
    spec
      .given([])
      .when(register({ parties: [], kind: 'bilateral' }))
      .thenThrows('TOO_FEW_PARTIES', { field: 'parties' });
  });

  it('registers a bilateral treaty between two parties only, with a clause it can meet', () => {
    spec
      .given([])
      .when(register({ parties: ['RU', 'IR', 'BY'], kind: 'bilateral' }))
      .thenThrows('INVALID_FIELD', { field: 'parties', message: /two parties, not 3/ });
    spec
      .given([])
      .when(register({ kind: 'bilateral', entryIntoForce: { instrumentsRequired: 3, daysAfter: 30 } }))
      .thenThrows('INVALID_FIELD', { field: 'entryIntoForce.instrumentsRequired', message: /two instruments at most/ });
    spec
      .given([])
      .when(register({ kind: 'bilateral', entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }))
      .then(registered({ kind: 'bilateral', entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }));
    spec
      .given([])
      .when(register({ parties: ['RU', 'IR', 'BY'], entryIntoForce: { instrumentsRequired: 3, daysAfter: 30 } }))
      .then(registered({ parties: ['RU', 'IR', 'BY'], entryIntoForce: { instrumentsRequired: 3, daysAfter: 30 } }));
  });

  it('registers a multilateral convention with one original party, or none: its states join later', () => {
    spec
      .given([])
      .when(register({ parties: [], kind: 'multilateral' }))
      .then(registered({ parties: [], kind: 'multilateral' }));
    spec
      .given([])
      .when(register({ parties: ['FR'], kind: 'multilateral' }))
      .then(registered({ parties: ['FR'], kind: 'multilateral' }));
  });

  it('refuses a party listed twice', () => {
    spec
      .given([])
      .when(register({ parties: ['RU', 'IR', 'RU'] }))
      .thenThrows('DUPLICATE_PARTY', { field: 'parties', message: /RU/ });
  });

  it('refuses a party list that is not a list', () => {
    spec
      .given([])
      .when(register({ parties: 'RU,IR' as unknown as string[] }))
      .thenThrows('MISSING_FIELD', { field: 'parties' });
  });

  it('refuses an unknown category', () => {
    spec
      .given([])
      .when(register({ category: 'military' }))
      .thenThrows('INVALID_CATEGORY', { field: 'category', message: /partnership, trade, security, other/ });
  });

  it('needs the id of the event it will record', () => {
    spec
      .given([])
      .when(register({ eventId: 'not-a-uuid' }))
      .thenThrows('INVALID_EVENT_ID', { field: 'eventId' });
  });
});
