import type { JsonPath } from '../core/diagnostics.ts';
import { parseJson } from '../core/json/source.ts';
import { compileScenario } from '../core/scenario/compile.ts';
import { scenarioGraph, type GraphEdge } from '../core/scenario/graph.ts';
import { Session } from '../core/session/session.ts';
import type { CatalogScenario } from './catalog.ts';

export const CLOCK_END = 'clock-end';

/** A node of the branch graph, placed on a grid: `layer` counts steps from the start, `slot` orders a layer. */
export interface PlacedNode {
  readonly id: string;
  readonly kind: 'phase' | 'clock-end' | 'ending';
  readonly title: string;
  readonly layer: number;
  readonly slot: number;
}

export interface BranchGraph {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly GraphEdge[];
  readonly layers: number;
}

/** The scenario's phases, the clock running out, and its endings, in layers from the first phase down. */
export function branchGraph(entry: CatalogScenario): BranchGraph {
  const { nodes, edges } = scenarioGraph(entry.scenario);
  const depth = new Map<string, number>();
  const first = entry.scenario.phases[0]?.id;
  if (first !== undefined) depth.set(first, 0);
  const queue = first === undefined ? [] : [first];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const edge of edges) {
      if (edge.atClockEnd || edge.from !== from || depth.has(edge.to)) continue;
      depth.set(edge.to, (depth.get(from) ?? 0) + 1);
      queue.push(edge.to);
    }
  }
  const phaseLayers = Math.max(0, ...[...depth.values()]) + 1;
  const unreachedLayer = phaseLayers;
  const hasUnreached = nodes.some((node) => node.kind === 'phase' && !depth.has(node.id));
  const clockLayer = phaseLayers + (hasUnreached ? 1 : 0);
  const slots = new Map<number, number>();
  const place = (id: string, kind: PlacedNode['kind'], title: string, layer: number): PlacedNode => {
    const slot = slots.get(layer) ?? 0;
    slots.set(layer, slot + 1);
    return { id, kind, title, layer, slot };
  };
  const placed: PlacedNode[] = [];
  for (const node of nodes) if (node.kind === 'phase') placed.push(place(node.id, 'phase', node.title, depth.get(node.id) ?? unreachedLayer));
  placed.push(place(CLOCK_END, 'clock-end', `Clock runs out at ${entry.scenario.clock.end}`, clockLayer));
  for (const node of nodes) if (node.kind === 'ending') placed.push(place(node.id, 'ending', node.title, clockLayer + 1));
  return { nodes: placed, edges, layers: clockLayer + 2 };
}

/** Where a node is written in the file, and what happens in it. */
export interface NodeDetails {
  readonly title: string;
  readonly kind: PlacedNode['kind'];
  /** First line number of `lines`, counting from 1. */
  readonly firstLine: number;
  readonly lines: readonly string[];
  /** For a phase: the timeline beats that happen while it lasts on the do-nothing path. */
  readonly beats: readonly { readonly id: string; readonly at: string; readonly summary: string }[];
}

const MAX_LINES = 60;

/** The JSON lines behind a node of the branch graph, and the beats a phase holds on the do-nothing path. */
export function nodeDetails(entry: CatalogScenario, node: PlacedNode): NodeDetails {
  const { scenario } = entry;
  const path: JsonPath =
    node.kind === 'phase' ? ['phases', scenario.phases.findIndex((phase) => phase.id === node.id)] : node.kind === 'ending' ? ['endings', scenario.endings.findIndex((ending) => ending.id === node.id)] : ['clock'];
  const { document: source } = parseJson(entry.text);
  const found = source.nodeAt(path);
  const start = source.position(found?.offset ?? 0).line;
  const end = source.position((found?.offset ?? 0) + (found?.length ?? 0)).line;
  const all = entry.text.split('\n');
  const lines = all.slice(start - 1, Math.min(end, start - 1 + MAX_LINES));
  return { title: node.title, kind: node.kind, firstLine: start, lines, beats: node.kind === 'phase' ? beatsDuring(entry, node.id) : [] };
}

function beatsDuring(entry: CatalogScenario, phaseId: string): NodeDetails['beats'] {
  const compiled = compileScenario(entry.scenario, entry.playbook);
  const transcript = Session.replay(compiled, { scenario: entry.scenario.id, actions: [] }).state.transcript;
  const phases = transcript.filter((item) => item.kind === 'phase');
  const entered = phases.findIndex((item) => item.source === phaseId);
  if (entered < 0) return [];
  const from = phases[entered]!.at;
  const until = phases[entered + 1]?.at ?? Number.POSITIVE_INFINITY;
  const beatIds = new Set(compiled.beats.map((beat) => beat.id));
  return transcript
    .filter((item) => beatIds.has(item.source) && item.at >= from && item.at < until)
    .map((item) => ({ id: item.source, at: compiled.clock.format(item.at), summary: summaryOf(item.text, item.speaker ? compiled.participants.get(item.speaker)?.name : undefined) }));
}

function summaryOf(text: string, speaker: string | undefined): string {
  const line = speaker && !text.startsWith(speaker) ? `${speaker}: ${text}` : text;
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}
