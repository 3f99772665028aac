// Eleventy gives every page its own deep copy of each plain object in the
// global data (`@11ty/eleventy-utils` Merge), except of frozen objects, which
// all pages share. The site's global data is never changed once read, and its
// copies were most of the build's memory: the content editor's configuration
// (about 16 KB of JSON) and both languages' strings (9 KB), copied for each of
// 4,400 pages, and again for every page on each save of `npm start`. Frozen,
// one copy serves every page, and code that tried to change it would fail
// loudly instead of changing one page's copy.

/** Freezes `value` and every object and array inside it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  // Class instances (a Date, a Map) keep their own behaviour: only plain data is frozen.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && !Array.isArray(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
