/** @module `Wire<T>`: a server type as JSON carries it to the web app, every `Date` turned into its ISO string. */

/** `JSON.stringify` writes a Date with `toISOString()`: read server types through this, never copy them with `string`. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
