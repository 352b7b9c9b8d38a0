import { branchGraph, CLOCK_END, nodeDetails, type BranchGraph, type PlacedNode } from '../app/authoring.ts';
import { diagnosticLines, type CatalogScenario } from '../app/catalog.ts';
import type { AuthoringState } from '../app/store.ts';
import { codeFrame } from '../core/code-frame.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { h, replaceChildren } from './dom.ts';
import { renderOpenFile } from './open-file.ts';
import type { AppController } from '../app/controller.ts';
import { svg } from './svg.ts';

const NODE_WIDTH = 220;
const NODE_HEIGHT = 56;
const COLUMN = 250;
const ROW = 120;
const MARGIN = 20;

export interface AuthoringHandlers {
  play(scenarioId: string): void;
  back(): void;
}

/** A scenario file as an author sees it: its diagnostics with line and column, and its branch graph. */
export function renderAuthoringView(state: AuthoringState, controller: AppController, handlers: AuthoringHandlers): HTMLElement {
  const { entry } = state;
  const errors = state.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = state.diagnostics.length - errors;
  const back = h('button', { class: 'back link-button', attrs: { type: 'button' } }, h('span', { attrs: { 'aria-hidden': 'true' } }, '← '), 'All scenarios');
  back.addEventListener('click', () => handlers.back());
  const play = entry ? h('button', { class: 'button primary', attrs: { type: 'button' } }, 'Play this scenario') : null;
  play?.addEventListener('click', () => handlers.play(entry!.scenario.id));

  return h(
    'article',
    { class: 'authoring', attrs: { 'aria-labelledby': 'authoring-title' } },
    h(
      'header',
      { class: 'scenario-head' },
      back,
      h('p', { class: 'eyebrow' }, 'Authoring view'),
      h('h1', { attrs: { id: 'authoring-title', tabindex: '-1' } }, entry ? entry.scenario.title : state.file),
      h('p', { class: 'authoring-file' }, h('code', {}, state.file), ' · ', summaryOf(errors, warnings, entry !== null)),
      play,
    ),
    state.diagnostics.length > 0 ? renderDiagnostics(state.file, state.text, state.diagnostics) : null,
    entry ? renderGraphExplorer(entry) : null,
    renderOpenFile(controller),
  );
}

function summaryOf(errors: number, warnings: number, valid: boolean): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (!valid) return `${count(errors, 'error')} and ${count(warnings, 'warning')}: fix the errors and open the file again to play it.`;
  return warnings === 0 ? 'No problems found: ready to play.' : `Playable, with ${count(warnings, 'warning')}.`;
}

/** As many problems as anyone reads before fixing the first; the count says how many more there are. */
const MAX_SHOWN = 50;

/** Each diagnostic as the command line prints it, with the line of the file it points at. */
function renderDiagnostics(file: string, text: string, diagnostics: readonly Diagnostic[]): HTMLElement {
  const shown = diagnostics.slice(0, MAX_SHOWN);
  const formatted = diagnosticLines(file, shown);
  return h(
    'section',
    { class: 'panel authoring-diagnostics', attrs: { 'aria-labelledby': 'diagnostics-heading' } },
    h('h2', { attrs: { id: 'diagnostics-heading' } }, 'Problems'),
    h(
      'ol',
      { class: 'diagnostics' },
      ...shown.map((diagnostic, index) => {
        const frame = codeFrame(text, diagnostic);
        return h('li', { class: `diagnostic ${diagnostic.severity}` }, h('code', {}, formatted[index] ?? ''), frame ? h('pre', { class: 'code-frame' }, frame) : null);
      }),
    ),
    diagnostics.length > MAX_SHOWN ? h('p', { class: 'panel-hint' }, `…and ${diagnostics.length - MAX_SHOWN} more. Fix these first: later problems often follow from them.`) : null,
  );
}

/** The branch graph, drawn as boxes and arrows; choosing a node shows its JSON lines and the beats it holds. */
function renderGraphExplorer(entry: CatalogScenario): HTMLElement {
  const graph = branchGraph(entry);
  const details = h('div', { class: 'node-details', attrs: { 'aria-live': 'polite' } }, h('p', { class: 'panel-hint' }, 'Choose a box in the graph to see where it is written and what happens in it.'));
  const select = (node: PlacedNode, element: SVGGElement) => {
    for (const other of element.parentElement?.querySelectorAll('[aria-pressed="true"]') ?? []) other.setAttribute('aria-pressed', 'false');
    element.setAttribute('aria-pressed', 'true');
    replaceChildren(details, renderDetails(entry, node));
  };
  return h(
    'section',
    { class: 'panel authoring-graph', attrs: { 'aria-labelledby': 'graph-heading' } },
    h('h2', { attrs: { id: 'graph-heading' } }, 'Branch graph'),
    h('p', { class: 'panel-hint' }, 'Phases from the first down, then the clock running out and the ending chosen by the first condition that holds. The same graph as bridge-drill graph prints in Mermaid.'),
    h('div', { class: 'graph-layout' }, h('div', { class: 'graph-scroll' }, drawGraph(graph, select)), details),
  );
}

function position(node: PlacedNode): { x: number; y: number } {
  return { x: MARGIN + node.slot * COLUMN, y: MARGIN + node.layer * ROW };
}

function drawGraph(graph: BranchGraph, select: (node: PlacedNode, element: SVGGElement) => void): SVGSVGElement {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const widest = Math.max(1, ...graph.nodes.map((node) => node.slot + 1));
  const width = MARGIN * 2 + (widest - 1) * COLUMN + NODE_WIDTH;
  const height = MARGIN * 2 + (graph.layers - 1) * ROW + NODE_HEIGHT;
  const root = svg('svg', { class: 'graph', viewBox: `0 0 ${width} ${height}`, width: String(width), height: String(height), role: 'group', 'aria-label': 'Branch graph' });
  root.appendChild(svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'graph-arrowhead' }))));
  const phases = graph.nodes.filter((node) => node.kind === 'phase');
  const edges = [...graph.edges.map((edge) => ({ from: edge.atClockEnd ? CLOCK_END : edge.from, to: edge.to, label: edge.label, dashed: false })), ...phases.map((phase) => ({ from: phase.id, to: CLOCK_END, label: '', dashed: true }))];
  for (const edge of edges) {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to) continue;
    const a = position(from);
    const b = position(to);
    const x1 = a.x + NODE_WIDTH / 2;
    const y1 = a.y + NODE_HEIGHT;
    const x2 = b.x + NODE_WIDTH / 2;
    const y2 = b.y;
    const line = svg('path', { d: `M${x1},${y1} C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2} ${x2},${y2 - 2}`, class: `graph-edge${edge.dashed ? ' dashed' : ''}`, 'marker-end': 'url(#arrow)' }, svg('title', {}, edge.label || 'when the clock runs out'));
    root.appendChild(line);
    if (edge.label && edge.from !== CLOCK_END) root.appendChild(svg('text', { x: String((x1 + x2) / 2 + 6), y: String((y1 + y2) / 2), class: 'graph-edge-label' }, shorten(edge.label, 34)));
  }
  for (const node of graph.nodes) {
    const { x, y } = position(node);
    const group = svg(
      'g',
      { class: `graph-node graph-${node.kind}`, role: 'button', tabindex: '0', 'aria-pressed': 'false', 'aria-label': `${kindLabel(node.kind)}: ${node.title}` },
      svg('rect', { x: String(x), y: String(y), width: String(NODE_WIDTH), height: String(NODE_HEIGHT), rx: node.kind === 'ending' ? '28' : '10' }),
      svg('text', { x: String(x + 12), y: String(y + 22), class: 'graph-node-kind' }, kindLabel(node.kind)),
      svg('text', { x: String(x + 12), y: String(y + 42), class: 'graph-node-title' }, shorten(node.title, 28)),
    );
    group.addEventListener('click', () => select(node, group));
    group.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      select(node, group);
    });
    root.appendChild(group);
  }
  return root;
}

function renderDetails(entry: CatalogScenario, node: PlacedNode): HTMLElement {
  const details = nodeDetails(entry, node);
  const last = details.firstLine + details.lines.length - 1;
  return h(
    'div',
    {},
    h('h3', {}, `${kindLabel(node.kind)}: ${details.title}`),
    h('p', { class: 'panel-hint' }, `${entry.file}, lines ${details.firstLine}–${last}`),
    h('pre', { class: 'code-frame source' }, details.lines.map((line, index) => `${String(details.firstLine + index).padStart(5)} | ${line}`).join('\n')),
    node.kind === 'phase'
      ? h(
          'div',
          {},
          h('h4', { class: 'subheading' }, 'Beats in this phase (when nobody acts)'),
          details.beats.length === 0
            ? h('p', { class: 'panel-hint' }, 'No timeline beat happens in this phase unless the trainee acts.')
            : h('ol', { class: 'node-beats' }, ...details.beats.map((beat) => h('li', {}, h('time', {}, beat.at), ' ', h('code', {}, beat.id), ' ', beat.summary))),
        )
      : null,
  );
}

function kindLabel(kind: PlacedNode['kind']): string {
  return kind === 'phase' ? 'Phase' : kind === 'ending' ? 'Ending' : 'Clock';
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
