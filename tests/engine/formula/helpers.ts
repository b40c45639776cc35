import { compileFormula, parseFormula, type CompileContext, type FormulaAst, type FormulaError } from '../../../src/engine/formula/index.ts';

export interface Report { code: 'divisionByZero' | 'notFinite'; position: number }

export interface Fixture {
  ctx: CompileContext;
  values: Float64Array;
  periods: number;
  reports: Report[];
  set(id: string, row: readonly number[]): void;
}

export interface FixtureSpec {
  periods?: number;
  rows?: Record<string, readonly number[]>;
  groups?: Record<string, readonly string[]>;
  targets?: Record<string, readonly number[]>;
}

/** A compile context over Maps, the way the engine builds one. */
export function fixture(spec: FixtureSpec = {}): Fixture {
  const rows = spec.rows ?? {};
  const ids = Object.keys(rows);
  const periods = spec.periods ?? Math.max(1, ...ids.map((id) => rows[id]?.length ?? 0));
  const values = new Float64Array(ids.length * periods).fill(NaN);
  const rowOf = new Map(ids.map((id, r) => [id, r]));
  const set = (id: string, row: readonly number[]): void => {
    const r = rowOf.get(id);
    if (r === undefined) throw new Error(`no row ${id}`);
    for (let t = 0; t < periods; t++) values[r * periods + t] = row[t] ?? NaN;
  };
  for (const id of ids) set(id, rows[id] ?? []);
  const groups = new Map(Object.entries(spec.groups ?? {}).map(([g, members]) => [g, members.map((m) => rowOf.get(m) ?? -1)]));
  const targets = new Map(Object.entries(spec.targets ?? {}).map(([id, row]) => {
    const a = new Float64Array(periods).fill(NaN);
    row.forEach((v, t) => { a[t] = v; });
    return [id, a];
  }));
  for (const id of ids) if (!targets.has(id)) targets.set(id, new Float64Array(periods).fill(NaN));
  const reports: Report[] = [];
  const ctx: CompileContext = {
    values,
    periods,
    rowOf: (id) => rowOf.get(id) ?? -1,
    groupRows: (g) => groups.get(g) ?? null,
    targetRow: (id) => targets.get(id) ?? null,
    report: (code, position) => { reports.push({ code, position }); },
  };
  return { ctx, values, periods, reports, set };
}

export function parsed(text: string): FormulaAst {
  const r = parseFormula(text);
  if (!r.ok) throw new Error(`parse failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

export function parseError(text: string): FormulaError {
  const r = parseFormula(text);
  if (r.ok) throw new Error(`expected a parse error for ${text}`);
  return r.error;
}

export function compileError(text: string, f: Fixture = fixture()): FormulaError {
  const r = compileFormula(parsed(text), f.ctx);
  if (r.ok) throw new Error(`expected a compile error for ${text}`);
  return r.error;
}

/** Every period of `text`, evaluated in order as the engine does. */
export function run(text: string, f: Fixture = fixture()): number[] {
  const r = compileFormula(parsed(text), f.ctx);
  if (!r.ok) throw new Error(`compile failed: ${JSON.stringify(r.error)}`);
  const out: number[] = [];
  for (let t = 0; t < f.periods; t++) out.push(r.value(t));
  return out;
}

/** The value at the first period, for formulas that do not depend on time. */
export function value(text: string, f: Fixture = fixture()): number {
  return run(text, f)[0] as number;
}

/** The tree with every operation parenthesised: precedence made visible. */
export function show(ast: FormulaAst): string {
  switch (ast.kind) {
    case 'number': return String(ast.value);
    case 'name': return ast.name;
    case 'unary': return `(${ast.op}${show(ast.operand)})`;
    case 'binary': return `(${show(ast.left)} ${ast.op} ${show(ast.right)})`;
    case 'call': return `${ast.fn}(${ast.args.map(show).join(', ')})`;
  }
}
