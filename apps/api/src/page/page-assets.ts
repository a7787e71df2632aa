import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

/** A file of the consumers' page, read once at start: a few kilobytes that never change while the api runs. */
export interface PageAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

export type PageAssets = ReadonlyMap<string, PageAsset>;

export const PAGE_ASSETS = Symbol('PAGE_ASSETS');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Where the page's files are. Compiled, they sit beside this module: nest-cli.json copies `page/public` into the
 * build, mirroring the sources. Under jest (ESM) there is no `__dirname`: the sources are read from the project
 * root, where jest runs. A build without them fails at start, naming the directory, rather than serving nothing.
 */
export function pageAssetsDirectory(): string {
  const directory =
    typeof __dirname === 'string'
      ? join(__dirname, 'public')
      : join(process.cwd(), 'apps', 'api', 'src', 'page', 'public');
  if (!existsSync(join(directory, 'index.html'))) throw new Error(`The page's files are missing from ${directory}`);
  return directory;
}

/** The pages kept in a folder of their own beside the timeline page's files: the editors' desk. */
export const PAGE_FOLDERS = ['desk'] as const;
export type PageFolder = (typeof PAGE_FOLDERS)[number];

/**
 * Every servable file of the directory by name (a page folder's as `folder/name`); nothing else can be served
 * (no other paths, no traversal).
 */
export function loadPageAssets(directory: string): PageAssets {
  const assets = new Map<string, PageAsset>();
  const add = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder)) {
      const contentType = CONTENT_TYPES[extname(name)];
      if (contentType !== undefined) assets.set(prefix + name, { contentType, body: readFileSync(join(folder, name)) });
    }
  };
  add(directory, '');
  for (const folder of PAGE_FOLDERS) {
    if (existsSync(join(directory, folder))) add(join(directory, folder), `${folder}/`);
  }
  return assets;
}
