import { describe, expect, it } from 'vitest';
import { isAbortError } from '../src/isAbortError';

function aborted(reason?: unknown): AbortSignal {
  const controller = new AbortController();
  controller.abort(reason);
  return controller.signal;
}

describe('isAbortError', () => {
  it.each([
    ['a DOMException named AbortError', new DOMException('aborted', 'AbortError'), true],
    ['any error named AbortError', Object.assign(new Error('stop'), { name: 'AbortError' }), true],
    ['a plain object named AbortError', { name: 'AbortError' }, true],
    ['a TypeError from fetch', new TypeError('Failed to fetch'), false],
    ['a DOMException of another name', new DOMException('late', 'TimeoutError'), false],
    ['a string', 'AbortError', false],
    ['null', null, false],
    ['undefined', undefined, false],
  ])('%s without a signal gives %s', (_what, error, expected) => {
    expect(isAbortError(error)).toBe(expected);
  });

  it('is true for any error once the signal is aborted, whatever its reason', () => {
    expect(isAbortError(new Error('custom reason'), aborted(new Error('custom reason')))).toBe(true);
    expect(isAbortError('gone', aborted('gone'))).toBe(true);
  });

  it('goes by the error alone while the signal is live', () => {
    const live = new AbortController().signal;
    expect(isAbortError(new TypeError('Failed to fetch'), live)).toBe(false);
    expect(isAbortError(new DOMException('aborted', 'AbortError'), live)).toBe(true);
  });
});
