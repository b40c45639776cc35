/**
 * Seeded random numbers: xoshiro128** (Blackman & Vigna, 2018), 32-bit words in plain integer
 * arithmetic (`Math.imul`, shifts), so a seed gives the same bits on every JavaScript engine and
 * machine. Its state is seeded with splitmix32 (the 32-bit SplitMix: a Weyl sequence through the
 * MurmurHash3 finaliser), which spreads nearby seeds far apart.
 *
 * Each ranged input draws from a stream of its own, keyed by the seed and by the input's name,
 * not its position: adding, removing or re-ranging one input leaves every other input's draws
 * exactly as they were (common random numbers, so two scenarios compare like with like).
 */

const GOLDEN = 0x9e3779b9;

/** The MurmurHash3 32-bit finaliser. */
function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over the UTF-16 code units of a key: a stream's name as 32 bits. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class RandomStream {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  /** `seed` is a safe integer; `key` names the stream (hashKey of an input's name). */
  constructor(seed: number, key: number) {
    this.reseed(seed, key);
  }

  /** Back to the first number of the stream for (seed, key). */
  reseed(seed: number, key: number): void {
    const low = seed >>> 0;
    const high = Math.floor(seed / 4294967296) >>> 0;
    // splitmix32 over the words of (seed, key): every word moves the whole state.
    let state = mix32(low ^ GOLDEN);
    state = mix32((state ^ high) + GOLDEN);
    state = mix32((state ^ key) + GOLDEN);
    const next = (): number => {
      state = (state + GOLDEN) | 0;
      return mix32(state);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    // The all-zero state is xoshiro's one fixed point; splitmix32 never gives four zeros in a
    // row, but the guard costs nothing.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32-bit word, 0 ≤ w < 2^32. */
  nextWord(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /**
   * Uniform on the open interval (0, 1): 52 random bits k, (k + 0.5) / 2^52, exact in a double.
   * Never 0 or 1, so an inverse CDF never sees an infinite tail.
   */
  uniform(): number {
    const high = this.nextWord() >>> 6;
    const low = this.nextWord() >>> 6;
    return (high * 67108864 + low + 0.5) / 4503599627370496;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
