// A Standard Schema v1 object (standardschema.dev) for one DTO, over `parse`: scripts/package.mjs inlines this function into every entry (ESM and CommonJS) and makes one object per registered DTO, exported under the DTO's name.
//
// `validate` is synchronous (the module is loaded before any entry exports it). Success gives
// the request as bound (`parse`'s `value`); failure gives one issue per error, in the DTO's field
// order: the server's `message`, the payrules `code`, and `path: [wireName]`. An error about the
// request as a whole (not an object, unreadable) has no `path`: Standard Schema's form-level issue.
export function standardSchema(parse, dto) {
  return {
    "~standard": {
      version: 1,
      vendor: "payrules",
      validate(input, options) {
        const result = parse(dto, input, options?.libraryOptions);
        if (result.valid) return { value: result.value };
        return { issues: result.errors.map(({ field, code, message }) => (field === "" ? { message, code } : { message, code, path: [field] })) };
      },
    },
  };
}
