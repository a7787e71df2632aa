import demoData from './demo-data.json';

/** A treaty of the demo data set: its registration and its developments, as editors would post them. */
export interface DemoTreaty {
  readonly registration: unknown;
  readonly developments: readonly { readonly dateResolution: string; readonly request: unknown }[];
}

/**
 * The demo data set, built from the five articles in shared/seeds (see README.md beside this file). Bodies are
 * typed `unknown` on purpose: the loader validates them with the editors' DTOs, like any request.
 */
export const DEMO_TREATIES: readonly DemoTreaty[] = demoData.treaties;
