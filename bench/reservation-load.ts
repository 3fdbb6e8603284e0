// Child process of the reservation benchmark: drives one endpoint with autocannon and prints the
// result as one JSON line, so the load generator never shares an event loop with the server.
// argv: URL PATH METHOD SECONDS CONNECTIONS TOKEN|- [ACCOUNTS_FILE: account and mobile per line, tab-separated]
// TOKEN is a dialler's API token sent as a bearer token ("-": none); with it the calls are placed
// for one of the agents bench-0 … bench-9, as a dialler places them for a desk.
import { readFileSync } from 'node:fs';
import autocannon, { type Request } from 'autocannon';

const [url, path, method, seconds, connections, token, accountsFile] = process.argv.slice(2);
const accounts = accountsFile === undefined ? [] : readFileSync(accountsFile, 'utf8').trim().split('\n');
let next = 0;
const result = await autocannon({
  url: `${url}${path}`,
  method: method as 'GET' | 'POST',
  duration: Number(seconds),
  connections: Number(connections),
  headers: {
    'content-type': 'application/json', ...(token === undefined || token === '-' ? {} : { authorization: `Bearer ${token}` }),
  },
  requests: [
    {
      setupRequest: (request: Request) => {
        if (accounts.length === 0) return request;
        // Round-robin over the portfolio: each borrower meets the cap after a few calls, as on a real desk.
        const [accountId, contactPointId] = accounts[next++ % accounts.length]!.split('\t');
        next += 7919;
        return {
          ...request,
          body: JSON.stringify({
            accountId,
            ...(contactPointId === '' ? {} : { contactPointId }),
            channel: 'voice',
            agent: `bench-${next % 10}`,
          }),
        };
      },
    },
  ],
});
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes: result.statusCodeStats,
  })}\n`,
);
