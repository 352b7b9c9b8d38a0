import { describeExpr } from '../expr/describe.ts';
import type { Scenario } from './schema.ts';

export interface GraphNode {
  readonly id: string;
  readonly kind: 'phase' | 'ending';
  readonly title: string;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly atClockEnd: boolean;
}

/** The branch graph of a scenario: phases and endings, linked by transitions and the clock-end rule. */
export function scenarioGraph(scenario: Scenario): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes: GraphNode[] = [
    ...scenario.phases.map((phase) => ({ id: phase.id, kind: 'phase' as const, title: phase.title })),
    ...scenario.endings.map((ending) => ({ id: ending.id, kind: 'ending' as const, title: ending.title })),
  ];
  const edges: GraphEdge[] = [];
  for (const phase of scenario.phases) {
    for (const transition of phase.next ?? []) {
      edges.push({ from: phase.id, to: transition.to, label: transition.label ?? describeExpr(transition.when), atClockEnd: false });
    }
  }
  for (const ending of scenario.endings) {
    edges.push({ from: 'clock-end', to: ending.id, label: ending.when === undefined ? 'otherwise' : describeExpr(ending.when), atClockEnd: true });
    if (ending.when === undefined) break;
  }
  return { nodes, edges };
}

const escape = (text: string) => text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
const nodeId = (id: string) => `n_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;

/** The branch graph as a Mermaid flowchart. */
export function toMermaid(scenario: Scenario): string {
  const { nodes, edges } = scenarioGraph(scenario);
  const lines = ['flowchart TD', `  start((${escape(scenario.clock.start)})) --> ${nodeId(scenario.phases[0]?.id ?? '')}`];
  for (const node of nodes) {
    lines.push(node.kind === 'phase' ? `  ${nodeId(node.id)}["${escape(node.title)}"]` : `  ${nodeId(node.id)}(["${escape(node.title)}"])`);
  }
  lines.push(`  clock_end{{"clock runs out at ${escape(scenario.clock.end)}"}}`);
  for (const phase of scenario.phases) lines.push(`  ${nodeId(phase.id)} -.-> clock_end`);
  for (const edge of edges) {
    const from = edge.atClockEnd ? 'clock_end' : nodeId(edge.from);
    lines.push(`  ${from} -->|"${escape(edge.label)}"| ${nodeId(edge.to)}`);
  }
  return `${lines.join('\n')}\n`;
}
