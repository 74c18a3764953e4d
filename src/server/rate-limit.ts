/**
 * Token buckets per key (client address, feed id), in memory. Best effort by design: each
 * instance counts on its own, so N instances allow up to N times the rate. Limits protect the
 * database and the renderer from floods; correctness never depends on them.
 */

export interface RateLimit {
  /** Requests allowed at once. */
  burst: number;
  /** Requests regained per minute. */
  perMinute: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until one more request is allowed (for Retry-After), when refused. */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  readonly #limit: RateLimit;
  readonly #clock: () => number;
  readonly #maxKeys: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(limit: RateLimit, clock: () => number, maxKeys = 50_000) {
    this.#limit = limit;
    this.#clock = clock;
    this.#maxKeys = maxKeys;
  }

  /** Whether `key` could take one now, without taking it. */
  check(key: string): RateDecision {
    const bucket = this.#buckets.get(key);
    if (!bucket) return { allowed: true, retryAfterSeconds: 0 };
    const { burst, perMinute } = this.#limit;
    const perMs = perMinute / 60_000;
    const tokens = Math.min(burst, bucket.tokens + Math.max(0, this.#clock() - bucket.at) * perMs);
    if (tokens >= 1) return { allowed: true, retryAfterSeconds: 0 };
    const wait = perMs > 0 ? (1 - tokens) / perMs : Infinity;
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil(Math.min(wait, 86_400_000) / 1000)),
    };
  }

  take(key: string): RateDecision {
    const { burst, perMinute } = this.#limit;
    const now = this.#clock();
    const perMs = perMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    bucket.at = now;
    // Re-inserted so the map's order is least recently seen first.
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    this.#prune(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    const wait = perMs > 0 ? (1 - bucket.tokens) / perMs : Infinity;
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil(Math.min(wait, 86_400_000) / 1000)),
    };
  }

  get size(): number {
    return this.#buckets.size;
  }

  /** Keeps memory bounded under a flood of distinct keys: full buckets first, then the oldest. */
  #prune(now: number): void {
    if (this.#buckets.size <= this.#maxKeys) return;
    const { burst, perMinute } = this.#limit;
    const refillMs = perMinute > 0 ? (burst * 60_000) / perMinute : Infinity;
    for (const [key, bucket] of this.#buckets) {
      if (this.#buckets.size <= this.#maxKeys) return;
      if (now - bucket.at >= refillMs) this.#buckets.delete(key);
      else break;
    }
    while (this.#buckets.size > this.#maxKeys) {
      const oldest = this.#buckets.keys().next();
      if (oldest.done) return;
      this.#buckets.delete(oldest.value);
    }
  }
}
