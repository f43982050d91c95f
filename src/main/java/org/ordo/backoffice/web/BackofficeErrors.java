package org.ordo.backoffice.web;

import org.ordo.platform.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Pages, not problem answers, for people: an unknown order, user or key (or a malformed id) is the 404 page. */
@ControllerAdvice(basePackages = "org.ordo.backoffice")
@Order(Ordered.HIGHEST_PRECEDENCE)
class BackofficeErrors {

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
