/**
 * The IndexedDB database, through Dexie. Only `src/storage` touches it.
 *
 * Versions are explicit and never edited once shipped: a change of tables or indexes is a new
 * `this.version(n)` with an upgrade function and a fixture database of every earlier version
 * (docs/decisions/0004-storage.md).
 */
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { Plan } from '../engine/model/plan.ts';

export const DATABASE_NAME = 'chitieu';

/** The newest schema version this build understands (Dexie's number; IndexedDB sees ×10). */
export const DATABASE_VERSION = 1;

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

export type TableName = 'plans' | 'trash' | 'settings';

export class ChitieuDatabase extends Dexie {
  /** Whole plans, stored as they are in the plan file (primary key `id`). */
  declare plans: EntityTable<Plan, 'id'>;
  declare trash: EntityTable<TrashRow, 'id'>;
  declare settings: EntityTable<SettingRow, 'key'>;

  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      plans: 'id, updatedAt, name',
      trash: 'id, deletedAt',
      settings: 'key',
    });
  }
}
