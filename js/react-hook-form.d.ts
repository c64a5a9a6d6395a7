// Types of `payrules/react-hook-form`: the resolver is generic over the form's values, so useForm's types flow through.
import type { FieldValues, Resolver } from "react-hook-form";
import type { DtoName } from "payrules";

/** A react-hook-form resolver that validates the form's values with the rules of `dto`. */
export declare function payrulesResolver<TFieldValues extends FieldValues = FieldValues>(dto: DtoName): Resolver<TFieldValues>;
