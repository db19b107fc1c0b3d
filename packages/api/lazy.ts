/**
 * A module imported on first use and kept: later calls get the same settled promise, so a hot
 * path pays one microtask, not a module lookup; a failed import is retried on the next call.
 * Modules loaded this way stay out of a cold start (docs/architecture.md, "Cold start").
 * @example const useCases = lazyImport(() => import('./assessments')); (await useCases()).scoreOnly(body)
 */
export function lazyImport<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
