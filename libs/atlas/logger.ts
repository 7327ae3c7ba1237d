export interface AtlasLogger {
  info(msg: string): void;
  warn(msg: string): void;
}

export const silentLogger: AtlasLogger = { info: () => undefined, warn: () => undefined };
