import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { EnvironmentVariables } from '../../apps/api/src/config/environment-variables';

/**
 * docker-compose.yml and the nginx configuration name what the code expects. No Docker here: these checks read
 * the files; `npm run test:cluster` runs them for real.
 */
interface Service {
  image?: string;
  build?: unknown;
  profiles?: string[];
  environment?: Record<string, string | number | boolean> | string[];
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
  command?: string[] | string;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = Object.entries(compose.services);
const KURRENTDB_IMAGE = 'kurrentplatform/kurrentdb:26.1.1';

function environmentOf(service: Service): Record<string, string> {
  const environment = service.environment ?? {};
  const pairs = Array.isArray(environment)
    ? environment.map((entry) => entry.split(/=(.*)/s).slice(0, 2) as [string, string])
    : Object.entries(environment).map(([name, value]) => [name, String(value)] as [string, string]);
  return Object.fromEntries(pairs);
}

/** `source:target[:mode]` mounts, by target. */
function mountsOf(service: Service): Map<string, { source: string; readOnly: boolean }> {
  return new Map(
    (service.volumes ?? []).map((volume) => {
      const [source, target, mode] = volume.split(':') as [string, string, string?];
      return [target, { source, readOnly: mode === 'ro' }];
    }),
  );
}

const inCluster = ([, service]: [string, Service]) => service.profiles?.includes('cluster') ?? false;
const nodes = services.filter(inCluster).filter(([, service]) => service.image === KURRENTDB_IMAGE);
const replicas = services
  .filter(inCluster)
  .filter(([, service]) => environmentOf(service).EVENTSTORE_CONNECTION_STRING !== undefined);
const nodeNames = nodes.map(([name]) => name);
const replicaNames = replicas.map(([name]) => name);

/** `esdb://a:1,b:2?x=y` → hosts and options; the client parses it the same way. */
function parseConnectionString(connectionString: string): { hosts: string[]; options: URLSearchParams } {
  const match = /^esdb:\/\/([^/?]+)\/?(?:\?(.*))?$/.exec(connectionString);
  if (!match) throw new Error(`not an esdb:// connection string: ${connectionString}`);
  return { hosts: match[1]!.split(','), options: new URLSearchParams(match[2] ?? '') };
}

describe('docker-compose.yml', () => {
  it('keeps the single node and the api wired to it, outside any profile', () => {
    const { eventstore, api } = compose.services;
    expect(eventstore).toMatchObject({ image: KURRENTDB_IMAGE, ports: ['2113:2113'] });
    expect(eventstore!.profiles).toBeUndefined();
    expect(api!.profiles).toBeUndefined();
    expect(environmentOf(api!).EVENTSTORE_CONNECTION_STRING).toBe('esdb://eventstore:2113?tls=false');
  });

  describe('the cluster profile', () => {
    it('has three KurrentDB nodes of the same image, a cluster of three seeded by gossip from the others', () => {
      expect(nodeNames).toHaveLength(3);
      for (const [name, service] of nodes) {
        const environment = environmentOf(service);
        expect(environment).toMatchObject({ KURRENTDB_CLUSTER_SIZE: '3', KURRENTDB_DISCOVER_VIA_DNS: 'false' });
        const seeds = environment.KURRENTDB_GOSSIP_SEED!.split(',').sort();
        expect(seeds).toEqual(
          nodeNames
            .filter((other) => other !== name)
            .map((other) => `${other}:2113`)
            .sort(),
        );
        // Advertised under the name the replicas' connection string and the other nodes use.
        expect(environment.KURRENTDB_NODE_HOST_ADVERTISE_AS).toBe(name);
        expect(environment.KURRENTDB_REPLICATION_HOST_ADVERTISE_AS).toBe(name);
      }
    });

    it('gives every node its own data volume', () => {
      const sources = nodes.map(([, service]) => mountsOf(service).get('/var/lib/kurrentdb')?.source);
      expect(new Set(sources).size).toBe(3);
      for (const source of sources) expect(Object.keys(compose.volumes)).toContain(source);
    });

    it('runs two or more api replicas of the api image, each connected to every node as a gossip seed', () => {
      expect(replicaNames.length).toBeGreaterThanOrEqual(2);
      for (const [, service] of replicas) {
        expect(service.build).toBe('.');
        const { hosts, options } = parseConnectionString(environmentOf(service).EVENTSTORE_CONNECTION_STRING!);
        expect(hosts.sort()).toEqual(nodeNames.map((name) => `${name}:2113`).sort());
        expect(options.get('tls')).toBe('false');
        expect(options.get('nodePreference') ?? 'leader').toBe('leader');
        expect(Object.keys(service.depends_on ?? {})).toEqual(expect.arrayContaining(nodeNames));
      }
    });

    it('sets only variables the app reads, and the same ones on every replica', () => {
      const known = Object.keys(new EnvironmentVariables());
      const names = replicas.map(([, service]) => Object.keys(environmentOf(service)).sort());
      for (const list of names) {
        for (const name of list) expect(known).toContain(name);
        expect(list).toEqual(names[0]);
      }
      expect(names[0]).toEqual(
        expect.arrayContaining([
          'PORT',
          'EVENTSTORE_CONNECTION_STRING',
          'TIMELINE_DATA_DIR',
          'TIMELINE_SIGNING_KEY_FILE',
          'TIMELINE_API_KEYS',
        ]),
      );
    });

    it('shares one signing key (a read-only mount of one volume) and one API keys setting', () => {
      const shared = (name: string) => new Set(replicas.map(([, service]) => environmentOf(service)[name]));
      expect(shared('TIMELINE_API_KEYS').size).toBe(1);
      expect(shared('TIMELINE_SIGNING_KEY_FILE').size).toBe(1);
      const keyFile = [...shared('TIMELINE_SIGNING_KEY_FILE')][0]!;
      const keyDirectory = posix.dirname(keyFile);
      const mounts = replicas.map(([, service]) => mountsOf(service).get(keyDirectory));
      for (const mount of mounts) expect(mount).toMatchObject({ source: mounts[0]!.source, readOnly: true });
      // Made before any replica starts, into that volume.
      const generator = services.find(([, service]) => mountsOf(service).get(keyDirectory)?.readOnly === false);
      expect(generator).toBeDefined();
      expect(String(generator![1].command)).toContain(keyFile);
      for (const [, service] of replicas) {
        expect(service.depends_on).toMatchObject({ [generator![0]]: { condition: 'service_completed_successfully' } });
      }
    });

    it('gives every replica its own data volume: its own read models and subscription checkpoint', () => {
      const sources = replicas.map(([, service]) => {
        const dataDir = environmentOf(service).TIMELINE_DATA_DIR!;
        return mountsOf(service).get(dataDir)?.source;
      });
      expect(sources.every((source) => source !== undefined)).toBe(true);
      expect(new Set(sources).size).toBe(replicas.length);
      expect(
        sources.some((source) => nodes.some(([, node]) => mountsOf(node).get('/var/lib/kurrentdb')?.source === source)),
      ).toBe(false);
    });

    it('puts nginx in front of the replicas, with the configuration in deploy/nginx/cluster.conf', () => {
      const [name, balancer] = services.filter(inCluster).find(([, service]) => service.image?.startsWith('nginx'))!;
      expect(mountsOf(balancer).get('/etc/nginx/conf.d/default.conf')).toEqual({
        source: './deploy/nginx/cluster.conf',
        readOnly: true,
      });
      expect(Object.keys(balancer.depends_on ?? {}).sort()).toEqual([...replicaNames].sort());
      expect(name).toBe('lb');
    });
  });
});

describe('deploy/nginx/cluster.conf', () => {
  const conf = readFileSync('deploy/nginx/cluster.conf', 'utf8').replace(/#.*$/gm, '');
  /** The `{ ... }` block whose header starts at `start`. */
  const blockAt = (start: number): string => {
    if (start < 0) throw new Error('no such block');
    let depth = 0;
    for (let index = conf.indexOf('{', start); index < conf.length; index++) {
      if (conf[index] === '{') depth += 1;
      if (conf[index] === '}' && --depth === 0) return conf.slice(start, index + 1);
    }
    throw new Error('unbalanced block');
  };
  const seconds = (value: string): number => {
    const [, amount, unit] = /^(\d+)(ms|s|m|h)?$/.exec(value)!;
    return Number(amount) * { ms: 0.001, s: 1, m: 60, h: 3600 }[(unit ?? 's') as 'ms' | 's' | 'm' | 'h'];
  };

  it('names every replica, on the port it listens on, in its upstream', () => {
    const upstream = blockAt(conf.search(/upstream\s+timeline_api\s*\{/));
    const servers = [...upstream.matchAll(/^\s*server\s+([^\s;]+)/gm)].map((match) => match[1]).sort();
    const expected = replicas.map(([name, service]) => `${name}:${environmentOf(service).PORT}`).sort();
    expect(servers).toEqual(expected);
  });

  it('sends every request to that upstream, and never resends a request a replica may have received', () => {
    expect([...conf.matchAll(/proxy_pass\s+([^;]+);/g)].map((match) => match[1])).toEqual(
      expect.arrayContaining(['http://timeline_api']),
    );
    expect(conf).not.toMatch(/proxy_next_upstream[^;]*non_idempotent/);
  });

  it('streams the live routes unbuffered, kept open far longer than the 15 s heartbeat', () => {
    const [header, pattern] = /location\s+~\s+(\S+)\s*\{/.exec(conf)!;
    const sse = new RegExp(pattern!);
    for (const route of ['/live', '/treaties/ru-ir-comprehensive-strategic-partnership/live']) {
      expect(route).toMatch(sse);
    }
    for (const route of ['/treaties', '/treaties/ru-ir/timeline', '/audit/log']) expect(route).not.toMatch(sse);
    const live = blockAt(conf.indexOf(header));
    expect(live).toMatch(/proxy_buffering\s+off;/);
    expect(live).toMatch(/proxy_pass\s+http:\/\/timeline_api;/);
    const readTimeout = /proxy_read_timeout\s+(\w+);/.exec(live)![1]!;
    expect(seconds(readTimeout)).toBeGreaterThanOrEqual(15 * 4);
    // Keep-alive connections to the replicas (HTTP/1.1, no Connection: close), which SSE needs through a proxy.
    expect(conf).toMatch(/proxy_http_version\s+1\.1;/);
    expect(conf).toMatch(/proxy_set_header\s+Connection\s+'';/);
  });

  it('passes the Host the client used, port included, from which the api builds its absolute links', () => {
    expect(conf).toMatch(/proxy_set_header\s+Host\s+\$http_host;/);
    expect(conf).not.toMatch(/proxy_set_header\s+\S+\s+\$host;/);
  });
});
