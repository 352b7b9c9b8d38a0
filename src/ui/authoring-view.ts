import { branchGraph, CLOCK_END, nodeDetails, type BranchGraph, type PlacedNode } from '../app/authoring.ts';
import { diagnosticLines, type CatalogScenario } from '../app/catalog.ts';
import type { AuthoringState } from '../app/store.ts';
import { codeFrame } from '../core/code-frame.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { bdi, h, replaceChildren } from './dom.ts';
import { parseJson } from '../core/json/source.ts';
import { scenarioGraph, triggerKey, type GraphLink, type GraphTrigger } from '../core/scenario/graph.ts';
import { renderOpenFile } from './open-file.ts';
import type { AppController } from '../app/controller.ts';
import { isolated, svg } from './svg.ts';

const NODE_WIDTH = 220;
const NODE_HEIGHT = 56;
const COLUMN = 250;
const ROW = 130;
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
      h('h1', { attrs: { id: 'authoring-title', tabindex: '-1' } }, bdi(entry ? entry.scenario.title : state.file)),
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
  const { triggers, links } = scenarioGraph(entry.scenario);
  const details = h('div', { class: 'node-details', attrs: { 'aria-live': 'polite' } }, h('p', { class: 'panel-hint' }, 'Choose a box in the graph to see where it is written and what happens in it.'));
  const select = (box: Box, element: SVGGElement) => {
    for (const other of element.parentElement?.querySelectorAll('[aria-pressed="true"]') ?? []) other.setAttribute('aria-pressed', 'false');
    element.setAttribute('aria-pressed', 'true');
    replaceChildren(details, 'trigger' in box ? renderTriggerDetails(entry, box.trigger) : renderDetails(entry, box.node));
  };
  return h(
    'section',
    { class: 'panel authoring-graph', attrs: { 'aria-labelledby': 'graph-heading' } },
    h('h2', { attrs: { id: 'graph-heading' } }, 'Branch graph'),
    h(
      'p',
      { class: 'panel-hint' },
      'Phases from the first down, then the clock running out and the ending chosen by the first condition that holds; below them, the decisions and branches, with dotted arrows to the transitions and endings that test them. The same graph as bridge-drill graph prints in Mermaid.',
    ),
    h('div', { class: 'graph-layout' }, h('div', { class: 'graph-scroll' }, drawGraph(layoutGraph(graph, triggers), graph, links, select)), details),
  );
}

type Box = ({ kind: PlacedNode['kind']; node: PlacedNode } | { kind: GraphTrigger['kind']; trigger: GraphTrigger }) & { key: string; title: string; x: number; y: number };

/** The most boxes side by side: a layer with more wraps onto further rows, so nothing sits past the right edge. */
const PER_ROW = 3;

/** Every box's place: the layers of the branch graph top down, each wrapped at PER_ROW, then the decisions and branches. */
function layoutGraph(graph: BranchGraph, triggers: readonly GraphTrigger[]): Box[] {
  const boxes: Box[] = [];
  let row = 0;
  const placeRow = <T>(items: readonly T[], make: (item: T, x: number, y: number) => Box) => {
    items.forEach((item, index) => boxes.push(make(item, MARGIN + (index % PER_ROW) * COLUMN, MARGIN + (row + Math.floor(index / PER_ROW)) * ROW)));
    row += Math.ceil(items.length / PER_ROW);
  };
  for (let layer = 0; layer < graph.layers; layer++) {
    const nodes = graph.nodes.filter((node) => node.layer === layer).sort((a, b) => a.slot - b.slot);
    placeRow(nodes, (node, x, y) => ({ kind: node.kind, node, key: node.id, title: node.title, x, y }));
  }
  placeRow(triggers, (trigger, x, y) => ({ kind: trigger.kind, trigger, key: triggerKey(trigger), title: trigger.title, x, y }));
  return boxes;
}

interface DrawnEdge {
  readonly from: Box;
  readonly to: Box;
  readonly label: string;
  readonly style: 'solid' | 'dashed' | 'dotted';
}

function drawGraph(boxes: readonly Box[], graph: BranchGraph, links: readonly GraphLink[], select: (box: Box, element: SVGGElement) => void): SVGSVGElement {
  const byKey = new Map(boxes.map((box) => [box.key, box]));
  const width = MARGIN * 2 + (Math.min(PER_ROW, Math.max(1, ...boxes.map((box) => Math.round((box.x - MARGIN) / COLUMN) + 1))) - 1) * COLUMN + NODE_WIDTH;
  const height = MARGIN * 2 + Math.max(0, ...boxes.map((box) => box.y - MARGIN)) + NODE_HEIGHT;
  const root = svg('svg', { class: 'graph', viewBox: `0 0 ${width} ${height}`, width: String(width), height: String(height), role: 'group', 'aria-label': 'Branch graph' });
  root.appendChild(svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'graph-arrowhead' }))));
  const phases = graph.nodes.filter((node) => node.kind === 'phase');
  const edges: DrawnEdge[] = [];
  const add = (from: string, to: string, label: string, style: DrawnEdge['style']) => {
    const a = byKey.get(from);
    const b = byKey.get(to);
    if (a && b) edges.push({ from: a, to: b, label, style });
  };
  for (const edge of graph.edges) add(edge.atClockEnd ? CLOCK_END : edge.from, edge.to, edge.atClockEnd ? '' : edge.label, 'solid');
  for (const phase of phases) add(phase.id, CLOCK_END, '', 'dashed');
  for (const link of links) add(link.trigger, link.to, '', 'dotted');
  const labels: SVGElement[] = [];
  const labelsAbove = new Map<Box, number>();
  for (const edge of edges) {
    const { from: a, to: b } = edge;
    const upward = b.y < a.y;
    const x1 = a.x + NODE_WIDTH / 2;
    const y1 = upward ? a.y : a.y + NODE_HEIGHT;
    const x2 = b.x + NODE_WIDTH / 2 + (upward ? 24 : 0);
    const y2 = upward ? b.y + NODE_HEIGHT : b.y;
    const bend = (y1 + y2) / 2;
    const title = edge.label || (edge.style === 'dotted' ? 'tested by this condition' : 'when the clock runs out');
    root.appendChild(svg('path', { d: `M${x1},${y1} C${x1},${bend} ${x2},${bend} ${x2},${y2 + (upward ? 2 : -2)}`, class: `graph-edge ${edge.style}`, 'marker-end': 'url(#arrow)' }, svg('title', {}, title)));
    if (!edge.label) continue;
    // Each label sits just above the box its arrow enters, stacked when several arrows enter one box, so no two overlap.
    const stacked = labelsAbove.get(b) ?? 0;
    labelsAbove.set(b, stacked + 1);
    const text = isolated(shorten(edge.label, 32));
    const top = b.y - 22 - stacked * 18;
    labels.push(svg('g', { class: 'graph-edge-label' }, svg('rect', { x: String(b.x + 4), y: String(top), width: String(NODE_WIDTH - 8), height: '16', rx: '4' }), svg('text', { x: String(b.x + 10), y: String(top + 12) }, text), svg('title', {}, edge.label)));
  }
  for (const box of boxes) {
    const { x, y } = box;
    const group = svg(
      'g',
      { class: `graph-node graph-${box.kind}`, role: 'button', tabindex: '0', 'aria-pressed': 'false', 'aria-label': `${kindLabel(box.kind)}: ${box.title}` },
      svg('rect', { x: String(x), y: String(y), width: String(NODE_WIDTH), height: String(NODE_HEIGHT), rx: box.kind === 'ending' ? '28' : box.kind === 'decision' ? '2' : '10' }),
      svg('text', { x: String(x + 12), y: String(y + 22), class: 'graph-node-kind' }, kindLabel(box.kind)),
      svg('text', { x: String(x + 12), y: String(y + 42), class: 'graph-node-title' }, isolated(shorten(box.title, 28))),
    );
    group.addEventListener('click', () => select(box, group));
    group.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      select(box, group);
    });
    root.appendChild(group);
  }
  for (const label of labels) root.appendChild(label);
  return root;
}

/** A decision or branch: what it says, when it can happen, and where the file writes it. */
function renderTriggerDetails(entry: CatalogScenario, trigger: GraphTrigger): HTMLElement {
  const list = trigger.kind === 'decision' ? 'decisions' : 'branches';
  const index = (trigger.kind === 'decision' ? entry.scenario.decisions : entry.scenario.branches)?.findIndex((item) => item.id === trigger.id) ?? -1;
  const { document: source } = parseJson(entry.text);
  const found = source.nodeAt([list, index]);
  const first = source.position(found?.offset ?? 0).line;
  const last = source.position((found?.offset ?? 0) + (found?.length ?? 0)).line;
  const lines = entry.text.split('\n').slice(first - 1, Math.min(last, first - 1 + 60));
  return h(
    'div',
    {},
    h('h3', {}, `${kindLabel(trigger.kind)}: `, bdi(trigger.title)),
    h('p', { class: 'panel-hint' }, `${entry.file}, lines ${first}–${first + lines.length - 1}`),
    h('pre', { class: 'code-frame source' }, lines.map((line, offset) => `${String(first + offset).padStart(5)} | ${line}`).join('\n')),
    h('p', {}, trigger.kind === 'decision' ? 'Can be decided ' : 'Taken the first time ', bdi(trigger.condition === 'any time' ? 'any time' : trigger.condition)),
    trigger.options.length > 0 ? h('ul', { class: 'node-beats' }, ...trigger.options.map((option) => h('li', {}, bdi(option)))) : null,
  );
}

function renderDetails(entry: CatalogScenario, node: PlacedNode): HTMLElement {
  const details = nodeDetails(entry, node);
  const last = details.firstLine + details.lines.length - 1;
  return h(
    'div',
    {},
    h('h3', {}, `${kindLabel(node.kind)}: `, bdi(details.title)),
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

function kindLabel(kind: Box['kind']): string {
  return { phase: 'Phase', ending: 'Ending', 'clock-end': 'Clock', decision: 'Decision', branch: 'Branch' }[kind];
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
