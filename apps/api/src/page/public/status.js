import { formatPartial, periodOf } from './dates.js';
import { h, replaceChildren, webAddress } from './dom.js';
import { PRECISION_NOTES, developmentLabel, developmentTitle, relationLabel, statusLabel } from './labels.js';
import { clauseText, computedBadge, computedBetween, noticeText, renderPartyChart } from './party-chart.js';

const TREATY_DATES = [
  ['signedOn', 'Signed'],
  ['instrumentsExchangedOn', 'Instruments exchanged'],
  ['enteredIntoForceOn', 'Entered into force'],
  ['enteredIntoForceOnExpected', 'Enters into force'],
  ['suspendedOn', 'Suspended'],
  ['resumedOn', 'Resumed'],
  ['terminatedOn', 'Terminated'],
  ['terminatedOnExpected', 'Ends'],
];

export function statusBadge(status, attributes = {}) {
  return h('span', { class: 'status', 'data-status': status, ...attributes }, statusLabel(status));
}

/** A date as precise as it is known, with a visible note when it is only a month or a year. */
export function partialDate(occurredOn) {
  const precision = occurredOn.length === 10 ? 'day' : occurredOn.length === 7 ? 'month' : 'year';
  return [
    h('time', { datetime: occurredOn }, formatPartial(occurredOn)),
    PRECISION_NOTES[precision] ? h('span', { class: 'note' }, ` (${PRECISION_NOTES[precision]})`) : null,
  ];
}

/**
 * The treaty's status (overall, its terms and dates, its relations, the chart of parties, each party's path) as of
 * the chosen date. `referenceDay` is that date (or today), against which computed dates read as expected or not;
 * `treatyLink` makes a link to another treaty.
 */
export function renderStatus(container, status, { referenceDay, treatyLink }) {
  const clause = clauseText(status.entryIntoForceClause);
  const dates = TREATY_DATES.filter(([field]) => status[field]).map(([field, label]) => [
    h('dt', {}, label),
    h(
      'dd',
      { 'data-field': field },
      partialDate(status[field]),
      (field === 'enteredIntoForceOn' && status.enteredIntoForceOnComputed) || field === 'enteredIntoForceOnExpected'
        ? [
            ' ',
            computedBadge(
              status[field],
              referenceDay,
              `Computed from the treaty's clause (${clause ?? 'on record'}); no report confirms it yet.`,
            ),
          ]
        : (field === 'terminatedOn' && status.terminatedOnComputed) || field === 'terminatedOnExpected'
          ? [
              ' ',
              computedBadge(
                status[field],
                referenceDay,
                "Computed: a bilateral treaty ends on the day one party's withdrawal takes effect; no termination is reported.",
              ),
            ]
          : null,
    ),
  ]);
  replaceChildren(
    container,
    h('p', { class: 'overall' }, 'Overall: ', statusBadge(status.status, { id: 'overall-status' })),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Parties'),
      // A convention registered with no original party has none until states sign or consent (decision 0067).
      h('dd', {}, status.parties.length > 0 ? status.parties.join(', ') : 'none yet'),
      h('dt', {}, 'Category'),
      h('dd', {}, status.category),
      status.kind ? [h('dt', {}, 'Kind'), h('dd', {}, status.kind)] : null,
      status.depositary ? [h('dt', {}, 'Depositary'), h('dd', {}, status.depositary)] : null,
      clause ? [h('dt', {}, 'Entry into force'), h('dd', { 'data-field': 'clause' }, clause)] : null,
      noticeText(status.withdrawalNotice)
        ? [
            h('dt', {}, 'Withdrawal notice'),
            h('dd', {}, `takes effect ${noticeText(status.withdrawalNotice)} after notification`),
          ]
        : null,
      dates,
      identifiers(status.identifiers),
    ),
    relations(status.relations, treatyLink),
    renderPartyChart(status, referenceDay),
    h('h4', {}, "Each party's steps"),
    h(
      'ul',
      { class: 'parties' },
      Object.entries(status.ratification).map(([party, path]) => partyPath(party, path, referenceDay)),
    ),
    joiningStates(status.joining ?? {}),
    disagreements(status.disagreements),
    warnings(status.warnings),
    recordedTwice(status.recordedTwice),
  );
}

/** A withdrawal that has taken effect by the day shown, or one notified that takes effect after it. */
function withdrawal(path, referenceDay) {
  const between = computedBetween(path);
  const span = between ? [partialDate(between.earliest), ' and ', partialDate(between.latest)] : null;
  if (path.withdrawn) {
    if (span) return [' · withdrew between ', span];
    return path.withdrewOn ? [' · withdrew on ', partialDate(path.withdrewOn)] : ' · withdrew';
  }
  if (span && between.latest > referenceDay) return [' · withdrawal takes effect between ', span];
  const effective = path.withdrawalEffectiveOn;
  if (effective && periodOf(effective).first > referenceDay) {
    return [' · withdrawal takes effect on ', partialDate(effective)];
  }
  return null;
}

function partyPath(party, path, referenceDay) {
  return h(
    'li',
    { 'data-party': party },
    h('strong', {}, party),
    ' ',
    statusBadge(path.status),
    path.completedOn ? [' on ', partialDate(path.completedOn)] : null,
    path.consentImplied ? ' · bound by the entry into force; no act of consent on record' : null,
    withdrawal(path, referenceDay),
    path.steps.length > 0
      ? h(
          'ul',
          { class: 'steps' },
          path.steps.map((step) =>
            h('li', {}, developmentTitle(step), ', ', partialDate(step.occurredOn), disputedNote(step.disagreesWith)),
          ),
        )
      : null,
  );
}

/** States that are not parties with steps on record: a chamber's approval of joining before the consent (0070). */
function joiningStates(joining) {
  const states = Object.entries(joining);
  if (states.length === 0) return null;
  return [
    h('h4', {}, 'Not parties, with steps on record'),
    h(
      'ul',
      { class: 'parties joining' },
      states.map(([state, steps]) =>
        h(
          'li',
          { 'data-joining': state },
          h('strong', {}, state),
          ' not a party',
          h(
            'ul',
            { class: 'steps' },
            steps.map((step) =>
              h('li', {}, developmentTitle(step), ', ', partialDate(step.occurredOn), disputedNote(step.disagreesWith)),
            ),
          ),
        ),
      ),
    ),
  ];
}

function identifiers(ids) {
  if (!ids) return null;
  const text = webAddress(ids.officialTextUrl);
  return [
    ids.untsNumber ? [h('dt', {}, 'UN Treaty Series'), h('dd', {}, `No. ${ids.untsNumber}`)] : null,
    ids.depositaryReference ? [h('dt', {}, 'Depositary reference'), h('dd', {}, ids.depositaryReference)] : null,
    ids.wikidataId
      ? [
          h('dt', {}, 'Wikidata'),
          h(
            'dd',
            {},
            /^Q\d+$/.test(ids.wikidataId)
              ? h(
                  'a',
                  { href: `https://www.wikidata.org/wiki/${ids.wikidataId}`, rel: 'noopener noreferrer' },
                  ids.wikidataId,
                )
              : ids.wikidataId,
          ),
        ]
      : null,
    text
      ? [h('dt', {}, 'Official text'), h('dd', {}, h('a', { href: text, rel: 'noopener noreferrer' }, 'the text'))]
      : null,
  ];
}

/** Relations to other treaties, as links, both those this treaty states and those others state about it. */
function relations(list, treatyLink) {
  if (!list || list.length === 0) return null;
  return h(
    'div',
    { class: 'relations' },
    h('h4', { id: 'relations-heading' }, 'Related treaties'),
    h(
      'ul',
      { 'aria-labelledby': 'relations-heading' },
      list.map((relation) =>
        h(
          'li',
          { 'data-relation': relation.type, 'data-direction': relation.direction },
          `${relationLabel(relation.type)}: `,
          treatyLink(relation.treatyId),
        ),
      ),
    ),
  );
}

const disputedNote = (ids) =>
  ids && ids.length > 0 ? h('span', { class: 'flag flag--disputed' }, 'reports disagree') : null;

const WARNING_TEXTS = {
  LATE_RESERVATION: 'a reservation is reported after the state consented to be bound',
  RESERVATION_TO_BILATERAL_TREATY: 'a reservation is reported to a bilateral treaty',
  PROVISIONAL_APPLICATION_AFTER_ENTRY_INTO_FORCE:
    'provisional application is reported to start after the treaty entered into force for the state',
  PROVISIONAL_APPLICATION_END_WITHOUT_START:
    'an end of provisional application is reported while the state applied none: it ended nothing',
  OBJECTION_BY_STATE_NOT_ON_RECORD:
    'an objection is reported from a state that had not signed or consented: it has effect only once the state consents',
  SUSPENSION_BEFORE_ENTRY_INTO_FORCE:
    'a suspension is reported before the treaty was in force or applied provisionally: it suspended nothing',
  RESUMPTION_BEFORE_ENTRY_INTO_FORCE:
    'a resumption is reported before the treaty was in force or applied provisionally: it resumed nothing',
  RESUMPTION_WITHOUT_SUSPENSION: 'a resumption is reported while nothing stood suspended: it resumed nothing',
  TERMINATION_BEFORE_ENTRY_INTO_FORCE:
    'a termination is reported before the treaty was in force or applied provisionally: it was abandoned, not terminated',
};

/**
 * A party's suspension is measured against the treaty's entry into force for that state, which may come after the
 * treaty's own (a later accession): the text says so, so as not to say the treaty was not in force when it was.
 */
const PARTY_WARNING_TEXTS = {
  SUSPENSION_BEFORE_ENTRY_INTO_FORCE:
    'a suspension is reported before the treaty was in force for the state or applied provisionally by it: it suspended nothing',
  RESUMPTION_BEFORE_ENTRY_INTO_FORCE:
    'a resumption is reported before the treaty was in force for the state or applied provisionally by it: it resumed nothing',
};

const warningText = (warning) =>
  (warning.party !== null && warning.party !== undefined ? PARTY_WARNING_TEXTS[warning.code] : undefined) ??
  WARNING_TEXTS[warning.code] ??
  warning.code;

/** Acts on record that treaty law does not expect: shown as reported, flagged for the reader. */
function warnings(flagged) {
  if (!flagged || flagged.length === 0) return null;
  return h(
    'div',
    { class: 'warning' },
    h('h4', {}, 'Unusual for treaty law'),
    h(
      'ul',
      {},
      flagged.map((warning) =>
        // A warning about the treaty as a whole names no party.
        h('li', {}, `${warning.party ?? 'The treaty'}: ${warningText(warning)}; check the source.`),
      ),
    ),
  );
}

/** Acts the record holds as two developments or more: an editor retracts the one recorded in error. */
function recordedTwice(acts) {
  if (!acts || acts.length === 0) return null;
  return h(
    'div',
    { class: 'warning', id: 'recorded-twice' },
    h('h4', {}, 'Recorded more than once'),
    h(
      'ul',
      {},
      acts.map((act) =>
        h(
          'li',
          {},
          `${developmentLabel(act.type)}${act.party ? ` (${act.party})` : ''}: one act, on record as ${act.developmentIds.length} developments; an editor has yet to retract the ones recorded in error.`,
        ),
      ),
    ),
  );
}

function disagreements(open) {
  if (!open || open.length === 0) return null;
  return h(
    'div',
    { class: 'warning' },
    h('h4', {}, 'Open disagreements'),
    h(
      'ul',
      {},
      open.map((disagreement) =>
        h(
          'li',
          {},
          `${developmentLabel(disagreement.type)}${disagreement.party ? ` (${disagreement.party})` : ''}: `,
          disagreement.computedOn
            ? [
                "a report gives a date the treaty's clause does not: the clause gives ",
                partialDate(disagreement.computedOn),
                '; an editor has yet to settle it.',
              ]
            : `${disagreement.developmentIds.length} reports give dates that do not agree; an editor has yet to settle it.`,
        ),
      ),
    ),
  );
}
