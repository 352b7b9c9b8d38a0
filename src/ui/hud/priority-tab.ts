import type { PlayState } from '../../app/store.ts';
import type { ActionOf } from '../../core/actions/action.ts';
import type { Playbook } from '../../core/playbook/schema.ts';
import { h } from '../dom.ts';
import { button, setAttr, setText } from './controls.ts';
import { createFeedback, sendIntent } from './feedback.ts';
import { hint, section, type TabContent, type TabContext } from './section.ts';

interface Cell {
  readonly button: HTMLButtonElement;
  readonly level: string;
  readonly impact: string;
  readonly urgency: string;
}

/** Setting the priority (through the playbook's impact × urgency matrix, or directly) and classifying the impact. */
export function createPriorityTab({ store, controller, compiled }: TabContext): TabContent {
  const { playbook } = compiled;
  const kind = playbook.levelKind === 'severity' ? 'Severity' : 'Priority';
  const priorityFeedback = createFeedback();
  const classifyFeedback = createFeedback();

  const cells: Cell[] = [];
  const matrix = renderMatrix(playbook, (cell) => {
    cells.push(cell);
    cell.button.addEventListener('click', () =>
      sendIntent(store, controller, { type: 'set-priority', level: cell.level, impact: cell.impact, urgency: cell.urgency }, priorityFeedback),
    );
  });

  const levelButtons = playbook.levels.map((level) => {
    const levelButton = button([h('span', { class: 'hud-level-id' }, level.id), ' ', h('span', { class: 'hud-level-name' }, level.name)], {
      class: 'hud-level',
      onClick: () => sendIntent(store, controller, { type: 'set-priority', level: level.id }, priorityFeedback),
    });
    levelButton.dataset.level = level.id;
    levelButton.dataset.rank = String(level.rank);
    return levelButton;
  });

  const classButtons = playbook.classifications.map((item) => {
    const classButton = button(item.name, { class: 'hud-choice', onClick: () => sendIntent(store, controller, { type: 'classify', as: item.id }, classifyFeedback) });
    classButton.dataset.classification = item.id;
    return classButton;
  });

  const currentLevel = h('strong', {});
  const currentClass = h('strong', {});

  const panel = h(
    'div',
    {},
    section(
      kind,
      h('p', { class: 'hud-current' }, `Current ${kind.toLowerCase()}: `, currentLevel),
      matrix ? hint('Pick the cell where the impact meets the urgency.') : null,
      matrix,
      h('div', { class: 'hud-levels', attrs: { role: 'group', 'aria-label': `Set the ${kind.toLowerCase()} directly` } }, ...levelButtons),
      priorityFeedback.element,
      levelGuide(playbook, kind),
    ),
    section(
      'Classification',
      h('p', { class: 'hud-current' }, 'Classified as: ', currentClass),
      h('div', { class: 'hud-choices', attrs: { role: 'group', 'aria-label': 'Classify the impact' } }, ...classButtons),
      classifyFeedback.element,
      classificationGuide(playbook),
    ),
  );

  return {
    panel,
    update(play) {
      const level = playbook.levels.find((item) => item.id === play.sim.level);
      setText(currentLevel, level ? `${level.id} · ${level.name}` : 'not set yet');
      const chosen = lastMatrixChoice(play);
      for (const cell of cells) {
        setAttr(cell.button, 'aria-pressed', String(chosen !== undefined && cell.impact === chosen.impact && cell.urgency === chosen.urgency && cell.level === play.sim.level));
        cell.button.classList.toggle('is-current-level', cell.level === play.sim.level);
      }
      for (const levelButton of levelButtons) setAttr(levelButton, 'aria-pressed', String(levelButton.dataset.level === play.sim.level));

      const classification = playbook.classifications.find((item) => item.id === play.sim.classification);
      setText(currentClass, classification?.name ?? 'not classified yet');
      for (const classButton of classButtons) setAttr(classButton, 'aria-pressed', String(classButton.dataset.classification === play.sim.classification));
    },
  };

  function levelGuide(book: Playbook, title: string): HTMLElement {
    return h(
      'details',
      { class: 'hud-guide' },
      h('summary', {}, `What each ${title.toLowerCase()} means`),
      h('dl', {}, ...book.levels.flatMap((level) => [h('dt', {}, `${level.id} · ${level.name}`), h('dd', {}, level.description)])),
    );
  }

  function classificationGuide(book: Playbook): HTMLElement {
    return h(
      'details',
      { class: 'hud-guide' },
      h('summary', {}, 'What each classification means'),
      h('dl', {}, ...book.classifications.flatMap((item) => [h('dt', {}, item.name), h('dd', {}, item.description ?? '')])),
    );
  }
}

/** The trainee's last matrix pick, if the priority they set last came from the matrix. */
function lastMatrixChoice(play: PlayState): ActionOf<'set-priority'> | undefined {
  for (let i = play.actions.length - 1; i >= 0; i--) {
    const action = play.actions[i]!;
    if (action.type === 'set-priority') return action.impact !== undefined && action.urgency !== undefined ? action : undefined;
  }
  return undefined;
}

/** The impact × urgency grid as a table of buttons, or null for a playbook without a matrix. */
function renderMatrix(playbook: Playbook, onCell: (cell: Cell) => void): HTMLTableElement | null {
  const { impacts, urgencies, matrix } = playbook;
  if (!impacts?.length || !urgencies?.length || !matrix?.length) return null;
  const rank = new Map(playbook.levels.map((level) => [level.id, level.rank]));
  return h(
    'table',
    { class: 'hud-matrix' },
    h('caption', {}, `Impact × urgency`),
    h('thead', {}, h('tr', {}, h('td', {}), ...urgencies.map((urgency) => h('th', { attrs: { scope: 'col' } }, `${urgency.name} urgency`)))),
    h(
      'tbody',
      {},
      ...impacts.map((impact) =>
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'row' } }, impact.name),
          ...urgencies.map((urgency) => {
            const level = matrix.find((entry) => entry.impact === impact.id && entry.urgency === urgency.id)?.level;
            if (level === undefined) return h('td', { class: 'hud-matrix-empty' }, '—');
            const cellButton = button(level, { class: 'hud-cell' });
            cellButton.setAttribute('aria-label', `${level}: ${impact.name} impact, ${urgency.name.toLowerCase()} urgency`);
            cellButton.dataset.rank = String(rank.get(level) ?? 0);
            onCell({ button: cellButton, level, impact: impact.id, urgency: urgency.id });
            return h('td', {}, cellButton);
          }),
        ),
      ),
    ),
  );
}
