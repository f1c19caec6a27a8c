// Values echoed in messages, cut to what a reader can take in: a mapped field can hold 100 kB
// (an id, a name), HighLevel may repeat it in its answer, and the message would carry all of it.
const SHOWN_VALUE_LENGTH = 60;
const SHOWN_MESSAGE_LENGTH = 500;

const cut = (text: string, length: number): string =>
  text.length <= length ? text : `${text.slice(0, length)}… (${text.length} characters)`;

/** One value as a message shows it: whole when short, else its start and its length. */
export const shown = (value: unknown): string => cut(String(value), SHOWN_VALUE_LENGTH);

// "…" marks a value already cut, so a cut value is never cut twice. A run starts after white
// space, a quote or a bracket; the app's own URLs (in "could not reach" messages) are left whole
// for the whole-text limit, since the ids in them are capped already (paths.ts).
const LONG_QUOTED = new RegExp(`"([^"…]{${SHOWN_VALUE_LENGTH + 1},})"`, 'g');
const LONG_RUN = new RegExp(`(?<![^\\s"(])(?!https?://)[^\\s"…]{${SHOWN_VALUE_LENGTH + 1},}`, 'g');

/**
 * Text that may echo values (HighLevel's messages, an input check's explanation): every quoted
 * value and every unbroken run of characters is cut to a readable length, then the whole text.
 */
export const readable = (text: string): string =>
  cut(
    text
      .replace(LONG_QUOTED, (_match, value: string) => `"${shown(value)}"`)
      .replace(LONG_RUN, shown),
    SHOWN_MESSAGE_LENGTH,
  );
