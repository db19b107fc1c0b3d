/**
 * Generated from the API's OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with `npm run client:generate`.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description Answers 200 while the process serves requests; it does not touch storage (see `/health/ready`).
         *
         *     No API key needed.
         */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: storage answers
         * @description Answers 200 when storage answers a read within a second, else 503 with `Retry-After`: take the instance out of rotation, do not restart it.
         *
         *     No API key needed.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document
         * @description The OpenAPI 3.1 contract, generated from the same schemas the routes validate with.
         *
         *     No API key needed.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The key you call with: its clinic and scopes
         * @description The calling key’s public id, clinic, scopes and creation time, so that a client can show only what the key may do without trying each operation. Any valid key may call it; the secret and its hash are never returned.
         *
         *     Any valid API key.
         */
        get: operations["getCurrentKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instruments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the instruments
         * @description Every instrument the API scores: id, current version, title and licence (whether item wording may be shown).
         *
         *     Any valid API key.
         */
        get: operations["listInstruments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instruments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One instrument’s definition
         * @description Items (with their wording only where the licence allows), response scales, scales and derived scores with their ranges, norms, scoring and interpretation rules, the rules that are our own (`ourRules`), licence, sources and the provenance every result carries.
         *
         *     Any valid API key.
         */
        get: operations["getInstrument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/guidance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every MI prompt the API can give
         * @description For a clinic’s MI trainer to review in one place: each prompt’s wording (with placeholders where it names the behaviour or a score), kind, principle, process (engaging, focusing, evoking, planning), phase, the talk it evokes, its sources, and the rules of each instrument that choose it.
         *
         *     Any valid API key.
         */
        get: operations["listGuidance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Score answers without storing them
         * @description The same engine and output as stored assessments, for previews: nothing is stored, and no subject is accepted. Any valid key may call it. Free text (worksheet labels) is scored and dropped.
         *
         *     Any valid API key.
         */
        post: operations["scoreAnswers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Score and store one assessment
         * @description Scores the answers with the instrument’s current definition and stores the result under the client’s pseudonym (only the keyed HMAC of `subject.ref` is kept). `Idempotency-Key` is required: the same key with the same body answers the first response again with `Idempotent-Replayed: true`; with another body, 422; while the first is still being written, 409. Unknown fields, unknown item ids and out-of-range answers are refused, never stored.
         *
         *     Requires scope `assessments:write`.
         */
        post: operations["createAssessment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessments/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Score and store up to 25 assessments
         * @description Each item is handled as if posted alone to `POST /v1/assessments` under its own `idempotencyKey`: one result per item, in request order, each with the status and body that request would have had. One bad item does not stop the others. Keys repeated inside one batch are refused (400) before anything is stored.
         *
         *     Requires scope `assessments:write`.
         */
        post: operations["createAssessmentBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One stored assessment
         * @description The result exactly as it was scored and stored, with any later re-scorings (under newer definitions) beside it in `rescores`. Another clinic’s id answers 404, like an id that does not exist.
         *
         *     Requires scope `assessments:read`.
         */
        get: operations["getAssessment"];
        put?: never;
        post?: never;
        /**
         * Delete one assessment
         * @description Removes the assessment and its share of the aggregates in one transaction. To correct an assessment, delete it and post the corrected answers under a new `Idempotency-Key`.
         *
         *     Requires scope `assessments:write`.
         */
        delete: operations["deleteAssessment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subjects/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find a client’s history by ref
         * @description The client’s pseudonymous `subjectId` and assessments, newest first, by the clinic’s own ref. The ref travels in the body, never in a URL (URLs end up in access logs). Records made before a pseudonym-key rotation are found too. Follow `next` as `cursor` for the next page.
         *
         *     Requires scope `assessments:read`.
         */
        post: operations["searchSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subjects/{subjectId}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A client’s history by pseudonymous id
         * @description The assessments of one `subjectId`, newest first (by day administered, then by time stored), cursor-paged. A subject without assessments, or another clinic’s, answers 404.
         *
         *     Requires scope `assessments:read`.
         */
        get: operations["listSubjectAssessments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subjects/{subjectId}/trajectory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A client’s change over time
         * @description Per instrument, oldest first: scores, stage, change from the previous and from the first assessment, stage moves forward and backward, and the relapse signal (a backward move out of maintenance). Fewer than two assessments of an instrument give `insufficient-data`. At most the latest 1,000 assessments are read (`truncated`).
         *
         *     Requires scope `assessments:read`.
         */
        get: operations["getSubjectTrajectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/aggregates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Outcomes per month or quarter, small cells suppressed
         * @description For the key’s clinic (or, with the operator-granted `analytics:network` scope, another clinic or the whole network): subjects, assessments, mean and sd of every score, the distribution of each interpretation category over subjects’ latest assessment, and change from each subject’s first to latest assessment in the period. Any figure resting on 1 to the threshold (10 or more) subjects is `{ "value": null, "suppressed": true }`, with complementary suppression so that no hidden figure can be derived from the published ones. Zero is published as 0.
         *
         *     Requires scope `analytics:read`.
         */
        get: operations["getAggregates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De-identified rows, one per assessment
         * @description The key’s clinic’s assessments of one instrument, oldest first, as NDJSON or CSV: answers, scores and interpretation with a pseudonym re-keyed per export (`exportSubject`: two exports cannot be joined), the year and the days since the client’s first assessment — no ref, subject id, assessment id or date. Follow `Export-Next-Cursor` (or the `Link` header) until it is absent. Every page is written to the audit trail before it is sent.
         *
         *     Requires scope `analytics:read`.
         */
        get: operations["exportRows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The export audit trail
         * @description The key’s clinic’s exports, newest first: which key (or the operator CLI) exported what, when, with which filters, and how many rows were released.
         *
         *     Requires scope `analytics:read`.
         */
        get: operations["listExportAudits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Guidance: {
            /** @description The prompt’s id in `GET /v1/guidance`. */
            id: string;
            prompt: string;
            /**
             * @description An open question ends with `?`; a reflection or an affirmation is a statement.
             * @enum {string}
             */
            kind: "open-question" | "reflection" | "affirmation";
            /** @description The MI principle served; null for planning prompts that serve none of the five. */
            principle: ("express-empathy" | "develop-discrepancy" | "avoid-argument" | "roll-with-resistance" | "support-self-efficacy") | null;
            /** @enum {string} */
            process: "engaging" | "focusing" | "evoking" | "planning";
            /** @enum {string} */
            phase: "building-motivation" | "strengthening-commitment";
            /**
             * @description The talk the prompt invites: change talk, `engagement`, `both-sides` (neutral style only) or `none`.
             * @enum {string}
             */
            evokes: "desire" | "ability" | "reasons" | "need" | "commitment" | "activation" | "taking-steps" | "engagement" | "both-sides" | "none";
            /**
             * @description Only on the balanced exploration the request asked for with `guidance.style: "neutral"`.
             * @constant
             */
            style?: "neutral-exploration";
            /** @description What chose it: `<instrument>/<rule>` or `trajectory/<rule>`; the condition is in the catalog. */
            rule: string;
        };
        /** @description Guidance of results stored before guidance catalog 2.0.0, kept as it was given. */
        GuidanceV1: {
            /** @enum {string} */
            principle: "express-empathy" | "develop-discrepancy" | "avoid-argument" | "roll-with-resistance" | "support-self-efficacy";
            focus: string;
            prompt: string;
        };
        /** @description Unrounded; null when an item it needs is missing. */
        "Scores.readiness-ruler": {
            importance?: number;
            confidence?: number;
            readiness?: number;
        };
        "Interpretation.readiness-ruler": {
            bands: {
                importance?: ("low" | "moderate" | "high") | null;
                confidence?: ("low" | "moderate" | "high") | null;
                readiness?: ("low" | "moderate" | "high") | null;
            };
        };
        /** @description Unrounded; null when an item it needs is missing. */
        "Scores.decisional-balance": {
            benefitsOfChange: number | null;
            costsOfChange: number | null;
            benefitsOfStatusQuo: number | null;
            costsOfStatusQuo: number | null;
            total: number | null;
            proportion: number | null;
            weightedProportion?: number;
        };
        "Interpretation.decisional-balance": {
            leaning: ("change" | "status-quo" | "balanced") | null;
        };
        /** @description Unrounded; null when an item it needs is missing. */
        "Scores.decisional-balance-alcohol": {
            pros: number | null;
            cons: number | null;
            difference: number | null;
        };
        "Interpretation.decisional-balance-alcohol": {
            balance: ("pros" | "cons" | "balanced") | null;
        };
        /** @description Unrounded; null when an item it needs is missing. */
        "Scores.decisional-balance-drugs": {
            pros: number | null;
            cons: number | null;
            difference: number | null;
        };
        "Interpretation.decisional-balance-drugs": {
            balance: ("pros" | "cons" | "balanced") | null;
        };
        /** @description Unrounded; null when an item it needs is missing. */
        "Scores.decisional-balance-smoking": {
            pros: number | null;
            cons: number | null;
            difference: number | null;
        };
        "Interpretation.decisional-balance-smoking": {
            balance: ("pros" | "cons" | "balanced") | null;
        };
        /** @description Unrounded; null when an item it needs is missing. */
        "Scores.decisional-balance-smoking-short": {
            pros: number | null;
            cons: number | null;
            difference: number | null;
        };
        "Interpretation.decisional-balance-smoking-short": {
            balance: ("pros" | "cons" | "balanced") | null;
        };
        /** @description Unrounded; null when an item it needs is missing. */
        "Scores.urica": {
            precontemplation: number | null;
            contemplation: number | null;
            action: number | null;
            maintenance: number | null;
            readiness: number | null;
        };
        "Interpretation.urica": {
            stage: ("precontemplation" | "contemplation" | "action") | null;
        };
        /** @description Unrounded; null when an item it needs is missing. */
        "Scores.socrates-8a": {
            recognition: number | null;
            ambivalence: number | null;
            takingSteps: number | null;
        };
        "Interpretation.socrates-8a": {
            deciles: {
                recognition: (70 | 60 | 50 | 40 | 30 | 20 | 10) | null;
                ambivalence: (90 | 80 | 70 | 60 | 50 | 40 | 30 | 20 | 10) | null;
                takingSteps: (90 | 80 | 70 | 60 | 50 | 40 | 30 | 20 | 10) | null;
            };
            /** @constant */
            norms: "alcohol-sample";
        };
        /** @description Unrounded; null when an item it needs is missing. */
        "Scores.socrates-8d": {
            recognition: number | null;
            ambivalence: number | null;
            takingSteps: number | null;
        };
        "Interpretation.socrates-8d": {
            deciles: {
                recognition: (70 | 60 | 50 | 40 | 30 | 20 | 10) | null;
                ambivalence: (90 | 80 | 70 | 60 | 50 | 40 | 30 | 20 | 10) | null;
                takingSteps: (90 | 80 | 70 | 60 | 50 | 40 | 30 | 20 | 10) | null;
            };
            /** @constant */
            norms: "alcohol-sample";
        };
        /** @description Unrounded; null when an item it needs is missing. */
        "Scores.rcq": {
            precontemplation: number | null;
            contemplation: number | null;
            action: number | null;
        };
        "Interpretation.rcq": {
            stage: ("precontemplation" | "contemplation" | "action") | null;
        };
        /** @description Unrounded; null when an item it needs is missing. */
        "Scores.contemplation-ladder": {
            rung: number | null;
        };
        "Interpretation.contemplation-ladder": {
            anchor: {
                /** @enum {number} */
                value: 0 | 2 | 5 | 8 | 10;
                /** @enum {string} */
                label: "have not considered quitting" | "think I need to consider quitting someday" | "think I should quit but not quite ready" | "starting to think how to change" | "taking action to quit";
            } | null;
        };
        "ScoredResult.readiness-ruler": {
            instrument: {
                /** @constant */
                id: "readiness-ruler";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.readiness-ruler"];
            interpretation: components["schemas"]["Interpretation.readiness-ruler"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
        };
        "ScoredResult.decisional-balance": {
            instrument: {
                /** @constant */
                id: "decisional-balance";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.decisional-balance"];
            interpretation: components["schemas"]["Interpretation.decisional-balance"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
        };
        "ScoredResult.decisional-balance-alcohol": {
            instrument: {
                /** @constant */
                id: "decisional-balance-alcohol";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.decisional-balance-alcohol"];
            interpretation: components["schemas"]["Interpretation.decisional-balance-alcohol"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
        };
        "ScoredResult.decisional-balance-drugs": {
            instrument: {
                /** @constant */
                id: "decisional-balance-drugs";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.decisional-balance-drugs"];
            interpretation: components["schemas"]["Interpretation.decisional-balance-drugs"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
        };
        "ScoredResult.decisional-balance-smoking": {
            instrument: {
                /** @constant */
                id: "decisional-balance-smoking";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.decisional-balance-smoking"];
            interpretation: components["schemas"]["Interpretation.decisional-balance-smoking"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
        };
        "ScoredResult.decisional-balance-smoking-short": {
            instrument: {
                /** @constant */
                id: "decisional-balance-smoking-short";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.decisional-balance-smoking-short"];
            interpretation: components["schemas"]["Interpretation.decisional-balance-smoking-short"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
        };
        "ScoredResult.urica": {
            instrument: {
                /** @constant */
                id: "urica";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.urica"];
            interpretation: components["schemas"]["Interpretation.urica"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
        };
        "ScoredResult.socrates-8a": {
            instrument: {
                /** @constant */
                id: "socrates-8a";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.socrates-8a"];
            interpretation: components["schemas"]["Interpretation.socrates-8a"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
        };
        "ScoredResult.socrates-8d": {
            instrument: {
                /** @constant */
                id: "socrates-8d";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.socrates-8d"];
            interpretation: components["schemas"]["Interpretation.socrates-8d"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
        };
        "ScoredResult.rcq": {
            instrument: {
                /** @constant */
                id: "rcq";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.rcq"];
            interpretation: components["schemas"]["Interpretation.rcq"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
        };
        "ScoredResult.contemplation-ladder": {
            instrument: {
                /** @constant */
                id: "contemplation-ladder";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.contemplation-ladder"];
            interpretation: components["schemas"]["Interpretation.contemplation-ladder"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
        };
        /** @description One of the per-instrument results, told apart by `instrument.id`. */
        ScoredResult: components["schemas"]["ScoredResult.readiness-ruler"] | components["schemas"]["ScoredResult.decisional-balance"] | components["schemas"]["ScoredResult.decisional-balance-alcohol"] | components["schemas"]["ScoredResult.decisional-balance-drugs"] | components["schemas"]["ScoredResult.decisional-balance-smoking"] | components["schemas"]["ScoredResult.decisional-balance-smoking-short"] | components["schemas"]["ScoredResult.urica"] | components["schemas"]["ScoredResult.socrates-8a"] | components["schemas"]["ScoredResult.socrates-8d"] | components["schemas"]["ScoredResult.rcq"] | components["schemas"]["ScoredResult.contemplation-ladder"];
        "Assessment.readiness-ruler": {
            instrument: {
                /** @constant */
                id: "readiness-ruler";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.readiness-ruler"];
            interpretation: components["schemas"]["Interpretation.readiness-ruler"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
            id: string;
            subjectId: string;
            /** Format: date */
            administeredOn: string;
            /** @enum {string} */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /**
             * @description Present when the request asked for `guidance.style: "neutral"`.
             * @constant
             */
            guidanceStyle?: "neutral";
            /** @description Re-scorings under newer definitions, oldest first (GET only); the fields above stay as first scored. */
            rescores?: {
                instrument: {
                    /** @constant */
                    id: "readiness-ruler";
                    version: string;
                };
                complete: boolean;
                missing: string[];
                scores: components["schemas"]["Scores.readiness-ruler"];
                interpretation: components["schemas"]["Interpretation.readiness-ruler"];
                guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
                provenance: {
                    algorithm: string;
                    algorithmVersion: string;
                    definitionHash: string;
                };
                /** Format: date-time */
                rescoredAt: string;
            }[];
        };
        "Assessment.decisional-balance": {
            instrument: {
                /** @constant */
                id: "decisional-balance";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.decisional-balance"];
            interpretation: components["schemas"]["Interpretation.decisional-balance"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
            id: string;
            subjectId: string;
            /** Format: date */
            administeredOn: string;
            /** @enum {string} */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /**
             * @description Present when the request asked for `guidance.style: "neutral"`.
             * @constant
             */
            guidanceStyle?: "neutral";
            /** @description Re-scorings under newer definitions, oldest first (GET only); the fields above stay as first scored. */
            rescores?: {
                instrument: {
                    /** @constant */
                    id: "decisional-balance";
                    version: string;
                };
                complete: boolean;
                missing: string[];
                scores: components["schemas"]["Scores.decisional-balance"];
                interpretation: components["schemas"]["Interpretation.decisional-balance"];
                guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
                provenance: {
                    algorithm: string;
                    algorithmVersion: string;
                    definitionHash: string;
                };
                /** Format: date-time */
                rescoredAt: string;
            }[];
        };
        "Assessment.decisional-balance-alcohol": {
            instrument: {
                /** @constant */
                id: "decisional-balance-alcohol";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.decisional-balance-alcohol"];
            interpretation: components["schemas"]["Interpretation.decisional-balance-alcohol"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
            id: string;
            subjectId: string;
            /** Format: date */
            administeredOn: string;
            /** @enum {string} */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /**
             * @description Present when the request asked for `guidance.style: "neutral"`.
             * @constant
             */
            guidanceStyle?: "neutral";
            /** @description Re-scorings under newer definitions, oldest first (GET only); the fields above stay as first scored. */
            rescores?: {
                instrument: {
                    /** @constant */
                    id: "decisional-balance-alcohol";
                    version: string;
                };
                complete: boolean;
                missing: string[];
                scores: components["schemas"]["Scores.decisional-balance-alcohol"];
                interpretation: components["schemas"]["Interpretation.decisional-balance-alcohol"];
                guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
                provenance: {
                    algorithm: string;
                    algorithmVersion: string;
                    definitionHash: string;
                };
                /** Format: date-time */
                rescoredAt: string;
            }[];
        };
        "Assessment.decisional-balance-drugs": {
            instrument: {
                /** @constant */
                id: "decisional-balance-drugs";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.decisional-balance-drugs"];
            interpretation: components["schemas"]["Interpretation.decisional-balance-drugs"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
            id: string;
            subjectId: string;
            /** Format: date */
            administeredOn: string;
            /** @enum {string} */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /**
             * @description Present when the request asked for `guidance.style: "neutral"`.
             * @constant
             */
            guidanceStyle?: "neutral";
            /** @description Re-scorings under newer definitions, oldest first (GET only); the fields above stay as first scored. */
            rescores?: {
                instrument: {
                    /** @constant */
                    id: "decisional-balance-drugs";
                    version: string;
                };
                complete: boolean;
                missing: string[];
                scores: components["schemas"]["Scores.decisional-balance-drugs"];
                interpretation: components["schemas"]["Interpretation.decisional-balance-drugs"];
                guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
                provenance: {
                    algorithm: string;
                    algorithmVersion: string;
                    definitionHash: string;
                };
                /** Format: date-time */
                rescoredAt: string;
            }[];
        };
        "Assessment.decisional-balance-smoking": {
            instrument: {
                /** @constant */
                id: "decisional-balance-smoking";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.decisional-balance-smoking"];
            interpretation: components["schemas"]["Interpretation.decisional-balance-smoking"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
            id: string;
            subjectId: string;
            /** Format: date */
            administeredOn: string;
            /** @enum {string} */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /**
             * @description Present when the request asked for `guidance.style: "neutral"`.
             * @constant
             */
            guidanceStyle?: "neutral";
            /** @description Re-scorings under newer definitions, oldest first (GET only); the fields above stay as first scored. */
            rescores?: {
                instrument: {
                    /** @constant */
                    id: "decisional-balance-smoking";
                    version: string;
                };
                complete: boolean;
                missing: string[];
                scores: components["schemas"]["Scores.decisional-balance-smoking"];
                interpretation: components["schemas"]["Interpretation.decisional-balance-smoking"];
                guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
                provenance: {
                    algorithm: string;
                    algorithmVersion: string;
                    definitionHash: string;
                };
                /** Format: date-time */
                rescoredAt: string;
            }[];
        };
        "Assessment.decisional-balance-smoking-short": {
            instrument: {
                /** @constant */
                id: "decisional-balance-smoking-short";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.decisional-balance-smoking-short"];
            interpretation: components["schemas"]["Interpretation.decisional-balance-smoking-short"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
            id: string;
            subjectId: string;
            /** Format: date */
            administeredOn: string;
            /** @enum {string} */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /**
             * @description Present when the request asked for `guidance.style: "neutral"`.
             * @constant
             */
            guidanceStyle?: "neutral";
            /** @description Re-scorings under newer definitions, oldest first (GET only); the fields above stay as first scored. */
            rescores?: {
                instrument: {
                    /** @constant */
                    id: "decisional-balance-smoking-short";
                    version: string;
                };
                complete: boolean;
                missing: string[];
                scores: components["schemas"]["Scores.decisional-balance-smoking-short"];
                interpretation: components["schemas"]["Interpretation.decisional-balance-smoking-short"];
                guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
                provenance: {
                    algorithm: string;
                    algorithmVersion: string;
                    definitionHash: string;
                };
                /** Format: date-time */
                rescoredAt: string;
            }[];
        };
        "Assessment.urica": {
            instrument: {
                /** @constant */
                id: "urica";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.urica"];
            interpretation: components["schemas"]["Interpretation.urica"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
            id: string;
            subjectId: string;
            /** Format: date */
            administeredOn: string;
            /** @enum {string} */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /**
             * @description Present when the request asked for `guidance.style: "neutral"`.
             * @constant
             */
            guidanceStyle?: "neutral";
            /** @description Re-scorings under newer definitions, oldest first (GET only); the fields above stay as first scored. */
            rescores?: {
                instrument: {
                    /** @constant */
                    id: "urica";
                    version: string;
                };
                complete: boolean;
                missing: string[];
                scores: components["schemas"]["Scores.urica"];
                interpretation: components["schemas"]["Interpretation.urica"];
                guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
                provenance: {
                    algorithm: string;
                    algorithmVersion: string;
                    definitionHash: string;
                };
                /** Format: date-time */
                rescoredAt: string;
            }[];
        };
        "Assessment.socrates-8a": {
            instrument: {
                /** @constant */
                id: "socrates-8a";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.socrates-8a"];
            interpretation: components["schemas"]["Interpretation.socrates-8a"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
            id: string;
            subjectId: string;
            /** Format: date */
            administeredOn: string;
            /** @enum {string} */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /**
             * @description Present when the request asked for `guidance.style: "neutral"`.
             * @constant
             */
            guidanceStyle?: "neutral";
            /** @description Re-scorings under newer definitions, oldest first (GET only); the fields above stay as first scored. */
            rescores?: {
                instrument: {
                    /** @constant */
                    id: "socrates-8a";
                    version: string;
                };
                complete: boolean;
                missing: string[];
                scores: components["schemas"]["Scores.socrates-8a"];
                interpretation: components["schemas"]["Interpretation.socrates-8a"];
                guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
                provenance: {
                    algorithm: string;
                    algorithmVersion: string;
                    definitionHash: string;
                };
                /** Format: date-time */
                rescoredAt: string;
            }[];
        };
        "Assessment.socrates-8d": {
            instrument: {
                /** @constant */
                id: "socrates-8d";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.socrates-8d"];
            interpretation: components["schemas"]["Interpretation.socrates-8d"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
            id: string;
            subjectId: string;
            /** Format: date */
            administeredOn: string;
            /** @enum {string} */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /**
             * @description Present when the request asked for `guidance.style: "neutral"`.
             * @constant
             */
            guidanceStyle?: "neutral";
            /** @description Re-scorings under newer definitions, oldest first (GET only); the fields above stay as first scored. */
            rescores?: {
                instrument: {
                    /** @constant */
                    id: "socrates-8d";
                    version: string;
                };
                complete: boolean;
                missing: string[];
                scores: components["schemas"]["Scores.socrates-8d"];
                interpretation: components["schemas"]["Interpretation.socrates-8d"];
                guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
                provenance: {
                    algorithm: string;
                    algorithmVersion: string;
                    definitionHash: string;
                };
                /** Format: date-time */
                rescoredAt: string;
            }[];
        };
        "Assessment.rcq": {
            instrument: {
                /** @constant */
                id: "rcq";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.rcq"];
            interpretation: components["schemas"]["Interpretation.rcq"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
            id: string;
            subjectId: string;
            /** Format: date */
            administeredOn: string;
            /** @enum {string} */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /**
             * @description Present when the request asked for `guidance.style: "neutral"`.
             * @constant
             */
            guidanceStyle?: "neutral";
            /** @description Re-scorings under newer definitions, oldest first (GET only); the fields above stay as first scored. */
            rescores?: {
                instrument: {
                    /** @constant */
                    id: "rcq";
                    version: string;
                };
                complete: boolean;
                missing: string[];
                scores: components["schemas"]["Scores.rcq"];
                interpretation: components["schemas"]["Interpretation.rcq"];
                guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
                provenance: {
                    algorithm: string;
                    algorithmVersion: string;
                    definitionHash: string;
                };
                /** Format: date-time */
                rescoredAt: string;
            }[];
        };
        "Assessment.contemplation-ladder": {
            instrument: {
                /** @constant */
                id: "contemplation-ladder";
                version: string;
            };
            complete: boolean;
            missing: string[];
            scores: components["schemas"]["Scores.contemplation-ladder"];
            interpretation: components["schemas"]["Interpretation.contemplation-ladder"];
            guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
            id: string;
            subjectId: string;
            /** Format: date */
            administeredOn: string;
            /** @enum {string} */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /**
             * @description Present when the request asked for `guidance.style: "neutral"`.
             * @constant
             */
            guidanceStyle?: "neutral";
            /** @description Re-scorings under newer definitions, oldest first (GET only); the fields above stay as first scored. */
            rescores?: {
                instrument: {
                    /** @constant */
                    id: "contemplation-ladder";
                    version: string;
                };
                complete: boolean;
                missing: string[];
                scores: components["schemas"]["Scores.contemplation-ladder"];
                interpretation: components["schemas"]["Interpretation.contemplation-ladder"];
                guidance: (components["schemas"]["Guidance"] | components["schemas"]["GuidanceV1"])[];
                provenance: {
                    algorithm: string;
                    algorithmVersion: string;
                    definitionHash: string;
                };
                /** Format: date-time */
                rescoredAt: string;
            }[];
        };
        /** @description One of the per-instrument assessments, told apart by `instrument.id`. */
        Assessment: components["schemas"]["Assessment.readiness-ruler"] | components["schemas"]["Assessment.decisional-balance"] | components["schemas"]["Assessment.decisional-balance-alcohol"] | components["schemas"]["Assessment.decisional-balance-drugs"] | components["schemas"]["Assessment.decisional-balance-smoking"] | components["schemas"]["Assessment.decisional-balance-smoking-short"] | components["schemas"]["Assessment.urica"] | components["schemas"]["Assessment.socrates-8a"] | components["schemas"]["Assessment.socrates-8d"] | components["schemas"]["Assessment.rcq"] | components["schemas"]["Assessment.contemplation-ladder"];
        AssessmentPage: {
            subjectId: string;
            items: components["schemas"]["Assessment"][];
            next?: string;
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            errors?: {
                path: string;
                message: string;
            }[];
            /** @description Validation errors found beyond the (at most 20) listed. */
            errorsOmitted?: number;
            /** @description This occurrence: `urn:uuid:<request id>`, as in the `X-Request-Id` header. */
            instance?: string;
        };
        BatchResponse: {
            results: {
                index: number;
                status: number;
                replayed: boolean;
                body: components["schemas"]["Assessment"] | components["schemas"]["Problem"];
            }[];
        };
        Trajectory: {
            subjectId: string;
            /** @description More than 1,000 assessments: the oldest were left out. */
            truncated: boolean;
            instruments: {
                instrument: string;
                /** @enum {string} */
                status: "ok" | "insufficient-data";
                detail?: string;
                count: number;
                points: {
                    id: string;
                    /** Format: date */
                    administeredOn: string;
                    instrumentVersion: string;
                    scores: {
                        [key: string]: number | null;
                    };
                    stage: ("precontemplation" | "contemplation" | "preparation" | "action" | "maintenance") | null;
                    changeFromPrevious: {
                        [key: string]: number | null;
                    } | null;
                    changeFromFirst: {
                        [key: string]: number | null;
                    } | null;
                    transition: {
                        /** @enum {string} */
                        from: "precontemplation" | "contemplation" | "preparation" | "action" | "maintenance";
                        /** @enum {string} */
                        to: "precontemplation" | "contemplation" | "preparation" | "action" | "maintenance";
                        /** @enum {string} */
                        direction: "forward" | "backward" | "unchanged";
                        relapseSignal: boolean;
                    } | null;
                }[];
                summary: {
                    /** Format: date */
                    firstOn: string;
                    /** Format: date */
                    latestOn: string;
                    firstStage: ("precontemplation" | "contemplation" | "preparation" | "action" | "maintenance") | null;
                    latestStage: ("precontemplation" | "contemplation" | "preparation" | "action" | "maintenance") | null;
                    change: {
                        [key: string]: number | null;
                    } | null;
                    forwardMoves: number;
                    backwardMoves: number;
                    relapseSignal: boolean;
                    /** @enum {string} */
                    stageStatus: "ok" | "insufficient-data" | "not-staged";
                    /** @description MI prompts for the latest stage move: backward (normalise, affirm, self-efficacy), the relapse signal likewise, forward (affirm); empty when unchanged. */
                    guidance: components["schemas"]["Guidance"][];
                };
            }[];
        };
        Aggregates: {
            instrument: string;
            clinic: string;
            /** @enum {string} */
            groupBy: "month" | "quarter";
            from: string;
            to: string;
            suppression: {
                threshold: number;
                rule: string;
            };
            groups: {
                period: string;
                subjects: {
                    value: number | null;
                    suppressed: boolean;
                };
                assessments: {
                    value: number | null;
                    suppressed: boolean;
                };
                scores: {
                    [key: string]: {
                        mean: {
                            value: number | null;
                            suppressed: boolean;
                        };
                        sd: {
                            value: number | null;
                            suppressed: boolean;
                        };
                    };
                };
                distributions: {
                    [key: string]: {
                        threshold: number;
                        total: {
                            value: number | null;
                            suppressed: boolean;
                        };
                        cells: {
                            [key: string]: {
                                value: number | null;
                                suppressed: boolean;
                            };
                        };
                    };
                };
                change: {
                    subjects: {
                        value: number | null;
                        suppressed: boolean;
                    };
                    scores: {
                        [key: string]: {
                            mean: {
                                value: number | null;
                                suppressed: boolean;
                            };
                            sd: {
                                value: number | null;
                                suppressed: boolean;
                            };
                        };
                    };
                    outcome: {
                        threshold: number;
                        total: {
                            value: number | null;
                            suppressed: boolean;
                        };
                        cells: {
                            [key: string]: {
                                value: number | null;
                                suppressed: boolean;
                            };
                        };
                    } | null;
                };
            }[];
        };
        ExportAudit: {
            exportId: string;
            /**
             * Format: date-time
             * @description When the export started.
             */
            at: string;
            /** @description The API key that started it (`cli:operator` for the operator CLI). */
            keyId: string;
            filters: {
                instrument: string;
                /** Format: date */
                from?: string;
                /** Format: date */
                to?: string;
                /** @enum {string} */
                format: "ndjson" | "csv";
            };
            /** @description Rows released so far, each counted once. */
            rowCount: number;
        };
        ExportAuditPage: {
            items: components["schemas"]["ExportAudit"][];
            next?: string;
        };
        "ExportRow.readiness-ruler": {
            /** @description Pseudonym valid within this export only (`xs_…`); another export gives the same client another one. */
            exportSubject: string;
            /** @description Year administered. */
            year: number;
            /** @description Days since the client’s first assessment of any instrument at this clinic. */
            dayIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            instrument: "readiness-ruler";
            instrumentVersion: string;
            targetBehavior: ("alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other") | null;
            /** @description Response-scale variant, for instruments that have them. */
            scale?: string;
            /** @description Answers by item id; worksheet lists as entry counts and weights (labels are never stored). */
            items: {
                [key: string]: (number | {
                    count: number;
                    weights: (number | null)[];
                }) | null;
            };
            scores: components["schemas"]["Scores.readiness-ruler"];
            interpretation: components["schemas"]["Interpretation.readiness-ruler"];
            complete: boolean;
            algorithmVersion: string;
        };
        "ExportRow.decisional-balance": {
            /** @description Pseudonym valid within this export only (`xs_…`); another export gives the same client another one. */
            exportSubject: string;
            /** @description Year administered. */
            year: number;
            /** @description Days since the client’s first assessment of any instrument at this clinic. */
            dayIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            instrument: "decisional-balance";
            instrumentVersion: string;
            targetBehavior: ("alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other") | null;
            /** @description Response-scale variant, for instruments that have them. */
            scale?: string;
            /** @description Answers by item id; worksheet lists as entry counts and weights (labels are never stored). */
            items: {
                [key: string]: (number | {
                    count: number;
                    weights: (number | null)[];
                }) | null;
            };
            scores: components["schemas"]["Scores.decisional-balance"];
            interpretation: components["schemas"]["Interpretation.decisional-balance"];
            complete: boolean;
            algorithmVersion: string;
        };
        "ExportRow.decisional-balance-alcohol": {
            /** @description Pseudonym valid within this export only (`xs_…`); another export gives the same client another one. */
            exportSubject: string;
            /** @description Year administered. */
            year: number;
            /** @description Days since the client’s first assessment of any instrument at this clinic. */
            dayIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            instrument: "decisional-balance-alcohol";
            instrumentVersion: string;
            targetBehavior: ("alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other") | null;
            /** @description Response-scale variant, for instruments that have them. */
            scale?: string;
            /** @description Answers by item id; worksheet lists as entry counts and weights (labels are never stored). */
            items: {
                [key: string]: (number | {
                    count: number;
                    weights: (number | null)[];
                }) | null;
            };
            scores: components["schemas"]["Scores.decisional-balance-alcohol"];
            interpretation: components["schemas"]["Interpretation.decisional-balance-alcohol"];
            complete: boolean;
            algorithmVersion: string;
        };
        "ExportRow.decisional-balance-drugs": {
            /** @description Pseudonym valid within this export only (`xs_…`); another export gives the same client another one. */
            exportSubject: string;
            /** @description Year administered. */
            year: number;
            /** @description Days since the client’s first assessment of any instrument at this clinic. */
            dayIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            instrument: "decisional-balance-drugs";
            instrumentVersion: string;
            targetBehavior: ("alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other") | null;
            /** @description Response-scale variant, for instruments that have them. */
            scale?: string;
            /** @description Answers by item id; worksheet lists as entry counts and weights (labels are never stored). */
            items: {
                [key: string]: (number | {
                    count: number;
                    weights: (number | null)[];
                }) | null;
            };
            scores: components["schemas"]["Scores.decisional-balance-drugs"];
            interpretation: components["schemas"]["Interpretation.decisional-balance-drugs"];
            complete: boolean;
            algorithmVersion: string;
        };
        "ExportRow.decisional-balance-smoking": {
            /** @description Pseudonym valid within this export only (`xs_…`); another export gives the same client another one. */
            exportSubject: string;
            /** @description Year administered. */
            year: number;
            /** @description Days since the client’s first assessment of any instrument at this clinic. */
            dayIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            instrument: "decisional-balance-smoking";
            instrumentVersion: string;
            targetBehavior: ("alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other") | null;
            /** @description Response-scale variant, for instruments that have them. */
            scale?: string;
            /** @description Answers by item id; worksheet lists as entry counts and weights (labels are never stored). */
            items: {
                [key: string]: (number | {
                    count: number;
                    weights: (number | null)[];
                }) | null;
            };
            scores: components["schemas"]["Scores.decisional-balance-smoking"];
            interpretation: components["schemas"]["Interpretation.decisional-balance-smoking"];
            complete: boolean;
            algorithmVersion: string;
        };
        "ExportRow.decisional-balance-smoking-short": {
            /** @description Pseudonym valid within this export only (`xs_…`); another export gives the same client another one. */
            exportSubject: string;
            /** @description Year administered. */
            year: number;
            /** @description Days since the client’s first assessment of any instrument at this clinic. */
            dayIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            instrument: "decisional-balance-smoking-short";
            instrumentVersion: string;
            targetBehavior: ("alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other") | null;
            /** @description Response-scale variant, for instruments that have them. */
            scale?: string;
            /** @description Answers by item id; worksheet lists as entry counts and weights (labels are never stored). */
            items: {
                [key: string]: (number | {
                    count: number;
                    weights: (number | null)[];
                }) | null;
            };
            scores: components["schemas"]["Scores.decisional-balance-smoking-short"];
            interpretation: components["schemas"]["Interpretation.decisional-balance-smoking-short"];
            complete: boolean;
            algorithmVersion: string;
        };
        "ExportRow.urica": {
            /** @description Pseudonym valid within this export only (`xs_…`); another export gives the same client another one. */
            exportSubject: string;
            /** @description Year administered. */
            year: number;
            /** @description Days since the client’s first assessment of any instrument at this clinic. */
            dayIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            instrument: "urica";
            instrumentVersion: string;
            targetBehavior: ("alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other") | null;
            /** @description Response-scale variant, for instruments that have them. */
            scale?: string;
            /** @description Answers by item id; worksheet lists as entry counts and weights (labels are never stored). */
            items: {
                [key: string]: (number | {
                    count: number;
                    weights: (number | null)[];
                }) | null;
            };
            scores: components["schemas"]["Scores.urica"];
            interpretation: components["schemas"]["Interpretation.urica"];
            complete: boolean;
            algorithmVersion: string;
        };
        "ExportRow.socrates-8a": {
            /** @description Pseudonym valid within this export only (`xs_…`); another export gives the same client another one. */
            exportSubject: string;
            /** @description Year administered. */
            year: number;
            /** @description Days since the client’s first assessment of any instrument at this clinic. */
            dayIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            instrument: "socrates-8a";
            instrumentVersion: string;
            targetBehavior: ("alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other") | null;
            /** @description Response-scale variant, for instruments that have them. */
            scale?: string;
            /** @description Answers by item id; worksheet lists as entry counts and weights (labels are never stored). */
            items: {
                [key: string]: (number | {
                    count: number;
                    weights: (number | null)[];
                }) | null;
            };
            scores: components["schemas"]["Scores.socrates-8a"];
            interpretation: components["schemas"]["Interpretation.socrates-8a"];
            complete: boolean;
            algorithmVersion: string;
        };
        "ExportRow.socrates-8d": {
            /** @description Pseudonym valid within this export only (`xs_…`); another export gives the same client another one. */
            exportSubject: string;
            /** @description Year administered. */
            year: number;
            /** @description Days since the client’s first assessment of any instrument at this clinic. */
            dayIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            instrument: "socrates-8d";
            instrumentVersion: string;
            targetBehavior: ("alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other") | null;
            /** @description Response-scale variant, for instruments that have them. */
            scale?: string;
            /** @description Answers by item id; worksheet lists as entry counts and weights (labels are never stored). */
            items: {
                [key: string]: (number | {
                    count: number;
                    weights: (number | null)[];
                }) | null;
            };
            scores: components["schemas"]["Scores.socrates-8d"];
            interpretation: components["schemas"]["Interpretation.socrates-8d"];
            complete: boolean;
            algorithmVersion: string;
        };
        "ExportRow.rcq": {
            /** @description Pseudonym valid within this export only (`xs_…`); another export gives the same client another one. */
            exportSubject: string;
            /** @description Year administered. */
            year: number;
            /** @description Days since the client’s first assessment of any instrument at this clinic. */
            dayIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            instrument: "rcq";
            instrumentVersion: string;
            targetBehavior: ("alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other") | null;
            /** @description Response-scale variant, for instruments that have them. */
            scale?: string;
            /** @description Answers by item id; worksheet lists as entry counts and weights (labels are never stored). */
            items: {
                [key: string]: (number | {
                    count: number;
                    weights: (number | null)[];
                }) | null;
            };
            scores: components["schemas"]["Scores.rcq"];
            interpretation: components["schemas"]["Interpretation.rcq"];
            complete: boolean;
            algorithmVersion: string;
        };
        "ExportRow.contemplation-ladder": {
            /** @description Pseudonym valid within this export only (`xs_…`); another export gives the same client another one. */
            exportSubject: string;
            /** @description Year administered. */
            year: number;
            /** @description Days since the client’s first assessment of any instrument at this clinic. */
            dayIndex: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            instrument: "contemplation-ladder";
            instrumentVersion: string;
            targetBehavior: ("alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other") | null;
            /** @description Response-scale variant, for instruments that have them. */
            scale?: string;
            /** @description Answers by item id; worksheet lists as entry counts and weights (labels are never stored). */
            items: {
                [key: string]: (number | {
                    count: number;
                    weights: (number | null)[];
                }) | null;
            };
            scores: components["schemas"]["Scores.contemplation-ladder"];
            interpretation: components["schemas"]["Interpretation.contemplation-ladder"];
            complete: boolean;
            algorithmVersion: string;
        };
        /** @description One NDJSON line per assessment. No subject ref, subjectId, assessment id or exact date. CSV has the same fields flattened: `item.<id>` (worksheets `item.<list>.count`, `item.<list>.weights`), `score.<name>`, `interpretation.<path>`; its header (first page only) is fixed per instrument. */
        ExportRow: components["schemas"]["ExportRow.readiness-ruler"] | components["schemas"]["ExportRow.decisional-balance"] | components["schemas"]["ExportRow.decisional-balance-alcohol"] | components["schemas"]["ExportRow.decisional-balance-drugs"] | components["schemas"]["ExportRow.decisional-balance-smoking"] | components["schemas"]["ExportRow.decisional-balance-smoking-short"] | components["schemas"]["ExportRow.urica"] | components["schemas"]["ExportRow.socrates-8a"] | components["schemas"]["ExportRow.socrates-8d"] | components["schemas"]["ExportRow.rcq"] | components["schemas"]["ExportRow.contemplation-ladder"];
        GuidanceCatalog: {
            catalogVersion: string;
            /** @description What each placeholder in a prompt is filled with. */
            placeholders: {
                [key: string]: string;
            };
            items: {
                id: string;
                /** @description The template, with placeholders such as `{behaviour}` and `{score}`. */
                prompt: string;
                /**
                 * @description An open question ends with `?`; a reflection or an affirmation is a statement.
                 * @enum {string}
                 */
                kind: "open-question" | "reflection" | "affirmation";
                /** @description The MI principle served; null for planning prompts that serve none of the five. */
                principle: ("express-empathy" | "develop-discrepancy" | "avoid-argument" | "roll-with-resistance" | "support-self-efficacy") | null;
                /** @enum {string} */
                process: "engaging" | "focusing" | "evoking" | "planning";
                /** @enum {string} */
                phase: "building-motivation" | "strengthening-commitment";
                /**
                 * @description The talk the prompt invites: change talk, `engagement`, `both-sides` (neutral style only) or `none`.
                 * @enum {string}
                 */
                evokes: "desire" | "ability" | "reasons" | "need" | "commitment" | "activation" | "taking-steps" | "engagement" | "both-sides" | "none";
                /**
                 * @description Only on the balanced exploration the request asked for with `guidance.style: "neutral"`.
                 * @constant
                 */
                style?: "neutral-exploration";
                source: {
                    citation: string;
                    url?: string;
                }[];
                usedBy: {
                    /** @description An instrument id, or `trajectory`. */
                    owner: string;
                    rule: string;
                    when: string;
                    styles: ("evoke" | "neutral")[];
                }[];
            }[];
        };
        InstrumentList: {
            items: {
                id: string;
                version: string;
                title: string;
                licence: {
                    /** @enum {string} */
                    status: "public-domain" | "not-copyrighted" | "generic" | "own-wording" | "none-found" | "copyrighted";
                    /** @description Whether item wording may be shown (and is in the catalog). */
                    itemText: boolean;
                    note: string;
                };
            }[];
        };
        InstrumentCatalog: {
            id: string;
            version: string;
            title: string;
            description: string;
            responseScale: {
                min: number;
                max: number;
                anchors: {
                    value: number;
                    label: string;
                }[];
                appliesTo?: string;
            };
            responseScaleVariants?: {
                /** @constant */
                field: "scale";
                default: string;
                scales: {
                    [key: string]: {
                        min: number;
                        max: number;
                        anchors: {
                            value: number;
                            label: string;
                        }[];
                    };
                };
            };
            minAnswered?: number;
            items: {
                id: string;
                label: string;
                /** @description The wording, only where the licence allows it. */
                text?: string;
                scored?: boolean;
                anchors?: {
                    value: number;
                    label: string;
                }[];
                /** @constant */
                kind?: "list";
                maxEntries?: number;
            }[];
            /** @description The worksheet: what one list entry holds. */
            entry?: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
            scales: {
                id: string;
                items: string[];
                /** @enum {string} */
                method: "sum" | "mean" | "count";
                range?: {
                    min: number;
                    max: number;
                };
            }[];
            derivedScores: {
                id: string;
                plus?: string[];
                minus?: string[];
                formula?: string;
                range?: {
                    min: number;
                    max: number;
                };
            }[];
            norms?: {
                id: string;
                statistic: string;
                sample: string;
                description: string;
                scales: {
                    [key: string]: {
                        value: number;
                        label?: string;
                        min: number;
                        max: number;
                    }[];
                };
            };
            scoring: string[];
            interpretation: string[];
            notes?: string[];
            licence: {
                /** @enum {string} */
                status: "public-domain" | "not-copyrighted" | "generic" | "own-wording" | "none-found" | "copyrighted";
                /** @description Whether item wording may be shown (and is in the catalog). */
                itemText: boolean;
                note: string;
            };
            sources: {
                citation: string;
                url?: string;
            }[];
            /** @description Rules no source publishes: the product’s decisions. */
            ourRules: {
                id: string;
                rule: string;
            }[];
            provenance: {
                algorithm: string;
                algorithmVersion: string;
                definitionHash: string;
            };
            /** @description The score that outcome reports judge change by, and which way is better. */
            outcome: {
                score: string;
                /** @enum {string} */
                better: "higher" | "lower";
            };
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        Ready: {
            /** @constant */
            status: "ready";
        };
        CurrentKey: {
            /** @description The key’s public id (the 16 hex digits after `mia_`), as `keys list` and `keys revoke` name it. */
            keyId: string;
            /** @description The clinic the key belongs to; it sees that clinic’s data only. */
            clinicId: string;
            /** @description What the key may do. */
            scopes: ("assessments:write" | "assessments:read" | "analytics:read" | "analytics:network")[];
            /**
             * Format: date-time
             * @description When the key was made.
             */
            createdAt: string;
        };
        ScoreRequest: {
            /** @constant */
            instrument: "readiness-ruler";
            responses: {
                importance?: number;
                confidence?: number;
                readiness?: number;
            };
            /** @enum {string} */
            scale?: "0-10" | "1-10";
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "decisional-balance";
            responses: {
                benefitsOfChange?: {
                    label?: string;
                    weight?: number;
                }[];
                costsOfChange?: {
                    label?: string;
                    weight?: number;
                }[];
                benefitsOfStatusQuo?: {
                    label?: string;
                    weight?: number;
                }[];
                costsOfStatusQuo?: {
                    label?: string;
                    weight?: number;
                }[];
            };
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "decisional-balance-alcohol";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
                7?: number;
                8?: number;
                9?: number;
                10?: number;
                11?: number;
                12?: number;
                13?: number;
                14?: number;
                15?: number;
                16?: number;
                17?: number;
                18?: number;
                19?: number;
                20?: number;
            };
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "decisional-balance-drugs";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
                7?: number;
                8?: number;
                9?: number;
                10?: number;
                11?: number;
                12?: number;
                13?: number;
                14?: number;
                15?: number;
                16?: number;
                17?: number;
                18?: number;
                19?: number;
                20?: number;
            };
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "decisional-balance-smoking";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
                7?: number;
                8?: number;
                9?: number;
                10?: number;
                11?: number;
                12?: number;
                13?: number;
                14?: number;
                15?: number;
                16?: number;
                17?: number;
                18?: number;
                19?: number;
                20?: number;
            };
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "decisional-balance-smoking-short";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
            };
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "urica";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
                7?: number;
                8?: number;
                9?: number;
                10?: number;
                11?: number;
                12?: number;
                13?: number;
                14?: number;
                15?: number;
                16?: number;
                17?: number;
                18?: number;
                19?: number;
                20?: number;
                21?: number;
                22?: number;
                23?: number;
                24?: number;
                25?: number;
                26?: number;
                27?: number;
                28?: number;
                29?: number;
                30?: number;
                31?: number;
                32?: number;
            };
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "socrates-8a";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
                7?: number;
                8?: number;
                9?: number;
                10?: number;
                11?: number;
                12?: number;
                13?: number;
                14?: number;
                15?: number;
                16?: number;
                17?: number;
                18?: number;
                19?: number;
            };
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "socrates-8d";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
                7?: number;
                8?: number;
                9?: number;
                10?: number;
                11?: number;
                12?: number;
                13?: number;
                14?: number;
                15?: number;
                16?: number;
                17?: number;
                18?: number;
                19?: number;
            };
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "rcq";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
                7?: number;
                8?: number;
                9?: number;
                10?: number;
                11?: number;
                12?: number;
            };
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "contemplation-ladder";
            responses: {
                rung?: number;
            };
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        };
        AssessmentRequest: {
            /** @constant */
            instrument: "readiness-ruler";
            responses: {
                importance?: number;
                confidence?: number;
                readiness?: number;
            };
            /** @enum {string} */
            scale?: "0-10" | "1-10";
            subject: {
                /** @description Clinic-issued opaque reference; only its keyed HMAC is stored. */
                ref: string;
            };
            /**
             * Format: date
             * @description Day the instrument was administered (YYYY-MM-DD).
             */
            administeredOn: string;
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "decisional-balance";
            responses: {
                benefitsOfChange?: {
                    label?: string;
                    weight?: number;
                }[];
                costsOfChange?: {
                    label?: string;
                    weight?: number;
                }[];
                benefitsOfStatusQuo?: {
                    label?: string;
                    weight?: number;
                }[];
                costsOfStatusQuo?: {
                    label?: string;
                    weight?: number;
                }[];
            };
            subject: {
                /** @description Clinic-issued opaque reference; only its keyed HMAC is stored. */
                ref: string;
            };
            /**
             * Format: date
             * @description Day the instrument was administered (YYYY-MM-DD).
             */
            administeredOn: string;
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "decisional-balance-alcohol";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
                7?: number;
                8?: number;
                9?: number;
                10?: number;
                11?: number;
                12?: number;
                13?: number;
                14?: number;
                15?: number;
                16?: number;
                17?: number;
                18?: number;
                19?: number;
                20?: number;
            };
            subject: {
                /** @description Clinic-issued opaque reference; only its keyed HMAC is stored. */
                ref: string;
            };
            /**
             * Format: date
             * @description Day the instrument was administered (YYYY-MM-DD).
             */
            administeredOn: string;
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "decisional-balance-drugs";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
                7?: number;
                8?: number;
                9?: number;
                10?: number;
                11?: number;
                12?: number;
                13?: number;
                14?: number;
                15?: number;
                16?: number;
                17?: number;
                18?: number;
                19?: number;
                20?: number;
            };
            subject: {
                /** @description Clinic-issued opaque reference; only its keyed HMAC is stored. */
                ref: string;
            };
            /**
             * Format: date
             * @description Day the instrument was administered (YYYY-MM-DD).
             */
            administeredOn: string;
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "decisional-balance-smoking";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
                7?: number;
                8?: number;
                9?: number;
                10?: number;
                11?: number;
                12?: number;
                13?: number;
                14?: number;
                15?: number;
                16?: number;
                17?: number;
                18?: number;
                19?: number;
                20?: number;
            };
            subject: {
                /** @description Clinic-issued opaque reference; only its keyed HMAC is stored. */
                ref: string;
            };
            /**
             * Format: date
             * @description Day the instrument was administered (YYYY-MM-DD).
             */
            administeredOn: string;
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "decisional-balance-smoking-short";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
            };
            subject: {
                /** @description Clinic-issued opaque reference; only its keyed HMAC is stored. */
                ref: string;
            };
            /**
             * Format: date
             * @description Day the instrument was administered (YYYY-MM-DD).
             */
            administeredOn: string;
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "urica";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
                7?: number;
                8?: number;
                9?: number;
                10?: number;
                11?: number;
                12?: number;
                13?: number;
                14?: number;
                15?: number;
                16?: number;
                17?: number;
                18?: number;
                19?: number;
                20?: number;
                21?: number;
                22?: number;
                23?: number;
                24?: number;
                25?: number;
                26?: number;
                27?: number;
                28?: number;
                29?: number;
                30?: number;
                31?: number;
                32?: number;
            };
            subject: {
                /** @description Clinic-issued opaque reference; only its keyed HMAC is stored. */
                ref: string;
            };
            /**
             * Format: date
             * @description Day the instrument was administered (YYYY-MM-DD).
             */
            administeredOn: string;
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "socrates-8a";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
                7?: number;
                8?: number;
                9?: number;
                10?: number;
                11?: number;
                12?: number;
                13?: number;
                14?: number;
                15?: number;
                16?: number;
                17?: number;
                18?: number;
                19?: number;
            };
            subject: {
                /** @description Clinic-issued opaque reference; only its keyed HMAC is stored. */
                ref: string;
            };
            /**
             * Format: date
             * @description Day the instrument was administered (YYYY-MM-DD).
             */
            administeredOn: string;
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "socrates-8d";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
                7?: number;
                8?: number;
                9?: number;
                10?: number;
                11?: number;
                12?: number;
                13?: number;
                14?: number;
                15?: number;
                16?: number;
                17?: number;
                18?: number;
                19?: number;
            };
            subject: {
                /** @description Clinic-issued opaque reference; only its keyed HMAC is stored. */
                ref: string;
            };
            /**
             * Format: date
             * @description Day the instrument was administered (YYYY-MM-DD).
             */
            administeredOn: string;
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "rcq";
            responses: {
                1?: number;
                2?: number;
                3?: number;
                4?: number;
                5?: number;
                6?: number;
                7?: number;
                8?: number;
                9?: number;
                10?: number;
                11?: number;
                12?: number;
            };
            subject: {
                /** @description Clinic-issued opaque reference; only its keyed HMAC is stored. */
                ref: string;
            };
            /**
             * Format: date
             * @description Day the instrument was administered (YYYY-MM-DD).
             */
            administeredOn: string;
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        } | {
            /** @constant */
            instrument: "contemplation-ladder";
            responses: {
                rung?: number;
            };
            subject: {
                /** @description Clinic-issued opaque reference; only its keyed HMAC is stored. */
                ref: string;
            };
            /**
             * Format: date
             * @description Day the instrument was administered (YYYY-MM-DD).
             */
            administeredOn: string;
            /**
             * @description The behaviour the assessment is about; guidance prompts name it where the instrument allows.
             * @enum {string}
             */
            targetBehavior?: "alcohol" | "tobacco" | "cannabis" | "opioids" | "stimulants" | "sedatives" | "other-drugs" | "gambling" | "other";
            /** @description `style`: `evoke` (default) evokes change talk; `neutral` gives the balanced exploration of both sides (labelled `style: "neutral-exploration"`), for a clinician who deliberately stays neutral. */
            guidance?: {
                /** @enum {string} */
                style?: "evoke" | "neutral";
            };
        };
        BatchRequest: {
            items: {
                idempotencyKey: string;
                assessment: {
                    [key: string]: unknown;
                };
            }[];
        };
        SubjectSearchRequest: {
            /** @description Clinic-issued opaque reference; only its keyed HMAC is stored. */
            ref: string;
            limit?: number;
            cursor?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description This request’s id (a UUID): yours when you sent one as `X-Request-Id` or `traceparent`, else new. */
        XRequestId: string;
        /** @description The key’s bucket now: `"per-key";r=<requests left>;t=<seconds until full>` (draft-ietf-httpapi-ratelimit-headers). */
        RateLimit: string;
        /** @description The bucket: `"per-key";q=<burst>;w=<seconds to refill>`. */
        RateLimitPolicy: string;
        /** @description Seconds to wait before retrying. */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ready"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    getCurrentKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentKey"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInstruments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstrumentList"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInstrument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Instrument id, e.g. `readiness-ruler` */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstrumentCatalog"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listGuidance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuidanceCatalog"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    scoreAnswers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScoreRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoredResult"];
                };
            };
            /** @description Malformed request; Request does not match the schema */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body must be application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Responses cannot be scored */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAssessment: {
        parameters: {
            query?: never;
            header: {
                /** @description 1–255 characters, unique per request, kept ≥ 24 h */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssessmentRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    /** @description The stored assessment: `/v1/assessments/{id}`. */
                    Location?: string;
                    /** @description `true` when this answers a retry of an earlier request with the same key and body. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"];
                };
            };
            /** @description Malformed request; Request does not match the schema */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key is still in progress */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body must be application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Responses cannot be scored; Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAssessmentBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResponse"];
                };
            };
            /** @description Malformed request; Request does not match the schema */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body must be application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAssessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Assessment id (`asm_…`) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAssessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Assessment id (`asm_…`) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchSubject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubjectSearchRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentPage"];
                };
            };
            /** @description Malformed request; Request does not match the schema */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body must be application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSubjectAssessments: {
        parameters: {
            query?: {
                /** @description Rows per page, 1–100. */
                limit?: number;
                /** @description The `next` value of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Pseudonymous subject id (`sub_…`) */
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentPage"];
                };
            };
            /** @description Request does not match the schema */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSubjectTrajectory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Pseudonymous subject id (`sub_…`) */
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Trajectory"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAggregates: {
        parameters: {
            query: {
                /** @description Instrument id (see `GET /v1/instruments`). */
                instrument: string;
                /** @description First month, YYYY-MM; default 11 months before `to`. */
                from?: string;
                /** @description Last month, YYYY-MM; default this month. */
                to?: string;
                /** @description Group by month or by quarter. */
                groupBy?: "month" | "quarter";
                /** @description Another clinic id, or `*` for the whole network: needs the operator-granted `analytics:network` scope. */
                clinic?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregates"];
                };
            };
            /** @description Request does not match the schema */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Responses cannot be scored */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportRows: {
        parameters: {
            query: {
                /** @description Instrument id (see `GET /v1/instruments`). */
                instrument: string;
                /** @description First day administered, YYYY-MM-DD, inclusive. */
                from?: string;
                /** @description Last day administered, YYYY-MM-DD, inclusive. */
                to?: string;
                /** @description `ndjson`: one JSON row per line (default); `csv`: RFC 4180 CSV, header on the first page only */
                format?: "ndjson" | "csv";
                /** @description Rows per page, 1–5000, default 1000 */
                limit?: number;
                /** @description The previous page’s `Export-Next-Cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    /** @description The export’s id, as listed by GET /v1/analytics/audit */
                    "Export-Id"?: string;
                    /** @description Pass as `cursor` for the next page (same filters); absent on the last page */
                    "Export-Next-Cursor"?: string;
                    /** @description `<next page URL>; rel="next"`; absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["ExportRow"];
                    "text/csv": string;
                };
            };
            /** @description Request does not match the schema */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Responses cannot be scored */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listExportAudits: {
        parameters: {
            query?: {
                /** @description Rows per page, 1–100. */
                limit?: number;
                /** @description The `next` value of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportAuditPage"];
                };
            };
            /** @description Request does not match the schema */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description API key lacks the required scope */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
