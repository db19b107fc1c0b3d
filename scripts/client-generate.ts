import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../packages/api/openapi';

/** Where the typed client's generated types live (committed; a test fails when they are stale). */
export const GENERATED_TYPES = resolve(fileURLToPath(import.meta.url), '../../packages/client/generated/openapi.d.ts');

const HEADER = `/**
 * Generated from the API's OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with \`npm run client:generate\`.
 */

`;

/**
 * The TypeScript types of the current OpenAPI document, as `npm run client:generate` writes them.
 * @example writeFileSync(GENERATED_TYPES, await generateClientTypes())
 */
export async function generateClientTypes(): Promise<string> {
  // A deep copy: openapi-typescript annotates the object it is given.
  const document = structuredClone(openApiDocument());
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], { alphabetize: false });
  return HEADER + astToString(ast);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(GENERATED_TYPES, await generateClientTypes());
  console.log(`wrote ${GENERATED_TYPES}`);
}
