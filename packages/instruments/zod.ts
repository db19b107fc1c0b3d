import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/** The message of an object's unknown keys: a count, never the keys (they are submitted text). */
export const unknownFields = (n: number) => (n === 1 ? 'Unknown field.' : `${n} unknown fields.`);

/**
 * The zod every module that runs in Lambda uses (packages/, functions/): `zod/mini`, with zod's
 * English messages (infra/ runs only at synth time and may use classic zod). The functional
 * mini API builds and checks the same schemas as classic zod at about half the bundle size and a
 * fraction of the construction cost, which a Lambda cold start pays (`npm run bench:coldstart`).
 * Import it as `import * as z from '…/instruments/zod'`, never from 'zod' directly, so the
 * messages are always configured (a namespace re-export would defeat tree-shaking: esbuild would
 * keep every locale).
 *
 * why: zod's English message for unknown keys lists every key; a body of 7,000 short keys then
 * gave an error of hundreds of MB and echoed submitted text. Every strict object says how many
 * unknown keys it found instead; the other English messages name types and bounds, never input.
 * @example import * as z from '../instruments/zod'; z.optional(z.string().check(z.maxLength(5)))
 */
config({
  ...en(),
  customError: (issue) => (issue.code === 'unrecognized_keys' ? unknownFields(issue.keys.length) : undefined),
});

export * from 'zod/mini';
