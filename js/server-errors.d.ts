// Types of `payrules/server-errors`: fromServerError, a server's answer read back into a ValidationResult.
import type { DtoName, ValidationResult } from "payrules";

/**
 * A server's answer to a request of `dto` read back into a `ValidationResult`, so errors only
 * the server knows (a duplicate invoice) show where client errors show. `body` is the parsed
 * JSON or its text: ServiceStack's `responseStatus` (camelCase or PascalCase) or Web API's
 * `ModelState`. A 2xx status is valid. C# names become wire names; Web API messages get the
 * code payrules gives them (`ModelState` for a message no payrules rule words). An error naming
 * no field, a non-400 answer and an unreadable body are errors of the request as a whole
 * (`field` ""), with the server's message where it gave one.
 * @throws Error if `dto` is unknown or `status` is not an HTTP status code.
 */
export declare function fromServerError(dto: DtoName, status: number, body: unknown): ValidationResult;
