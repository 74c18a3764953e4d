import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorText, explainFailure, withTimeout } from '../../../src/ui/options/services';

describe('explainFailure', () => {
  it('puts what failed before the reason', () => {
    expect(explainFailure('Could not sync', 'offline')).toBe('Could not sync: offline');
  });

  it('does not repeat a reason that already says what failed', () => {
    expect(explainFailure('Could not add the calendar', 'Could not add Coach: HTTP 404')).toBe(
      'Could not add Coach: HTTP 404',
    );
  });
});

describe('errorText', () => {
  it('reads an Error and anything else', () => {
    expect([errorText(new Error('boom')), errorText('plain')]).toEqual(['boom', 'plain']);
  });
});

describe('withTimeout', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes the answer through', async () => {
    await expect(withTimeout(Promise.resolve(3), 1000, 'The background')).resolves.toBe(3);
  });

  it('rejects naming what did not answer', async () => {
    vi.useFakeTimers();
    const pending = withTimeout(new Promise<never>(() => undefined), 10_000, 'The background');
    const assertion = expect(pending).rejects.toThrow('The background did not answer within 10 s');

    await vi.advanceTimersByTimeAsync(10_000);

    await assertion;
  });
});
