import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeed, makeApp, makeSession, openTestStores, put } from './helpers';
import type { TestApp, TestStores } from './helpers';

let stores: TestStores;
let app: TestApp;
let feed: { feedId: string; writeToken: string };
beforeAll(async () => {
  stores = await openTestStores('embedded', 'fuzz');
  app = makeApp(await stores.open());
  feed = await createFeed(app);
  // Starting an embedded database takes seconds, more on a busy machine.
}, 60_000);
afterAll(async () => {
  await stores.close();
});

/** Sends `body` and checks the answer is a success or a clear client error, never a 5xx. */
async function expectNoServerError(body: string): Promise<number> {
  const res = await put(app, feed.feedId, feed.writeToken, body);
  expect([200, 400, 413]).toContain(res.status);
  const json = await res.json();
  if (res.status !== 200) {
    expect(json.error.code).toMatch(/^[a-z-]+$/);
    expect(typeof json.error.message).toBe('string');
    expect(json.error.message.length).toBeGreaterThan(5);
  }
  return res.status;
}

const valid = makeSession(1);
/** A value that is sometimes right for a field and often wrong in some way. */
const either = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: fc.anything() });
const instant = fc.oneof(
  fc.constantFrom(
    valid.start,
    valid.end,
    '2027-03-03T17:30:00',
    '2027-02-30T10:00:00Z',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59+14:00',
  ),
  fc
    .date({
      min: new Date(Date.UTC(1900, 0, 1)),
      max: new Date(Date.UTC(2200, 0, 1)),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.string(),
);
const exercise = fc.record(
  {
    name: either(fc.string()),
    sets: either(fc.integer({ min: -5, max: 30 })),
    reps: either(fc.oneof(fc.integer(), fc.constantFrom('6-8', '8', '1-2-3'))),
    seconds: either(fc.integer({ min: -1, max: 5000 })),
    restSeconds: either(fc.integer({ min: -1, max: 1000 })),
    cue: either(fc.string()),
  },
  { requiredKeys: [] },
);
const session = fc.record(
  {
    id: either(
      fc.oneof(fc.constant(valid.id), fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/), fc.string()),
    ),
    start: either(instant),
    end: either(instant),
    title: either(fc.string({ maxLength: 400 })),
    load: either(fc.constantFrom('heavy', 'moderate', 'light', 'HEAVY')),
    reasons: either(fc.array(fc.string(), { maxLength: 25 })),
    exercises: either(fc.array(exercise, { maxLength: 3 })),
    description: either(fc.string({ maxLength: 200 })),
  },
  { requiredKeys: [] },
);
const body = fc.record(
  {
    name: either(fc.string({ maxLength: 250 })),
    timezone: either(
      fc.constantFrom(
        'Europe/London',
        'america/new_york',
        'UTC',
        'Etc/GMT+12',
        'Mars/Base',
        '',
        '+01:00',
      ),
    ),
    sessions: either(
      fc.array(fc.oneof(session, fc.constant(valid), fc.constant(makeSession(2))), {
        maxLength: 4,
      }),
    ),
  },
  { requiredKeys: [] },
);

describe('PUT /api/feeds/:feedId with fuzzed bodies', () => {
  it('never answers 5xx to arbitrary JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        await expectNoServerError(JSON.stringify(value) ?? 'null');
      }),
      { numRuns: 150 },
    );
  });

  it('never answers 5xx to arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), async (text) => {
        await expectNoServerError(text);
      }),
      { numRuns: 100 },
    );
  });

  it('never answers 5xx to near-valid bodies, and accepts the valid ones', async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const status = await expectNoServerError(JSON.stringify(value));
        if (status === 200 && Array.isArray(value.sessions) && value.sessions.length > 0)
          rendered += 1;
      }),
      { numRuns: 250 },
    );
    // The generator must reach the renderer with sessions sometimes, or the property proves little.
    expect(rendered).toBeGreaterThan(0);
  });
});
