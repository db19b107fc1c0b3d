import { randomBytes } from 'node:crypto';

/**
 * Assessment ids: made here, checked here. A module without dependencies, because the route
 * definitions read the pattern when they load (docs/architecture.md, "Cold start").
 */

/** `asm_` + 128 random bits, base64url. */
export const newAssessmentId = (): string => `asm_${randomBytes(16).toString('base64url')}`;

/** Ids in paths are checked before any read: a malformed one is simply not found. */
export const ASSESSMENT_ID_PATTERN = /^asm_[A-Za-z0-9_-]{22}$/;
