/**
 * Tables looked up by names taken from documents. A plain object literal answers
 * `constructor`, `toString`, `__proto__`, `hasOwnProperty` or `valueOf` with
 * `Object.prototype`'s members, so a key with such a name in a template would read as a known
 * property, section or function ("function Object() { [native code] }"). A table built here
 * has no prototype: every name it was not given is `undefined`.
 */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** An empty object without a prototype, to fill with document-supplied keys. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
