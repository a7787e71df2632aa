import { dayOfIso, formatDay, formatPartial, monthTicks, periodOf } from './dates.js';
import { replaceChildren, svg } from './dom.js';
import { developmentTitle, isDiplomacy, markKind } from './labels.js';

const GUTTER = 72;
const RIGHT = 18;
/** Room above the lanes for the as-of line's label. */
const TOP_WITH_LABEL = 26;
const TOP = 8;
const ROW = 28;
const LANE_PADDING = 8;
const AXIS_HEIGHT = 30;
const RADIUS = 10;
const STEPS_IN_MONTHS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600];

/** The lane of statements, negotiations and context: apart from the legal acts, below the parties. */
const DIPLOMACY_LANE = Symbol('diplomacy');
const laneOf = (item) => (isDiplomacy(item) ? DIPLOMACY_LANE : (item.party ?? null));

/**
 * Draws the timeline on a date axis: one lane for the treaty as a whole, one per party, and one for the diplomacy
 * around it (statements, negotiations, context, drawn as diamonds, never circles); each development a numbered
 * mark (a bar across the period when known only to the month or year). The drawing repeats what the numbered list
 * below says in words, so assistive technology is pointed at the list and the drawing is hidden.
 */
export function renderAxis(
  container,
  { items, parties, domain, asOfDay, happened, onSelect, showDiplomacy = true, computedInForce = null },
) {
  const width = Math.max(container.clientWidth, 260);
  const plot = width - GUTTER - RIGHT;
  const span = Math.max(domain.last - domain.first, 1);
  const x = (day) => GUTTER + ((day - domain.first) / span) * plot;

  // Hidden diplomacy keeps its numbers: the others' stay those of the list below. Diplomacy wholly outside the
  // span (set by the legal acts) is left to the list, and counted for the caption.
  const all = items.map((item, index) => mark(item, index + 1, x, happened));
  const inSpan = (entry) => entry.period.last >= domain.first && entry.period.first <= domain.last;
  const outside = all.filter((entry) => entry.lane === DIPLOMACY_LANE && !inSpan(entry)).length;
  const clamp = (value) => Math.min(Math.max(value, GUTTER), GUTTER + plot);
  const marks = all
    .filter((entry) => entry.lane !== DIPLOMACY_LANE || (showDiplomacy && inSpan(entry)))
    .map((entry) => {
      if (!entry.bar) return { ...entry, cx: clamp(entry.cx) };
      // A period reaching past the span: its bar is cut at the edge, its mark in the middle of what shows.
      const bar = { x1: clamp(entry.bar.x1), x2: clamp(entry.bar.x2) };
      return { ...entry, bar, cx: (bar.x1 + bar.x2) / 2 };
    });
  const lanes = [
    { key: null, label: 'Treaty' },
    ...parties.map((party) => ({ key: party, label: party })),
    marks.some((entry) => entry.lane === DIPLOMACY_LANE)
      ? { key: DIPLOMACY_LANE, label: 'Diplomacy', className: 'lane--diplomacy' }
      : null,
  ].filter(Boolean);
  const lanesTop = asOfDay === null ? TOP : TOP_WITH_LABEL;
  let top = lanesTop;
  const laneShapes = lanes.map((lane) => {
    const inLane = marks.filter((entry) => entry.lane === lane.key).sort((a, b) => a.cx - b.cx);
    const rows = stack(inLane);
    const height = LANE_PADDING * 2 + Math.max(rows, 1) * ROW;
    for (const entry of inLane) entry.cy = top + LANE_PADDING + entry.row * ROW + ROW / 2;
    const shapes = [
      lane.className ? svg('rect', { class: `lane-band ${lane.className}`, x: 0, y: top, width, height }) : null,
      svg('line', { class: 'lane-rule', x1: 0, x2: width, y1: top + height, y2: top + height }),
      svg('text', { class: `lane-label ${lane.className ?? ''}`.trim(), x: 6, y: top + height / 2 + 4 }, lane.label),
    ];
    top += height;
    return shapes;
  });
  const baseline = top;

  replaceChildren(
    container,
    svg(
      'svg',
      {
        width,
        height: baseline + AXIS_HEIGHT,
        viewBox: `0 0 ${width} ${baseline + AXIS_HEIGHT}`,
        'aria-hidden': 'true',
        focusable: 'false',
      },
      laneShapes,
      ticks(domain, plot, x, lanesTop, baseline),
      asOfDay === null ? null : asOfLine(x(asOfDay), baseline, asOfDay, width),
      computedInForce === null ? null : computedMark(x(dayOfIso(computedInForce)), lanesTop, computedInForce),
      marks.map((entry) => drawMark(entry, onSelect)),
    ),
  );
  return { outside: showDiplomacy ? outside : 0 };
}

function mark(item, number, x, happened) {
  const period = periodOf(item.occurredOn);
  const exact = period.first === period.last;
  return {
    item,
    number,
    lane: laneOf(item),
    period,
    cx: exact ? x(period.first) : x((period.first + period.last + 1) / 2),
    bar: exact ? null : { x1: x(period.first), x2: x(period.last + 1) },
    pending: happened !== null && !happened.has(item.eventId),
    row: 0,
    cy: 0,
  };
}

/** Rows within a lane so that points closer than their size do not cover each other. */
function stack(entries) {
  const rowEnds = [];
  for (const entry of entries) {
    let row = rowEnds.findIndex((end) => entry.cx - end >= RADIUS * 2 + 2);
    if (row === -1) row = rowEnds.push(entry.cx) - 1;
    rowEnds[row] = entry.cx;
    entry.row = row;
  }
  return rowEnds.length;
}

function ticks(domain, plot, x, top, baseline) {
  const most = Math.max(2, Math.floor(plot / 76));
  const months = STEPS_IN_MONTHS.find((step) => (domain.last - domain.first) / (30.44 * step) <= most) ?? 1200;
  return [
    svg('line', { class: 'axis-line', x1: GUTTER, x2: GUTTER + plot, y1: baseline, y2: baseline }),
    monthTicks(domain.first, domain.last, months).map((tick) => [
      svg('line', { class: 'tick', x1: x(tick.day), x2: x(tick.day), y1: top, y2: baseline + 5 }),
      svg('text', { class: 'tick-label', x: x(tick.day), y: baseline + 19, 'text-anchor': 'middle' }, tick.label),
    ]),
  ];
}

function asOfLine(position, baseline, day, width) {
  const anchor = position > width / 2 ? 'end' : 'start';
  return [
    svg('line', { class: 'as-of-line', x1: position, x2: position, y1: 4, y2: baseline }),
    svg(
      'text',
      { class: 'as-of-text', x: position + (anchor === 'end' ? -4 : 4), y: 15, 'text-anchor': anchor },
      `as of ${formatDay(day)}`,
    ),
  ];
}

function drawMark(entry, onSelect) {
  const { item, number, cx, cy, bar } = entry;
  const classes = [
    'mark',
    `mark--${markKind(item.type)}`,
    item.retracted ? 'is-retracted' : null,
    item.corrections.length > 0 ? 'is-corrected' : null,
    item.openDisagreements.length > 0 ? 'is-disputed' : null,
    entry.pending ? 'is-pending' : null,
  ].filter(Boolean);
  const diplomacy = entry.lane === DIPLOMACY_LANE;
  const title = `${number}. ${diplomacy ? 'Diplomacy: ' : ''}${developmentTitle(item)}${item.party ? ` (${item.party})` : ''}, ${formatPartial(item.occurredOn)}`;
  return svg(
    'g',
    { class: classes.join(' '), 'data-event-id': item.eventId, onclick: () => onSelect(item) },
    svg('title', {}, title),
    bar
      ? svg('rect', { class: 'period', x: bar.x1, y: cy - 4, width: Math.max(bar.x2 - bar.x1, 3), height: 8, rx: 4 })
      : null,
    item.corrections.length > 0 ? svg('circle', { class: 'ring ring--corrected', cx, cy, r: RADIUS + 3 }) : null,
    item.openDisagreements.length > 0 ? svg('circle', { class: 'ring ring--disputed', cx, cy, r: RADIUS + 6 }) : null,
    diplomacy
      ? svg('path', { class: 'dot diamond', d: diamond(cx, cy, RADIUS + 2) })
      : svg('circle', { class: 'dot', cx, cy, r: RADIUS }),
    svg('text', { class: 'dot-label', x: cx, y: cy + 4, 'text-anchor': 'middle' }, String(number)),
    item.retracted
      ? svg('line', { class: 'strike', x1: cx - RADIUS, y1: cy + RADIUS, x2: cx + RADIUS, y2: cy - RADIUS })
      : null,
  );
}

/** A diamond (a square on its point) around a centre: the diplomacy's marker, unlike the legal acts' circles. */
const diamond = (cx, cy, r) => `M ${cx} ${cy - r} L ${cx + r} ${cy} L ${cx} ${cy + r} L ${cx - r} ${cy} Z`;

/**
 * The treaty's entry into force as its clause computes it, no report having said it: a hollow dashed ring on the
 * treaty's lane, unnumbered (it is not a development; the status above gives it in words, marked computed).
 */
function computedMark(cx, top, date) {
  const cy = top + LANE_PADDING + ROW / 2;
  return svg(
    'g',
    { class: 'computed-mark' },
    svg('title', {}, `Entry into force computed from the treaty's clause, ${formatPartial(date)}; no report yet`),
    svg('circle', { cx, cy, r: RADIUS - 1 }),
  );
}
