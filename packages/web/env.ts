/** The Hono environment of the web app: the request id the web conventions set. */
export interface WebEnv {
  Variables: { requestId: string };
}
