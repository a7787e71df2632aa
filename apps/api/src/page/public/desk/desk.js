/* global document, URL, URLSearchParams, location, history */
// The editors' desk: read a treaty (keeping its ETag), preview a write with a dry run, then submit it with
// If-Match and one Idempotency-Key per submission; on 412 show what changed since and let the editor decide again.
import { today } from '../dates.js';
import { renderDevelopments } from '../developments.js';
import { h, replaceChildren } from '../dom.js';
import { developmentTitle } from '../labels.js';
import { renderStatus } from '../status.js';
import { ProblemError, apiKey, getJson, newIdempotencyKey, write } from './api.js';
import { setUpExtraction } from './extraction.js';
import { WRITES, buildForm, clearProblems, readForm, showProblem } from './forms.js';
import { loadRules } from './schema.js';

/** Another treaty named in a status or a timeline: its page on the timeline, where an editor reads it in full. */
const timelineLink = (treatyId) => h('a', { href: `/?treaty=${encodeURIComponent(treatyId)}` }, treatyId);

const $ = (id) => document.getElementById(id);
const view = {
  keyForm: $('key-form'),
  keyInput: $('api-key'),
  keyState: $('key-state'),
  forgetKey: $('forget-key'),
  treatySelect: $('treaty-select'),
  reload: $('reload'),
  readState: $('read-state'),
  rulesState: $('rules-state'),
  heading: $('view-heading'),
  note: $('view-note'),
  conflict: $('conflict'),
  outcome: $('outcome'),
  status: $('view-status'),
  developments: $('view-developments'),
  announcer: $('announcer'),
};

/** What the editor last read: the decisions are made on it, and its ETag goes with every write as If-Match. */
const state = { treatyId: null, etag: null, status: null, timeline: null };
/** One Idempotency-Key per submission, per form: kept until that submission is answered, so a repeat posts once. */
const pendingKeys = new Map();
const inFlight = new Set();

const announce = (text) => {
  view.announcer.textContent = text;
};

// ---- the key ----
function showKeyState() {
  const key = apiKey.get();
  view.keyState.dataset.state = key ? 'set' : 'none';
  view.keyState.textContent = key
    ? `A key ending in …${key.slice(-4)} is in use for this tab.`
    : 'No key yet: writes will be refused.';
}
view.keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const key = view.keyInput.value.trim();
  if (key) apiKey.set(key);
  view.keyInput.value = '';
  showKeyState();
});
view.forgetKey.addEventListener('click', () => {
  apiKey.forget();
  showKeyState();
});

// ---- reading a treaty ----
/** `minPosition`: after a write, the list waits until the read model holds it (the new treaty is in it). */
async function loadTreatyList(selected, { minPosition } = {}) {
  const treaties = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({
      limit: '500',
      ...(cursor ? { cursor } : {}),
      ...(minPosition ? { minPosition } : {}),
    });
    const { json } = await getJson(`/treaties?${query}`);
    treaties.push(...json.items);
    cursor = json.nextCursor;
  } while (cursor);
  replaceChildren(
    view.treatySelect,
    h('option', { value: '' }, treaties.length ? 'Choose a treaty…' : 'No treaty yet: register one'),
    treaties.map((treaty) => h('option', { value: treaty.id, selected: treaty.id === selected }, treaty.title)),
  );
}

/**
 * Reads the treaty's status and timeline: what the editor decides on. Writes are sent with If-Match naming the
 * revision read: the status's ETag also names its bytes (`"3-<digest>"`, decision 0059), which a write does not
 * compare, so the desk sends and shows the revision alone (`"3"`), as a write's own ETag is.
 */
async function readTreaty(treatyId, minPosition) {
  const suffix = minPosition ? `?minPosition=${encodeURIComponent(minPosition)}` : '';
  const id = encodeURIComponent(treatyId);
  const [status, timeline] = await Promise.all([
    getJson(`/treaties/${id}${suffix}`),
    getJson(`/treaties/${id}/timeline${suffix}`),
  ]);
  const revision = status.json?.revision;
  return {
    treatyId,
    etag: revision === undefined ? status.etag : `"${revision}"`,
    status: status.json,
    timeline: timeline.json,
  };
}

async function chooseTreaty(treatyId, { minPosition } = {}) {
  hide(view.conflict);
  if (!treatyId) {
    Object.assign(state, { treatyId: null, etag: null, status: null, timeline: null });
    renderTreaty(null);
    return;
  }
  Object.assign(state, await readTreaty(treatyId, minPosition));
  const url = new URL(location.href);
  url.searchParams.set('treaty', treatyId);
  history.replaceState(null, '', url);
  renderTreaty('read');
}

/** The right-hand view: the treaty as read, or (a preview) as it would be after the write. */
function renderTreaty(mode, preview) {
  const status = preview?.status ?? state.status;
  const timeline = preview?.timeline ?? state.timeline;
  view.treatySelect.value = state.treatyId ?? '';
  if (!status) {
    view.heading.textContent = preview ? 'Preview' : 'The treaty as it stands';
    view.readState.textContent = 'Choose a treaty, or register one.';
    view.note.textContent = 'Choose a treaty to see its status and developments.';
    replaceChildren(view.status);
    replaceChildren(view.developments);
    return;
  }
  view.readState.textContent = state.etag
    ? `Read at revision ${state.etag.replace(/"/g, '')}: writes are sent with If-Match ${state.etag}.`
    : 'Not read yet.';
  view.treatySelect.value = state.treatyId ?? '';
  if (mode === 'preview') {
    view.heading.textContent = `Preview: ${status.title}`;
    view.note.textContent = preview.wouldAppend
      ? `As it would be after this write (${preview.wouldAppend.eventType}). Nothing has been written.`
      : 'This submission was already recorded: sending it again would change nothing.';
  } else {
    view.heading.textContent = status.title;
    view.note.textContent = 'As it stands now, from the record.';
  }
  $('treaty').dataset.mode = mode;
  renderStatus(view.status, status, { referenceDay: today(), treatyLink: timelineLink });
  renderDevelopments(view.developments, timeline.items, null, null, timelineLink);
  const added = preview?.wouldAppend?.eventId;
  for (const card of view.developments.querySelectorAll('.development')) {
    const item = timeline.items.find((entry) => `dev-${entry.eventId}` === card.id);
    card.id = `desk-${card.id}`;
    if (
      item &&
      added &&
      (item.eventId === added ||
        item.corrections.some((c) => c.eventId === added) ||
        item.retraction?.eventId === added)
    ) {
      card.dataset.preview = 'true';
      card.prepend(h('p', { class: 'preview-flag' }, 'Changed by this write'));
    }
  }
  fillDevelopmentChoices();
}

/** The choices of developments (to correct or retract) and of reservations (to name), from the treaty as read. */
function fillDevelopmentChoices() {
  const items = state.timeline?.items ?? [];
  fillReservationChoices(items);
  for (const select of document.querySelectorAll('select[data-choice="development"]')) {
    const chosen = select.value;
    replaceChildren(
      select,
      h('option', { value: '' }, items.length ? 'Choose a development…' : 'No development on record'),
      items.map((item) =>
        h(
          'option',
          { value: item.developmentId, selected: item.developmentId === chosen },
          `${item.occurredOn} · ${developmentTitle(item)}${item.retracted ? ' (retracted)' : ''}`,
        ),
      ),
    );
  }
}

/**
 * The reservations a field can name, of any party (the API says, beside the field, when the party is not the one it
 * must be). What a reservation confirms is a reservation that confirms none itself; what an objection or a withdrawal
 * concerns may also be a confirmation (it names the reservation confirmed). The empty choice names none.
 */
function fillReservationChoices(items) {
  const reservations = items.filter((item) => item.type === 'reservation');
  for (const select of document.querySelectorAll('select[data-choice="reservation"]')) {
    const chosen = select.value;
    const offered =
      select.dataset.withConfirmations === 'true'
        ? reservations
        : reservations.filter((item) => !item.confirmsReservationId);
    replaceChildren(
      select,
      h('option', { value: '' }, offered.length ? select.dataset.none : 'No reservation on record'),
      offered.map((item) =>
        h(
          'option',
          { value: item.developmentId },
          [
            item.occurredOn,
            item.party,
            item.text,
            item.confirmsReservationId ? '(confirmed on consent)' : null,
            item.retracted ? '(retracted)' : null,
          ]
            .filter(Boolean)
            .join(' · '),
        ),
      ),
    );
    // Kept while the treaty is read again, but not the default: once the form is reset, a report names none.
    if (offered.some((item) => item.developmentId === chosen)) select.value = chosen;
  }
}

// ---- writing ----
async function run(name, form, action) {
  const spec = WRITES[name];
  if (inFlight.has(name)) return false; // a second click while the first is answered: the same submission
  clearProblems(form);
  hide(view.outcome);
  if (spec.needsTreaty && !state.treatyId) {
    showProblem(form, { detail: 'Choose a treaty first.' }, '');
    return false;
  }
  const { body, path } = readForm(form, spec);
  const route = spec.path(state.treatyId, path);
  if (spec.needsTreaty && route.includes('/developments//')) {
    showProblem(form, { errors: [{ field: 'developmentId', message: 'Choose the development' }] }, '');
    return false;
  }
  const dryRun = action === 'preview';
  if (!dryRun && !pendingKeys.has(name)) pendingKeys.set(name, newIdempotencyKey());
  inFlight.add(name);
  setBusy(form, true);
  try {
    const answer = await write(route, body, {
      ifMatch: spec.needsTreaty ? state.etag : null,
      idempotencyKey: dryRun ? null : pendingKeys.get(name),
      dryRun,
    });
    if (dryRun) {
      renderTreaty('preview', answer.json);
      announce('Preview ready: nothing has been written.');
    } else {
      pendingKeys.delete(name);
      const treatyId = name === 'register' ? body.id : state.treatyId;
      await loadTreatyList(treatyId, { minPosition: answer.json.position });
      await chooseTreaty(treatyId, { minPosition: answer.json.position });
      showOutcome(`Recorded: ${answer.json.eventType}, revision ${answer.json.revision}.`);
      form.reset();
      fillDevelopmentChoices();
    }
    return true;
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    if (error.status === 412) {
      pendingKeys.delete(name); // the editor decides again, so the next submission is a new one
      await showConflict(error.problem);
    } else {
      showProblem(form, error.problem, error.message);
    }
    return false;
  } finally {
    inFlight.delete(name);
    setBusy(form, false);
  }
}

/** Someone wrote first: read the treaty again and show what changed since the editor's read. */
async function showConflict(problem) {
  const before = { ...state };
  const seen = new Set(before.timeline.items.map((item) => item.eventId));
  const seenChanges = new Set(before.timeline.items.flatMap(changeIds));
  const now = await readTreaty(before.treatyId);
  Object.assign(state, now);
  renderTreaty('read');
  const changed = now.timeline.items.filter(
    (item) => !seen.has(item.eventId) || changeIds(item).some((id) => !seenChanges.has(id)),
  );
  for (const item of changed) {
    const card = document.getElementById(`desk-dev-${item.eventId}`);
    if (!card) continue;
    card.dataset.changed = 'true';
    card.prepend(h('p', { class: 'preview-flag changed-flag' }, 'New since your read'));
  }
  replaceChildren(
    view.conflict,
    h('h3', {}, 'Someone else wrote first'),
    h(
      'p',
      {},
      `You decided on revision ${before.etag?.replace(/"/g, '')}; the treaty is now at revision ${
        problem.currentRevision ?? now.etag?.replace(/"/g, '')
      }. Nothing of yours was written.`,
    ),
    changed.length
      ? h(
          'ul',
          { class: 'changes' },
          changed.map((item) => h('li', {}, `${item.occurredOn} · ${developmentTitle(item)}`)),
        )
      : h('p', {}, 'The change is to the treaty itself (it is marked below).'),
    h('p', {}, 'The treaty below is as it now stands and your form is kept: preview or submit again to decide on it.'),
  );
  view.conflict.hidden = false;
  view.conflict.focus?.();
  announce('Someone else wrote first: the treaty has been read again.');
}

const changeIds = (item) => [...item.corrections.map((c) => c.eventId), item.retraction?.eventId].filter(Boolean);

function setBusy(form, busy) {
  form.setAttribute('aria-busy', busy ? 'true' : 'false');
  for (const button of form.querySelectorAll('button')) button.disabled = busy;
}

function showOutcome(text) {
  view.outcome.textContent = text;
  view.outcome.hidden = false;
  announce(text);
}

const hide = (element) => {
  element.hidden = true;
  replaceChildren(element);
};

// ---- tabs ----
function selectTab(tab) {
  for (const other of document.querySelectorAll('[role="tab"]')) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    $(other.getAttribute('aria-controls')).hidden = !selected;
  }
}

function setUpTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  for (const tab of tabs) {
    tab.tabIndex = tab.getAttribute('aria-selected') === 'true' ? 0 : -1;
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
      selectTab(next);
      next.focus();
    });
  }
}

// ---- start ----
async function start() {
  showKeyState();
  setUpTabs();
  let rulesOf;
  try {
    rulesOf = await loadRules();
  } catch (error) {
    view.rulesState.hidden = false;
    view.rulesState.textContent = `${error.message}: the forms cannot show the API's rules.`;
    rulesOf = () => null;
  }
  for (const name of Object.keys(WRITES)) {
    const form = $(`${name}-form`);
    buildForm(form, WRITES[name], rulesOf);
    if (name === 'extract') continue;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void run(name, form, 'submit');
    });
    form.querySelector('[data-action="preview"]')?.addEventListener('click', () => void run(name, form, 'preview'));
  }
  setUpExtraction({
    form: $('extract-form'),
    reportForm: $('report-form'),
    showReportTab: () => selectTab($('tab-report')),
    chooseTreaty: async (treatyId) => {
      if (treatyId !== state.treatyId) await chooseTreaty(treatyId);
    },
    submitReport: () => run('report', $('report-form'), 'submit'),
  });
  view.treatySelect.addEventListener('change', () => void chooseTreaty(view.treatySelect.value));
  view.reload.addEventListener('click', () => void chooseTreaty(state.treatyId));
  const wanted = new URLSearchParams(location.search).get('treaty');
  await loadTreatyList(wanted);
  if (wanted) await chooseTreaty(wanted);
  document.body.dataset.ready = 'true';
}

void start();
