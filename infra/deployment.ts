import type { App } from 'aws-cdk-lib';
import { addComplianceChecks } from './nag';
import { settingsFromContext } from './settings';
import { MiAssessmentsStack } from './stack';

/**
 * The whole CDK app: one stack for the stage named in context, checked by the HIPAA Security and
 * AWS Solutions packs. infra/app.ts runs it for the CLI; the tests run it on their own `App`.
 * @example const stack = defineDeployment(new App({ context: { stage: 'prod' } }));
 */
export function defineDeployment(app: App): MiAssessmentsStack {
  const { account, region, ...settings } = settingsFromContext((key) => app.node.tryGetContext(key));
  const stack = new MiAssessmentsStack(app, `MiAssessments-${settings.stage}`, {
    ...(account || region ? { env: { account, region } } : {}),
    description: `MI Assessments API (${settings.stage})`,
    ...settings,
  });
  addComplianceChecks(app);
  return stack;
}
