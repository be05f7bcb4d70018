/** A value React reads with useSyncExternalStore: listeners, and a version that changes with it. */
export class Versioned {
  private version = 0;
  private listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  protected notify(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
