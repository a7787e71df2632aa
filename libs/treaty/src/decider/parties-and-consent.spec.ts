import { describe, it } from '@jest/globals';
import {
  approved,
  consented,
  correct,
  corroborated,
  ratified,
  register,
  registered,
  registeredMultilateral,
  report,
  retracted,
  signed,
  signedBy,
  source,
  spec,
  TREATY_ID,
  uuid,
  withdrawalNotified,
} from '../testing';

const id = uuid(10);
const base = (occurredOn: string) => ({ treatyId: TREATY_ID, developmentId: id, occurredOn, source: source() });

describe('registration terms', () => {
  it('records kind, depositary, clauses, identifiers and relations with the original parties', () => {
    const terms = {
      kind: 'multilateral',
      depositary: 'Secretary-General of the United Nations',
      entryIntoForce: { instrumentsRequired: 3, daysAfter: 30 },
      withdrawalNoticeDays: 365,
      identifiers: {
        untsNumber: 'I-54321',
        depositaryReference: 'XXVII-10',
        wikidataId: 'Q131277485',
        officialTextUrl: 'https://treaties.un.org/doc/x.pdf',
      },
      relations: [{ type: 'builds-on', treatyId: 'ru-ir-2001-treaty' }],
    } as const;
    spec
      .given([])
      .when(register({ parties: ['RU', 'IR', 'CN'], ...terms }))
      .then(registered({ parties: ['RU', 'IR', 'CN'], ...terms }));
  });

  it.each([
    [{ kind: 'trilateral' }, 'INVALID_FIELD', 'kind'],
    [
      { entryIntoForce: { instrumentsRequired: 0, daysAfter: 30 } },
      'INVALID_FIELD',
      'entryIntoForce.instrumentsRequired',
    ],
    [{ entryIntoForce: { instrumentsRequired: 3 } }, 'MISSING_FIELD', 'entryIntoForce.daysAfter'],
    [{ withdrawalNoticeDays: -1 }, 'INVALID_FIELD', 'withdrawalNoticeDays'],
    [{ withdrawalNoticeDays: 1.5 }, 'INVALID_FIELD', 'withdrawalNoticeDays'],
    [{ identifiers: { untsNumber: 'UNTS 1' } }, 'INVALID_IDENTIFIER', 'identifiers.untsNumber'],
    [{ identifiers: { wikidataId: 'P31' } }, 'INVALID_IDENTIFIER', 'identifiers.wikidataId'],
    [{ identifiers: { depositaryReference: '<script>' } }, 'INVALID_IDENTIFIER', 'identifiers.depositaryReference'],
    [{ identifiers: { officialTextUrl: 'ftp://un.org/x' } }, 'INVALID_IDENTIFIER', 'identifiers.officialTextUrl'],
    [{ identifiers: { isbn: '1' } }, 'INVALID_IDENTIFIER', 'identifiers.isbn'],
    [{ relations: [{ type: 'builds-on', treatyId: TREATY_ID }] }, 'INVALID_RELATION', 'relations[0].treatyId'],
    [{ relations: [{ type: 'inspired-by', treatyId: 'other-treaty' }] }, 'INVALID_FIELD', 'relations[0].type'],
  ])('refuses %j with %s', (terms, code, field) => {
    spec
      .given([])
      .when(register(terms as never))
      .thenThrows(code, { field });
  });
});

describe('parties join over time', () => {
  it('a state signing after the others becomes a party, and may then ratify', () => {
    spec
      .given([registeredMultilateral()])
      .when(report(id, { type: 'signed', party: 'FR', occurredOn: '2025-03-01' }))
      .then({ type: 'TreatySigned', data: { ...base('2025-03-01'), party: 'FR' } });
    spec
      .given([registeredMultilateral(), signedBy(uuid(2), 'FR', '2025-03-01')])
      .when(
        report(id, { type: 'consent-to-be-bound', consentType: 'ratification', party: 'FR', occurredOn: '2025-05-01' }),
      )
      .then({
        type: 'ConsentToBeBoundExpressed',
        data: { ...base('2025-05-01'), party: 'FR', consentType: 'ratification' },
      });
  });

  it.each(['accession', 'succession', 'definitive-signature'] as const)(
    '%s makes a state a party without a signature',
    (consentType) => {
      spec
        .given([registeredMultilateral()])
        .when(report(id, { type: 'consent-to-be-bound', consentType, party: 'FR', occurredOn: '2025-05-01' }))
        .then({ type: 'ConsentToBeBoundExpressed', data: { ...base('2025-05-01'), party: 'FR', consentType } });
    },
  );

  it('a notification of succession may date the succession of States, on or before the notification', () => {
    const succession = {
      type: 'consent-to-be-bound',
      consentType: 'succession',
      party: 'SK',
      occurredOn: '1993-05-28',
    };
    spec
      .given([registeredMultilateral()])
      .when(report(id, { ...succession, successionOn: '1993-01-01' }))
      .then({
        type: 'ConsentToBeBoundExpressed',
        data: { ...base('1993-05-28'), party: 'SK', consentType: 'succession', successionOn: '1993-01-01' },
      });
    spec
      .given([registeredMultilateral()])
      .when(report(id, { ...succession, successionOn: '1993-06-01' }))
      .thenThrows('SUCCESSION_AFTER_NOTIFICATION', { field: 'successionOn' });
    spec
      .given([registeredMultilateral()])
      .when(report(id, { ...succession, successionOn: '1 January 1993' }))
      .thenThrows('INVALID_DATE', { field: 'successionOn' });
  });

  it.each(['accession', 'ratification'] as const)('a consent by %s carries no date of succession', (consentType) => {
    spec
      .given([registeredMultilateral()])
      .when(
        report(id, {
          type: 'consent-to-be-bound',
          consentType,
          party: 'AT',
          occurredOn: '2025-05-01',
          successionOn: '2025',
        }),
      )
      .thenThrows('FIELD_NOT_APPLICABLE', { field: 'successionOn' });
  });

  it('ratification, acceptance or approval by a state not on record joins a multilateral treaty', () => {
    // The World Heritage Convention (UNESCO, 1972) is "subject to ratification or acceptance" by UNESCO's members,
    // who never sign it; ILO conventions are signed by no state at all.
    const accepted = [registeredMultilateral(), consented(uuid(2), 'FR', 'acceptance', '1975-06-27')];
    spec
      .given([registeredMultilateral()])
      .when(
        report(id, { type: 'consent-to-be-bound', consentType: 'acceptance', party: 'FR', occurredOn: '1975-06-27' }),
      )
      .then({
        type: 'ConsentToBeBoundExpressed',
        data: { ...base('1975-06-27'), party: 'FR', consentType: 'acceptance' },
      });
    // A party now: its reservations are its own.
    spec
      .given(accepted)
      .when(report(id, { type: 'reservation', party: 'FR', occurredOn: '1975-06-27' }))
      .then({ type: 'ReservationMade', data: { ...base('1975-06-27'), party: 'FR' } });
    // Its retraction takes the party off again, as an accession's does.
    spec
      .given([...accepted, retracted(uuid(2))])
      .when(report(id, { type: 'reservation', party: 'FR', occurredOn: '1975-06-27' }))
      .thenThrows('PARTY_NOT_IN_TREATY', { field: 'party' });
  });

  it('ratification, acceptance or approval by a state not on record is refused on a treaty of unknown kind', () => {
    spec
      .given([registered()])
      .when(
        report(id, { type: 'consent-to-be-bound', consentType: 'ratification', party: 'FR', occurredOn: '2025-05-01' }),
      )
      .thenThrows('PARTY_NOT_IN_TREATY', {
        field: 'party',
        message: /joins by signature, accession or succession, or, on a treaty registered multilateral, by any consent/,
      });
    spec
      .given([registered({ kind: 'bilateral' })])
      .when(
        report(id, { type: 'consent-to-be-bound', consentType: 'ratification', party: 'FR', occurredOn: '2025-05-01' }),
      )
      .thenThrows('PARTY_NOT_IN_TREATY', { field: 'party' });
  });

  describe("decision 0070, a chamber's approval of joining before the state's consent", () => {
    const approval = (party: string, occurredOn = '2025-04-10') =>
      report(id, { type: 'legislative-approval', party, body: 'State Duma', occurredOn });

    it('is recorded on a treaty registered multilateral, for a state that is not a party yet', () => {
      spec
        .given([registeredMultilateral()])
        .when(approval('RU'))
        .then({ type: 'LegislativeApprovalGiven', data: { ...base('2025-04-10'), party: 'RU', body: 'State Duma' } });
    });

    it('makes the state no party: its reservation is refused until its consent is on record', () => {
      const approvedOnly = [registeredMultilateral(), approved(uuid(2), 'RU', 'State Duma', '2025-04-10')];
      spec
        .given(approvedOnly)
        .when(report(id, { type: 'reservation', party: 'RU', occurredOn: '2025-05-01' }))
        .thenThrows('PARTY_NOT_IN_TREATY', { field: 'party' });
      spec
        .given([...approvedOnly, consented(uuid(3), 'RU', 'accession', '2025-05-01')])
        .when(report(id, { type: 'reservation', party: 'RU', occurredOn: '2025-05-01' }))
        .then({ type: 'ReservationMade', data: { ...base('2025-05-01'), party: 'RU' } });
    });

    it("is held to the treaty's signature, as a party's approval is", () => {
      spec
        .given([registeredMultilateral(), signed(uuid(2), '2025-06-01')])
        .when(approval('RU', '2025-04-10'))
        .thenThrows('DATE_BEFORE_SIGNATURE', { field: 'occurredOn' });
    });

    it('is refused on a treaty of unknown kind or registered bilateral, as a ratification by that state would be', () => {
      for (const treaty of [registered(), registered({ kind: 'bilateral' })]) {
        spec
          .given([treaty])
          .when(approval('FR'))
          .thenThrows('PARTY_NOT_IN_TREATY', { field: 'party', message: /which its chamber may approve first/ });
      }
    });

    it('may be corrected to name a state that is not a party yet, on a multilateral treaty only', () => {
      const corrected = {
        type: 'DevelopmentCorrected',
        data: {
          treatyId: TREATY_ID,
          developmentId: uuid(2),
          changes: { party: 'RU' },
          reason: 'Misread the date',
          source: source(),
        },
      } as const;
      spec
        .given([registeredMultilateral(), approved(uuid(2), 'AT', 'Nationalrat', '2025-04-10')])
        .when(correct(id, uuid(2), { party: 'RU' }))
        .then(corrected);
      spec
        .given([registered(), approved(uuid(2), 'IR', 'Majlis', '2025-04-10')])
        .when(correct(id, uuid(2), { party: 'FR' }))
        .thenThrows('PARTY_NOT_IN_TREATY', { field: 'changes.party' });
    });
  });

  it('a retracted accession takes its party off again', () => {
    spec
      .given([registeredMultilateral(), consented(uuid(2), 'FR', 'accession', '2025-05-01'), retracted(uuid(2))])
      .when(report(id, { type: 'reservation', party: 'FR', occurredOn: '2025-05-01' }))
      .thenThrows('PARTY_NOT_IN_TREATY', { field: 'party' });
  });

  it('a treaty registered as bilateral gains no parties', () => {
    spec
      .given([registered({ kind: 'bilateral' })])
      .when(
        report(id, { type: 'consent-to-be-bound', consentType: 'accession', party: 'FR', occurredOn: '2025-05-01' }),
      )
      .thenThrows('BILATERAL_TREATY_CLOSED', { field: 'party' });
  });

  it("a party's own signature bounds only its own acts", () => {
    const history = [registeredMultilateral(), signed(uuid(2), '2025-01-10'), signedBy(uuid(3), 'FR', '2025-06-01')];
    spec
      .given(history)
      .when(
        report(id, { type: 'consent-to-be-bound', consentType: 'ratification', party: 'AT', occurredOn: '2025-03-01' }),
      )
      .then({
        type: 'ConsentToBeBoundExpressed',
        data: { ...base('2025-03-01'), party: 'AT', consentType: 'ratification' },
      });
    spec
      .given(history)
      .when(
        report(id, { type: 'consent-to-be-bound', consentType: 'ratification', party: 'FR', occurredOn: '2025-03-01' }),
      )
      .thenThrows('DATE_BEFORE_SIGNATURE', { field: 'occurredOn' });
  });
});

describe('consent to be bound', () => {
  it.each([
    [{}, 'MISSING_FIELD', 'consentType'],
    [{ consentType: 'ratified' }, 'INVALID_FIELD', 'consentType'],
    [{ consentType: 'ratification', party: undefined }, 'MISSING_FIELD', 'party'],
  ])('needs a party and a known consent type (%j: %s)', (fields, code, field) => {
    spec
      .given([registeredMultilateral()])
      .when(report(id, { type: 'consent-to-be-bound', party: 'AT', occurredOn: '2025-05-01', ...fields }))
      .thenThrows(code, { field });
  });

  it('a second act of consent by the same party is refused', () => {
    spec
      .given([registeredMultilateral(), consented(uuid(2), 'AT', 'ratification', '2025-02-01')])
      .when(
        report(id, { type: 'consent-to-be-bound', consentType: 'accession', party: 'AT', occurredOn: '2025-05-01' }),
      )
      .thenThrows('PARTY_ALREADY_CONSENTED', { field: 'party', message: /AT already consented .* by ratification/ });
  });

  it('a party that withdrew since may consent again', () => {
    spec
      .given([
        registeredMultilateral(),
        consented(uuid(2), 'AT', 'ratification', '2025-02-01'),
        withdrawalNotified(uuid(3), 'AT', '2025-03-01'),
      ])
      .when(
        report(id, { type: 'consent-to-be-bound', consentType: 'accession', party: 'AT', occurredOn: '2025-05-01' }),
      )
      .then({
        type: 'ConsentToBeBoundExpressed',
        data: { ...base('2025-05-01'), party: 'AT', consentType: 'accession' },
      });
  });

  it('an earlier act before the withdrawal may be reported after the later one', () => {
    spec
      .given([
        registeredMultilateral(),
        consented(uuid(2), 'AT', 'accession', '2021-01-20'),
        withdrawalNotified(uuid(3), 'AT', '2019-11-04', '2020-11-04'),
      ])
      .when(
        report(id, { type: 'consent-to-be-bound', consentType: 'ratification', party: 'AT', occurredOn: '2016-10-05' }),
      )
      .then({
        type: 'ConsentToBeBoundExpressed',
        data: { ...base('2016-10-05'), party: 'AT', consentType: 'ratification' },
      });
  });

  it('a different act while the first still stands is refused, though a withdrawal follows both', () => {
    spec
      .given([
        registeredMultilateral(),
        consented(uuid(2), 'AT', 'ratification', '2016-10-05'),
        withdrawalNotified(uuid(3), 'AT', '2019-11-04'),
      ])
      .when(
        report(id, { type: 'consent-to-be-bound', consentType: 'accession', party: 'AT', occurredOn: '2018-03-01' }),
      )
      .thenThrows('PARTY_ALREADY_CONSENTED', { field: 'party' });
  });

  it('the same act after a withdrawal is a new act, and so is a second withdrawal after it', () => {
    const rejoined = [
      registeredMultilateral(),
      consented(uuid(2), 'AT', 'acceptance', '2016-09-03'),
      withdrawalNotified(uuid(3), 'AT', '2019-11-04', '2020-11-04'),
    ];
    spec
      .given(rejoined)
      .when(
        report(id, { type: 'consent-to-be-bound', consentType: 'acceptance', party: 'AT', occurredOn: '2021-01-20' }),
      )
      .then({
        type: 'ConsentToBeBoundExpressed',
        data: { ...base('2021-01-20'), party: 'AT', consentType: 'acceptance' },
      });
    spec
      .given([...rejoined, consented(uuid(4), 'AT', 'acceptance', '2021-01-20')])
      .when(report(id, { type: 'withdrawal-notified', party: 'AT', occurredOn: '2025-01-27' }))
      .then({ type: 'WithdrawalNotified', data: { ...base('2025-01-27'), party: 'AT' } });
  });

  it('the same act reported again corroborates, or disagrees on its date', () => {
    const history = [registeredMultilateral(), consented(uuid(2), 'AT', 'ratification', '2025-02-01')];
    const again = (occurredOn: string) =>
      report(id, {
        type: 'consent-to-be-bound',
        consentType: 'ratification',
        party: 'AT',
        occurredOn,
        source: source({ publisher: 'APA' }),
      });
    spec
      .given(history)
      .when(again('2025-02'))
      .then(corroborated(uuid(2), '2025-02', source({ publisher: 'APA' })));
    spec
      .given(history)
      .when(again('2025-03-01'))
      .then({
        type: 'ConsentToBeBoundExpressed',
        data: {
          ...base('2025-03-01'),
          source: source({ publisher: 'APA' }),
          party: 'AT',
          consentType: 'ratification',
          disagreesWith: [uuid(2)],
        },
      });
  });

  it('is kept apart from the older ratification-completed, which keeps its meaning', () => {
    spec
      .given([registered(), ratified(uuid(2), 'RU', '2025-04-21')])
      .when(
        report(id, { type: 'consent-to-be-bound', consentType: 'ratification', party: 'RU', occurredOn: '2025-04-21' }),
      )
      .then({
        type: 'ConsentToBeBoundExpressed',
        data: { ...base('2025-04-21'), party: 'RU', consentType: 'ratification' },
      });
  });
});

describe('corrections of treaty-law developments', () => {
  const history = [registeredMultilateral(), consented(uuid(2), 'AT', 'ratification', '2025-02-01')];

  it('a consent can have its date or party corrected', () => {
    spec
      .given(history)
      .when(correct(id, uuid(2), { occurredOn: '2025-02-03' }))
      .then({
        type: 'DevelopmentCorrected',
        data: {
          treatyId: TREATY_ID,
          developmentId: uuid(2),
          changes: { occurredOn: '2025-02-03' },
          reason: 'Misread the date',
          source: source(),
        },
      });
  });

  it('not its type: retract it and report the right act', () => {
    spec
      .given(history)
      .when(correct(id, uuid(2), { consentType: 'accession' } as never))
      .thenThrows('INVALID_CORRECTION', { field: 'changes.consentType' });
  });
});
