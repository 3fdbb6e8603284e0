import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { errorBody } from './handle-error.ts';

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request (headers too large, a
 * request that timed out, bytes that are not HTTP), in the API's error shape. There is no request
 * to route, so the answer is written on the socket, which is then closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, message] = CLIENT_ERRORS[error.code ?? ''] ?? CLIENT_ERROR_OTHER;
  const body = JSON.stringify(errorBody(reason, null, message));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n`
      + `Content-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\n`
      + `Connection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

const CLIENT_ERRORS: Readonly<Record<string, [number, string, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'the request headers are larger than the server accepts'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'the request was not received in time'],
};
const CLIENT_ERROR_OTHER: [number, string, string] = [400, 'bad_request', 'the request is not valid HTTP'];
