/**
 * Allowed values of API Gateway extension fields, from the "API Gateway extensions to
 * OpenAPI" pages. One list per field, shared by the checks and by completion.
 */
export const INTEGRATION_TYPES: readonly string[] = ['aws', 'aws_proxy', 'http', 'http_proxy', 'mock'];
export const PASSTHROUGH_BEHAVIORS: readonly string[] = ['when_no_match', 'when_no_templates', 'never'];
export const CONNECTION_TYPES: readonly string[] = ['INTERNET', 'VPC_LINK'];
export const CONTENT_HANDLINGS: readonly string[] = ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'];
export const AUTHORIZER_TYPES: readonly string[] = ['token', 'request', 'cognito_user_pools', 'jwt'];
export const API_KEY_SOURCES: readonly string[] = ['HEADER', 'AUTHORIZER'];
export const AUTH_TYPES: readonly string[] = ['NONE', 'AWS_IAM'];
