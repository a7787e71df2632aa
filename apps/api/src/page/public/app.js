/* global document, window, history, location, URLSearchParams, fetch, setTimeout, clearTimeout */
// The consumers' page: the list of treaties, one treaty's path on a date axis with its sources, replayable to
// any date, kept up to date by the live feed. It reads the public API only.
import { renderAxis } from './axis.js';
import { dayOfIso, formatDay, isoOfDay, periodOf, today } from './dates.js';
import { renderDevelopments, renderLinkedItems } from './developments.js';
import { h, replaceChildren } from './dom.js';
import { isDiplomacy, statusLabel } from './labels.js';
import { followLive } from './live.js';
import { renderStatus } from './status.js';
import { renderTreatyList, treatyHref } from './treaty-list.js';

const $ = (id) => document.getElementById(id);
const view = {
  treaties: $('treaties'),
  title: $('treaty-title'),
  intro: $('treaty-intro'),
  error: $('error'),
  body: $('treaty-body'),
  slider: $('as-of-slider'),
  date: $('as-of-date'),
  now: $('as-of-now'),
  status: $('treaty-status'),
  statusAsOf: $('status-as-of'),
  axis: $('axis'),
  axisNote: $('axis-note'),
  developments: $('developments'),
  linked: $('linked'),
  linkedItems: $('linked-items'),
  diplomacyToggle: $('diplomacy-toggle'),
  showDiplomacy: $('show-diplomacy'),
  diplomacyCount: $('diplomacy-count'),
  live: $('live-state'),
  announcer: $('announcer'),
};

const state = { treatyId: null, asOf: null, treaties: [], treaty: null, sliderFirst: 0, showDiplomacy: true };
let loadTicket = 0;

class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail);
    this.status = status;
    this.code = code;
  }
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (response.ok) return response.json();
  const problem = await response.json().catch(() => null);
  throw new ApiError(response.status, problem?.code, problem?.detail ?? response.statusText);
}

const withQuery = (path, query) => {
  const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value)).toString();
  return search ? `${path}?${search}` : path;
};

async function loadTreaties(minPosition) {
  const treaties = [];
  let cursor = null;
  do {
    const page = await getJson(withQuery('/treaties', { limit: '500', cursor, minPosition }));
    treaties.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  state.treaties = treaties;
  keepingFocus(view.treaties, () => renderTreatyList(view.treaties, treaties, state.treatyId, choose));
}

async function loadTreaty(minPosition) {
  const ticket = ++loadTicket;
  if (state.treatyId === null) return showNothingChosen();
  const path = `/treaties/${encodeURIComponent(state.treatyId)}`;
  const { asOf } = state;
  try {
    const [timeline, status, timelineAsOf] = await Promise.all([
      getJson(`${path}/timeline`),
      getJson(withQuery(path, asOf ? { asOf } : { minPosition })),
      asOf ? getJson(withQuery(`${path}/timeline`, { asOf })) : null,
    ]);
    if (ticket !== loadTicket) return false;
    state.treaty = { timeline, status, timelineAsOf };
    view.error.hidden = true;
    renderTreaty();
    return true;
  } catch (error) {
    if (ticket !== loadTicket) return false;
    showError(
      `Could not load the treaty: ${error.code === 'TREATY_NOT_FOUND' ? 'none with this id is on record' : error.message}.`,
    );
    return false;
  }
}

function showNothingChosen() {
  state.treaty = null;
  view.title.textContent = 'Choose a treaty';
  view.intro.hidden = false;
  view.body.hidden = true;
  document.title = 'Treaty Timeline';
  return false;
}

function showError(message) {
  view.error.textContent = message;
  view.error.hidden = false;
}

function renderTreaty() {
  const { timeline, status, timelineAsOf } = state.treaty;
  view.title.textContent = timeline.title;
  document.title = `${timeline.title} · Treaty Timeline`;
  view.intro.hidden = true;
  view.body.hidden = false;

  // The legal acts set the span of the slider and the axis: a context event of a century ago would squash them.
  const legalActs = timeline.items.filter((item) => !isDiplomacy(item));
  const periods = (legalActs.length > 0 ? legalActs : timeline.items).map((item) => periodOf(item.occurredOn));
  const now = today();
  const asOfDay = state.asOf === null ? null : dayOfIso(state.asOf);
  const earliest = periods.length > 0 ? Math.min(...periods.map((period) => period.first)) : now - 365;
  state.sliderFirst = Math.min(earliest - 31, asOfDay ?? Infinity);
  view.slider.max = String(now - state.sliderFirst);
  setSlider(asOfDay ?? now);
  view.date.min = isoOfDay(state.sliderFirst);
  view.date.max = isoOfDay(now);
  view.now.disabled = state.asOf === null;
  view.statusAsOf.textContent = state.asOf === null ? 'today' : `as of ${formatDay(asOfDay)}`;

  const referenceDay = asOfDay ?? presentDayOf(status);
  keepingFocus(view.status, () => renderStatus(view.status, status, { referenceDay, treatyLink }));
  const happened = timelineAsOf === null ? null : new Set(timelineAsOf.items.map((item) => item.eventId));
  drawAxis(periods, asOfDay, happened);
  const asOfLabel = asOfDay === null ? 'today' : formatDay(asOfDay);
  keepingFocus(view.developments, () =>
    renderDevelopments(view.developments, timeline.items, happened, asOfLabel, treatyLink),
  );
  const diplomacy = timeline.items.filter(isDiplomacy).length;
  view.diplomacyToggle.hidden = diplomacy === 0;
  view.diplomacyCount.textContent = String(diplomacy);
  view.developments.toggleAttribute('data-hide-diplomacy', !state.showDiplomacy);
  renderLinkedItems(view.linked, view.linkedItems, timeline.linkedItems ?? [], treatyLink);
}

/**
 * A link to another treaty (a relation, a treaty a statement names): its title where the list knows it. A treaty the
 * views say is not on record (not registered, or deleted for good) is no link, which would lead nowhere, but its id
 * marked as such (decision 0045).
 */
function treatyLink(treatyId) {
  const missing = notOnRecord(treatyId);
  if (missing) {
    const why = missing.reason === 'deleted' ? 'deleted' : 'not on record';
    return h(
      'span',
      {
        class: 'treaty-not-on-record',
        'data-treaty-not-on-record': treatyId,
        title:
          missing.reason === 'deleted'
            ? 'This treaty was deleted from the record'
            : 'No treaty with this id is on record: it may be registered later, or the id may be mistyped',
      },
      treatyId,
      ' ',
      h('small', {}, `(${why})`),
    );
  }
  const known = state.treaties.find((treaty) => treaty.id === treatyId);
  return h(
    'a',
    {
      href: treatyHref(treatyId),
      'data-treaty-link': treatyId,
      onclick: (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        choose(treatyId);
      },
    },
    known ? known.title : treatyId,
  );
}

/** What the shown treaty's views say of a treaty it names that is not on record, or undefined. */
function notOnRecord(treatyId) {
  const { timeline, status } = state.treaty ?? {};
  return [...(timeline?.treatiesNotOnRecord ?? []), ...(status?.treatiesNotOnRecord ?? [])].find(
    (named) => named.treatyId === treatyId,
  );
}

/** The treaty-wide entry into force when only the clause gives it (null when a report does, or nothing does). */
const computedInForce = () => {
  const { status } = state.treaty;
  return status.enteredIntoForceOnComputed && status.enteredIntoForceOn ? status.enteredIntoForceOn : null;
};

function drawAxis(periods, asOfDay, happened) {
  const days = periods.flatMap((period) => [period.first, period.last]);
  if (computedInForce() !== null) days.push(dayOfIso(computedInForce()));
  if (asOfDay !== null) days.push(asOfDay);
  if (days.length === 0) days.push(today());
  const first = Math.min(...days);
  const last = Math.max(...days);
  const padding = Math.max(15, Math.round((last - first) * 0.05));
  const { outside } = renderAxis(view.axis, {
    items: state.treaty.timeline.items,
    parties: state.treaty.status.parties,
    domain: { first: first - padding, last: last + padding },
    asOfDay,
    happened,
    showDiplomacy: state.showDiplomacy,
    computedInForce: computedInForce(),
    onSelect: (item) => {
      const card = document.getElementById(`dev-${item.eventId}`);
      card?.scrollIntoView({ block: 'nearest' });
      card?.focus({ preventScroll: true });
    },
  });
  view.axisNote.hidden = outside === 0;
  view.axisNote.textContent =
    outside === 1
      ? 'One statement, negotiation or context event falls outside this span: it is in the list below.'
      : `${outside} statements, negotiations or context events fall outside this span: they are in the list below.`;
}

/** Re-rendering replaces elements: give focus back to the one that had it, so keyboard users keep their place. */
function keepingFocus(container, render) {
  const focused = document.activeElement;
  const id = container.contains(focused) ? focused.closest('[id]')?.id : null;
  render();
  if (id) document.getElementById(id)?.focus({ preventScroll: true });
}

function setSlider(day) {
  view.slider.value = String(day - state.sliderFirst);
  view.slider.setAttribute('aria-valuetext', formatDay(day));
  view.date.value = isoOfDay(day);
}

function choose(treatyId) {
  state.treatyId = treatyId;
  state.asOf = null;
  history.pushState(null, '', treatyHref(treatyId));
  renderTreatyList(view.treaties, state.treaties, treatyId, choose);
  void loadTreaty().then((loaded) => loaded && view.title.focus());
}

/**
 * The day the present status was read against, as the server reads it (the latest date anywhere, UTC+14), not the
 * browser's: a date the server counts as come must not read "expected" because it is still yesterday here. Every
 * date before the status's `nextChangeOn` has come and none from it has; with none, nothing the status shows lies
 * ahead.
 */
function presentDayOf(status) {
  return status.nextChangeOn ? dayOfIso(status.nextChangeOn) - 1 : Infinity;
}

let asOfTimer;
function chooseDay(day, delay) {
  const now = today();
  const clamped = Math.min(Math.max(day, state.sliderFirst), now);
  setSlider(clamped);
  clearTimeout(asOfTimer);
  asOfTimer = setTimeout(() => {
    state.asOf = clamped >= now ? null : isoOfDay(clamped);
    history.replaceState(null, '', withQuery('/', { treaty: state.treatyId, asOf: state.asOf }));
    void loadTreaty().then((loaded) => {
      if (loaded)
        announce(
          `${state.asOf === null ? 'Today' : `As of ${formatDay(clamped)}`}: ${statusLabel(state.treaty.status.status)}.`,
        );
    });
  }, delay);
}

view.slider.addEventListener('input', () => chooseDay(state.sliderFirst + Number(view.slider.value), 200));
view.slider.addEventListener('keydown', (event) => {
  if (event.key !== 'PageUp' && event.key !== 'PageDown') return;
  event.preventDefault();
  chooseDay(state.sliderFirst + Number(view.slider.value) + (event.key === 'PageUp' ? 30 : -30), 200);
});
view.date.addEventListener('change', () => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(view.date.value)) chooseDay(dayOfIso(view.date.value), 0);
});
view.now.addEventListener('click', () => chooseDay(today(), 0));
view.showDiplomacy.addEventListener('change', () => {
  state.showDiplomacy = view.showDiplomacy.checked;
  if (!state.treaty) return;
  renderTreaty();
  announce(
    state.showDiplomacy
      ? 'Statements, negotiations and context shown.'
      : 'Statements, negotiations and context hidden; legal acts only.',
  );
});
$('as-of').addEventListener('submit', (event) => event.preventDefault());

function announce(message) {
  view.announcer.textContent = message;
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  state.treatyId = params.get('treaty');
  const asOf = params.get('asOf');
  state.asOf = asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null;
}

async function refreshAfter(changed, position) {
  const selected = changed.find((update) => update.id === state.treatyId);
  await Promise.all([loadTreaties(position).catch(() => undefined), selected ? loadTreaty(position) : null]);
  const names = changed.map((update) => `${update.title}: now ${statusLabel(update.status)}`);
  announce(`Updated. ${names.join('. ')}.`);
}

const LIVE_STATES = {
  open: 'Live: updates appear here as they are recorded.',
  reconnecting: 'Live updates interrupted: reconnecting…',
};

function setLive(liveState) {
  view.live.dataset.state = liveState;
  view.live.textContent = LIVE_STATES[liveState];
}

let resizeTimer;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => state.treaty && renderTreaty(), 150);
});
window.addEventListener('popstate', () => {
  readUrl();
  renderTreatyList(view.treaties, state.treaties, state.treatyId, choose);
  void loadTreaty();
});

readUrl();
followLive({ onState: setLive, onUpdates: (batch, position) => void refreshAfter(batch, position) });
loadTreaties().catch((error) => {
  view.treaties.setAttribute('aria-busy', 'false');
  replaceChildren(view.treaties);
  showError(`Could not load the treaties: ${error.status === 401 ? 'reading needs an API key here' : error.message}.`);
});
void loadTreaty();
