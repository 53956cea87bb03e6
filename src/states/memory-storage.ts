/**
 * The default state storage: a Map in the process. States are lost when the process ends.
 * @module
 */
import type { StateData, StateKey, StateStorage } from './storage.js';
import { stateKeyToString, type StorageKeyOptions } from './key.js';

/** One stored conversation: its state name (if any) and its data. */
export interface StateRecord {
  /** The state name; absent when only data was stored. */
  state?: string;
  /** The data collected so far. */
  data: StateData;
}

/** Deep copy, so that callers never hold references into the storage. */
export function cloneData(data: StateData): StateData {
  return structuredClone(data);
}

/**
 * The record logic shared by the map-backed storages. Subclasses say where the map comes from
 * ({@link RecordMapStorage.records}) and what to do after a change ({@link RecordMapStorage.changed}).
 *
 * Data may be stored before any state is set (pyTelegramBotAPI raises there; a record without a
 * state is more forgiving and `getState` still answers undefined).
 */
export abstract class RecordMapStorage implements StateStorage {
  /** @param keyOptions prefix and separator of the stored keys */
  constructor(protected readonly keyOptions: StorageKeyOptions = {}) {}

  /** The map of records, by storage key. */
  protected abstract records(): Promise<Map<string, StateRecord>>;
  /** Called after every change, with the changed map. */
  protected abstract changed(): Promise<void>;

  /** The string key of `key` (see {@link stateKeyToString}). */
  protected keyOf(key: StateKey): string {
    return stateKeyToString(key, this.keyOptions);
  }

  /** See {@link StateStorage.setState}. */
  async setState(key: StateKey, state: string): Promise<void> {
    const map = await this.records();
    const id = this.keyOf(key);
    const record = map.get(id);
    if (record) record.state = String(state);
    else map.set(id, { state: String(state), data: {} });
    await this.changed();
  }

  /** See {@link StateStorage.getState}. */
  async getState(key: StateKey): Promise<string | undefined> {
    return (await this.records()).get(this.keyOf(key))?.state;
  }

  /** See {@link StateStorage.deleteState}. */
  async deleteState(key: StateKey): Promise<boolean> {
    const deleted = (await this.records()).delete(this.keyOf(key));
    if (deleted) await this.changed();
    return deleted;
  }

  /** See {@link StateStorage.setData}. */
  async setData(key: StateKey, data: StateData): Promise<void> {
    const map = await this.records();
    const id = this.keyOf(key);
    const record = map.get(id);
    if (record) Object.assign(record.data, cloneData(data));
    else map.set(id, { data: cloneData(data) });
    await this.changed();
  }

  /** See {@link StateStorage.getData}. */
  async getData(key: StateKey): Promise<StateData> {
    const record = (await this.records()).get(this.keyOf(key));
    return record ? cloneData(record.data) : {};
  }

  /** See {@link StateStorage.resetData}. */
  async resetData(key: StateKey): Promise<void> {
    const record = (await this.records()).get(this.keyOf(key));
    if (!record) return;
    record.data = {};
    await this.changed();
  }

  /** See {@link StateStorage.saveData}. */
  async saveData(key: StateKey, data: StateData): Promise<void> {
    const map = await this.records();
    const id = this.keyOf(key);
    const record = map.get(id);
    if (record) record.data = cloneData(data);
    else map.set(id, { data: cloneData(data) });
    await this.changed();
  }
}

/**
 * States in memory (the default). Create one per bot, or share one between bots: keys include
 * the bot id.
 */
export class StateMemoryStorage extends RecordMapStorage {
  private readonly map = new Map<string, StateRecord>();

  /** @param options prefix and separator of the keys */
  constructor(options: StorageKeyOptions = {}) {
    super(options);
  }

  /** How many conversations are stored. */
  get size(): number {
    return this.map.size;
  }

  /** Forgets everything. */
  clear(): void {
    this.map.clear();
  }

  protected override async records(): Promise<Map<string, StateRecord>> {
    return this.map;
  }

  protected override async changed(): Promise<void> {}
}
