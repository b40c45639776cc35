/**
 * Scrolling the 1,000 × 120 plan as a planner does, with the mouse wheel: down through the rows,
 * back up, then right across the 120 monthly columns and back. Smooth means the page keeps
 * drawing frames while it scrolls: reported are the intervals between animation frames during
 * the scroll (median, 95th percentile, longest), the frames that took longer than two frame
 * intervals (a visible stutter), the tasks over 50 ms (longtask API), and whether every row and
 * column scrolled into view was drawn with its values by the end of the frame after the last
 * wheel step (no blank rows left behind).
 */
import type { Page } from '@playwright/test';
import { settle } from './chromium.ts';

export interface ScrollRun {
  /** Intervals between consecutive animation frames while the wheel turned. */
  frameIntervalsMs: number[];
  /** Frames whose interval exceeded two frames (33.4 ms). */
  slowFrames: number;
  longTasksMs: number[];
  /** Wheel steps made, and in how many of them the rows on screen were all drawn when checked. */
  steps: number;
  drawnSteps: number;
}

interface ScrollProbe {
  frames: number[];
  longTasks: number[];
  running: boolean;
}

const TWO_FRAMES_MS = 1000 / 60 * 2;

/** Whether every row AG Grid shows in the viewport has its cells drawn with a value. */
function rowsDrawn(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.plan-grid .ag-grid-viewport');
    if (!viewport) return false;
    const box = viewport.getBoundingClientRect();
    // The row elements holding period cells (AG Grid draws the frozen name columns apart).
    const rows = [...document.querySelectorAll<HTMLElement>('.plan-grid .ag-row[row-id^="i:"]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.bottom > box.top && r.top < box.bottom && row.querySelector('[col-id^="p:"]') !== null;
    });
    return rows.length > 0 && rows.every((row) => [...row.querySelectorAll('[col-id^="p:"]')].some((cell) => (cell.textContent ?? '').trim() !== ''));
  });
}

export async function runScroll(page: Page, options: { stepsEachWay: number; pixelsPerStep: number }): Promise<ScrollRun> {
  await settle(page);
  const grid = page.locator('.plan-grid .ag-grid-viewport').first();
  const box = await grid.boundingBox();
  if (!box) throw new Error('the grid is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

  await page.evaluate(() => {
    const probe: ScrollProbe = { frames: [], longTasks: [], running: true };
    (window as unknown as { __scroll: ScrollProbe }).__scroll = probe;
    const tick = (t: number) => {
      if (!probe.running) return;
      probe.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      if (probe.running) for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });

  let steps = 0;
  let drawnSteps = 0;
  const wheel = async (dx: number, dy: number) => {
    await page.mouse.wheel(dx, dy);
    steps++;
    // Checked after the next frame: what the planner sees once the wheel step is drawn.
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    if (await rowsDrawn(page)) drawnSteps++;
  };
  const step = options.pixelsPerStep;
  for (let i = 0; i < options.stepsEachWay; i++) await wheel(0, step);
  for (let i = 0; i < options.stepsEachWay; i++) await wheel(0, -step);
  for (let i = 0; i < options.stepsEachWay; i++) await wheel(step, 0);
  for (let i = 0; i < options.stepsEachWay; i++) await wheel(-step, 0);

  const probe = await page.evaluate(() => {
    const p = (window as unknown as { __scroll: ScrollProbe }).__scroll;
    p.running = false;
    return { frames: p.frames, longTasks: p.longTasks };
  });
  const frameIntervalsMs = probe.frames.slice(1).map((t, i) => t - (probe.frames[i] as number));
  return {
    frameIntervalsMs,
    slowFrames: frameIntervalsMs.filter((x) => x > TWO_FRAMES_MS).length,
    longTasksMs: probe.longTasks,
    steps,
    drawnSteps,
  };
}
