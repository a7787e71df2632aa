import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { TestApp } from './test-app';

/**
 * Opens GET /live with a Last-Event-ID on a listening app: a problem is read whole, a stream is left once its text
 * holds `until` (its first bytes, by default).
 */
export function openLive(subject: TestApp, lastEventId: string, until = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const { port } = subject.app.getHttpServer().address() as AddressInfo;
    const opened = get({ host: '127.0.0.1', port, path: '/live', headers: { 'Last-Event-ID': lastEventId } });
    opened.on('error', reject);
    opened.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        if (response.statusCode === 200 && text.includes(until)) response.destroy();
      });
      response.on('close', () => resolve({ status: response.statusCode ?? 0, text }));
    });
  });
}

/** A 200 download read whole as text, whatever its type (CSV, Atom, JSON-LD): supertest parses only some. */
export function downloadText(http: App, path: string) {
  return request(http).get(path).buffer(true).parse(wholeText).expect(200);
}

/** A supertest parser that reads any body whole as text. */
export const wholeText: BodyParser = (response, callback) => {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (text += chunk));
  response.on('end', () => callback(null, text));
};

type BodyParser = Extract<Parameters<request.Test['parse']>[0], (response: never, callback: never) => void>;
