import { h, replaceChildren } from './dom.js';
import { statusBadge } from './status.js';

export const treatyHref = (id) => `/?treaty=${encodeURIComponent(id)}`;

/** Each treaty as a link (Tab reaches it, Enter opens it), the chosen one marked `aria-current`. */
export function renderTreatyList(list, treaties, selectedId, onChoose) {
  list.setAttribute('aria-busy', 'false');
  replaceChildren(
    list,
    treaties.length === 0 ? h('li', { class: 'empty' }, 'No treaty is on record yet.') : null,
    treaties.map((treaty) =>
      h(
        'li',
        {},
        h(
          'a',
          {
            id: `treaty-${treaty.id}`,
            class: 'treaty-link',
            href: treatyHref(treaty.id),
            'data-treaty-id': treaty.id,
            'aria-current': treaty.id === selectedId ? 'true' : null,
            onclick: (event) => {
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
              event.preventDefault();
              onChoose(treaty.id);
            },
          },
          h('span', { class: 'treaty-name' }, treaty.title),
          h(
            'span',
            { class: 'treaty-meta' },
            statusBadge(treaty.status),
            h('span', { class: 'parties-list' }, ` ${[...treaty.parties, treaty.category].join(' · ')}`),
          ),
        ),
      ),
    ),
  );
}
