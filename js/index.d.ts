// The package's types: the API and its data types, whichever entry (browser, bundler, worker, Node import or require) loads it; scripts/package.mjs appends the declaration of each registered DTO's Standard Schema object.
export { validate, parse, validateJson, serverError, addLanguage, dtoNames, validateForm, validateField, describe, describeApi } from "./payrules.js";
export type {
  DtoName,
  DtoValue,
  DtoValues,
  ParseResult,
  ValidateOptions,
  Language,
  FieldError,
  ValidationResult,
  ResponseError,
  ResponseStatus,
  ServiceStackErrorBody,
  WebApiErrorBody,
  ServerErrorBody,
  FormInput,
  HtmlAttributes,
  FieldDescription,
  ApiDescription,
  WebApiDtoName,
} from "./payrules.js";
import type { DtoName, DtoValue, ValidateOptions } from "./payrules.js";

/** The Standard Schema v1 interface (https://standardschema.dev), which payrules' DTO objects implement. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: Options | undefined) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  /** Options a consumer passes to `validate` (Standard Schema 1.1). */
  interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/** What a DTO's Standard Schema accepts as input: any value is judged; a form's values have its field names. */
export type DtoInput<D extends DtoName = DtoName> = { [K in keyof DtoValue<D>]?: unknown };

/** One payrules error as a Standard Schema issue: the server's message, the payrules code, and the field's wire name as its path (none for an error about the request as a whole). */
export interface DtoIssue extends StandardSchemaV1.Issue {
  readonly code: string;
  readonly path?: readonly [string];
}

/** The result of a DTO schema's `validate`: synchronous, the request as bound or the issues. */
export type DtoSchemaResult<D extends DtoName = DtoName> =
  | { readonly value: DtoValue<D>; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<DtoIssue> };

/** The Standard Schema object of DTO `D`, exported from "payrules" under the DTO's name. */
export interface DtoSchema<D extends DtoName = DtoName> extends StandardSchemaV1<DtoInput<D>, DtoValue<D>> {
  readonly "~standard": Omit<StandardSchemaV1.Props<DtoInput<D>, DtoValue<D>>, "vendor" | "validate"> & {
    readonly vendor: "payrules";
    /** Synchronous: the module is loaded before any entry exports the schema. `libraryOptions`:
     * `parse`'s options (`{ locale: "fr-CA" }`). */
    readonly validate: (value: unknown, options?: { readonly libraryOptions?: ValidateOptions }) => DtoSchemaResult<D>;
  };
}

/** The Standard JSON Schema v1 interface (https://standardschema.dev/json-schema): what `payrules/json-schema`'s DTO objects add. */
export interface StandardJSONSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardJSONSchemaV1.Props<Input, Output>;
}

export declare namespace StandardJSONSchemaV1 {
  /** Standard Schema's version, vendor and types; a converter in place of `validate`. */
  interface Props<Input = unknown, Output = Input> extends Omit<StandardSchemaV1.Props<Input, Output>, "validate"> {
    readonly jsonSchema: Converter;
  }
  interface Converter {
    /** The JSON Schema of the input; throws for a target it cannot write. */
    readonly input: (options: Options) => Record<string, unknown>;
    /** The JSON Schema of the output; throws for a target it cannot write. */
    readonly output: (options: Options) => Record<string, unknown>;
  }
  type Target = "draft-2020-12" | "draft-07" | "openapi-3.0" | ({} & string);
  interface Options {
    readonly target: Target;
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
}

/** A DTO's Standard Schema object with `~standard.jsonSchema` (`payrules/json-schema`): the JSON body's schema as input, the bound value's as output, for targets "draft-2020-12" and "draft-07" (another throws). */
export interface DtoJsonSchema<D extends DtoName = DtoName> extends DtoSchema<D> {
  readonly "~standard": DtoSchema<D>["~standard"] & { readonly jsonSchema: StandardJSONSchemaV1.Converter };
}
