/**
 * Botte's logger: a small, dependency-free logger shaped like Python's `logging` so that the
 * Python `logger.setLevel(logging.DEBUG)` translates to `logger.setLevel('debug')`.
 *
 * Every line (message and error stack) passes through {@link redact} before it reaches any
 * output, so a registered bot token can never be written to a log. Calls below the current
 * level return before any formatting work is done.
 * @module
 */
import { formatWithOptions } from 'node:util';
import { redact, redactError } from './util/redact.js';

/** Numeric levels, the same numbers as Python's `logging` module. */
export const LogLevels = {
  DEBUG: 10,
  INFO: 20,
  WARNING: 30,
  ERROR: 40,
  CRITICAL: 50,
  /** Above every level: nothing is logged. */
  SILENT: Number.POSITIVE_INFINITY,
} as const;

/** A level name accepted by {@link Logger.setLevel} (case-insensitive at runtime). */
export type LogLevelName = 'debug' | 'info' | 'warn' | 'warning' | 'error' | 'critical' | 'fatal' | 'silent';

/** A level: one of {@link LogLevelName} or a number such as Python's `logging.DEBUG` (10). */
export type LogLevel = LogLevelName | Uppercase<LogLevelName> | number;

/** One log event, as handed to the output function set by {@link Logger.setOutput}. */
export interface LogRecord {
  /** Numeric level (10 debug … 50 critical). */
  level: number;
  /** `DEBUG`, `INFO`, `WARNING`, `ERROR` or `CRITICAL`. */
  levelName: string;
  /** The formatted, redacted message. */
  message: string;
  /** When the event happened. */
  time: Date;
  /** The error passed with the event, if any; its message and stack are already redacted. */
  error?: unknown;
  /** The error's stack (or its string form), redacted; convenient for outputs that print text. */
  stack?: string;
}

/** Receives every record at or above the current level. */
export type LogOutput = (record: LogRecord) => void;

const NAMES: Record<string, number> = {
  debug: LogLevels.DEBUG,
  info: LogLevels.INFO,
  warn: LogLevels.WARNING,
  warning: LogLevels.WARNING,
  error: LogLevels.ERROR,
  critical: LogLevels.CRITICAL,
  fatal: LogLevels.CRITICAL,
  silent: LogLevels.SILENT,
};

function toNumber(level: LogLevel): number {
  if (typeof level === 'number') {
    if (Number.isNaN(level)) throw new TypeError('Log level must not be NaN');
    return level;
  }
  const value = NAMES[String(level).toLowerCase()];
  if (value === undefined) throw new TypeError(`Unknown log level: ${String(level)}`);
  return value;
}

/** Returns Python's name for a numeric level (`Level 15` for numbers between the named ones). */
export function levelName(level: number): string {
  switch (level) {
    case LogLevels.DEBUG:
      return 'DEBUG';
    case LogLevels.INFO:
      return 'INFO';
    case LogLevels.WARNING:
      return 'WARNING';
    case LogLevels.ERROR:
      return 'ERROR';
    case LogLevels.CRITICAL:
      return 'CRITICAL';
    default:
      return `Level ${level}`;
  }
}

/** Writes one line per record to stderr: `<ISO time> (Botte) LEVEL - message`, then the stack. */
export const defaultOutput: LogOutput = (record) => {
  let line = `${record.time.toISOString()} (Botte) ${record.levelName} - ${record.message}`;
  if (record.stack && !record.message.includes(record.stack)) line += `\n${record.stack}`;
  if (stderr) stderr.write(`${line}\n`);
  else console.error(line);
};

/**
 * Node's, Bun's and Deno's stderr; undefined on Workers, whose `process` (nodejs_compat) has no
 * stderr that reaches the log: there the console carries the lines.
 */
const stderr: { write(text: string): unknown } | undefined =
  typeof globalThis.process?.stderr?.write === 'function' && globalThis.navigator?.userAgent !== 'Cloudflare-Workers'
    ? globalThis.process.stderr
    : undefined;

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return formatWithOptions({ depth: 4 }, '%O', error);
}

/** A Python-`logging`-like logger whose output is always token-free. */
export class Logger {
  /** The logger name used in the default line format. */
  readonly name: string;
  /** 10, for `logger.setLevel(logger.DEBUG)` as with Python's `logging.DEBUG`. */
  readonly DEBUG = LogLevels.DEBUG;
  /** 20. */
  readonly INFO = LogLevels.INFO;
  /** 30. */
  readonly WARNING = LogLevels.WARNING;
  /** 40. */
  readonly ERROR = LogLevels.ERROR;
  /** 50. */
  readonly CRITICAL = LogLevels.CRITICAL;
  private threshold: number;
  private output: LogOutput = defaultOutput;

  /** Creates a logger; Botte's own is {@link logger}. Default level: `error`, like pyTelegramBotAPI. */
  constructor(name = 'Botte', level: LogLevel = 'error') {
    this.name = name;
    this.threshold = toNumber(level);
  }

  /** Sets the minimum level to output: a name (`'debug'` … `'critical'`, `'silent'`) or a number (10 … 50). */
  setLevel(level: LogLevel): this {
    this.threshold = toNumber(level);
    return this;
  }

  /** The current minimum level as a number (`Infinity` when silent). */
  getLevel(): number {
    return this.threshold;
  }

  /** Tells whether a record of `level` would be output; use it to skip costly log preparation. */
  isEnabledFor(level: LogLevel): boolean {
    return toNumber(level) >= this.threshold;
  }

  /** Replaces where records go; `null` or no argument restores the default stderr output. */
  setOutput(output?: LogOutput | null): this {
    this.output = output ?? defaultOutput;
    return this;
  }

  /** Logs at DEBUG (10). Extra arguments are formatted like `console.log`; an Error among them is attached. */
  debug(message: unknown, ...args: unknown[]): void {
    if (LogLevels.DEBUG >= this.threshold) this.emit(LogLevels.DEBUG, message, args);
  }

  /** Logs at INFO (20). */
  info(message: unknown, ...args: unknown[]): void {
    if (LogLevels.INFO >= this.threshold) this.emit(LogLevels.INFO, message, args);
  }

  /** Logs at WARNING (30). */
  warn(message: unknown, ...args: unknown[]): void {
    if (LogLevels.WARNING >= this.threshold) this.emit(LogLevels.WARNING, message, args);
  }

  /** Logs at WARNING (30); Python's spelling of {@link Logger.warn}. */
  warning(message: unknown, ...args: unknown[]): void {
    if (LogLevels.WARNING >= this.threshold) this.emit(LogLevels.WARNING, message, args);
  }

  /** Logs at ERROR (40). */
  error(message: unknown, ...args: unknown[]): void {
    if (LogLevels.ERROR >= this.threshold) this.emit(LogLevels.ERROR, message, args);
  }

  /** Logs at ERROR (40) with the error attached, like Python's `logger.exception`. */
  exception(message: unknown, error?: unknown): void {
    if (LogLevels.ERROR >= this.threshold) this.emit(LogLevels.ERROR, message, error === undefined ? [] : [error]);
  }

  /** Logs at CRITICAL (50). */
  critical(message: unknown, ...args: unknown[]): void {
    if (LogLevels.CRITICAL >= this.threshold) this.emit(LogLevels.CRITICAL, message, args);
  }

  /** Logs at any numeric or named level. */
  log(level: LogLevel, message: unknown, ...args: unknown[]): void {
    const value = toNumber(level);
    if (value >= this.threshold) this.emit(value, message, args);
  }

  private emit(level: number, message: unknown, args: unknown[]): void {
    // The first Error (the message itself or an argument) is attached as the record's error;
    // the others are formatted inline like any value.
    let error: unknown;
    let rest = args;
    if (message instanceof Error) {
      error = message;
    } else {
      const index = args.findIndex((arg) => arg instanceof Error);
      if (index >= 0) {
        error = args[index];
        rest = args.slice(0, index).concat(args.slice(index + 1));
      }
    }
    if (error instanceof Error) redactError(error);
    let text: string;
    try {
      if (message instanceof Error)
        text = rest.length
          ? formatWithOptions({}, `${message.name}: ${message.message}`, ...rest)
          : `${message.name}: ${message.message}`;
      else if (typeof message === 'string') text = rest.length ? formatWithOptions({}, message, ...rest) : message;
      else text = formatWithOptions({}, '%O', message, ...rest);
    } catch {
      text = String(message);
    }
    const record: LogRecord = { level, levelName: levelName(level), message: redact(text), time: new Date() };
    if (error !== undefined) {
      record.error = error;
      record.stack = redact(describeError(error));
    }
    try {
      this.output(record);
    } catch (outputError) {
      // A broken output must never break the bot; fall back to stderr once for this record.
      if (this.output !== defaultOutput) {
        try {
          defaultOutput(record);
          defaultOutput({
            ...record,
            levelName: 'ERROR',
            message: redact(`Log output failed: ${describeError(outputError)}`),
            stack: undefined,
          });
        } catch {
          // stderr itself is gone; nothing sensible is left to do.
        }
      }
    }
  }
}

/** Botte's logger. Default level `error`; `logger.setLevel('debug')` shows everything. */
export const logger = new Logger('Botte', 'error');
