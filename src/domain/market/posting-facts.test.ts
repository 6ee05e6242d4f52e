import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  detectRemote,
  detectSeniority,
  normalisedPostingText,
  parseSalaryText,
  remoteFromField,
  salaryFromFields,
} from './posting-facts.js';

test('the same ad with other spacing, case and quoting is the same text; another company is not', () => {
  const a = normalisedPostingText(['Data Scientist', 'Acme', 'We use  "Python".\r\nApply now!']);
  assert.equal(a, normalisedPostingText(['data scientist', 'ACME', 'We use Python — apply now']));
  assert.notEqual(a, normalisedPostingText(['Data Scientist', 'Other', 'We use Python. Apply now!']));
});

test('remote: the field first (HN yes/no/hybrid, Kaggle 1.0), then location, then the text', () => {
  assert.equal(remoteFromField('yes'), 'remote');
  assert.equal(remoteFromField('no'), 'onsite');
  assert.equal(remoteFromField('hybrid'), 'hybrid');
  assert.equal(remoteFromField('1.0'), 'remote');
  assert.equal(remoteFromField('unknown'), null);
  assert.equal(remoteFromField(''), null);
  assert.equal(detectRemote(null, 'Remote (US)', ''), 'remote');
  assert.equal(detectRemote(null, 'Berlin', 'This is a hybrid role with 3 days in the office.'), 'hybrid');
  assert.equal(detectRemote(null, 'Berlin', 'A fully remote team across Europe.'), 'remote');
  assert.equal(detectRemote(null, 'Berlin', 'This position is onsite in Berlin.'), 'onsite');
  assert.equal(detectRemote(null, 'Berlin', 'Our on-site cafe is great.'), null);
  assert.equal(detectRemote(null, 'Berlin', 'We build remote sensing tools.'), null);
});

test('seniority: the level field, else the title, else the years of experience asked for', () => {
  assert.equal(detectSeniority('Mid-Senior level', 'Engineer', ''), 'senior');
  assert.equal(detectSeniority('Internship', 'Engineer', ''), 'intern');
  assert.equal(detectSeniority('Director', 'Engineer', ''), 'lead');
  assert.equal(detectSeniority(null, 'Sr. Digital Marketing Manager', ''), 'senior');
  assert.equal(detectSeniority(null, 'Senior Director of Sales', ''), 'executive');
  assert.equal(detectSeniority(null, 'Staff Software Engineer', ''), 'lead');
  assert.equal(detectSeniority(null, 'Software Engineer II', ''), 'mid');
  assert.equal(detectSeniority(null, 'Summer Intern, Data', ''), 'intern');
  assert.equal(detectSeniority(null, 'Accountant', 'You have 5+ years of professional experience.'), 'senior');
  assert.equal(detectSeniority(null, 'Accountant', 'At least 2-3 years of experience in audit.'), 'mid');
  assert.equal(detectSeniority(null, 'Accountant', 'Great benefits.'), null);
});

test('salary text: ranges with k once or twice, commas, hourly, currency codes and signs; nonsense is none', () => {
  assert.deepEqual(parseSalaryText('$140k-$230k (USD)'), { min: 140000, max: 230000, currency: 'USD', period: 'year' });
  assert.deepEqual(parseSalaryText('£45-95k (GBP)'), { min: 45000, max: 95000, currency: 'GBP', period: 'year' });
  assert.deepEqual(parseSalaryText('$114,649 - $131,781 (USD)'), {
    min: 114649,
    max: 131781,
    currency: 'USD',
    period: 'year',
  });
  assert.deepEqual(parseSalaryText('$100-150/hr (USD)'), { min: 100, max: 150, currency: 'USD', period: 'hour' });
  assert.deepEqual(parseSalaryText('Up to £12.50/hour (GBP)'), {
    min: 12.5,
    max: 12.5,
    currency: 'GBP',
    period: 'hour',
  });
  assert.deepEqual(parseSalaryText('140k to 170k + equity (USD)'), {
    min: 140000,
    max: 170000,
    currency: 'USD',
    period: 'year',
  });
  assert.deepEqual(parseSalaryText('AUD $100,000 to $170,000 + Stock Options (AUD)'), {
    min: 100000,
    max: 170000,
    currency: 'AUD',
    period: 'year',
  });
  assert.equal(parseSalaryText('$533B worth of commercial construction occurred in the US last year'), null);
  assert.equal(parseSalaryText('competitive'), null);
  assert.equal(parseSalaryText('120k'), null, 'no currency: not stated');
});

test('salary fields: Kaggle min/max/median with pay period and currency; weekly pay per year', () => {
  assert.deepEqual(salaryFromFields({ min: '45000.0', max: '65000.0', period: 'YEARLY', currency: 'USD' }), {
    min: 45000,
    max: 65000,
    currency: 'USD',
    period: 'year',
  });
  assert.deepEqual(salaryFromFields({ median: '25.0', period: 'HOURLY', currency: 'USD' }), {
    min: 25,
    max: 25,
    currency: 'USD',
    period: 'hour',
  });
  assert.deepEqual(salaryFromFields({ min: '1000', max: '1200', period: 'WEEKLY', currency: 'USD' }), {
    min: 52000,
    max: 62400,
    currency: 'USD',
    period: 'year',
  });
  assert.equal(salaryFromFields({ min: '', max: '', period: '', currency: '' }), null);
});
