import { formatCompact, formatPartial, periodOf } from './dates.js';
import { h } from './dom.js';
import { PRECISION_NOTES, consentLabel } from './labels.js';

/** A date in the chart: short (`10 Mar 2025`), the long form in its title, a note when known only to the month or year. */
function chartDate(occurredOn) {
  const precision = occurredOn.length === 10 ? 'day' : occurredOn.length === 7 ? 'month' : 'year';
  return [
    h('time', { datetime: occurredOn, title: formatPartial(occurredOn) }, formatCompact(occurredOn)),
    PRECISION_NOTES[precision] ? h('span', { class: 'note' }, ` (${PRECISION_NOTES[precision]})`) : null,
  ];
}

const ordinal = (n) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return `${n}${suffix}`;
};

const counted = (count, unit) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** A clause's period in words: `{ days | months | years, firstDayOfFollowingMonth }`. */
function periodText({ days, months, years, firstDayOfFollowingMonth }) {
  const length =
    years !== undefined
      ? counted(years, 'year')
      : months !== undefined
        ? counted(months, 'month')
        : counted(days ?? 0, 'day');
  return firstDayOfFollowingMonth ? `on the first day of the month following ${length}` : length;
}

/** The treaty's entry-into-force clause in words, or null without one. */
export function clauseText(clause) {
  if (!clause) return null;
  const period = periodText({
    days: clause.daysAfter,
    months: clause.monthsAfter,
    years: clause.yearsAfter,
    firstDayOfFollowingMonth: clause.firstDayOfFollowingMonth,
  });
  return `in force ${period} after the ${ordinal(clause.instrumentsRequired)} instrument of consent; for a later party, ${period} after its own`;
}

/** The treaty's notice of withdrawal in words (`withdrawalNotice` of the status), or null without one. */
export function noticeText(notice) {
  return notice ? periodText(notice) : null;
}

/** The notice as a period's name: "180 days", "6 months, to the first day of the following month". */
function noticePeriodName(notice) {
  const length = periodText({ ...notice, firstDayOfFollowingMonth: false });
  return notice.firstDayOfFollowingMonth ? `${length}, to the first day of the following month` : length;
}

/**
 * A date the API computed from the record rather than read from a report: marked, visibly and in words, as
 * "expected" while it is ahead of the day shown, "computed" once it has come.
 */
export function computedBadge(date, referenceDay, explanation) {
  const ahead = periodOf(date).first > referenceDay;
  return h(
    'span',
    { class: `badge badge--${ahead ? 'expected' : 'computed'}`, 'data-computed': true, title: explanation },
    ahead ? 'expected' : 'computed',
  );
}

const hasCome = (date, referenceDay) => Boolean(date) && periodOf(date).last <= referenceDay;

const dateWithBadge = (date, computed, referenceDay, explanation) => [
  chartDate(date),
  computed ? [' ', computedBadge(date, referenceDay, explanation)] : null,
];

/**
 * Every party in one table: its signature, its consent to be bound (type and date), when the treaty is in force for
 * it, its reservations, declarations and objections, and its withdrawal. One row per party, for bilateral treaties
 * too. The table scrolls sideways on its own on a narrow screen, the party column staying in view.
 */
export function renderPartyChart(status, referenceDay) {
  const clause = clauseText(status.entryIntoForceClause);
  const inForceWhy = clause
    ? `Computed from the treaty's clause (${clause}); no report confirms it yet.`
    : 'Computed from the record; no report confirms it yet.';
  const withdrawalWhy = status.withdrawalNotice
    ? `The notification plus the treaty's notice period of ${noticePeriodName(status.withdrawalNotice)}; no report gives the date.`
    : 'Computed from the record; no report gives the date.';
  const rows = status.parties.map((party) =>
    partyRow(party, status.ratification[party], referenceDay, { inForceWhy, withdrawalWhy }),
  );
  const anyComputed = status.parties.some((party) => {
    const entry = status.ratification[party];
    return entry?.inForceOnComputed || entry?.inForceOnExpected || entry?.withdrawalEffectiveOnComputed;
  });
  return h(
    'div',
    { class: 'party-chart' },
    h(
      'div',
      { class: 'table-scroll', role: 'region', 'aria-labelledby': 'party-chart-caption', tabindex: '0' },
      h(
        'table',
        { id: 'party-chart' },
        h(
          'caption',
          { id: 'party-chart-caption' },
          `Parties (${status.parties.length})`,
          status.kind ? h('span', { class: 'note' }, ` · ${status.kind}`) : null,
        ),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Party', 'Signature', 'Consent to be bound', 'In force for the party', 'Reservations and objections'].map(
              (label) => h('th', { scope: 'col' }, label),
            ),
            h('th', { scope: 'col' }, 'Withdrawal'),
          ),
        ),
        h('tbody', {}, rows),
      ),
    ),
    anyComputed
      ? h(
          'p',
          { class: 'note chart-note', id: 'computed-note' },
          h('span', { class: 'badge badge--computed' }, 'computed'),
          ' or ',
          h('span', { class: 'badge badge--expected' }, 'expected'),
          ': a date worked out from the record',
          clause ? ` (the treaty is ${clause})` : '',
          ', not yet confirmed by a report; “expected” while it is still ahead.',
        )
      : null,
  );
}

function partyRow(party, entry, referenceDay, why) {
  if (!entry) return h('tr', { 'data-party': party }, h('th', { scope: 'row' }, party), emptyCells(5));
  const cell = (column, ...content) => h('td', { 'data-column': column }, ...content);
  return h(
    'tr',
    // Greyed once the withdrawal has come on the day shown.
    {
      'data-party': party,
      // A withdrawal known only to fall between two days has come with the last (decision 0115), not at the end of
      // the month or year they share.
      'data-withdrawn': hasCome(
        entry.withdrawn ? (computedBetween(entry)?.latest ?? entry.withdrewOn) : entry.withdrewOn,
        referenceDay,
      ),
    },
    h(
      'th',
      { scope: 'row' },
      party,
      entry.original === false ? [' ', h('span', { class: 'note joined' }, 'joined later')] : null,
    ),
    cell('signature', entry.signedOn ? chartDate(entry.signedOn) : dash()),
    cell(
      'consent',
      entry.consent
        ? [
            h('span', { class: 'consent-type' }, capitalised(consentLabel(entry.consent.type))),
            ' ',
            chartDate(entry.consent.on),
          ]
        : entry.consentImplied
          ? h('span', { class: 'note implied' }, 'implied: in force for it, no act on record')
          : dash(),
    ),
    cell(
      'in-force',
      entry.inForceOn
        ? dateWithBadge(entry.inForceOn, entry.inForceOnComputed, referenceDay, why.inForceWhy)
        : entry.inForceOnExpected
          ? dateWithBadge(entry.inForceOnExpected, true, referenceDay, why.inForceWhy)
          : dash(),
      entry.suspended ? [' ', h('span', { class: 'flag flag--disputed' }, 'suspended')] : null,
    ),
    cell('reservations', reservationsList(entry)),
    cell('withdrawal', withdrawal(entry, referenceDay, why.withdrawalWhy)),
  );
}

function reservationsList(entry) {
  const items = [
    ...(entry.reservations ?? []).map((reservation) => reservationItem('Reservation', reservation, entry.consent)),
    ...(entry.declarations ?? []).map((declaration) => reservationItem('Declaration', declaration)),
    ...(entry.objections ?? []).map((objection) =>
      h(
        'li',
        { 'data-kind': 'objection' },
        h('strong', {}, `Objection to ${objection.againstParty}'s reservation`),
        ', ',
        chartDate(objection.madeOn),
        objection.text ? [' ', h('q', {}, objection.text)] : null,
      ),
    ),
  ];
  return items.length > 0 ? h('ul', { class: 'reservations' }, items) : dash();
}

/** `consent`: the party's, or null; an unconfirmed reservation awaits its confirmation until the party consents. */
function reservationItem(label, reservation, consent = null) {
  const objectedBy = reservation.objectedToBy ?? [];
  return h(
    'li',
    { 'data-kind': label.toLowerCase() },
    h('strong', {}, label),
    ', ',
    reservation.confirmedOn
      ? [
          h('span', { class: 'sub' }, 'formulated ', chartDate(reservation.formulatedOn)),
          ', ',
          h('span', { class: 'sub' }, 'confirmed ', chartDate(reservation.confirmedOn)),
        ]
      : reservation.unconfirmed
        ? h('span', { class: 'sub' }, 'formulated ', chartDate(reservation.formulatedOn))
        : chartDate(reservation.madeOn),
    // Not made until confirmed on consent (VCLT art. 23(2)): awaited before the party consents, missing after.
    reservation.unconfirmed
      ? [
          ' ',
          consent
            ? h('span', { class: 'flag flag--disputed' }, 'not confirmed on consent')
            : h('span', { class: 'sub' }, 'to be confirmed on consent'),
        ]
      : null,
    reservation.text ? [' ', h('q', {}, reservation.text)] : null,
    reservation.withdrawnOn
      ? [' ', h('span', { class: 'sub' }, 'withdrawn ', chartDate(reservation.withdrawnOn))]
      : null,
    // VCLT art. 20(5), counted from the day it was made: the depositary's notification, which counts, is not known.
    reservation.objectionPeriodEndsNotBefore && !reservation.withdrawnOn
      ? [
          ' ',
          h(
            'span',
            {
              class: 'sub',
              'data-field': 'objection-period',
              title:
                'Other states may object for twelve months after being notified of it, unless the treaty sets another period (VCLT art. 20(5)); the record dates the reservation, not the notification, so the period ends on this date or later',
            },
            'open to objection until at least ',
            chartDate(reservation.objectionPeriodEndsNotBefore),
          ),
        ]
      : null,
    objectedBy.map((objection) => [
      ' ',
      h('span', { class: 'sub' }, `objected to by ${objection.party}, `, chartDate(objection.on)),
    ]),
  );
}

function withdrawal(entry, referenceDay, why) {
  if (!entry.withdrawalNotifiedOn && !entry.withdrawalEffectiveOn && !entry.withdrewOn) return dash();
  const effective = entry.withdrawalEffectiveOn ?? entry.withdrewOn;
  const between = computedBetween(entry);
  return [
    entry.withdrawalNotifiedOn ? h('span', { class: 'sub' }, 'notified ', chartDate(entry.withdrawalNotifiedOn)) : null,
    ' ',
    between
      ? h(
          'span',
          { class: 'sub', 'data-field': 'effective-between' },
          hasCome(between.latest, referenceDay) ? 'took effect ' : 'takes effect ',
          'between ',
          chartDate(between.earliest),
          ' and ',
          chartDate(between.latest),
          ' ',
          // Certain only once its last day has come: "expected" until then.
          computedBadge(between.latest, referenceDay, why),
        )
      : effective
        ? h(
            'span',
            { class: 'sub' },
            hasCome(effective, referenceDay) ? 'took effect ' : 'takes effect ',
            dateWithBadge(effective, entry.withdrawalEffectiveOnComputed, referenceDay, why),
          )
        : null,
  ];
}

/**
 * The days a computed withdrawal may have taken effect on, when its notice is known only to its month or year
 * (decision 0115): shown instead of the month or year they share, or of nothing where they share none. A reported
 * effect, or a reported day the party left, stays as reported.
 */
export function computedBetween(entry) {
  const between = entry.withdrawalEffectiveBetween;
  if (!between) return null;
  // A report of the day it left (`withdrewOn` of its own) says more than the span the notice gives.
  if (entry.withdrewOn && entry.withdrewOn !== entry.withdrawalEffectiveOn) return null;
  return !entry.withdrawalEffectiveOn || entry.withdrawalEffectiveOnComputed ? between : null;
}

/** An empty cell: a dash to see, the word to hear. */
const dash = () => [
  h('span', { class: 'none', 'aria-hidden': 'true' }, '—'),
  ' ',
  h('span', { class: 'visually-hidden' }, 'none'),
];
const emptyCells = (count) => Array.from({ length: count }, () => h('td', {}, dash()));
const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
