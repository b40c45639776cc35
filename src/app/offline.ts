/**
 * The service worker that makes the app work offline. A new version waits until the planner
 * says "reload": pending saves are flushed first, so an update never costs an edit.
 */
import { registerSW } from 'virtual:pwa-register';

export function registerOffline(onUpdateReady: (update: () => Promise<void>) => void): void {
  if (!('serviceWorker' in navigator)) return;
  const updateSW = registerSW({
    onNeedRefresh() {
      onUpdateReady(() => updateSW(true));
    },
  });
}
