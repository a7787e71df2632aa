import { dayOfIso, formatDay, formatPartial } from './dates.js';
import { h, replaceChildren, webAddress } from './dom.js';
import { consentLabel, developmentTitle, isDiplomacy, markKind } from './labels.js';
import { partialDate } from './status.js';

const CHANGE_LABELS = {
  occurredOn: 'date',
  party: 'party',
  body: 'body',
  stage: 'stage',
  place: 'place',
  signatories: 'signatories',
  effectiveOn: 'date of effect',
  successionOn: 'date of succession',
};
const DATE_FIELDS = new Set(['occurredOn', 'effectiveOn', 'successionOn']);

export const cardId = (item) => `dev-${item.eventId}`;

/**
 * Each development of the whole timeline, numbered as on the date axis, with its sources, corrections, retraction
 * and disagreements. `happened` holds the developments that had happened on the chosen date (null: today).
 */
export function renderDevelopments(list, items, happened, asOfLabel, treatyLink) {
  const numbers = new Map(items.map((item, index) => [item.developmentId, index + 1]));
  replaceChildren(
    list,
    items.length === 0 ? h('li', { class: 'empty' }, 'No development reported yet.') : null,
    items.map((item, index) => card(item, index + 1, numbers, items, happened, asOfLabel, treatyLink)),
  );
}

function card(item, number, numbers, items, happened, asOfLabel, treatyLink) {
  const pending = happened !== null && !happened.has(item.eventId);
  const headingId = `${cardId(item)}-title`;
  const diplomacy = isDiplomacy(item);
  return h(
    'li',
    {
      id: cardId(item),
      class: diplomacy ? 'development development--diplomacy' : 'development',
      tabindex: '-1',
      'data-kind': markKind(item.type),
      'data-type': item.type,
      'data-diplomacy': diplomacy,
      'data-retracted': item.retracted,
      'data-pending': pending,
    },
    h(
      'article',
      { 'aria-labelledby': headingId },
      diplomacy
        ? h(
            'p',
            { class: 'kind-label' },
            h('span', { class: 'kind-tag' }, 'Diplomacy'),
            ' ',
            h('span', { class: 'note' }, 'does not change the legal status'),
          )
        : null,
      h(
        'h4',
        { id: headingId },
        h('span', { class: 'number', 'aria-hidden': 'true' }, String(number)),
        developmentTitle(item),
        item.party ? h('span', { class: 'party' }, ` · ${item.party}`) : null,
      ),
      h('p', { class: 'date' }, partialDate(item.occurredOn)),
      flags(item, pending, asOfLabel),
      diplomacy ? said(item) : null,
      details(item, treatyLink),
      corrections(item),
      retraction(item),
      disagreement(item, numbers, items),
      h('h5', {}, `Sources (${item.sources.length})`),
      h(
        'ul',
        { class: 'sources' },
        item.sources.map((source) => sourceEntry(source, item)),
      ),
    ),
  );
}

function flags(item, pending, asOfLabel) {
  const list = [
    pending ? flag('pending', `not yet on ${asOfLabel}`) : null,
    item.retracted ? flag('retracted', 'retracted') : null,
    item.corrections.length > 0 ? flag('corrected', `corrected ${times(item.corrections.length)}`) : null,
    item.openDisagreements.length > 0 ? flag('disputed', 'reports disagree') : null,
  ].filter(Boolean);
  return list.length > 0 ? h('p', { class: 'flags' }, list) : null;
}

const flag = (kind, text) => h('span', { class: `flag flag--${kind}` }, text);
const times = (count) => (count === 1 ? 'once' : `${count} times`);

/** What a statement said, or what a context event was: the development's own words, apart from its sources'. */
function said(item) {
  if (item.type === 'statement' && item.quote) return h('blockquote', { class: 'said' }, h('p', {}, `“${item.quote}”`));
  if (item.type === 'context' && item.summary) return h('p', { class: 'said' }, item.summary);
  return null;
}

function details(item, treatyLink) {
  const rows = [];
  if (item.place) rows.push(['Place', item.place]);
  if (item.signatories?.length) rows.push(['Signatories', item.signatories.join(', ')]);
  if (item.votes) rows.push(['Votes', votes(item.votes)]);
  if (item.consentType) rows.push(['Consent', consentLabel(item.consentType)]);
  if (item.againstParty) rows.push(['Against', item.againstParty]);
  if (item.text) rows.push(['Text', h('q', {}, item.text)]);
  if (item.effectiveOn) rows.push(['Takes effect', partialDate(item.effectiveOn)]);
  if (item.successionOn) rows.push(['Succession of States', partialDate(item.successionOn)]);
  if (item.participants?.length) rows.push(['Participants', item.participants.join(', ')]);
  if (item.parties?.length) rows.push(['Parties named', item.parties.join(', ')]);
  if (item.treaties?.length && treatyLink) {
    rows.push(['Treaties named', item.treaties.map((id, index) => [index > 0 ? ', ' : null, treatyLink(id)])]);
  }
  if (rows.length === 0) return null;
  return h(
    'dl',
    { class: 'details' },
    rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
  );
}

function votes({ for: yes, against, abstained }) {
  return [
    yes !== undefined ? `${yes} for` : null,
    against !== undefined ? `${against} against` : null,
    abstained !== undefined ? `${abstained} abstained` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

function corrections(item) {
  if (item.corrections.length === 0) return null;
  const reportedOn = item.reported?.occurredOn;
  return h(
    'div',
    { class: 'corrections' },
    h('h5', {}, 'Corrections'),
    reportedOn && reportedOn !== item.occurredOn
      ? h('p', {}, 'First reported as ', formatPartial(reportedOn), '.')
      : null,
    h(
      'ul',
      {},
      item.corrections.map((correction) =>
        h(
          'li',
          {},
          `${changes(correction.changes)}. `,
          h('span', { class: 'reason' }, `Reason: ${correction.reason}`),
          ' — ',
          sourceSummary(correction.source),
        ),
      ),
    ),
  );
}

function changes(changed) {
  const text = Object.entries(changed)
    .map(([field, value]) => {
      const label = CHANGE_LABELS[field] ?? field;
      if (value === null) return `${label} cleared`;
      if (DATE_FIELDS.has(field)) return `${label} set to ${formatPartial(value)}`;
      if (Array.isArray(value)) return `${label} set to ${value.join(', ')}`;
      if (typeof value === 'object') return `${label} set to ${votes(value)}`;
      return `${label} set to ${value}`;
    })
    .join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function retraction(item) {
  if (!item.retraction) return null;
  return h(
    'div',
    { class: 'retraction' },
    h('h5', {}, 'Retracted'),
    h('p', {}, `Reason: ${item.retraction.reason} — `, sourceSummary(item.retraction.source)),
  );
}

function disagreement(item, numbers, items) {
  if (item.openDisagreements.length === 0) {
    return item.disagreesWith?.length
      ? h('p', { class: 'settled' }, 'Disagreed with another report when it was recorded; since settled.')
      : null;
  }
  const others = item.openDisagreements.map((id) => {
    const other = items.find((candidate) => candidate.developmentId === id);
    return other ? `report ${numbers.get(id)} (${formatPartial(other.occurredOn)})` : 'another report';
  });
  return h(
    'p',
    { class: 'disputed' },
    `Its date disagrees with ${others.join(' and ')}; an editor has yet to settle it.`,
  );
}

function sourceSummary(source) {
  const address = webAddress(source.url);
  return [
    address ? h('a', { href: address, rel: 'noopener noreferrer' }, source.publisher) : source.publisher,
    `, ${formatDay(dayOfIso(source.publishedOn))}`,
  ];
}

function sourceEntry(source, item) {
  return h(
    'li',
    { class: 'source', 'data-kind': source.kind },
    h('p', { class: 'source-line' }, sourceSummary(source), source.kind === 'corroboration' ? ' · corroborates' : null),
    source.quote ? h('blockquote', {}, h('p', {}, `“${source.quote}”`)) : null,
    source.document ? h('p', { class: 'note' }, `Document: ${source.document}`) : null,
    source.reportedOccurredOn && source.reportedOccurredOn !== item.occurredOn
      ? h('p', { class: 'note' }, `Gave the date as ${formatPartial(source.reportedOccurredOn)}`)
      : null,
  );
}

/** Statements, negotiations and context recorded on other treaties that name this one, each with where it is. */
export function renderLinkedItems(section, list, linkedItems, treatyLink) {
  section.hidden = linkedItems.length === 0;
  replaceChildren(
    list,
    linkedItems.map((item) =>
      h(
        'li',
        { class: 'development development--diplomacy', 'data-kind': 'diplomacy', 'data-type': item.type },
        h(
          'p',
          { class: 'kind-label' },
          h('span', { class: 'kind-tag' }, 'Diplomacy'),
          ' ',
          h('span', { class: 'note' }, 'recorded on ', treatyLink(item.fromTreatyId)),
        ),
        h('h4', {}, developmentTitle(item)),
        h('p', { class: 'date' }, partialDate(item.occurredOn)),
        said(item),
        details(item, null),
      ),
    ),
  );
}
