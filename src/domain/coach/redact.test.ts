import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nameFromResume, namesIn, redact } from './redact.js';

describe('redaction before anything leaves the machine', () => {
  test('e-mails, phone numbers in common forms, names (whole and by part, any case) and the employer go', () => {
    const text =
      'I am Jane Doe, jane.doe@example.co.uk or j_doe+cv@mail.example.com, call +1 (415) 555-0134 or 020 7946 0958 ' +
      'or 415.555.0199. JANE works at Acme Health; acme health knows doe.';
    const result = redact(text, { names: ['Jane Doe'], employer: 'Acme Health' });
    assert.equal(
      result.text,
      'I am [name], [email] or [email], call [phone] or [phone] or [phone]. [name] works at [employer]; [employer] knows [name].',
    );
    assert.deepEqual(result.counts, { name: 3, email: 2, phone: 3, employer: 2 });
  });

  test('dates, O*NET codes, hours and citations are not mistaken for phone numbers', () => {
    const text = 'From 2026-12-01, 13-1161.00 [T:20328] [S:prompt-engineering@2] for 2 hours, 10 to 12.';
    assert.equal(redact(text, { names: [] }).text, text);
  });

  test('a name is matched as a word: "Ann" goes, "Annual" stays', () => {
    assert.equal(redact('Ann wrote the Annual report', { names: ['Ann'] }).text, '[name] wrote the Annual report');
  });

  test('the name at the top of a résumé, and a name the question introduces', () => {
    assert.equal(nameFromResume('\nJane Doe — Marketing Specialist\nSummary'), 'Jane Doe');
    assert.equal(nameFromResume('Summary of qualifications'), undefined);
    assert.deepEqual(namesIn("Hi, my name is Priya Raman and I'm a nurse", ['Jane Doe', undefined]), [
      'Jane Doe',
      'Priya Raman',
    ]);
  });
});
