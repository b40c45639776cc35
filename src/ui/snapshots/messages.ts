/**
 * The strings of the snapshots panel, in Vietnamese (the first language) and English; the English
 * table is typed by the Vietnamese one, as in src/ui/i18n/messages.ts.
 */
import { lang } from '../i18n/index.ts';

const vi = {
  title: 'Bản lưu',
  close: 'Đóng',
  hint: 'Giữ lại kế hoạch như lúc này (ví dụ trước khi gửi Sở) để so sánh hoặc quay lại sau.',
  nameLabel: 'Tên bản lưu',
  /** The default name: "Bản lưu 02/01 14:30". */
  defaultName: (when: string) => `Bản lưu ${when}`,
  create: 'Lưu bản này',
  empty: 'Chưa có bản lưu nào.',
  listLabel: 'Các bản lưu, mới nhất trước',
  beforeRestore: (name: string) => `Trước khi khôi phục “${name}”`,
  automatic: 'tự động',
  meta: (when: string, indicators: number) => `${when} · ${indicators} chỉ tiêu`,
  compare: 'So với hiện tại',
  restore: 'Khôi phục',
  delete: 'Xoá',
  cancel: 'Huỷ',
  restoreTitle: 'Khôi phục bản lưu?',
  restoreBody: (name: string) =>
    `Kế hoạch sẽ trở lại như trong bản lưu “${name}”. Kế hoạch hiện tại được giữ lại thành một bản lưu “Trước khi khôi phục”, nên có thể quay lại.`,
  deleteTitle: 'Xoá bản lưu?',
  deleteBody: (name: string) => `Bản lưu “${name}” sẽ bị xoá hẳn. Kế hoạch hiện tại không thay đổi.`,
};

export type SnapshotMessages = typeof vi;

const en: SnapshotMessages = {
  title: 'Snapshots',
  close: 'Close',
  hint: 'Keep the plan as it is now (say, before sending it to the Department) to compare with or go back to later.',
  nameLabel: 'Snapshot name',
  defaultName: (when) => `Snapshot ${when}`,
  create: 'Keep this version',
  empty: 'No snapshots yet.',
  listLabel: 'Snapshots, newest first',
  beforeRestore: (name) => `Before restoring "${name}"`,
  automatic: 'automatic',
  meta: (when, indicators) => `${when} · ${indicators} ${indicators === 1 ? 'indicator' : 'indicators'}`,
  compare: 'Compare with now',
  restore: 'Restore',
  delete: 'Delete',
  cancel: 'Cancel',
  restoreTitle: 'Restore this snapshot?',
  restoreBody: (name) =>
    `The plan will go back to how it was in "${name}". The current plan is kept as a "Before restoring" snapshot, so this can be undone.`,
  deleteTitle: 'Delete this snapshot?',
  deleteBody: (name) => `The snapshot "${name}" will be deleted for good. The current plan does not change.`,
};

const MESSAGES = { vi, en };

/** The strings of the current language (reactive: read it inside a tracking scope). */
export function m(): SnapshotMessages {
  return MESSAGES[lang()];
}

/** dd/MM HH:mm in local time, as planners write it ("02/01 14:30"), whatever the language. */
export function shortWhen(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getDate())}/${two(date.getMonth() + 1)} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
