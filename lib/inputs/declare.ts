// Each input is declared once: the field Zapier shows and the parser that turns what the user typed
// or mapped into what HighLevel is sent. An operation's input fields and its typed, checked input
// both derive from that one list, so a field's key, label and check cannot drift apart.
import type { PlainInputField } from 'zapier-platform-core';

/** A field as this app declares it: every field has a label, which errors name. */
export type LabelledField = PlainInputField & { label: string };

/**
 * What the inputs are read from: the step's values, and the Zap's time zone (an IANA name, or
 * null) in which a date-time typed without an offset is read. The bundle is one.
 */
export type InputSource = {
  inputData: Record<string, unknown>;
  meta?: { timezone?: string | null };
};

/**
 * Reads one field's value (`source` for the rare value read with another, e.g. a phone number
 * with its default country, or a date-time in the Zap's time zone); throws a clear error naming
 * the field, before any request.
 */
export type Parser<T, F extends LabelledField = LabelledField> = (
  value: unknown,
  field: F,
  source: InputSource,
) => T;

export type Input<F extends LabelledField = LabelledField, T = unknown> = {
  readonly field: F;
  // A method, so that a list of inputs with different fields is one `Input[]`.
  parse(value: unknown, field: F, source: InputSource): T;
};

export const defineInput = <const F extends LabelledField, T>(
  field: F,
  parse: Parser<T, F>,
): Input<F, T> => ({ field, parse });

/** The same input with its field changed (help text, label), keeping its key and parser. */
export const withField = <F extends LabelledField, T, const C extends Partial<LabelledField>>(
  input: Input<F, T>,
  changes: C,
): Input<Omit<F, keyof C> & C & LabelledField, T> =>
  ({ field: { ...input.field, ...changes }, parse: input.parse }) as unknown as Input<
    Omit<F, keyof C> & C & LabelledField,
    T
  >;

type Fields<I extends readonly Input[]> = { -readonly [K in keyof I]: I[K]['field'] };

/** The input fields, in order, typed field by field (for `InferInputData`). */
export const fieldsOf = <const I extends readonly Input[]>(inputs: I): Fields<I> =>
  inputs.map((input) => input.field) as Fields<I>;

/** What `parseInputs` returns: each key with the type its parser gives. */
export type Parsed<I extends readonly Input[]> = {
  [E in I[number] as E['field']['key']]: ReturnType<E['parse']>;
};

/** Every declared input read from the bundle, in declaration order (the first error wins). */
export const parseInputs = <const I extends readonly Input[]>(
  inputs: I,
  source: InputSource,
): Parsed<I> =>
  Object.fromEntries(
    inputs.map(({ field, parse }) => [
      field.key,
      parse(source.inputData[field.key], field, source),
    ]),
  ) as Parsed<I>;
