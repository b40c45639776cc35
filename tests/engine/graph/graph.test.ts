import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph, downstreamCone, type DependencyGraph } from '../../../src/engine/graph/index.ts';

/** Every row reachable from `start` by following `next`, not counting start unless it is reached again. */
function reachable(start: number, next: readonly (readonly number[])[]): Set<number> {
  const seen = new Set<number>();
  const stack = [...(next[start] ?? [])];
  while (stack.length > 0) {
    const r = stack.pop() as number;
    if (seen.has(r)) continue;
    seen.add(r);
    stack.push(...(next[r] ?? []));
  }
  return seen;
}

function invert(n: number, dependsOn: readonly (readonly number[])[]): number[][] {
  const readers: number[][] = Array.from({ length: n }, () => []);
  dependsOn.forEach((ds, r) => { for (const d of ds) readers[d]?.push(r); });
  return readers;
}

function expectTopological(graph: DependencyGraph, dependsOn: readonly (readonly number[])[]): void {
  const at = new Map(graph.order.map((r, i) => [r, i]));
  expect(at.size).toBe(graph.order.length);
  for (const r of graph.order) {
    for (const d of dependsOn[r] ?? []) {
      expect(at.get(d), `row ${r} reads ${d}`).toBeLessThan(at.get(r) as number);
    }
  }
}

function expectValidCycle(cycle: readonly number[], dependsOn: readonly (readonly number[])[]): void {
  expect(cycle.length).toBeGreaterThan(0);
  expect(new Set(cycle).size).toBe(cycle.length);
  cycle.forEach((r, i) => {
    const next = cycle[(i + 1) % cycle.length] as number;
    expect(dependsOn[r], `${r} -> ${next} in ${cycle.join(',')}`).toContain(next);
  });
}

/** Random graphs: n rows, each reading a few others (itself included). */
const anyGraph = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.tuple(fc.constant(n), fc.array(fc.array(fc.nat({ max: n - 1 }), { maxLength: 3 }), { minLength: n, maxLength: n })));

/** Random acyclic graphs: rows read rows of a lower rank, under a random labelling. */
const acyclicGraph = fc.integer({ min: 1, max: 60 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
    fc.array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: n, maxLength: n }),
  ).map(([size, label, picks]) => {
    const dependsOn: number[][] = Array.from({ length: size }, () => []);
    picks.forEach((ps, rank) => {
      if (rank === 0) return;
      dependsOn[label[rank] as number] = ps.map((p) => label[p % rank] as number);
    });
    return { n: size, dependsOn };
  }));

describe('buildGraph: order', () => {
  it('orders every row of an acyclic graph after the rows it reads (property)', () => {
    fc.assert(fc.property(acyclicGraph, ({ n, dependsOn }) => {
      const g = buildGraph(n, dependsOn);
      expect(g.order.length).toBe(n);
      expect(g.cycles).toEqual([]);
      expect(g.blocked).toEqual([]);
      expectTopological(g, dependsOn);
      g.order.forEach((r, i) => expect(g.rank[r]).toBe(i));
    }), { numRuns: 1_000 });
  });

  it('orders a chain of 100,000 rows without recursion', () => {
    const n = 100_000;
    // Row r reads row r + 1: the last row is the input.
    const dependsOn = Array.from({ length: n }, (_, r) => (r + 1 < n ? [r + 1] : []));
    const g = buildGraph(n, dependsOn);
    expect(g.order.length).toBe(n);
    expect(g.order[0]).toBe(n - 1);
    expect(g.order[n - 1]).toBe(0);
    expect(downstreamCone(g, [n - 1]).length).toBe(n);
  });

  it('lists each row\'s direct readers once, ignoring duplicates and entries that are not rows', () => {
    const g = buildGraph(3, [[1, 1, 2], [2, 7, -1, 1.5], []]);
    expect(g.dependents).toEqual([[], [0], [0, 1]]);
    expect(g.order).toEqual([2, 1, 0]);
  });

  it('treats missing lists as no dependencies, and no rows as an empty graph', () => {
    expect(buildGraph(2, []).order).toEqual([0, 1]);
    expect(buildGraph(0, [])).toMatchObject({ order: [], cycles: [], blocked: [], dependents: [] });
  });
});

describe('buildGraph: cycles', () => {
  it('reports a self-loop', () => {
    const g = buildGraph(2, [[0], []]);
    expect(g).toMatchObject({ order: [1], cycles: [[0]], blocked: [] });
    expect(g.rank[0]).toBe(-1);
  });

  it('reports a pair reading each other', () => {
    expect(buildGraph(3, [[], [2], [1]])).toMatchObject({ order: [0], cycles: [[1, 2]], blocked: [] });
  });

  it('names a cycle in reading order: [a, b, c] is a reads b, b reads c, c reads a', () => {
    const dependsOn = [[1], [2], [0]];
    const g = buildGraph(3, dependsOn);
    expect(g.cycles).toEqual([[0, 1, 2]]);
    expectValidCycle(g.cycles[0] as number[], dependsOn);
  });

  it('reports a loop of 10,000 rows as one cycle', () => {
    const n = 10_000;
    const dependsOn = Array.from({ length: n }, (_, r) => [(r + 1) % n]);
    const g = buildGraph(n, dependsOn);
    expect(g.order).toEqual([]);
    expect(g.cycles.length).toBe(1);
    expect(g.cycles[0]).toEqual(Array.from({ length: n }, (_, r) => r));
  });

  it('marks rows reading a cycle, directly or not, as blocked', () => {
    // 0 is an input; 1 <-> 2; 3 reads 1; 4 reads 3; 5 reads 0.
    const g = buildGraph(6, [[], [2], [1], [1], [3], [0]]);
    expect(g).toMatchObject({ order: [0, 5], cycles: [[1, 2]], blocked: [3, 4] });
  });

  it('puts every row on a cycle on some reported cycle', () => {
    // A figure of eight through row 0, and a row between two separate cycles.
    const dependsOn = [[1, 2], [0], [0], [3], [3, 6], [4], [5]];
    const g = buildGraph(7, dependsOn);
    expect(g.cycles).toEqual([[0, 1], [2, 0], [3], [4, 6, 5]]);
    for (const c of g.cycles) expectValidCycle(c, dependsOn);
    expect(g.blocked).toEqual([]);
  });

  it('classifies every row as ordered, on a cycle, or blocked, as brute force does (property)', () => {
    fc.assert(fc.property(anyGraph, ([n, dependsOn]) => {
      const g = buildGraph(n, dependsOn);
      expectTopological(g, dependsOn);
      for (const c of g.cycles) expectValidCycle(c, dependsOn);
      const onCycle = new Set(g.cycles.flat());
      const ordered = new Set(g.order);
      const blocked = new Set(g.blocked);
      expect([...g.blocked]).toEqual([...g.blocked].sort((a, b) => a - b));
      for (let r = 0; r < n; r++) {
        const upstream = reachable(r, dependsOn);
        const cyclic = upstream.has(r);
        const readsCycle = [...upstream].some((u) => reachable(u, dependsOn).has(u));
        expect(onCycle.has(r), `row ${r} on a cycle`).toBe(cyclic);
        expect(ordered.has(r), `row ${r} ordered`).toBe(!cyclic && !readsCycle);
        expect(blocked.has(r), `row ${r} blocked`).toBe(!cyclic && readsCycle);
        expect(g.rank[r] === -1).toBe(!ordered.has(r));
      }
    }), { numRuns: 1_000 });
  });
});

describe('downstreamCone', () => {
  it('is the changed rows and their readers, in topological order', () => {
    // 0 -> 1 -> 3, 2 -> 3, 4 alone (arrows: is read by).
    const g = buildGraph(5, [[], [0], [], [1, 2], []]);
    expect(downstreamCone(g, [0])).toEqual([0, 1, 3]);
    expect(downstreamCone(g, [2, 0])).toEqual([0, 2, 1, 3]);
    expect(downstreamCone(g, [4])).toEqual([4]);
    expect(downstreamCone(g, [])).toEqual([]);
    expect(downstreamCone(g, [99, -1])).toEqual([]);
  });

  it('leaves out rows on or behind a cycle', () => {
    const g = buildGraph(4, [[], [0, 2], [1], [1]]);
    expect(downstreamCone(g, [0])).toEqual([0]);
  });

  it('equals the brute-force set of readers, in topological order (property)', () => {
    const withChanged = anyGraph.chain(([n, dependsOn]) =>
      fc.tuple(fc.constant(n), fc.constant(dependsOn), fc.array(fc.nat({ max: n - 1 }), { maxLength: 5 })));
    fc.assert(fc.property(withChanged, ([n, dependsOn, changed]) => {
      const g = buildGraph(n, dependsOn);
      const readers = invert(n, dependsOn);
      const expected = new Set<number>();
      for (const c of changed) {
        expected.add(c);
        for (const r of reachable(c, readers)) expected.add(r);
      }
      const computable = new Set(g.order);
      const cone = downstreamCone(g, changed);
      expect(new Set(cone)).toEqual(new Set([...expected].filter((r) => computable.has(r))));
      expect(cone.length).toBe(new Set(cone).size);
      const ranks = cone.map((r) => g.rank[r] as number);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }), { numRuns: 1_000 });
  });

  it('sorts a small cone of a large graph the same way as filtering the order', () => {
    const n = 2_000;
    const dependsOn = Array.from({ length: n }, (_, r) => (r === 0 ? [] : [Math.floor((r - 1) / 2)]));
    const g = buildGraph(n, dependsOn);
    const cone = downstreamCone(g, [500, 900, 200]);
    expect(cone).toEqual(g.order.filter((r) => cone.includes(r)));
    expect(cone.length).toBe(21);
  });
});
