import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * The zod every module that runs in Lambda uses (packages/, functions/): `zod/mini`, with zod's
 * English messages (infra/ runs only at synth time and may use classic zod). The functional
 * mini API builds and checks the same schemas as classic zod at about half the bundle size and a
 * fraction of the construction cost, which a Lambda cold start pays (`npm run bench:coldstart`).
 * Import it as `import * as z from '…/instruments/zod'`, never from 'zod' directly, so the
 * messages are always configured (a namespace re-export would defeat tree-shaking: esbuild would
 * keep every locale).
 * @example import * as z from '../instruments/zod'; z.optional(z.string().check(z.maxLength(5)))
 */
config(en());

export * from 'zod/mini';
