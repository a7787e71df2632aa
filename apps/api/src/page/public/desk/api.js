/* global fetch, sessionStorage, crypto */
// Calls to the API with the editor's key. The key lives in sessionStorage only: it goes when the tab goes, and is
// never written to localStorage or a cookie.

const KEY_ITEM = 'treaty-timeline.desk.api-key';

export const apiKey = {
  get: () => sessionStorage.getItem(KEY_ITEM),
  set: (key) => sessionStorage.setItem(KEY_ITEM, key),
  forget: () => sessionStorage.removeItem(KEY_ITEM),
};

/** An answer that is not 2xx, with its problem+json document (code, detail, errors[], currentRevision...). */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `The API answered ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

async function call(method, path, { body, headers = {} } = {}) {
  const key = apiKey.get();
  const response = await fetch(path, {
    method,
    headers: {
      Accept: 'application/json, application/problem+json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ProblemError(response.status, json);
  return { json, etag: response.headers.get('ETag'), status: response.status };
}

export const getJson = (path) => call('GET', path);

/**
 * A write (or, with `dryRun`, its preview). `ifMatch` is the ETag the editor decided on; `idempotencyKey` is made
 * once per submission by the caller, so that a second click of the same submission posts the same key.
 */
export function write(path, body, { ifMatch, idempotencyKey, dryRun = false }) {
  return call('POST', dryRun ? `${path}?dryRun=true` : path, {
    body,
    headers: {
      ...(ifMatch ? { 'If-Match': ifMatch } : {}),
      ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
    },
  });
}

export const newIdempotencyKey = () => `desk-${crypto.randomUUID()}`;
