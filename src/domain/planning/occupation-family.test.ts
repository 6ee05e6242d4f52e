import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { ONET_27 } from '../../../test/support/databases.js';
import { OCCUPATION_FAMILIES, occupationFamily } from './occupation-family.js';

describe('occupation families', () => {
  test('the six people of the advice issue land in their own field', () => {
    assert.equal(occupationFamily('29-1141.03'), 'health-care'); // critical care nurse
    assert.equal(occupationFamily('43-3031.00'), 'accounting-finance'); // bookkeeping and accounts payable clerks
    assert.equal(occupationFamily('53-3032.00'), 'logistics-driving'); // heavy truck drivers
    assert.equal(occupationFamily('25-2031.00'), 'teaching'); // secondary school teachers
    assert.equal(occupationFamily('15-1254.00'), 'software'); // web developers
    assert.equal(occupationFamily('13-1161.00'), 'sales-marketing'); // marketing specialists
    assert.equal(occupationFamily('23-1011.00'), 'legal');
    assert.equal(occupationFamily('13-1071.00'), 'hr');
  });

  test('every family is the family of some O*NET 27.0 occupation', () => {
    const codes = readFileSync(`${ONET_27}/Occupation Data.txt`, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t')[0]!);
    const used = new Set(codes.map(occupationFamily));
    assert.deepEqual(
      Object.keys(OCCUPATION_FAMILIES).filter((family) => !used.has(family as never)),
      [],
    );
  });
});
