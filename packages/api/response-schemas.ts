import { once } from '../instruments/once';
import { analyticsSchemas } from './response-analytics';
import { catalogSchemas } from './response-catalog';
import { guidanceCatalogSchema, guidanceSchemas } from './response-guidance';
import { keySchemas } from './response-keys';
import { perInstrumentSchemas, resultSchemas } from './response-results';

/**
 * The response shapes, for the OpenAPI document only (responses are built by code, not parsed):
 * built on the first request for the document, one module per concern. The order below is the
 * order of the document's components (they are read from zod's registry in the order they were
 * named), so it stays as it is.
 * @example responseSchemas().assessmentView // the `Assessment` component
 */
export const responseSchemas = once(() => {
  const { promptLabels, guidanceItem, guidance } = guidanceSchemas();
  const typed = perInstrumentSchemas();
  const { scoredResult, assessmentView, assessmentPage, problemSchema, batchResponse } = resultSchemas(typed, guidance);
  const { trajectoryResponse, aggregatesResponse, exportAudit, exportAuditPage, exportRow } = analyticsSchemas(typed, guidanceItem);
  const guidanceCatalog = guidanceCatalogSchema(promptLabels);
  const { instrumentList, instrumentCatalog, health, ready } = catalogSchemas();
  const { currentKey } = keySchemas();

  return {
    guidanceCatalog,
    health,
    ready,
    instrumentList,
    instrumentCatalog,
    scoredResult,
    assessmentView,
    assessmentPage,
    batchResponse,
    problemSchema,
    trajectoryResponse,
    aggregatesResponse,
    exportAudit,
    exportAuditPage,
    exportRow,
    currentKey,
  };
});

export type ResponseSchemas = ReturnType<typeof responseSchemas>;
