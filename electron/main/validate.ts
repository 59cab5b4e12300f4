/**
 * Argument checks for IPC handlers: small composable checkers that either return the value, typed,
 * or throw BadRequest naming the argument. Everything from the renderer is untrusted until checked.
 */
import { isAbsolute } from 'node:path';

/** An argument that failed validation; the handler answers with code 'bad-request'. */
export class BadRequest extends Error {
  readonly code = 'bad-request';
  constructor(message: string) {
    super(message);
    this.name = 'BadRequest';
  }
}

/** Checks one value; `at` names it in the message. */
export type Check<T> = (value: unknown, at: string) => T;

const MAX_STRING = 10_000;
const MAX_PATH = 4_096;

/** A string of at most `max` characters (10,000 by default), non-empty unless allowed. */
export function str(options: { max?: number; allowEmpty?: boolean } = {}): Check<string> {
  const max = options.max ?? MAX_STRING;
  return (value, at) => {
    if (typeof value !== 'string') throw new BadRequest(`${at} must be text.`);
    if (value.length > max) throw new BadRequest(`${at} is longer than ${max} characters.`);
    if (!options.allowEmpty && value.length === 0) throw new BadRequest(`${at} must not be empty.`);
    return value;
  };
}

/** An absolute file system path without NUL characters. */
export const absPath: Check<string> = (value, at) => {
  const path = str({ max: MAX_PATH })(value, at);
  if (path.includes('\0')) throw new BadRequest(`${at} contains a NUL character.`);
  if (!isAbsolute(path)) throw new BadRequest(`${at} must be an absolute path.`);
  return path;
};

/** A finite number within [min, max], integral when asked. */
export function num(min: number, max: number, options: { integer?: boolean } = {}): Check<number> {
  return (value, at) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new BadRequest(`${at} must be a number.`);
    if (options.integer && !Number.isInteger(value)) throw new BadRequest(`${at} must be a whole number.`);
    if (value < min || value > max) throw new BadRequest(`${at} must be between ${min} and ${max}.`);
    return value;
  };
}

/** true or false. */
export const bool: Check<boolean> = (value, at) => {
  if (typeof value !== 'boolean') throw new BadRequest(`${at} must be true or false.`);
  return value;
};

/** One of a fixed set of strings. */
export function oneOf<const T extends string>(...allowed: T[]): Check<T> {
  return (value, at) => {
    if (typeof value !== 'string' || !(allowed as string[]).includes(value)) {
      throw new BadRequest(`${at} must be one of ${allowed.join(', ')}.`);
    }
    return value as T;
  };
}

/** The checked value, or null. */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, at) => (value === null ? null : check(value, at));
}

/** The checked value, or undefined when the field is absent. */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, at) => (value === undefined ? undefined : check(value, at));
}

/** An array of at most `max` items, each checked. */
export function list<T>(check: Check<T>, max: number): Check<T[]> {
  return (value, at) => {
    if (!Array.isArray(value)) throw new BadRequest(`${at} must be a list.`);
    if (value.length > max) throw new BadRequest(`${at} has more than ${max} items.`);
    return value.map((v, i) => check(v, `${at}[${i}]`));
  };
}

/** An array of at most `max` distinct items, each checked. */
export function distinctList<T>(check: Check<T>, max: number): Check<T[]> {
  return (value, at) => {
    const out = list(check, max)(value, at);
    if (new Set(out).size !== out.length) throw new BadRequest(`${at} names an item twice.`);
    return out;
  };
}

type Shape = Record<string, Check<unknown>>;
type Checked<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

/** A plain object with exactly these keys (no more, no fewer), each checked. */
export function obj<S extends Shape>(shape: S): Check<Checked<S>> {
  return (value, at) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new BadRequest(`${at} must be an object.`);
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new BadRequest(`${at} must be a plain object.`);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!Object.hasOwn(shape, key)) throw new BadRequest(`${at} has an unexpected field "${key}".`);
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) out[key] = shape[key](record[key], `${at}.${key}`);
    return out as Checked<S>;
  };
}

/** Checks an argument list: exactly these arguments, in order. */
export function args<const C extends readonly Check<unknown>[]>(
  ...checks: C
): (values: unknown[]) => { -readonly [I in keyof C]: ReturnType<C[I]> } {
  return (values) => {
    if (values.length !== checks.length) {
      throw new BadRequest(`Expected ${checks.length} argument(s), got ${values.length}.`);
    }
    return checks.map((check, i) => check(values[i], `argument ${i + 1}`)) as {
      -readonly [I in keyof C]: ReturnType<C[I]>;
    };
  };
}
