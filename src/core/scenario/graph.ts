import { describeExpr } from '../expr/describe.ts';
import type { Expr } from '../expr/schema.ts';
import { walkExpr } from '../expr/walk.ts';
import type { Scenario } from './schema.ts';
import { withoutBidiControls } from '../text/bidi.ts';

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

/** A decision the trainee answers, or a branch taken once its condition holds. */
export interface GraphTrigger {
  readonly id: string;
  readonly kind: 'decision' | 'branch';
  /** The decision's prompt, or the branch's authoring note (its id when it has none). */
  readonly title: string;
  /** When it can be taken, in words. */
  readonly condition: string;
  /** A decision's option labels. */
  readonly options: readonly string[];
}

/** A transition or ending whose condition depends on a decision or branch. */
export interface GraphLink {
  readonly trigger: string;
  readonly to: string;
  readonly label: string;
}

export interface ScenarioGraph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  readonly triggers: GraphTrigger[];
  readonly links: GraphLink[];
}

/**
 * The branch graph of a scenario: phases and endings, linked by transitions and the clock-end rule;
 * and the decisions and branches, linked to the transitions and endings whose conditions test them.
 */
export function scenarioGraph(scenario: Scenario): ScenarioGraph {
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
  const decisions = scenario.decisions ?? [];
  const branches = scenario.branches ?? [];
  const triggers: GraphTrigger[] = [
    ...decisions.map((decision) => ({
      id: decision.id,
      kind: 'decision' as const,
      title: decision.prompt,
      condition: decision.when === undefined ? 'any time' : describeExpr(decision.when),
      options: decision.options.map((option) => option.label),
    })),
    ...branches.map((branch) => ({ id: branch.id, kind: 'branch' as const, title: branch.description ?? branch.id, condition: describeExpr(branch.when), options: [] })),
  ];
  const conditions: { to: string; when: Expr }[] = [
    ...scenario.phases.flatMap((phase) => (phase.next ?? []).map((transition) => ({ to: transition.to, when: transition.when }))),
    ...scenario.endings.flatMap((ending) => (ending.when === undefined ? [] : [{ to: ending.id, when: ending.when }])),
  ];
  const branchIds = new Set(branches.map((branch) => branch.id));
  const links: GraphLink[] = [];
  for (const { to, when } of conditions) {
    const seen = new Set<string>();
    walkExpr(when, (node) => {
      if (typeof node !== 'object') return;
      let link: GraphLink | undefined;
      if ('decided' in node) {
        const decision = decisions.find((candidate) => candidate.id === node.decided);
        const chosen = node.choice === undefined ? [] : typeof node.choice === 'string' ? [node.choice] : node.choice;
        const labels = chosen.map((id) => decision?.options.find((option) => option.id === id)?.label ?? id);
        if (decision) link = { trigger: `decision:${decision.id}`, to, label: labels.length === 0 ? 'once decided' : `if ${labels.join(' or ')}` };
      } else if ('fired' in node && branchIds.has(node.fired)) {
        link = { trigger: `branch:${node.fired}`, to, label: 'once taken' };
      }
      if (!link || seen.has(`${link.trigger} ${link.label}`)) return;
      seen.add(`${link.trigger} ${link.label}`);
      links.push(link);
    });
  }
  return { nodes, edges, triggers, links };
}

/** The key a link's `trigger` names a trigger by: decisions and branches have ids of their own kind. */
export const triggerKey = (trigger: GraphTrigger): string => `${trigger.kind}:${trigger.id}`;

/** Line breaks, tabs and other control or separator characters: each becomes a space. */
const BREAKING = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
/** Characters Mermaid never reads as syntax inside a quoted label: everything else is written as an entity. */
const PLAIN = /^[\p{L}\p{M}\p{N} ,.?!'-]$/u;

/**
 * Scenario text as the inside of a quoted Mermaid label that can only ever be text: quotes, `#`, `%`
 * (directives and comments), backticks (markdown), brackets, pipes, `<`, `&`, `;` and `:` (Mermaid
 * rewrites any line that reads like `style …: #…;`) are written as entity codes (`#35;`), and nothing
 * can start a new line.
 */
export function mermaidLabel(text: string): string {
  let out = '';
  for (const char of withoutBidiControls(text).replace(BREAKING, ' ')) out += PLAIN.test(char) ? char : `#${char.codePointAt(0)};`;
  return out;
}

const nodeId = (id: string) => `n_${id.replace(/[^a-z0-9]/g, '_')}`;
const triggerId = (key: string) => key.replace(/^decision:/, 'd_').replace(/^branch:/, 'b_').replace(/[^A-Za-z0-9_]/g, '_');

/** The branch graph as a Mermaid flowchart; every piece of scenario text goes through `mermaidLabel`. */
export function toMermaid(scenario: Scenario): string {
  const { nodes, edges, triggers, links } = scenarioGraph(scenario);
  const lines = ['flowchart TD', `  start(("${mermaidLabel(scenario.clock.start)}")) --> ${nodeId(scenario.phases[0]?.id ?? '')}`];
  for (const node of nodes) {
    lines.push(node.kind === 'phase' ? `  ${nodeId(node.id)}["${mermaidLabel(node.title)}"]` : `  ${nodeId(node.id)}(["${mermaidLabel(node.title)}"])`);
  }
  lines.push(`  clock_end{{"clock runs out at ${mermaidLabel(scenario.clock.end)}"}}`);
  for (const phase of scenario.phases) lines.push(`  ${nodeId(phase.id)} -.-> clock_end`);
  for (const edge of edges) {
    const from = edge.atClockEnd ? 'clock_end' : nodeId(edge.from);
    lines.push(`  ${from} -->|"${mermaidLabel(edge.label)}"| ${nodeId(edge.to)}`);
  }
  for (const trigger of triggers) {
    const id = triggerId(triggerKey(trigger));
    const rows = [`${trigger.kind === 'decision' ? 'Decision' : 'Branch'}: ${trigger.title}`, `when ${trigger.condition}`, ...trigger.options.map((option) => `• ${option}`)];
    const label = rows.map(mermaidLabel).join('<br/>');
    lines.push(trigger.kind === 'decision' ? `  ${id}[/"${label}"/]` : `  ${id}>"${label}"]`);
  }
  for (const link of links) lines.push(`  ${triggerId(link.trigger)} -.->|"${mermaidLabel(link.label)}"| ${nodeId(link.to)}`);
  return `${lines.join('\n')}\n`;
}
