/**
 * The IndexedDB database, through Dexie. Only `src/storage` touches it.
 *
 * Versions are explicit and never edited once shipped: a change of tables or indexes is a new
 * `this.version(n)` with an upgrade function and a fixture database of every earlier version
 * (tests/fixtures/databases; docs/decisions/0004-storage.md and 0010-snapshots-and-reliability.md).
 */
import { Dexie, type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { Command } from '../engine/commands/index.ts';
import type { Plan } from '../engine/model/plan.ts';

export const DATABASE_NAME = 'chitieu';

/** The newest schema version this build understands (Dexie's number; IndexedDB sees ×10). */
export const DATABASE_VERSION = 3;

/** A deleted plan, kept so the delete can be undone. */
export interface TrashRow {
  /** The plan's id: at most one trashed copy per plan id (a newer delete replaces an older one). */
  id: string;
  /** ISO timestamp of the delete. */
  deletedAt: string;
  plan: Plan;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * `manual`: named by the planner; `beforeRestore`: the plan as it was just before a restore;
 * `beforeImport`: the plan as it was before an imported file replaced it or was merged into it.
 */
export type SnapshotKind = 'manual' | 'beforeRestore' | 'beforeImport';

/**
 * What a snapshot list shows, without the plan: listing reads these rows only, so a list of
 * snapshots of a 1,000 × 120 plan does not read every copy of it. The plan is in `snapshotPlans`
 * under the same id, written and deleted in the same transactions.
 */
export interface SnapshotRow {
  id: string;
  planId: string;
  /**
   * The planner's name ("gửi Sở, 02/01"); for `beforeRestore`, the name of the snapshot restored;
   * for `beforeImport`, the name the app gave it.
   */
  name: string;
  kind: SnapshotKind;
  /** ISO timestamp. */
  createdAt: string;
  /** The plan's revision when the snapshot was taken. */
  revision: number;
  indicatorCount: number;
}

export interface SnapshotPlanRow {
  id: string;
  plan: Plan;
}

/** One undoable change, as the UI keeps it: the command that undoes (or redoes) it, and its name. */
export interface HistoryEntry {
  command: Command;
  label: string;
}

/** A plan's undo and redo history, valid for the plan at `revision` only. */
export interface HistoryRow {
  planId: string;
  revision: number;
  undo: HistoryEntry[];
  redo: HistoryEntry[];
}

/**
 * A plan's lineage as this browser knows it (src/format/lineage.ts): the revision hashes of the
 * copies it exported or imported, with the lineages those files carried, oldest first; and which
 * of them it keeps the content of (`sharedRevisions`), oldest first.
 */
export interface LineageRow {
  planId: string;
  hashes: string[];
  held: string[];
}

/** The content of a revision this browser exported or imported: the base of a later three-way merge. */
export interface SharedRevisionRow {
  planId: string;
  hash: string;
  plan: Plan;
}

/**
 * What the plan list shows of a plan, kept beside it and written in the same transaction as every
 * write of the plan, so that the list (watched by every tab) never reads whole plans.
 */
export interface PlanSummaryRow {
  id: string;
  name: string;
  updatedAt: string;
  revision: number;
  indicatorCount: number;
  /**
   * Set when this version wrote the plan (validated on the way in, or made by commands), so that
   * reading it back need not validate it again; absent for rows the upgrade summarised from plans
   * an older version wrote, which are validated when read, as before.
   */
  checked?: true;
}

export type TableName = 'plans' | 'trash' | 'settings' | 'snapshots' | 'snapshotPlans' | 'history' | 'lineage' | 'sharedRevisions' | 'planSummaries';

/** One step of a schema upgrade, run by Dexie inside the version-change transaction. */
export type Upgrade = (tx: Transaction) => Promise<void>;

/** Upgrades record themselves here, for bug reports: `{ from, to, at }[]`. */
export const SETTING_UPGRADES = 'upgrades';

export interface UpgradeRecord {
  from: number;
  to: number;
  at: string;
}

/**
 * Version 1 → 2 adds tables and changes no row, so there is nothing to transform; the step only
 * records itself. It runs in the version-change transaction: if it fails, IndexedDB aborts the
 * whole upgrade and the database stays at version 1 with every row as it was.
 */
export const upgradeToV2: Upgrade = (tx) => recordUpgrade(tx, 1, 2);

/** Appends `{ from, to, at }` to the upgrades setting. */
async function recordUpgrade(tx: Transaction, from: number, to: number): Promise<void> {
  const settings = tx.table<SettingRow, string>('settings');
  const previous = (await settings.get(SETTING_UPGRADES))?.value;
  const records: UpgradeRecord[] = Array.isArray(previous) ? (previous as UpgradeRecord[]) : [];
  await settings.put({ key: SETTING_UPGRADES, value: [...records, { from, to, at: new Date().toISOString() }] });
}

/** The summary row of a plan; `checked` when this version is writing the plan itself. */
export function summaryRow(plan: Plan, checked: boolean): PlanSummaryRow {
  const row: PlanSummaryRow = {
    id: plan.id,
    name: plan.name,
    updatedAt: plan.updatedAt,
    revision: plan.revision,
    indicatorCount: Array.isArray(plan.indicators) ? plan.indicators.length : 0,
  };
  if (checked) row.checked = true;
  return row;
}

/**
 * Version 2 → 3 adds the lineage tables (empty: nothing was shared with a lineage before) and the
 * plan summaries, written here from every stored plan. It runs in the version-change transaction:
 * if it fails, the database stays at version 2 with every row as it was.
 */
export const upgradeToV3: Upgrade = async (tx) => {
  const summaries: PlanSummaryRow[] = [];
  await tx.table<Plan, string>('plans').each((plan) => {
    summaries.push(summaryRow(plan, false));
  });
  await tx.table<PlanSummaryRow, string>('planSummaries').bulkPut(summaries);
  await recordUpgrade(tx, 2, 3);
};

export interface ChitieuDatabaseOptions extends DexieOptions {
  /** Replaces a version's upgrade step (tests inject failing ones). */
  upgrades?: Partial<Record<2 | 3, Upgrade>>;
}

export class ChitieuDatabase extends Dexie {
  /** Whole plans, stored as they are in the plan file (primary key `id`). */
  declare plans: EntityTable<Plan, 'id'>;
  declare trash: EntityTable<TrashRow, 'id'>;
  declare settings: EntityTable<SettingRow, 'key'>;
  declare snapshots: EntityTable<SnapshotRow, 'id'>;
  declare snapshotPlans: EntityTable<SnapshotPlanRow, 'id'>;
  declare history: EntityTable<HistoryRow, 'planId'>;
  declare lineage: EntityTable<LineageRow, 'planId'>;
  declare sharedRevisions: Dexie.Table<SharedRevisionRow, [string, string]>;
  declare planSummaries: EntityTable<PlanSummaryRow, 'id'>;

  constructor(name: string = DATABASE_NAME, options: ChitieuDatabaseOptions = {}) {
    const { upgrades = {}, ...dexieOptions } = options;
    super(name, dexieOptions);
    // Shipped: never edit (versions 1 and 2).
    this.version(1).stores({
      plans: 'id, updatedAt, name',
      trash: 'id, deletedAt',
      settings: 'key',
    });
    this.version(2)
      .stores({
        snapshots: 'id, planId',
        snapshotPlans: 'id',
        history: 'planId',
      })
      .upgrade(upgrades[2] ?? upgradeToV2);
    this.version(3)
      .stores({
        lineage: 'planId',
        sharedRevisions: '[planId+hash], planId',
        planSummaries: 'id',
      })
      .upgrade(upgrades[3] ?? upgradeToV3);
  }
}
