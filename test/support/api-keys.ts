/** Keys of every role, configured as TIMELINE_API_KEYS would configure them. */
export const KEYS = {
  editor: 'editor-key-for-tests-0001',
  otherEditor: 'editor-key-for-tests-0002',
  reader: 'reader-key-for-tests-0001',
  auditor: 'auditor-key-for-tests-0001',
} as const;

export const API_KEYS = [
  `editor:${KEYS.editor}`,
  `editor:${KEYS.otherEditor}`,
  `reader:${KEYS.reader}`,
  `auditor:${KEYS.auditor}`,
].join(',');

export const bearer = (key: string): string => `Bearer ${key}`;
