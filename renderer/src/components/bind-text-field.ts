/** Where a form's field-level messages come from (a form's FieldMessages fits): the message at a path, or null. */
export interface FieldMessageSource {
  readonly at: (path: string) => string | null;
}

/**
 * The keys of `V` whose values are plain strings: what a text box can hold. A key typed as a union of literals (a
 * kind, a status) is left out, since typing could put any string in it; those take a ChoiceField.
 */
export type TextKey<V> = {
  readonly [K in keyof V]-?: V[K] extends string ? (string extends V[K] ? K : never) : never;
}[keyof V] &
  string;

/** The props that tie a TextField or TextAreaField to one value of a form: spread them on the field. */
export interface TextBinding {
  readonly value: string;
  readonly error: string | null;
  readonly onChange: (value: string) => void;
}

/**
 * Ties text fields to a form's values, its change function and its messages, so each field names its key once:
 * `<TextField label={…} {...bind('title')} />`. The message shown is the one at `issuePath`, which defaults to the key
 * and differs where the form holds a value under another name than the one checked (a duration typed as text and
 * checked as `durationMinutes`). Changing the field calls `change(key, text)` and nothing else.
 */
export function textBinding<V extends object>(
  values: V & Readonly<Record<TextKey<V>, string>>,
  change: (field: TextKey<V>, value: string) => void,
  messages: FieldMessageSource,
): (field: TextKey<V>, issuePath?: string) => TextBinding {
  return (field, issuePath) => ({
    value: values[field],
    error: messages.at(issuePath ?? field),
    onChange: (value) => {
      change(field, value);
    },
  });
}
