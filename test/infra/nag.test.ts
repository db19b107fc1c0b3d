import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, type NagPack } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesize } from './synth';

/** Every `Validations.of(x).acknowledge()` in the app: rule id, construct path, reason. */
function acknowledgements(app: App) {
  return app.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .map(([id, reason]) => ({ id: id.replace(/^annotation::/i, ''), path: c.node.path, reason })),
  );
}

/** What a pack finds with every acknowledgement ignored (cdk-nag checks them in `isAcknowledged`). */
function rawFindings(pack: NagPack, app: App) {
  Object.assign(pack, { isAcknowledged: () => false });
  return pack
    .validateScope(app)
    .violations.flatMap((v) => v.violatingResources.map((r) => ({ id: v.ruleName, path: r.constructPath ?? '' })));
}

describe('cdk-nag HIPAA Security and AWS Solutions packs', () => {
  let synth: Synthesized;
  beforeAll(() => {
    synth = synthesize(); // throws ValidationFailed on any unacknowledged error-level finding
  });

  it('leave no unacknowledged finding of any level in the synth report', () => {
    const report = JSON.parse(readFileSync(join(synth.directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; violations?: unknown[] }[];
    };
    expect(report.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);
  });

  it.each([
    ['HIPAA.Security', HIPAASecurityChecks],
    ['AwsSolutions', AwsSolutionsChecks],
  ] as const)('leave no unacknowledged finding when %s is run directly', (_, Pack) => {
    const result = new Pack().validateScope(synth.app);
    expect(result.violations).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('acknowledge only findings that exist, each on the construct it concerns, with a reason', () => {
    const findings = [new HIPAASecurityChecks(), new AwsSolutionsChecks()].flatMap((pack) => rawFindings(pack, synth.app));
    const acks = acknowledgements(synth.app);

    for (const ack of acks) {
      expect(
        findings.some((f) => f.id === ack.id && (f.path === ack.path || f.path.startsWith(`${ack.path}/`))),
        `${ack.id} on ${ack.path}`,
      ).toBe(true);
      expect(ack.reason.length, ack.id).toBeGreaterThan(80);
    }
    // APIG4 once per route ($default and the web function's twelve: GET and HEAD on six paths); the Lambda findings once per function (API, web).
    expect(acks.map((a) => a.id).sort()).toEqual([
      ...Array(13).fill('AwsSolutions-APIG4'),
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      'AwsSolutions-L1',
      'AwsSolutions-L1',
      'AwsSolutions-SMG4',
      'HIPAA.Security-LambdaDLQ',
      'HIPAA.Security-LambdaDLQ',
      'HIPAA.Security-LambdaInsideVPC',
      'HIPAA.Security-LambdaInsideVPC',
      'HIPAA.Security-SecretsManagerRotationEnabled',
    ]);
    expect(findings.length).toBe(acks.length);
  });
});
