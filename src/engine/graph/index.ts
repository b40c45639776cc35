/**
 * The dependency graph of a plan's rows: the order to compute them in, the cycles that stop some
 * of them, and the cone an edit affects. Rows are dense indices; an edge r -> d means row r reads
 * row d. Everything here is iterative (Kahn's algorithm, explicit stacks): a chain of 100,000 rows
 * costs memory, not JavaScript stack.
 */

export interface DependencyGraph {
  /** Computable rows in topological order: every row after the rows it reads. */
  order: number[];
  /**
   * Cycles as paths of rows, each reading the next and the last reading the first: [a, b, c] is
   * a -> b -> c -> a; a self-loop is [a]. Every row that lies on a cycle is on at least one path
   * listed (a row may be on several). Each path is a shortest cycle through its first row, which
   * is its smallest row not already on an earlier path; paths are sorted by first row.
   */
  cycles: number[][];
  /** Rows that are on no cycle but read one (directly or not), ascending: they cannot be computed. */
  blocked: number[];
  /** row -> rows that read it directly, ascending, without duplicates. */
  dependents: number[][];
  /** row -> its index in `order`, or -1 for rows on or behind a cycle. */
  rank: Int32Array;
}

/**
 * `dependsOn[r]` lists the rows r reads. Entries that are not rows (out of range, not integers)
 * are ignored, as are duplicates; a missing list means no dependencies.
 */
export function buildGraph(rowCount: number, dependsOn: readonly (readonly number[])[]): DependencyGraph {
  const n = Number.isInteger(rowCount) && rowCount > 0 ? rowCount : 0;
  const reads = normalise(n, dependsOn);
  const dependents: number[][] = Array.from({ length: n }, () => []);
  for (let r = 0; r < n; r++) for (const d of reads[r] as number[]) (dependents[d] as number[]).push(r);

  // Kahn: a row is ready when every row it reads is done. A FIFO seeded in row order makes the
  // order deterministic.
  const waiting = new Int32Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let r = 0; r < n; r++) {
    waiting[r] = (reads[r] as number[]).length;
    if (waiting[r] === 0) queue[tail++] = r;
  }
  const rank = new Int32Array(n).fill(-1);
  const order: number[] = [];
  while (head < tail) {
    const r = queue[head++] as number;
    rank[r] = order.length;
    order.push(r);
    for (const reader of dependents[r] as number[]) {
      const left = (waiting[reader] as number) - 1;
      waiting[reader] = left;
      if (left === 0) queue[tail++] = reader;
    }
  }

  if (order.length === n) return { order, cycles: [], blocked: [], dependents, rank };

  const cyclic = rowsOnCycles(n, reads, rank);
  const cycles = coverWithCycles(n, reads, cyclic);
  const blocked: number[] = [];
  for (let r = 0; r < n; r++) if (rank[r] === -1 && !cyclic[r]) blocked.push(r);
  return { order, cycles, blocked, dependents, rank };
}

/**
 * The rows in `changed` and every row reading them, directly or not, in topological order. Rows
 * on or behind a cycle are left out: they cannot be computed.
 */
export function downstreamCone(graph: DependencyGraph, changed: readonly number[]): number[] {
  const n = graph.dependents.length;
  const marked = new Uint8Array(n);
  const stack: number[] = [];
  for (const r of changed) {
    if (Number.isInteger(r) && r >= 0 && r < n && !marked[r]) {
      marked[r] = 1;
      stack.push(r);
    }
  }
  const cone: number[] = [];
  for (let r = stack.pop(); r !== undefined; r = stack.pop()) {
    if ((graph.rank[r] ?? -1) >= 0) cone.push(r);
    for (const reader of graph.dependents[r] ?? []) {
      if (!marked[reader]) {
        marked[reader] = 1;
        stack.push(reader);
      }
    }
  }
  // A small cone of a large plan: sorting k rows by rank beats filtering the whole order.
  if (cone.length * 8 < graph.order.length) {
    return cone.sort((a, b) => (graph.rank[a] as number) - (graph.rank[b] as number));
  }
  return graph.order.filter((r) => marked[r]);
}

function normalise(n: number, dependsOn: readonly (readonly number[])[]): number[][] {
  const reads: number[][] = [];
  const seen = new Int32Array(n).fill(-1);
  for (let r = 0; r < n; r++) {
    const list: number[] = [];
    for (const d of dependsOn[r] ?? []) {
      if (Number.isInteger(d) && d >= 0 && d < n && seen[d] !== r) {
        seen[d] = r;
        list.push(d);
      }
    }
    reads.push(list);
  }
  return reads;
}

/**
 * Tarjan's strongly connected components with an explicit stack, over the rows Kahn could not
 * order. A row is on a cycle when its component has two rows or more, or it reads itself.
 */
function rowsOnCycles(n: number, reads: readonly number[][], rank: Int32Array): Uint8Array {
  const cyclic = new Uint8Array(n);
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  // Where each row sits on `component`: a component is the slice from its root to the top.
  const slot = new Int32Array(n);
  const component: number[] = [];
  // Call frames of the depth-first search: the row and how many of its edges were followed.
  const frames: number[] = [];
  const edge: number[] = [];
  let counter = 0;
  const discover = (w: number): void => {
    index[w] = low[w] = counter++;
    slot[w] = component.length;
    component.push(w);
    onStack[w] = 1;
    frames.push(w);
    edge.push(0);
  };
  for (let root = 0; root < n; root++) {
    if (rank[root] !== -1 || index[root] !== -1) continue;
    discover(root);
    while (frames.length > 0) {
      const top = frames.length - 1;
      const v = frames[top] as number;
      const out = reads[v] as number[];
      const i = edge[top] as number;
      if (i < out.length) {
        edge[top] = i + 1;
        const w = out[i] as number;
        // Ordered rows cannot be on a cycle: leave them out of the search.
        if (rank[w] !== -1) continue;
        if (index[w] === -1) discover(w);
        else if (onStack[w]) low[v] = Math.min(low[v] as number, index[w] as number);
        continue;
      }
      frames.pop();
      edge.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[v] as number);
      if (low[v] !== index[v]) continue;
      const from = slot[v] as number;
      const loop = component.length - from > 1 || out.includes(v);
      for (let k = from; k < component.length; k++) {
        const w = component[k] as number;
        onStack[w] = 0;
        if (loop) cyclic[w] = 1;
      }
      component.length = from;
    }
  }
  return cyclic;
}

/**
 * One cycle path per row on a cycle that no earlier path passes through: a breadth-first search
 * from that row, among rows on cycles, back to itself gives a shortest cycle through it. A single
 * loop of 10,000 rows is one search.
 */
function coverWithCycles(n: number, reads: readonly number[][], cyclic: Uint8Array): number[][] {
  const cycles: number[][] = [];
  const covered = new Uint8Array(n);
  const parent = new Int32Array(n);
  const visited = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (!cyclic[s] || covered[s]) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    visited[s] = s;
    let closing = -1;
    search: while (head < tail) {
      const v = queue[head++] as number;
      for (const w of reads[v] as number[]) {
        if (w === s) {
          closing = v;
          break search;
        }
        if (!cyclic[w] || visited[w] === s) continue;
        visited[w] = s;
        parent[w] = v;
        queue[tail++] = w;
      }
    }
    // A row on a cycle always reaches itself, so `closing` is found; the guard is for the types.
    if (closing < 0) continue;
    const path: number[] = [];
    for (let v = closing; v !== s; v = parent[v] as number) path.push(v);
    path.push(s);
    path.reverse();
    for (const v of path) covered[v] = 1;
    cycles.push(path);
  }
  return cycles;
}
