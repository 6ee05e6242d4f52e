import assert from 'node:assert/strict';
import { test } from 'node:test';
import { providerLocation } from './provider-location.js';

test('loopback and private addresses are local; everything else, names included, is remote', () => {
  for (const url of [
    'http://127.0.0.1:11434',
    'http://localhost:1234/v1',
    'http://[::1]:8080/v1',
    'http://10.1.2.3/v1',
    'http://172.20.0.2:8000/v1',
    'http://192.168.1.20:11434',
    'http://[fd00::1]:8000',
  ])
    assert.equal(providerLocation(url), 'local', url);
  for (const url of [
    'https://api.openai.com/v1',
    'https://x.openai.azure.com/openai/v1',
    'http://172.32.0.1',
    'http://8.8.8.8',
  ])
    assert.equal(providerLocation(url), 'remote', url);
});
