import { patterns as cnCba04 } from '../rules/conduct/cn-cba-04/content-patterns.ts';
import { patterns as cnCba05 } from '../rules/conduct/cn-cba-05/content-patterns.ts';
import { patterns as cnCrim01 } from '../rules/conduct/cn-crim-01/content-patterns.ts';
import { patterns as us12 } from '../rules/conduct/us-12/content-patterns.ts';
import { patterns as us15 } from '../rules/conduct/us-15/content-patterns.ts';
import type { ContentPattern } from './content-pattern.ts';
import { compilePattern, type CompiledPattern } from './find-pattern-matches.ts';

/**
 * Every content rule's patterns, compiled once. Each rule folder owns its patterns; a pack's
 * content rules pick the findings whose reason they enforce (pack.ts, contentRuleOf), so a
 * pattern written for one pack applies to any pack that enforces its reason.
 */
export const CONTENT_PATTERNS: readonly ContentPattern[] = [
  ...cnCrim01, ...cnCba04, ...cnCba05, ...us15, ...us12,
];

export const COMPILED_CONTENT_PATTERNS: readonly CompiledPattern[] = CONTENT_PATTERNS.map(compilePattern);
