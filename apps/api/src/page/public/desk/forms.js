/* global document, queueMicrotask */
// The desk's forms: which fields each write has, built with the API's own rule beside each field, read back into
// the request body, and the API's problems shown beside the fields they name.
import { h, replaceChildren } from '../dom.js';

const SOURCE_FIELDS = [
  { name: 'source.publisher', label: 'Publisher' },
  { name: 'source.publishedOn', label: 'Published on', type: 'date' },
  { name: 'source.url', label: 'Address (URL)', type: 'url' },
  { name: 'source.quote', label: 'Quote, verbatim', multiline: true },
];

/** A chamber's vote counts: three numbers of one object (`votes.for`, ...), each posted only when filled. */
const VOTE_FIELDS = (prefix, hint, { corrected = false } = {}) =>
  [
    ['for', 'Votes for'],
    ['against', 'Votes against'],
    ['abstained', 'Abstentions'],
  ].map(([key, label], index) => ({
    name: `${prefix}.${key}`,
    label: corrected ? `Corrected ${label.toLowerCase()}` : label,
    type: 'number',
    hint: index === 0 ? hint : undefined,
  }));

const DEVELOPMENT_CHOICE = { name: 'developmentId', label: 'Development', choice: 'development', inPath: true };

/** Each write: its form, the schema that validates its body, its route, and its fields. */
export const WRITES = {
  register: {
    schema: 'RegisterTreatyRequestDto',
    path: () => '/treaties',
    needsTreaty: false,
    submitLabel: 'Register the treaty',
    fields: [
      { name: 'id', label: 'Identifier' },
      { name: 'title', label: 'Title' },
      { name: 'parties', label: 'Parties', hint: 'Codes separated by commas, such as RU, IR' },
      { name: 'category', label: 'Category' },
    ],
  },
  report: {
    schema: 'ReportDevelopmentRequestDto',
    path: (treatyId) => `/treaties/${encodeURIComponent(treatyId)}/developments`,
    needsTreaty: true,
    submitLabel: 'Report the development',
    fields: [
      { name: 'type', label: 'What happened' },
      { name: 'occurredOn', label: 'When', hint: 'YYYY-MM-DD, YYYY-MM or YYYY: as precise as the source' },
      { name: 'party', label: 'Party' },
      { name: 'body', label: 'Chamber or council' },
      ...VOTE_FIELDS('votes', "For a chamber's vote: the counts the source gives; leave out those it does not"),
      { name: 'place', label: 'Place' },
      { name: 'signatories', label: 'Signatories', hint: 'Names separated by commas' },
      { name: 'consentType', label: 'Consent type', hint: 'For consent to be bound' },
      {
        name: 'successionOn',
        label: 'Date of the succession of States',
        hint: 'For consent by succession: YYYY-MM-DD, YYYY-MM or YYYY, on or before the notification. Empty: the party counts from its notification',
      },
      {
        name: 'text',
        label: 'Wording',
        multiline: true,
        hint: 'For a reservation, a declaration or an objection: its words, or what it concerns',
      },
      {
        name: 'confirmsReservationId',
        label: 'Confirms the reservation',
        choice: 'reservation',
        none: 'None: a reservation of its own',
        hint: 'For a reservation confirmed on consent to be bound (VCLT art. 23(2)): the one the party formulated at signature. Empty for a reservation of its own',
      },
      {
        name: 'reservationId',
        label: 'The reservation concerned',
        choice: 'reservation',
        none: "None named: all the party's reservations",
        withConfirmations: true,
        hint: "For an objection, or a reservation's withdrawal: the one it concerns. Empty: an objection concerns every reservation of the reserving party, a withdrawal withdraws them all",
      },
      {
        name: 'againstParty',
        label: 'Reserving party',
        hint: 'For an objection, or its withdrawal: the party whose reservation is objected to',
      },
      {
        name: 'effectiveOn',
        label: 'Takes effect on',
        hint: "For a notice of withdrawal: the day the source gives. Empty: the notification plus the treaty's notice period",
      },
      { name: 'speaker', label: 'Speaker', hint: 'For a statement' },
      { name: 'quote', label: 'Their words, verbatim', multiline: true, hint: 'For a statement' },
      {
        name: 'stage',
        label: 'Stage',
        hint: "For negotiations: where the talks stand. For a chamber's vote: its reading or committee; empty for its decisive vote",
      },
      { name: 'participants', label: 'Participants', hint: 'For negotiations: party codes separated by commas' },
      { name: 'summary', label: 'The background event', multiline: true, hint: 'For context, in a sentence' },
      {
        name: 'treaties',
        label: 'Other treaties it concerns',
        hint: 'For a statement, negotiations or context: treaty identifiers separated by commas; it shows on theirs too',
      },
      {
        name: 'parties',
        label: 'Parties it concerns',
        hint: 'For a statement or context: party codes separated by commas',
      },
      ...SOURCE_FIELDS,
    ],
  },
  correct: {
    schema: 'CorrectDevelopmentRequestDto',
    path: (treatyId, { developmentId }) =>
      `/treaties/${encodeURIComponent(treatyId)}/developments/${encodeURIComponent(developmentId)}/corrections`,
    needsTreaty: true,
    submitLabel: 'Record the correction',
    fields: [
      DEVELOPMENT_CHOICE,
      {
        name: 'changes.occurredOn',
        label: 'Corrected date',
        hint: 'Leave a field empty to keep it as it is; tick "Remove the recorded …" under an optional one to clear it',
      },
      { name: 'changes.party', label: 'Corrected party' },
      { name: 'changes.body', label: 'Corrected chamber or council' },
      { name: 'changes.stage', label: "Corrected stage of the chamber's vote" },
      { name: 'changes.place', label: 'Corrected place' },
      { name: 'changes.signatories', label: 'Corrected signatories', hint: 'Names separated by commas' },
      ...VOTE_FIELDS(
        'changes.votes',
        'Only the counts filled in change; the others stay as recorded unless you remove them',
        { corrected: true },
      ),
      { name: 'changes.effectiveOn', label: 'Corrected day the withdrawal takes effect' },
      { name: 'changes.successionOn', label: 'Corrected date of the succession of States' },
      { name: 'reason', label: 'Why', multiline: true },
      ...SOURCE_FIELDS,
    ],
  },
  retract: {
    schema: 'RetractDevelopmentRequestDto',
    path: (treatyId, { developmentId }) =>
      `/treaties/${encodeURIComponent(treatyId)}/developments/${encodeURIComponent(developmentId)}/retractions`,
    needsTreaty: true,
    submitLabel: 'Retract the development',
    fields: [DEVELOPMENT_CHOICE, { name: 'reason', label: 'Why', multiline: true }, ...SOURCE_FIELDS],
  },
  extract: {
    schema: 'ExtractionRequestDto',
    path: () => '/extractions',
    needsTreaty: false,
    submitLabel: 'Propose developments',
    fields: [
      { name: 'text', label: 'Article text', multiline: true, rows: 10 },
      { name: 'publishedOn', label: 'Published on', type: 'date' },
      { name: 'publisher', label: 'Publisher' },
      { name: 'url', label: 'Address (URL)', type: 'url' },
    ],
  },
};

/** Fields that make one object of the body are shown together. */
const GROUPS = { source: 'Source', changes: 'What to change' };

const fieldId = (form, name) => `${form.id}-${name.replace(/\./g, '-')}`;

/**
 * Fills a form with its fields, each labelled, with the rule the API's schema gives it beside it (required,
 * length, pattern, choices) and a place for the API's answer about it. Returns false when the schema has no
 * such request (a route this service does not have).
 */
export function buildForm(form, write, rulesOf) {
  const missing = rulesOf(write.schema, write.fields.find((field) => !field.inPath).name) === null;
  const rows = write.fields.map((field) => ({
    group: GROUPS[field.name.split('.')[0]] ?? null,
    row: fieldRow(form, field, field.inPath ? null : rulesOf(write.schema, field.name)),
  }));
  const fields = [];
  for (const { group, row } of rows) {
    const last = fields[fields.length - 1];
    if (group && last?.dataset?.group === group) last.append(row);
    else fields.push(group ? h('fieldset', { class: 'group', 'data-group': group }, h('legend', {}, group), row) : row);
  }
  form.addEventListener('reset', () => queueMicrotask(() => syncClearedFields(form)));
  replaceChildren(
    form,
    missing ? h('p', { class: 'warning' }, 'This service does not offer this yet (its API has no such route).') : null,
    fields,
    h('p', { class: 'form-error error', id: `${form.id}-error`, role: 'alert', tabindex: '-1', hidden: true }),
    h(
      'div',
      { class: 'form-actions' },
      write.needsTreaty || write.schema === 'RegisterTreatyRequestDto'
        ? h('button', { type: 'button', class: 'preview', 'data-action': 'preview' }, 'Preview')
        : null,
      h('button', { type: 'submit', class: 'primary', 'data-action': 'submit' }, write.submitLabel),
    ),
  );
  return !missing;
}

function fieldRow(form, field, rules) {
  const id = fieldId(form, field.name);
  const describedBy = [`${id}-rule`, field.hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  const common = {
    id,
    name: field.name,
    'aria-describedby': describedBy,
    'aria-required': rules?.required ? 'true' : null,
  };
  let control;
  if (field.choice === 'development') {
    control = h('select', { ...common, 'aria-required': 'true', 'data-choice': 'development' });
  } else if (field.choice === 'reservation') {
    control = h('select', {
      ...common,
      'data-choice': 'reservation',
      'data-none': field.none,
      'data-with-confirmations': field.withConfirmations ? 'true' : null,
    });
  } else if (rules?.enum) {
    control = h(
      'select',
      common,
      rules.required ? null : h('option', { value: '' }, '—'),
      rules.enum.map((value) => h('option', { value }, value)),
    );
  } else if (field.multiline) {
    control = h('textarea', { ...common, rows: field.rows ?? 3, maxlength: rules?.maxLength ?? null });
  } else {
    control = h('input', {
      ...common,
      type: field.type ?? 'text',
      maxlength: rules?.maxLength ?? null,
      autocomplete: 'off',
      inputmode: field.type === 'number' ? 'numeric' : null,
      'data-list': rules?.list ? 'true' : null,
    });
  }
  const rule =
    field.choice === 'development'
      ? 'required · from the treaty as you read it'
      : field.choice === 'reservation'
        ? `${rules?.text ?? ''} · from the treaty as you read it`
        : (rules?.text ?? '');
  return h(
    'div',
    { class: 'field', 'data-field': field.name },
    h('label', { for: id }, field.label),
    control,
    h('p', { class: 'rule', id: `${id}-rule` }, rule),
    field.hint ? h('p', { class: 'hint', id: `${id}-hint` }, field.hint) : null,
    rules?.nullable ? clearBox(form, field, control) : null,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
  );
}

/**
 * A box that posts `null` for a field the API lets a correction clear (its schema says `nullable`): an empty field
 * keeps the recorded value, so removing one needs a choice of its own. While it is ticked the field is disabled.
 */
function clearBox(form, field, control) {
  const id = `${control.id}-clear`;
  const what = field.label.replace(/^Corrected /, '');
  const box = h('input', {
    type: 'checkbox',
    id,
    'data-clears': field.name,
    'aria-controls': control.id,
    'aria-describedby': `${control.id}-rule`,
  });
  box.addEventListener('change', () => syncClearedFields(form));
  return h('label', { class: 'clear-field', for: id }, box, `Remove the recorded ${what}`);
}

/** Disables (and empties) each field whose "remove" box is ticked, and enables the others. */
function syncClearedFields(form) {
  for (const box of form.querySelectorAll('input[data-clears]')) {
    const control = form.elements.namedItem(box.dataset.clears);
    if (box.checked) control.value = '';
    control.disabled = box.checked;
  }
}

/**
 * The request body as the editor filled it: empty optional fields left out, lists split at commas, counts as numbers,
 * and `null` for each field whose "remove" box is ticked.
 */
export function readForm(form, write) {
  const body = {};
  const path = {};
  for (const field of write.fields) {
    const control = form.elements.namedItem(field.name);
    const raw = control.value.trim();
    if (field.inPath) {
      path[field.name] = raw;
      continue;
    }
    if (form.querySelector(`input[data-clears="${field.name}"]`)?.checked) {
      setPath(body, field.name.split('.'), null);
      continue;
    }
    if (raw === '') continue;
    const value =
      control.dataset.list === 'true'
        ? raw
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean)
        : field.type === 'number'
          ? Number(raw)
          : raw;
    setPath(body, field.name.split('.'), value);
  }
  if (write.schema === 'CorrectDevelopmentRequestDto' && body.changes === undefined) body.changes = {};
  return { body, path };
}

function setPath(target, [head, ...rest], value) {
  if (rest.length === 0) target[head] = value;
  else setPath((target[head] ??= {}), rest, value);
}

/** Sets fields from an object of dotted names, such as a proposal taken from an article. */
export function fillForm(form, values) {
  for (const [name, value] of Object.entries(values)) {
    const control = form.elements.namedItem(name);
    if (control) control.value = value ?? '';
  }
}

export function clearProblems(form) {
  for (const error of form.querySelectorAll('.field-error, .form-error')) {
    error.hidden = true;
    error.textContent = '';
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

/**
 * Puts each error of a problem+json answer beside the field it names (`errors[].field`, or the domain's `field`),
 * and the rest at the foot of the form. Focus goes to the first field in error.
 */
export function showProblem(form, problem, fallback) {
  clearProblems(form);
  const named = [
    ...(problem.errors ?? []),
    ...(problem.field ? [{ field: problem.field, message: problem.detail }] : []),
  ];
  const unplaced = [];
  let first = null;
  for (const { field, message } of named) {
    const control = field ? findControl(form, field) : null;
    if (!control) {
      unplaced.push(message);
      continue;
    }
    const error = document.getElementById(`${control.id}-error`);
    error.hidden = false;
    error.textContent = error.textContent ? `${error.textContent}; ${message}` : message;
    control.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  const formError = form.querySelector('.form-error');
  const code = problem.code ? `${problem.code}: ` : '';
  if (named.length === 0 || unplaced.length > 0) {
    formError.hidden = false;
    formError.textContent = `${code}${unplaced.length > 0 ? unplaced.join('; ') : (problem.detail ?? fallback)}`;
  } else if (problem.code) {
    formError.hidden = false;
    formError.textContent = `${code}see the fields marked above.`;
  }
  (first ?? formError).focus?.();
}

/** The control for a field the API names: exactly, or its nearest named parent (`source.quote` for `source`). */
function findControl(form, field) {
  let name = field.replace(/\.\d+(?=\.|$)/g, '');
  for (;;) {
    const control = form.elements.namedItem(name);
    if (control) return control;
    const match = [...form.elements].find((element) => element.name?.startsWith(`${name}.`));
    if (match) return match;
    if (!name.includes('.')) return null;
    name = name.slice(0, name.lastIndexOf('.'));
  }
}
