import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * A field that may be left out, but not sent as null. class-validator's IsOptional skips every other
 * check for null as well as for a missing field, so `"districtCodes": null` passed validation, reached
 * the decider and was recorded, and the plan dashboard could not apply the event. Here a null is
 * checked like any other value (and refused by IsString, IsInt, IsArray…). A field that may be
 * cleared with null says so with its own ValidateIf and `nullable: true` in the OpenAPI document.
 */
export const Omittable = (options?: ValidationOptions): PropertyDecorator =>
  ValidateIf((_object, value) => value !== undefined, options);
