/**
 * Types shared by the emulator's parse-mode parsers.
 * @module
 */

/** A MessageEntity as the parsers build it (offsets and lengths in UTF-16 code units). */
export type TextEntity = { type: string; offset: number; length: number } & Record<string, unknown>;

/** Text with its formatting markup turned into entities. */
export interface ParsedText {
  /** The text without markup. */
  text: string;
  /** The entities, sorted by offset. */
  entities: TextEntity[];
}
