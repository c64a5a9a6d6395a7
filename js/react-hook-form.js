// `payrules/react-hook-form`: a react-hook-form resolver that validates the form's values with payrules, so the form shows the server's own wording.
import { validate } from "payrules";

/**
 * A resolver for `useForm({ resolver: payrulesResolver(dto) })`. Values are judged as JSON
 * (what the form posts): on success the resolver returns the values; otherwise one error per
 * field, `type` = the payrules code and `message` = the server's message, keyed by field name.
 * An error about the request as a whole lands under `root`.
 */
export function payrulesResolver(dto) {
  return async (values) => {
    const result = validate(dto, values);
    if (result.valid) return { values, errors: {} };
    const errors = {};
    for (const { field, code, message } of result.errors) {
      const name = field === "" ? "root" : field;
      // The first error of a field is the one react-hook-form shows; later ones join `types`.
      if (errors[name] === undefined) errors[name] = { type: code, message, types: { [code]: message } };
      else errors[name].types[code] ??= message;
    }
    return { values: {}, errors };
  };
}
