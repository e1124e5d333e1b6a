import { stat } from 'node:fs/promises';
import path from 'node:path';
import { geoFactsOf, loadGeoDataset, manifestFile, type GeoDataset, type GeoFacts } from './geo-dataset.js';

export interface GeoLocatorOptions {
  geoDir: string;
  /** How often, at most, the manifest is looked at for a new version. Default 60 s. */
  recheckMilliseconds?: number;
}

/**
 * The dataset, held in memory by the process that analyses URLs: loaded at the first
 * lookup (a server that never analyses a URL never pays for it), and loaded again when
 * `vigie geo update` has installed a new version (its manifest changed), the old tables
 * serving until the new ones are ready.
 */
export class GeoLocator {
  readonly #options: Required<GeoLocatorOptions>;
  #dataset: Promise<GeoDataset> | null = null;
  #manifestStamp = '';
  #checkedAt = 0;

  constructor(options: GeoLocatorOptions) {
    this.#options = { recheckMilliseconds: 60_000, ...options };
  }

  async #stamp(): Promise<string> {
    try {
      const info = await stat(path.join(this.#options.geoDir, manifestFile));
      return `${info.mtimeMs}:${info.size}`;
    } catch {
      return 'none';
    }
  }

  /** The loaded dataset; throws if it cannot be read (a corrupt file), and tries again at the next call. */
  async dataset(): Promise<GeoDataset> {
    const now = Date.now();
    if (this.#dataset && now - this.#checkedAt >= this.#options.recheckMilliseconds) {
      this.#checkedAt = now;
      const stamp = await this.#stamp();
      if (stamp !== this.#manifestStamp) {
        const current = this.#dataset;
        const next = this.#load(stamp);
        // Keep answering from the loaded tables while the new ones load.
        this.#dataset = next.catch(() => current);
      }
    }
    if (!this.#dataset) {
      this.#checkedAt = now;
      this.#dataset = this.#load(await this.#stamp());
      this.#dataset.catch(() => {
        this.#dataset = null;
      });
    }
    return this.#dataset;
  }

  async #load(stamp: string): Promise<GeoDataset> {
    const dataset = await loadGeoDataset(this.#options.geoDir);
    this.#manifestStamp = stamp;
    return dataset;
  }

  async locate(address: string): Promise<GeoFacts> {
    return geoFactsOf(await this.dataset(), address);
  }
}
