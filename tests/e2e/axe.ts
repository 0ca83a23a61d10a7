import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * axe-core in a real page (TESTING.md): extension pages refuse `addScriptTag` (their CSP is
 * `script-src 'self'`), so the script's text is evaluated through the DevTools protocol, which
 * works on extension pages, the web page and the room view alike.
 */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** WCAG 2.1 A and AA: what issue 7 asks for, no more (no best-practice rules). */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly {
    readonly target: string;
    readonly html: string;
    readonly summary: string;
  }[];
}

export interface AxeResult {
  readonly violations: Violation[];
  /** Rules axe could not decide for some elements (e.g. contrast over an image): `id at
   * selector`, one per element. */
  readonly incomplete: readonly string[];
}

/** Runs axe on the whole document of `page`: its violations, in a plain form. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  return (await runAxe(page)).violations;
}

export async function runAxe(page: Page): Promise<AxeResult> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async (runOnly) => {
      type Rule = {
        id: string;
        impact?: string | null;
        help: string;
        nodes: { target: unknown[]; html: string; failureSummary?: string }[];
      };
      type Result = { violations: Rule[]; incomplete: Rule[] };
      const axe = (
        globalThis as unknown as {
          axe: { run(context: Document, options: object): Promise<Result> };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: runOnly },
        resultTypes: ['violations', 'incomplete'],
      });
      const violations = result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({
          target: node.target.map(String).join(' '),
          html: node.html,
          summary: node.failureSummary ?? '',
        })),
      }));
      const incomplete = result.incomplete.flatMap((rule) =>
        rule.nodes.map((node) => `${rule.id} at ${node.target.map(String).join(' ')}`),
      );
      return { violations, incomplete };
    },
    [...WCAG_21_AA],
  );
}

/** One readable block per violation: rule, impact, and each element's selector and markup. */
export function describeViolations(screen: string, violations: readonly Violation[]): string {
  if (violations.length === 0) return `${screen}: no violations`;
  const lines = [`${screen}: ${violations.length} axe violation(s)`];
  for (const violation of violations) {
    lines.push(`  ${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help}`);
    for (const node of violation.nodes) {
      lines.push(`    at ${node.target}`);
      lines.push(`       ${node.html.replace(/\s+/g, ' ').slice(0, 300)}`);
      for (const line of node.summary.split('\n'))
        if (line.trim()) lines.push(`       ${line.trim()}`);
    }
  }
  return lines.join('\n');
}
