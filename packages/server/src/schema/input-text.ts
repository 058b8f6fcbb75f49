import { MAX_NAME_CHARS, refuseLongText, refuseOddInput } from '@sitrep/vocabulary';

/**
 * Refuses a mutation whose input holds text that cannot be stored as sent (a lone surrogate, a
 * control character: see refuseOddText), naming the field and offset. Names (`nameFields`) also
 * take no more than look-ups do: a name too long to look up would be no name at all.
 */
export function checkInputText<T extends object>(input: T, nameFields: ReadonlyArray<keyof T & string> = []): void {
  refuseOddInput(input, 'input');
  for (const field of nameFields) {
    const value: unknown = input[field];
    const names = Array.isArray(value) ? value : [value];
    names.forEach((name, i) => {
      const path = Array.isArray(value) ? `input.${field}[${i}]` : `input.${field}`;
      if (typeof name === 'string') refuseLongText(path, name, MAX_NAME_CHARS);
    });
  }
}
