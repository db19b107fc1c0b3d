import { type CatalogSummary, catalogSummary } from './catalog';
import { contemplationLadder } from './contemplation-ladder';
import { decisionalBalance } from './decisional-balance';
import { decisionalBalanceAlcohol } from './decisional-balance-alcohol';
import { decisionalBalanceDrugs } from './decisional-balance-drugs';
import { decisionalBalanceSmoking } from './decisional-balance-smoking';
import { decisionalBalanceSmokingShort } from './decisional-balance-smoking-short';
import { type GuidanceListing, guidanceListing } from './guidance/listing';
import { rcq } from './rcq';
import { readinessRuler } from './readiness-ruler';
import { socrates8a } from './socrates-8a';
import { socrates8d } from './socrates-8d';
import type { Instrument } from './types';
import { urica } from './urica';

export { type CatalogSummary, catalogSummary } from './catalog';
export type * from './definition';
export { bandOf, highestOf, nearestMean, normOf, signLabel } from './definition';
export { checkDefinition, defineItemInstrument, hashedData, responseScaleFor, scoreRanges } from './engine';
export type { GuidanceListing } from './guidance/listing';
export { trajectoryGuidance } from './guidance/trajectory';
export { canonicalJson, definitionHash } from './hash';
export type * from './types';
export { closedObject, toFieldErrors, UNKNOWN_FIELD, UNKNOWN_ITEM, unknownFields, unknownItems } from './validation';

/** Every instrument the API serves, in catalog order. */
export const instruments: readonly Instrument[] = Object.freeze([
  readinessRuler,
  decisionalBalance,
  decisionalBalanceAlcohol,
  decisionalBalanceDrugs,
  decisionalBalanceSmoking,
  decisionalBalanceSmokingShort,
  urica,
  socrates8a,
  socrates8d,
  rcq,
  contemplationLadder,
]);

const byId = new Map(instruments.map((instrument) => [instrument.id, instrument]));

/**
 * The instrument with this id, or `undefined` for an unknown id.
 * @example getInstrument('readiness-ruler')?.score({ instrument: 'readiness-ruler', responses: { importance: 7 } })
 */
export function getInstrument(id: string): Instrument | undefined {
  return byId.get(id);
}

/**
 * The rows of `GET /v1/instruments`: id, version, title and licence status of every instrument.
 * @example listCatalog()[0]?.licence.status // 'generic'
 */
export function listCatalog(): CatalogSummary[] {
  return instruments.map(catalogSummary);
}

/**
 * Every prompt the API can give, with its labels, sources and the rules that give it (`GET /v1/guidance`).
 * @example listGuidance().items.length // every prompt of the catalog
 */
export function listGuidance(): GuidanceListing {
  return guidanceListing(instruments);
}
