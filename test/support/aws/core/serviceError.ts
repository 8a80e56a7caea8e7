// The one error type every handler throws. The protocol codec decides how it goes on the wire
// (awsQuery: `<ErrorResponse><Error><Code>`; awsJson1_1: `{"__type": ...}`; restJson1: the
// `x-amzn-errortype` header and `{"message": ...}`), so a handler never formats errors itself.

export class ServiceError extends Error {
  constructor(
    /** The modelled error name the SDK turns into `error.name`, e.g. `ValidationError`, `ResourceNotFoundException`. */
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Extra members of the error shape (restJson1/awsJson1_1 bodies), e.g. `{ resourceType: 'repository' }`. */
    readonly members: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** awsQuery's `<Type>`: who is at fault. */
  get faultType(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}

/** A service's error for one situation the core produces (validation, throttling, ...). */
export interface ErrorTemplate {
  readonly code: string;
  readonly status: number;
  readonly message: string;
}

export function fromTemplate(template: ErrorTemplate, message = template.message): ServiceError {
  return new ServiceError(template.code, message, template.status);
}
