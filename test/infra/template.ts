import type { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import { synthesize } from './synth';

/** A resource of the synthesized template, as the stack tests read it. */
export type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

/**
 * The one resource of `type` in the template (the test fails if there are more or none).
 * @example const [, table] = only(t, 'AWS::DynamoDB::Table');
 */
export const only = (template: Template, type: string): [string, Resource] => {
  const found = Object.entries(template.findResources(type)) as [string, Resource][];
  expect(found, type).toHaveLength(1);
  return found[0]!;
};

/**
 * The one resource of `type` whose logical id starts with `prefix` (`Api`, `Web`: the two functions' constructs).
 * @example const [, web] = ofConstruct(t, 'AWS::Lambda::Function', 'Web');
 */
export const ofConstruct = (template: Template, type: string, prefix: string): [string, Resource] => {
  const found = (Object.entries(template.findResources(type)) as [string, Resource][]).filter(([logicalId]) =>
    logicalId.startsWith(prefix),
  );
  expect(found, `${type} of ${prefix}`).toHaveLength(1);
  return found[0]!;
};

/** `Fn::GetAtt` of a resource's Arn. @example getAtt('Table') */
export const getAtt = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });
/** `Ref` of a resource. @example ref('Table') */
export const ref = (logicalId: string) => ({ Ref: logicalId });

/**
 * The stack with default settings, synthesized when the file's tests are collected, and `id(type)`:
 * the logical id of the template's one resource of that type.
 * @example const { t, id } = defaultStack(); it('…', () => expect(id('AWS::SNS::Topic')).toMatch(/^Alarms/));
 */
export function defaultStack(): { t: Template; id: (type: string) => string } {
  const t = synthesize().template;
  return { t, id: (type) => only(t, type)[0] };
}
