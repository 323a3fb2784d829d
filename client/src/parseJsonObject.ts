// Text that should hold a JSON object (a problem document, the hydration script), read leniently:
// a malformed or unexpected body is treated as absent rather than thrown.

import { isRecord } from './isRecord';

/**
 * The JSON object that `text` holds, or `undefined` when the text is not JSON or its value is not
 * an object (an array, a string, `null`...).
 *
 * @example
 * parseJsonObject('{"status": 404}'); // { status: 404 }
 * parseJsonObject('[1, 2]');          // undefined
 * parseJsonObject('<html>');          // undefined
 */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isRecord(value) ? value : undefined;
}
