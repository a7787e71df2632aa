import { formatPartial } from './dates.js';
import { h, replaceChildren } from './dom.js';
import { PRECISION_NOTES, developmentLabel, developmentTitle, statusLabel } from './labels.js';

const TREATY_DATES = [
  ['signedOn', 'Signed'],
  ['instrumentsExchangedOn', 'Instruments exchanged'],
  ['enteredIntoForceOn', 'Entered into force'],
  ['suspendedOn', 'Suspended'],
  ['resumedOn', 'Resumed'],
  ['terminatedOn', 'Terminated'],
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

/** The treaty's status (overall, its dates, each party's path) as of the chosen date. */
export function renderStatus(container, status) {
  const dates = TREATY_DATES.filter(([field]) => status[field]).map(([field, label]) => [
    h('dt', {}, label),
    h('dd', {}, partialDate(status[field])),
  ]);
  replaceChildren(
    container,
    h('p', { class: 'overall' }, 'Overall: ', statusBadge(status.status, { id: 'overall-status' })),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Parties'),
      h('dd', {}, status.parties.join(', ')),
      h('dt', {}, 'Category'),
      h('dd', {}, status.category),
      dates,
    ),
    h('h4', {}, 'Each party'),
    h(
      'ul',
      { class: 'parties' },
      Object.entries(status.ratification).map(([party, path]) => partyPath(party, path)),
    ),
    disagreements(status.disagreements),
  );
}

function partyPath(party, path) {
  return h(
    'li',
    { 'data-party': party },
    h('strong', {}, party),
    ' ',
    statusBadge(path.status),
    path.completedOn ? [' on ', partialDate(path.completedOn)] : null,
    path.withdrawn ? [' · withdrew', path.withdrewOn ? [' on ', partialDate(path.withdrewOn)] : null] : null,
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

const disputedNote = (ids) =>
  ids && ids.length > 0 ? h('span', { class: 'flag flag--disputed' }, 'reports disagree') : null;

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
          `${disagreement.developmentIds.length} reports give dates that do not agree; an editor has yet to settle it.`,
        ),
      ),
    ),
  );
}
