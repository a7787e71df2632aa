import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from './target-address';

// Connections are kept open between deliveries to the same receiver: a subscription sends one after another.
const HTTP_AGENT = new http.Agent({ keepAlive: true, maxSockets: 64 });
const HTTPS_AGENT = new https.Agent({ keepAlive: true, maxSockets: 64 });

export type SendResult =
  | { readonly ok: true; readonly status: number }
  | { readonly ok: false; readonly status?: number; readonly error: string };

export interface SendOptions {
  readonly timeoutMs: number;
  readonly allowPrivate: boolean;
}

/**
 * POSTs one delivery. Redirects are never followed (a 3xx is a failure), so a public target cannot bounce the
 * request to a private one; unless private targets are allowed, the connection is made only to an address checked
 * at connection time, so a name that resolves differently than at registration is refused too.
 */
export function sendWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<SendResult> {
  const target = new URL(url);
  // An address literal is connected to without a lookup, so publicOnlyLookup never sees it: checked here.
  const literal = target.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!options.allowPrivate && isIP(literal) !== 0 && !isPublicAddress(literal)) {
    return Promise.resolve({ ok: false, error: `${literal} is a non-public address` });
  }
  const client = target.protocol === 'https:' ? https : http;
  const agent = target.protocol === 'https:' ? HTTPS_AGENT : HTTP_AGENT;
  return new Promise<SendResult>((settle) => {
    // The socket's own timeout only measures silence: a receiver that sends a byte now and then would hold the
    // subscription's one delivery at a time (and the service's shutdown, which waits for it) forever.
    const deadline = setTimeout(() => {
      resolve({ ok: false, error: `no answer within ${options.timeoutMs} ms` });
      request.destroy();
    }, options.timeoutMs);
    const resolve = (result: SendResult): void => {
      clearTimeout(deadline);
      settle(result);
    };
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/cloudevents+json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'treaty-timeline-webhooks/1',
        },
        timeout: options.timeoutMs,
        agent,
        ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          resolve(
            status >= 200 && status < 300
              ? { ok: true, status }
              : {
                  ok: false,
                  status,
                  error: status >= 300 && status < 400 ? `redirect ${status} not followed` : `HTTP ${status}`,
                },
          );
        });
        response.on('error', (error) => resolve({ ok: false, status: response.statusCode ?? 0, error: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on('error', (error) => resolve({ ok: false, error: error.message }));
    request.end(body);
  });
}

const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, answers) => {
    if (error) return callback(error, '', 0);
    const refused = answers.find((answer) => !isPublicAddress(answer.address));
    if (refused || answers.length === 0) {
      return callback(new Error(`${hostname} resolves to a non-public address`), '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, answers);
    return callback(null, answers[0]!.address, answers[0]!.family);
  });
};
