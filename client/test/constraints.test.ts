import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import table from '../../protocol/constraints.json';
// Written by the Maven build (process-test-classes) from io.mizan.codegen.constraints.ConstraintFixture:
// run `mvn -o process-test-classes` once before vitest on its own.
import { constraintFixtureSchema } from './generated/constraints/schemas';

interface Case {
  value?: unknown;
  today?: number;
  valid: boolean;
  zod?: false;
  reason?: string;
}

interface Group {
  property: string;
  constraint: string;
  type: string;
  zod?: false;
  reason?: string;
  cases: Case[];
}

// Read as plain data: the file is edited by both sides, its literal types are not the contract.
const groups = (table as unknown as { constraints: Group[] }).constraints;
const shape: Record<string, z.ZodTypeAny> = constraintFixtureSchema.shape;

/** The local date `days` from today, as compareToNow reads today. */
function today(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
}

function valueOf(c: Case): unknown {
  return c.today === undefined ? c.value : today(c.today);
}

/** A value as JSON with every character outside printable ASCII escaped, for a readable test name. */
function show(value: unknown): string {
  return (JSON.stringify(value) ?? 'undefined').replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function rows(group: Group): [string, Case][] {
  return group.cases.map((c) => [show(valueOf(c)), c]);
}

describe('protocol/constraints.json (shared with the server)', () => {
  it('has a generated schema for every property, and no other', () => {
    expect(groups.map((g) => g.property).sort()).toEqual(Object.keys(shape).sort());
  });

  describe.each(groups.filter((g) => g.zod !== false).map((g) => [`${g.property}: ${g.constraint}`, g] as const))(
    '%s',
    (_name, group) => {
      const schema = shape[group.property]!;

      it.each(rows(group).filter(([, c]) => c.zod !== false))('%s', (_value, c) => {
        expect(schema.safeParse(valueOf(c)).success).toBe(c.valid);
      });

      // a known difference stays known: once the schema agrees with the server, the mark must go
      it.each(rows(group).filter(([, c]) => c.zod === false))('%s differs from the server', (_value, c) => {
        expect(schema.safeParse(valueOf(c)).success).toBe(!c.valid);
      });
    },
  );

  describe.each(groups.filter((g) => g.zod === false).map((g) => [`${g.property}: ${g.constraint}`, g] as const))(
    '%s (no Zod form: the server alone checks it)',
    (_name, group) => {
      it.each(rows(group))('%s passes the client', (_value, c) => {
        expect(shape[group.property]!.safeParse(valueOf(c)).success).toBe(true);
      });
    },
  );
});

// The server reads an int or a long only within its Java range (a 400 beyond it): the schema says so first,
// as a field's message a form can show.
describe('whole numbers within their Java type', () => {
  const message = (result: z.SafeParseReturnType<unknown, unknown>) =>
    result.success ? undefined : result.error.issues[0]?.message;

  it('an int takes 2147483647 and -2147483648 and no number beyond', () => {
    const positive = shape['positive']!;
    expect(positive.safeParse(2147483647).success).toBe(true);
    expect(message(positive.safeParse(2147483648))).toBe('must be between -2147483648 and 2147483647');
    const max = shape['max']!;
    expect(max.safeParse(-2147483648).success).toBe(true);
    expect(message(max.safeParse(-2147483649))).toBe('must be between -2147483648 and 2147483647');
  });

  it('a long takes the numbers JavaScript writes within it: none from 2^63, nor -2^63 (written -9223372036854776000)', () => {
    const negative = shape['negative']!;
    expect(negative.safeParse(-(2 ** 63) + 2048).success).toBe(true);
    expect(message(negative.safeParse(-(2 ** 63)))).toBe('must be between -9223372036854775808 and 9223372036854775807');
    const maxLong = shape['maxLong']!;
    expect(maxLong.safeParse(2 ** 53).success).toBe(true);
    expect(message(shape['minDouble']!.safeParse(Infinity))).toBe('Number must be finite'); // JSON writes null
  });
});

// The server reads a date, time or moment only in the ISO-8601 form of its Java type (a 400 otherwise): the
// schema says so first, with the form the server names.
describe('dates and times in the form of their Java type', () => {
  const verdict = (property: string, value: string) => {
    const result = shape[property]!.safeParse(value);
    return result.success ? 'valid' : result.error.issues[0]?.message;
  };

  it('a LocalDate is a day that exists, with a four-digit year or a signed longer one', () => {
    expect(verdict('past', '2024-02-29')).toBe('valid');
    for (const text of ['2023-02-29', '2024-02-30', '2024-13-01', '2024-1-1', '20255-01-01', '2025-01-31T10:15']) {
      expect(verdict('past', text), text).toBe('must be an ISO-8601 date string (2025-01-31)');
    }
  });

  it('an Instant has its seconds and an offset; a local date-time has no offset', () => {
    expect(verdict('pastInstant', '2020-01-31T10:15:00+01:00')).toBe('valid');
    expect(verdict('pastInstant', '2020-01-31T10:15:00.123Z')).toBe('valid');
    for (const text of ['2020-01-31T10:15Z', '2020-01-31T10:15:00', '2020-01-31 10:15:00Z']) {
      expect(verdict('pastInstant', text), text).toBe('must be an ISO-8601 date-time string (2025-01-31T10:15:30Z)');
    }
    expect(verdict('futureOrPresentLocal', '2999-01-31T10:15')).toBe('valid');
    expect(verdict('futureOrPresentLocal', '2999-01-31T10:15:00Z')).toBe(
      'must be an ISO-8601 date-time string (2025-01-31T10:15:30)',
    );
  });

  it('an OffsetDateTime needs its offset, a ZonedDateTime may add its zone, a LocalTime stops before 24:00', () => {
    expect(verdict('futureOffset', '2999-01-31T10:15+01:00')).toBe('valid');
    expect(verdict('futureOffset', '2999-01-31T10:15')).toBe(
      'must be an ISO-8601 date-time string (2025-01-31T10:15:30+01:00)',
    );
    expect(verdict('pastOrPresentZoned', '2020-01-31T10:15:30+01:00[Europe/Paris]')).toBe('valid');
    expect(verdict('pastOrPresentZoned', '2020-01-31T10:15:30[Europe/Paris]')).toBe(
      'must be an ISO-8601 date-time string (2025-01-31T10:15:30+01:00[Europe/Paris])',
    );
    expect(verdict('pastTime', '23:59:59.999999999')).toBe('valid');
    expect(verdict('pastTime', '24:00')).toBe('must be an ISO-8601 time string (10:15:30)');
  });
});
