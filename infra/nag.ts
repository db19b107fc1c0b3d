import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, type NagPack } from 'cdk-nag';

/**
 * Registers the HIPAA Security and AWS Solutions rule packs on the app (cdk-nag 3 runs them as
 * CDK policy-validation plugins at synth). Findings are acknowledged next to the construct they
 * concern, with `acknowledge()` in stack.ts.
 * @example const packs = addComplianceChecks(app);
 */
export function addComplianceChecks(app: App): NagPack[] {
  const packs = [new HIPAASecurityChecks(app, { verbose: true }), new AwsSolutionsChecks(app, { verbose: true })];
  Validations.of(app).addPlugins(...packs);
  return packs;
}
