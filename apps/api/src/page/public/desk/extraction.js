/* global document */
// Paste an article, see the developments it reports proposed and highlighted in the text, and accept, edit or
// reject each. Nothing is written until a proposal is accepted: then it goes through the normal report route,
// with its quote as the source and the article's publisher, date and address from the paste form.
import { h, replaceChildren } from '../dom.js';
import { developmentLabel } from '../labels.js';
import { ProblemError, write } from './api.js';
import { WRITES, clearProblems, fillForm, readForm, showProblem } from './forms.js';

export function setUpExtraction({ form, reportForm, showReportTab, chooseTreaty, submitReport }) {
  const results = h('div', { class: 'extraction', id: 'extraction-results', 'aria-live': 'polite' });
  form.after(results);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    const { body } = readForm(form, WRITES.extract);
    const button = form.querySelector('[data-action="submit"]');
    button.disabled = true;
    try {
      const { json } = await write('/extractions', body, {});
      render(results, body, json.proposals, { reportForm, showReportTab, chooseTreaty, submitReport });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      showProblem(form, error.problem, error.message);
    } finally {
      button.disabled = false;
    }
  });
}

function render(results, article, proposals, actions) {
  const numbered = proposals.map((proposal, index) => ({ ...proposal, number: index + 1 }));
  replaceChildren(
    results,
    h('h3', {}, `Proposals (${numbered.length})`),
    numbered.length === 0
      ? h('p', { class: 'hint' }, 'The article reports no treaty development that the extraction recognises.')
      : null,
    h('div', { class: 'article', id: 'article-text' }, highlighted(article.text, numbered)),
    h(
      'ol',
      { class: 'proposals' },
      numbered.map((proposal) => proposalCard(proposal, article, actions)),
    ),
  );
}

/** The text with each proposal's quote marked; where quotes overlap, the marks name every proposal there. */
function highlighted(text, proposals) {
  const cuts = new Set([0, text.length]);
  for (const { quoteStart, quoteEnd } of proposals) {
    cuts.add(quoteStart);
    cuts.add(quoteEnd);
  }
  const points = [...cuts].filter((cut) => cut >= 0 && cut <= text.length).sort((a, b) => a - b);
  const pieces = [];
  for (let index = 0; index < points.length - 1; index++) {
    const [from, to] = [points[index], points[index + 1]];
    const covering = proposals.filter((proposal) => proposal.quoteStart <= from && proposal.quoteEnd >= to);
    const piece = text.slice(from, to);
    if (covering.length === 0) {
      pieces.push(piece);
      continue;
    }
    const starts = covering.filter((proposal) => proposal.quoteStart === from);
    pieces.push(
      h(
        'mark',
        { 'data-proposals': covering.map((proposal) => proposal.number).join(' ') },
        starts.map((proposal) => h('sup', { class: 'proposal-number' }, `[${proposal.number}]`)),
        piece,
      ),
    );
  }
  return pieces;
}

function proposalCard(proposal, article, { reportForm, showReportTab, chooseTreaty, submitReport }) {
  const values = reportValues(proposal, article);
  const status = h('p', { class: 'proposal-state', role: 'status' });
  const card = h(
    'li',
    { class: 'proposal', 'data-number': proposal.number, 'data-type': proposal.type },
    h(
      'h4',
      {},
      h('span', { class: 'number' }, proposal.number),
      ` ${developmentLabel(proposal.type)}${proposal.party ? ` · ${proposal.party}` : ''}${
        proposal.body ? ` · ${proposal.body}` : ''
      }`,
    ),
    h(
      'dl',
      { class: 'details' },
      h('dt', {}, 'Treaty'),
      h('dd', {}, proposal.treatyId ?? `none registered (${proposal.treatyTitle ?? 'unnamed'})`),
      h('dt', {}, 'When'),
      h('dd', {}, `${proposal.occurredOn} (to the ${proposal.precision})`),
      h('dt', {}, 'Why that date'),
      h('dd', {}, proposal.dateReasoning),
      h('dt', {}, 'Confidence'),
      h('dd', {}, `${Math.round(proposal.confidence * 100)} %`),
      proposal.alreadyRecorded
        ? [h('dt', {}, 'On record'), h('dd', { class: 'on-record' }, onRecordNote(proposal))]
        : null,
    ),
    h('blockquote', {}, proposal.quote),
    status,
  );
  const prepare = async () => {
    if (!proposal.treatyId) {
      status.textContent = 'It matches no registered treaty: register the treaty first, then edit this proposal.';
      return false;
    }
    await chooseTreaty(proposal.treatyId);
    fillForm(reportForm, values);
    return true;
  };
  const accept = h('button', { type: 'button', class: 'primary', 'data-action': 'accept' }, 'Accept');
  if (proposal.reportedByThisArticle) {
    // The server would refuse it as a repeat (REPORT_ALREADY_RECORDED): nothing to accept.
    accept.disabled = true;
    card.dataset.state = 'on-record';
  }
  const edit = h('button', { type: 'button', 'data-action': 'edit' }, 'Edit');
  const reject = h('button', { type: 'button', 'data-action': 'reject' }, 'Reject');
  accept.addEventListener('click', async () => {
    if (!(await prepare())) return;
    accept.disabled = true;
    if (!(await submitReport())) {
      showReportTab();
      status.textContent = 'Not recorded: see the report form.';
      accept.disabled = false;
    } else {
      card.dataset.state = 'accepted';
      status.textContent = 'Recorded.';
      edit.disabled = true;
      reject.disabled = true;
    }
  });
  edit.addEventListener('click', async () => {
    if (!(await prepare())) return;
    showReportTab();
    reportForm.elements.namedItem('type').focus();
  });
  reject.addEventListener('click', () => {
    card.dataset.state = 'rejected';
    status.textContent = 'Rejected: nothing will be written.';
    accept.disabled = true;
    edit.disabled = true;
    for (const mark of document.querySelectorAll('#article-text mark')) {
      const numbers = mark.dataset.proposals.split(' ');
      if (numbers.includes(String(proposal.number))) mark.dataset.rejected = String(numbers.length === 1);
    }
  });
  card.append(h('div', { class: 'form-actions' }, accept, edit, reject));
  return card;
}

/**
 * What accepting a proposal on record does: adds the article as a source, without the details the record lacks
 * (which the server would refuse: a corroboration records only its source and date); or nothing, when this article
 * is already a source of it.
 */
function onRecordNote(proposal) {
  if (proposal.reportedByThisArticle) return 'already, from this article: nothing to add';
  const details = proposal.detailsNotOnRecord ?? [];
  if (details.length === 0) return 'already: accepting adds this source';
  const listed = details
    .map(
      ({ field, reported, onRecord }) =>
        `${field} ${shown(reported)} (on record: ${onRecord === undefined ? 'none' : shown(onRecord)})`,
    )
    .join(', ');
  return `already: accepting adds this source, without what the record does not hold: ${listed}. To record ${details.length === 1 ? 'it' : 'them'}, correct the development`;
}

function shown(value) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([name, count]) => `${count} ${name}`)
      .join(', ');
  }
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * The report form's fields for a proposal: its development, and its quote as the source from the article. Every
 * other field is emptied, so nothing typed for an earlier report is posted with it. A proposal on record is sent as
 * its corroboration: without the details the record lacks, and a statement with its speaker and words as on record.
 */
function reportValues(proposal, article) {
  const others = Object.fromEntries(WRITES.report.fields.map((field) => [field.name, '']));
  const values = developmentValues(proposal, article);
  for (const { field } of proposal.detailsNotOnRecord ?? []) {
    for (const name of Object.keys(values)) if (name === field || name.startsWith(`${field}.`)) values[name] = '';
  }
  return { ...others, ...values };
}

function developmentValues(proposal, article) {
  const statement = proposal.statementOnRecord;
  return {
    type: proposal.type,
    occurredOn: proposal.occurredOn,
    // A statement takes no `party`: the state a proposal names for it is its speaker's, one of the parties the
    // statement concerns (`parties`). Posted as `party`, the API refused every statement accepted.
    party: proposal.type === 'statement' ? '' : (proposal.party ?? ''),
    body: proposal.body ?? '',
    consentType: proposal.consentType ?? '',
    // A statement's words are inside the reporting sentence: the editor trims them to the speaker's own (one on
    // record is sent as recorded).
    speaker: statement?.speaker ?? proposal.speaker ?? '',
    quote: proposal.type === 'statement' ? (statement?.quote ?? proposal.quote) : '',
    stage: proposal.stage ?? '',
    'votes.for': proposal.votes?.for ?? '',
    'votes.against': proposal.votes?.against ?? '',
    'votes.abstained': proposal.votes?.abstained ?? '',
    participants: proposal.type === 'negotiations' ? proposal.parties.join(', ') : '',
    parties: proposal.type === 'statement' ? (proposal.party ?? '') : '',
    'source.publisher': article.publisher ?? '',
    'source.publishedOn': article.publishedOn ?? '',
    'source.url': article.url ?? '',
    'source.quote': proposal.quote,
  };
}
