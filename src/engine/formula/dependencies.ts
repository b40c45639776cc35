/** What a formula reads, for the dependency graph. */
import type { FormulaAst } from './ast.ts';
import { FUNCTIONS } from './functions.ts';

export interface FormulaDependencies {
  /** Indicators whose values the formula reads, at this period or earlier, in order of appearance. */
  indicators: string[];
  /** Groups summed by `sumgroup`; always read at this period. */
  groups: string[];
  /**
   * The subset of `indicators` read only at earlier periods (every reference sits inside a
   * `prev`). A row may read its own history this way: the engine fills a row period by period.
   * `growth` and `cumsum` read the current period too, so their arguments are not lagged.
   */
  lagged: string[];
  /** Indicators whose targets `target(x)` reads. Targets are data, not computed values, so these are not edges of the graph. */
  targets: string[];
}

/** Iterative, so that it never depends on how the tree was built or how deep it is. */
export function formulaDependencies(ast: FormulaAst): FormulaDependencies {
  const indicators: string[] = [];
  const groups: string[] = [];
  const targets: string[] = [];
  const readNow = new Set<string>();
  const seen = new Set<string>();
  const seenGroups = new Set<string>();
  const seenTargets = new Set<string>();
  // Children are pushed in reverse so that names come out in the order they are written.
  const stack: { node: FormulaAst; lagged: boolean }[] = [{ node: ast, lagged: false }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, lagged } = item;
    switch (node.kind) {
      case 'number':
        break;
      case 'name':
        if (!seen.has(node.name)) {
          seen.add(node.name);
          indicators.push(node.name);
        }
        if (!lagged) readNow.add(node.name);
        break;
      case 'unary':
        stack.push({ node: node.operand, lagged });
        break;
      case 'binary':
        stack.push({ node: node.right, lagged }, { node: node.left, lagged });
        break;
      case 'call': {
        const spec = FUNCTIONS.get(node.fn);
        const first = node.args[0];
        if (spec?.argument === 'group') {
          if (first?.kind === 'name' && !seenGroups.has(first.name)) {
            seenGroups.add(first.name);
            groups.push(first.name);
          }
          break;
        }
        if (spec?.argument === 'indicator') {
          if (first?.kind === 'name' && !seenTargets.has(first.name)) {
            seenTargets.add(first.name);
            targets.push(first.name);
          }
          break;
        }
        const inner = lagged || node.fn === 'prev';
        for (let i = node.args.length - 1; i >= 0; i--) {
          const child = node.args[i];
          if (child) stack.push({ node: child, lagged: inner });
        }
        break;
      }
    }
  }
  return { indicators, groups, lagged: indicators.filter((name) => !readNow.has(name)), targets };
}
