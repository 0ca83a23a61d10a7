import { describe, expect, it } from 'vitest';
import { harvestMarkdown } from '../../lib/export/markdown';
import { EXAMPLE_PARTICIPANTS, exampleSnapshot } from '../fixtures/example-snapshot';

/**
 * The golden file is what a facilitator pastes into a report: review changes to it as prose.
 * After an intended change, regenerate it with `npx vitest run --project unit -u` and read the
 * diff before committing.
 */
describe('the example harvest', () => {
  const render = () => harvestMarkdown(exampleSnapshot, { participants: EXAMPLE_PARTICIPANTS });

  it('equals tests/fixtures/example-harvest.md byte for byte', async () => {
    await expect(render()).toMatchFileSnapshot('../fixtures/example-harvest.md');
  });

  it('is the same for the same snapshot, and for an equal copy of it', () => {
    expect(render()).toBe(render());
    const copy = structuredClone(exampleSnapshot);
    expect(harvestMarkdown(copy, { participants: EXAMPLE_PARTICIPANTS })).toBe(render());
  });

  it('does not depend on the time zone of the machine', () => {
    const original = process.env.TZ;
    const late = { ...exampleSnapshot, createdAt: '2026-11-25T23:30:00.000Z' };
    try {
      const outputs = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Amsterdam'].map(
        (zone) => {
          process.env.TZ = zone;
          return harvestMarkdown(late);
        },
      );
      // The zone change is real: local dates differ, and our output does not.
      expect(new Date(late.createdAt).getDate()).not.toBe(25);
      expect(new Set(outputs).size).toBe(1);
      expect(outputs[0]).toContain('- Datum: 25 november 2026\n');
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
