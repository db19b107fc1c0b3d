import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PSEUDONYM_SECRET_KEY_FIELD, PSEUDONYM_SECRET_TEMPLATE } from '../../infra/stack';
import { GSI1, GSI2, TTL_ATTRIBUTE, tableDefinition } from '../../packages/store/schema';
import { defaultStack, getAtt, only, type Resource } from './template';

describe('MiAssessmentsStack with default settings', () => {
  const { t, id } = defaultStack();

  describe('table', () => {
    it('has exactly the key schema, attributes and GSIs of tableDefinition()', () => {
      const def = tableDefinition('ignored');
      const [, table] = only(t, 'AWS::DynamoDB::Table');

      expect(table.Properties.KeySchema).toEqual(def.KeySchema);
      expect(table.Properties.AttributeDefinitions).toEqual(def.AttributeDefinitions);
      expect(table.Properties.GlobalSecondaryIndexes).toEqual(def.GlobalSecondaryIndexes);
      expect(table.Properties.GlobalSecondaryIndexes.map((g: { IndexName: string }) => g.IndexName)).toEqual([GSI1, GSI2]);
      expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    });

    it('expires idempotency records on the TTL attribute the store writes', () => {
      t.hasResourceProperties('AWS::DynamoDB::Table', { TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } });
    });

    it('is point-in-time recoverable, deletion-protected, retained and encrypted with the rotating data key', () => {
      const [, table] = only(t, 'AWS::DynamoDB::Table');
      const dataKey = t.getResourceId('AWS::KMS::Key', { Properties: { Description: Match.stringLikeRegexp('assessments table') } });

      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
      expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: getAtt(dataKey) });
      expect([table.DeletionPolicy, table.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
    });

    it('is in a daily AWS Backup plan', () => {
      t.hasResourceProperties('AWS::Backup::BackupSelection', {
        BackupSelection: { Resources: Match.arrayWith([getAtt(id('AWS::DynamoDB::Table'))]) },
      });
      t.hasResourceProperties('AWS::Backup::BackupPlan', {
        BackupPlan: { BackupPlanRule: Match.arrayWith([Match.objectLike({ RuleName: 'Daily', Lifecycle: { DeleteAfterDays: 35 } })]) },
      });
    });
  });

  it('rotates every KMS key and retains it', () => {
    const keys = Object.values(t.findResources('AWS::KMS::Key')) as Resource[];

    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe('Retain');
    }
  });

  it('generates the pseudonym key at deploy, encrypted with the data key and retained', () => {
    const [, secret] = only(t, 'AWS::SecretsManager::Secret');
    const dataKey = t.getResourceId('AWS::KMS::Key', { Properties: { Description: Match.stringLikeRegexp('pseudonym key') } });

    expect(secret.Properties.SecretString).toBeUndefined();
    expect(secret.Properties.GenerateSecretString).toEqual({
      SecretStringTemplate: JSON.stringify(PSEUDONYM_SECRET_TEMPLATE),
      GenerateStringKey: PSEUDONYM_SECRET_KEY_FIELD,
      PasswordLength: 64,
      ExcludePunctuation: true,
      IncludeSpace: false,
    });
    expect(secret.Properties.KmsKeyId).toEqual(getAtt(dataKey));
    expect(secret.DeletionPolicy).toBe('Retain');
  });
});
