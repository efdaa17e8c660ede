/**
 * What a function gave for each key, remembered: a batch meets the same texts, layouts and names in
 * report after report. At most `max` are kept; past that, all are forgotten and it starts again, so
 * that a batch of many different ones holds no more than that.
 */
export class Remembered<K, V> {
  private readonly kept = new Map<K, V>();

  constructor(private readonly max: number) {}

  /** The value for `key`: `make`'s, the first time it is asked for (undefined is remembered too). */
  of(key: K, make: (key: K) => V): V {
    if (this.kept.has(key)) return this.kept.get(key) as V;
    const value = make(key);
    if (this.kept.size >= this.max) this.kept.clear();
    this.kept.set(key, value);
    return value;
  }
}
