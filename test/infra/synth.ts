import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { defineDeployment } from '../../infra/deployment';
import type { MiAssessmentsStack } from '../../infra/stack';

/** cdk.json's context (the feature flags `cdk synth` runs with). */
export const CDK_JSON_CONTEXT = (
  JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> }
).context;

export interface Synthesized {
  app: App;
  stack: MiAssessmentsStack;
  template: Template;
  /** The cloud assembly directory (holds validation-report.json). */
  directory: string;
}

/**
 * Synthesizes the deployment as `cdk synth` would (cdk.json context plus `context`, nag packs
 * registered) but with bundling skipped, so no esbuild run and no network.
 * @example const { template } = synthesize({ stage: 'prod' });
 */
export function synthesize(context: Record<string, string> = {}): Synthesized {
  const app = new App({ context: { ...CDK_JSON_CONTEXT, ...context, 'aws:cdk:bundling-stacks': [] } });
  const stack = defineDeployment(app);
  const assembly = app.synth();
  return { app, stack, template: Template.fromStack(stack), directory: assembly.directory };
}
