/* global EventSource, setTimeout, clearTimeout */

/**
 * Follows `/live`: each message is a treaty's new status, its `id:` the global position (only the last of the messages
 * at one position has it; for the others the browser keeps the id before). Updates arriving together
 * are handed over as one batch (the latest status of each treaty, and the position to read at least). The browser
 * reconnects by itself, sending `Last-Event-ID`, and the feed replays what was missed.
 */
export function followLive({ onState, onUpdates }) {
  const feed = new EventSource('/live');
  const updates = new Map();
  let position;
  let timer;
  feed.addEventListener('open', () => onState('open'));
  feed.addEventListener('error', () => onState('reconnecting'));
  feed.addEventListener('message', (event) => {
    const update = JSON.parse(event.data);
    updates.set(update.id, update);
    position = event.lastEventId || position;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...updates.values()];
      updates.clear();
      onUpdates(batch, position);
    }, 100);
  });
  return feed;
}
