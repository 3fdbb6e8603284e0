// The start-up notice is built from the address the server is really bound to: loopback addresses
// are named as they are, with no warning; any other address, the wildcards included, gets the
// warning that the API has no sign-in and anyone who can reach the port can read borrowers' data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeListening, isLoopbackAddress, type BoundAddress, type ListeningNotice,
} from './describe-listening.ts';

const WARNING = 'faircollect: warning: listening on 0.0.0.0 port 3000, which other machines can reach. '
  + "The API has no sign-in yet: anyone who can reach this port can read borrowers' personal data and "
  + 'record contacts and payments. Keep HOST=127.0.0.1 (the default) unless a firewall or an '
  + 'authenticating proxy guards the port.';

// Whole notices for the default loopback binding and for the wildcard one, test name first.
const NOTICES: [string, BoundAddress, ListeningNotice][] = [
  ['a loopback address is printed as bound, without a warning', { address: '127.0.0.1', port: 3000 }, {
    origin: 'http://127.0.0.1:3000',
    line: 'FairCollect is serving http://127.0.0.1:3000/console (API http://127.0.0.1:3000/api/v1, '
      + 'OpenAPI http://127.0.0.1:3000/api/openapi.json)',
    warning: null,
  }],
  ['every interface is named as such and warned about', { address: '0.0.0.0', port: 3000 }, {
    origin: 'http://0.0.0.0:3000',
    line: 'FairCollect is serving http://0.0.0.0:3000/console on every network interface '
      + '(API http://0.0.0.0:3000/api/v1, OpenAPI http://0.0.0.0:3000/api/openapi.json)',
    warning: WARNING,
  }],
];
for (const [name, bound, notice] of NOTICES) {
  test(name, () => assert.deepEqual(describeListening(bound), notice));
}

test('IPv6 addresses are bracketed in the origin: ::1 is loopback, :: is every interface', () => {
  assert.equal(describeListening({ address: '::1', port: 8080 }).origin, 'http://[::1]:8080');
  assert.equal(describeListening({ address: '::1', port: 8080 }).warning, null);
  const ipv6 = describeListening({ address: '::', port: 3000 });
  assert.equal(ipv6.origin, 'http://[::]:3000');
  assert.match(ipv6.line, /on every network interface/);
  assert.match(ipv6.warning ?? '', /^faircollect: warning: listening on :: port 3000/);
});

test('a single address other machines can reach is warned about too', () => {
  const lan = describeListening({ address: '192.168.1.20', port: 3000 });
  assert.doesNotMatch(lan.line, /every network interface/);
  assert.match(lan.warning ?? '', /anyone who can reach this port can read borrowers' personal data/);
});

test('loopback addresses', () => {
  const cases: [string, boolean][] = [
    ['127.0.0.1', true], ['127.1.2.3', true], ['::1', true], ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false], ['::', false], ['10.0.0.5', false], ['128.0.0.1', false], ['::ffff:10.0.0.1', false],
    ['fe80::1', false],
  ];
  for (const [address, loopback] of cases) assert.equal(isLoopbackAddress(address), loopback, address);
});
