import { composeApp } from '../../functions/app';
import { generateApiKey } from '../../packages/api/api-keys';
import type { AppDeps } from '../../packages/api/app';
import { SCOPES, type Scope } from '../../packages/domain/records';
import { NOW, pseudonymizer } from '../support/api';
import { type TestTable, testTable } from '../support/dynamo';

export interface FhirTestApi {
  table: TestTable;
  app: ReturnType<typeof composeApp>;
  logs: Record<string, unknown>[];
  keyFor(clinicId: string, scopes?: Scope[]): Promise<string>;
  /** Sends a request (a JSON body as `application/fhir+json` unless `headers` says otherwise) and parses the answer. */
  call(
    method: string,
    path: string,
    options?: { key?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: any; text: string }>;
}

/**
 * The composed app (`/v1` and `/fhir/r4`) on its own DynamoDB Local table, with captured logs.
 * @example const api = await fhirTestApi(); const key = await api.keyFor('clinic-a');
 */
export async function fhirTestApi(deps: Partial<AppDeps> = {}): Promise<FhirTestApi> {
  const table = await testTable();
  const logs: Record<string, unknown>[] = [];
  const app = composeApp({ store: table.store, pseudonymizer, now: () => NOW, log: (entry) => logs.push(entry), ...deps });
  return {
    table,
    app,
    logs,
    async keyFor(clinicId, scopes = [...SCOPES]) {
      const { key, record } = generateApiKey(clinicId, scopes, NOW);
      await table.store.putApiKey(record);
      return key;
    },
    async call(method, path, { key, body, raw, headers = {} } = {}) {
      const res = await app.request(path, {
        method,
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/fhir+json' } : {}),
          ...headers,
        },
        ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    },
  };
}
