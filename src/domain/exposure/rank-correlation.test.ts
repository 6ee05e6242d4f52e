import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { spearman } from './rank-correlation.js';

describe("Spearman's rank correlation", () => {
  test('is 1 for any increasing relation, -1 for a decreasing one, and handles ties', () => {
    assert.equal(spearman([1, 2, 3, 4], [10, 20, 300, 4000]), 1);
    assert.equal(spearman([1, 2, 3, 4], [4, 3, 2, 1]), -1);
    // Textbook example with a tie: ranks x 1,2,3,4,5 and y 1,2.5,2.5,4,5.
    assert.ok(Math.abs(spearman([1, 2, 3, 4, 5], [1, 2, 2, 4, 5]) - 0.9746794344808963) < 1e-12);
    assert.ok(Number.isNaN(spearman([1, 2], [2, 1])));
  });
});
