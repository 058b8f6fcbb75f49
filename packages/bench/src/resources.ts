/** Things to undo however a run ends: child processes to stop, temporary files to remove. */
export class Resources {
  private readonly undo: Array<() => Promise<void> | void> = [];
  private disposing: Promise<void> | null = null;

  add(fn: () => Promise<void> | void): void {
    this.undo.push(fn);
  }

  /** Undoes everything, last added first; safe to call again (from a signal handler, say). */
  dispose(): Promise<void> {
    this.disposing ??= (async () => {
      for (let fn = this.undo.pop(); fn; fn = this.undo.pop()) {
        try {
          await fn();
        } catch (error) {
          console.error(`cleanup failed: ${(error as Error).message}`);
        }
      }
    })();
    const done = this.disposing;
    return done.finally(() => {
      if (this.disposing === done) this.disposing = null;
    });
  }
}
