/**
 * The one check every typed text goes through before it is stored: no control characters.
 * PostgreSQL refuses NUL, and the others have no place in a name, a note or a message. A form
 * that takes several lines lets line breaks through (and, where it says so, tabs). Pure.
 */

/** Line breaks, for texts of several lines typed in a textarea. */
export const LINE_BREAKS = "\n\r";
/** Line feeds and tabs, for texts whose line breaks were already normalised to "\n". */
export const LINES_AND_TABS = "\n\t";

/** Whether `text` holds no control character (U+0000–U+001F, U+007F) other than those in `allowed`. */
export function withoutControlCharacters(text: string, allowed = ""): boolean {
  // Code units, not code points: no control character is part of a surrogate pair, and the
  // request guard runs this over whole bodies.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 || code === 0x7f) && !allowed.includes(text[i]!)) return false;
  }
  return true;
}

/** Tab and line breaks, which a textarea sends (CR LF). */
export const TEXTAREA_WHITESPACE = "\t\n\r";
