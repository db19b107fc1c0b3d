import type { AppExtension } from '../api/context';
import { problem, problemResponse } from '../api/problem';
import { WEB_METHODS, WEB_PREFIXES } from './site';

/**
 * 405 with `Allow: GET, HEAD` for any other method under a web prefix (`POST /docs`), as the API
 * answers a known `/v1` path with a wrong method. These requests reach the API, not the web app:
 * the stack routes only GET under the web prefixes to the web function and everything else to the
 * API, and `npm start` does the same (site.ts `isWebRequest`). So the rule lives here, mounted on
 * the API by the functions layer; every path under a prefix is the web layer's, so it answers 405
 * rather than guess which of them exist. GET and HEAD, should they arrive, stay the 404 they were.
 * @example createApp({ store, pseudonymizer, extensions: [webMethodsExtension()] })
 */
export function webMethodsExtension(): AppExtension {
  const allow = WEB_METHODS.join(', ');
  return (app) => {
    for (const prefix of WEB_PREFIXES) {
      app.all(`${prefix}/*`, (c, next) => {
        if (WEB_METHODS.includes(c.req.method)) return next();
        return problemResponse(c, problem('method-not-allowed', 'This path answers GET and HEAD only; see the Allow header.'), { allow });
      });
    }
  };
}
