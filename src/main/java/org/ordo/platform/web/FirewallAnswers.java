package org.ordo.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordo.platform.FieldError;
import org.ordo.platform.Wording;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers requests that the security firewall refuses before any controller sees them (an encoded {@code ;},
 * {@code /} or {@code %} in the path, a method such as {@code PROPFIND}) with a problem answer like every other
 * refusal, instead of the container's error page: 405 with an {@code Allow} header for an unknown method, 400
 * naming the path otherwise.
 */
@Component
class FirewallAnswers implements RequestRejectedHandler {

    /** The methods the API and the back office use; the firewall refuses every other one. */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private final JsonMapper json;

    FirewallAnswers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refused)
            throws IOException {
        ProblemDetail problem;
        if (!METHODS.contains(request.getMethod())) {
            problem = Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                    "Ordo answers the methods " + ALLOW);
            problem.setProperty("errors", List.of(new FieldError("method", Wording.of("platform.must_be_one_of",
                    ALLOW))));
            response.setHeader(HttpHeaders.ALLOW, ALLOW);
        } else {
            problem = Problems.invalid(HttpStatus.BAD_REQUEST, "Malformed request", List.of(new FieldError("path",
                    Wording.of("platform.contains_characters_that_are_not_allowed"))));
        }
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
