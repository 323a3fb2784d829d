import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../src/backoff';

describe('backoffDelay', () => {
  it.each([
    [0, 500],
    [1, 1000],
    [2, 2000],
    [5, 15_000],
    [100, 15_000],
  ])('doubles from 500 ms up to 15 s: attempt %i waits at most %i ms', (attempt, full) => {
    expect(backoffDelay(attempt, {}, () => 1)).toBe(full);
    expect(backoffDelay(attempt, {}, () => 0)).toBe(full / 2);
  });

  it('takes its bounds from the options', () => {
    expect(backoffDelay(0, { initialMs: 100, maxMs: 300 }, () => 1)).toBe(100);
    expect(backoffDelay(3, { initialMs: 100, maxMs: 300 }, () => 1)).toBe(300);
  });

  it('never goes below the initial delay for the cap', () => {
    expect(backoffDelay(4, { initialMs: 2000, maxMs: 1000 }, () => 1)).toBe(2000);
  });
});
