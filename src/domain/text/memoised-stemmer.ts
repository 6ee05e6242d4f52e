import { stemmer } from 'stemmer';

/**
 * A Porter stemmer with exceptions, memoised: texts repeat the same few thousand words. Past
 * `maxCached` distinct words the cache starts again rather than grow without end.
 */
export function memoisedStemmer(overrides: ReadonlyMap<string, string>, maxCached: number): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let stem = cache.get(word);
    if (stem === undefined) {
      stem = overrides.get(word) ?? stemmer(word);
      if (cache.size >= maxCached) cache.clear();
      cache.set(word, stem);
    }
    return stem;
  };
}
