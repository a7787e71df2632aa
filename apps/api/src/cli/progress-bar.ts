/**
 * A one-line progress bar on stderr, redrawn at most ten times a second, and only on a terminal: piped or
 * logged output gets the summary alone. Hand-written: a bar and a rate are twenty lines, not a dependency.
 */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private readonly started = Date.now();
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly unit: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = stream.isTTY === true;
  }

  advance(by: number): void {
    this.done += by;
    const now = Date.now();
    if (this.enabled && (now - this.lastDraw >= 100 || this.done >= this.total)) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  finish(): void {
    if (this.enabled) this.stream.write('\n');
  }

  private draw(now: number): void {
    const width = 30;
    const share = this.total === 0 ? 1 : Math.min(1, this.done / this.total);
    const filled = Math.round(share * width);
    const rate = this.done / Math.max(0.001, (now - this.started) / 1000);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    this.stream.write(
      `\r${bar} ${Math.round(share * 100)}% ${this.done}/${this.total} ${this.unit}, ${Math.round(rate)}/s`,
    );
  }
}
