import { describe, expect, it } from 'vitest';
import { branchGraph, CLOCK_END, nodeDetails } from '../../src/app/authoring.ts';
import { catalogWith } from '../helpers.ts';

const catalog = catalogWith(['acme-chemical']);
const acme = catalog.find('acme-chemical')!;

describe('the authoring view model', () => {
  it('lays the phases out from the first down, then the clock running out, then the endings', () => {
    const graph = branchGraph(acme);
    const layerOf = (id: string) => graph.nodes.find((node) => node.id === id)?.layer;
    expect(layerOf('bridge-chaos')).toBe(0);
    expect(layerOf('customer-impact')).toBe(1);
    expect(layerOf('executive-on-bridge')).toBe(2);
    expect(layerOf(CLOCK_END)).toBe(3);
    expect(graph.nodes.filter((node) => node.kind === 'ending').map((node) => [node.id, node.layer, node.slot])).toEqual([
      ['under-control', 4, 0],
      ['recovering-slowly', 4, 1],
      ['bridge-lost', 4, 2],
    ]);
    expect(graph.layers).toBe(5);
  });

  it('shows the JSON lines a node is written on, and the beats a phase holds when nobody acts', () => {
    const node = branchGraph(acme).nodes.find((candidate) => candidate.id === 'customer-impact')!;
    const details = nodeDetails(acme, node);
    const fileLines = acme.text.split('\n');
    expect(details.lines).toEqual(fileLines.slice(details.firstLine - 1, details.firstLine - 1 + details.lines.length));
    expect(details.lines.join('\n')).toContain('"id": "customer-impact"');
    expect(details.beats[0]).toMatchObject({ id: 'customers-cannot-log-in', at: '03:00:21' });
    expect(details.beats.every((beat) => beat.at >= '03:00:21')).toBe(true);

    const ending = nodeDetails(acme, branchGraph(acme).nodes.find((candidate) => candidate.id === 'bridge-lost')!);
    expect(ending.lines.join('\n')).toContain('"id": "bridge-lost"');
    expect(ending.beats).toEqual([]);
  });
});
