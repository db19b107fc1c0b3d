/**
 * A value built on first call and reused after. Instruments and request schemas are built this way
 * so a Lambda cold start builds only what its first request needs (`npm run bench:coldstart`).
 * @example const schema = once(() => buildSchema()); schema() === schema() // true, built once
 */
export function once<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
