/**
 * The one error type the HTTP layer turns into a response, in one place (handle-error.ts). Use
 * cases return rejections as values; a route maps a rejection to an AppError with the rejection's
 * reason code, so API clients see the same snake_case codes the domain uses.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly statusCode: number;
  readonly reason: string;
  readonly field: string | null;

  constructor(statusCode: number, reason: string, message: string, field: string | null = null) {
    super(message);
    this.statusCode = statusCode;
    this.reason = reason;
    this.field = field;
  }
}
