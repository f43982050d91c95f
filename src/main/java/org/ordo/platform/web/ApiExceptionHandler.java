package org.ordo.platform.web;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Wording;
import org.ordo.platform.security.SecurityAuditLog;
import org.ordo.platform.security.SecurityEventKind;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** Turns every failure into an RFC 9457 problem answer; no stack traces or SQL reach the client. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final SecurityAuditLog securityLog;

    ApiExceptionHandler(SecurityAuditLog securityLog) {
        this.securityLog = securityLog;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e, jakarta.servlet.http.HttpServletRequest request) {
        // A request with a JSON body names its faults there: each field also as a JSON pointer, as binding does.
        boolean jsonBody = request.getContentType() != null
                && request.getContentType().toLowerCase(java.util.Locale.ROOT).contains("json");
        return problem(Problems.invalid(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input",
                jsonBody ? Problems.inBody(e.errors()) : e.errors()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, e.type(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem(problem);
    }

    @ExceptionHandler(org.ordo.platform.PreconditionException.class)
    ResponseEntity<Object> precondition(org.ordo.platform.PreconditionException e) {
        ProblemDetail problem = Problems.of(HttpStatus.valueOf(e.status()), e.type(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem(problem);
    }

    @ExceptionHandler(JacksonException.class)
    ResponseEntity<Object> json(JacksonException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        FieldError error = new FieldError(Problems.path(e), Problems.message(e), Problems.pointer(e));
        // Broken JSON (or a key given twice) is a malformed body; well-formed JSON with a value of the wrong kind
        // ("2" for a quantity, 1.5 for an integer, a date that does not exist) is invalid input, as in docs/design.md.
        boolean malformed = e instanceof tools.jackson.core.exc.StreamReadException
                && !(e instanceof tools.jackson.core.exc.InputCoercionException);
        return malformed
                ? problem(Problems.invalid(HttpStatus.BAD_REQUEST, "Malformed request body", List.of(error)))
                : problem(Problems.invalid(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input", List.of(error)));
    }

    @ExceptionHandler(org.ordo.platform.WebhookSignature.Refused.class)
    ResponseEntity<Object> signature(org.ordo.platform.WebhookSignature.Refused e, HttpServletRequest request) {
        // Every webhook's signature refusal is recorded here, in one place, whichever module verified it.
        securityLog.recordRefusal(SecurityEventKind.WEBHOOK_REJECTED, "webhook:" + request.getRequestURI(),
                e.getMessage());
        ProblemDetail problem = Problems.invalid(HttpStatus.BAD_REQUEST, "Signature refused",
                List.of(new FieldError(e.header(), e.getMessage())));
        problem.setType(Problems.type("signature-refused"));
        return problem(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> parameter(MethodArgumentTypeMismatchException e) {
        return problem(Problems.invalid(HttpStatus.BAD_REQUEST, "Invalid parameter",
                List.of(new FieldError(e.getName(), Wording.of("platform.has_the_wrong_type_or_format")))));
    }

    /**
     * Query or form parameters that cannot be read: percent-encoding that is not UTF-8 (Tomcat refuses to decode
     * it), or names and values with control characters (the security firewall rejects them when they are read).
     */
    @ExceptionHandler({InvalidParameterException.class, RequestRejectedException.class})
    ResponseEntity<Object> unreadableParameters(RuntimeException e) {
        return problem(Problems.invalid(HttpStatus.BAD_REQUEST, "Malformed request", List.of(new FieldError(
                "parameters", Wording.of("platform.could_not_be_read_they_must")))));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                e.getMessage());
        problem.setProperty("errors", List.of(new FieldError("body", e.getMessage())));
        return problem(problem);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        // SQL state class 22 (data exception) is the input's fault, not a conflict: PostgreSQL cannot store U+0000.
        if (e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22")) {
            log.info("Refused by the database as data it cannot store: {}", sql.getMessage());
            return problem(Problems.invalid(HttpStatus.BAD_REQUEST, "Invalid input", List.of(new FieldError("request",
                    Wording.of("platform.contains_a_value_the_database_cannot")))));
        }
        log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(Problems.of(HttpStatus.CONFLICT, "constraint", "Conflict",
                "The change conflicts with the current data and was not made"));
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class, QueryTimeoutException.class, CannotCreateTransactionException.class})
    ResponseEntity<Object> unavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                        "The database cannot be reached right now; nothing was changed. Try again shortly."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (databaseAway(e)) {
            return unavailable(e);
        }
        log.error("Unexpected failure", e);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; nothing was changed"));
    }

    /**
     * A failure anywhere (a commit, a rollback, an event publication) because the connection to the database was
     * lost or could not be had: SQL states 08 (connection exception) and 57P (the server is shutting down or
     * starting), or the pool giving up. Retrying is safe: a creating request carries an Idempotency-Key, so a
     * retry after a commit whose answer was lost gets the first answer again.
     */
    static boolean databaseAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
            // A rollback on a connection the server just closed fails too, and hides what failed first.
            if (cause instanceof TransactionSystemException tx && tx.getApplicationException() != null
                    && databaseAway(tx.getApplicationException())) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return json(jackson);
            }
        }
        return problem(Problems.invalid(HttpStatus.BAD_REQUEST, "Malformed request body",
                List.of(new FieldError("body", Wording.of("platform.is_missing_or_not_valid_json")))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors()
                .forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return problem(Problems.invalid(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input", Problems.inBody(errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return problem(Problems.invalid(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input", errors));
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
