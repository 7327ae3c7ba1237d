/**
 * Whether the HTTP server has begun to close. Set from Fastify's `preClose` hook, right before
 * the listener stops accepting connections; requests that still arrive on an open keep-alive
 * connection get a 503 problem. Tests await `closing` to know the drain has started.
 */
export class HttpShutdownState {
  private closingFlag = false;
  private resolveClosing!: () => void;
  readonly closing: Promise<void> = new Promise((resolve) => (this.resolveClosing = resolve));

  get isClosing(): boolean {
    return this.closingFlag;
  }

  markClosing(): void {
    this.closingFlag = true;
    this.resolveClosing();
  }
}
