package dev.tarmac.catalog.web;

import dev.tarmac.catalog.CatalogException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps errors on the Backstage-compatible endpoints to Backstage's error body and status. */
// Global, not scoped to this package: request-mapping errors (a missing Content-Type) are raised
// before a controller is chosen and reach only global advice.
@RestControllerAdvice
class BackstageErrors {

  @ExceptionHandler(CatalogException.class)
  ResponseEntity<Map<String, Object>> catalog(CatalogException e, HttpServletRequest request) {
    return body(e.name(), e.getMessage(), request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> contentType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    String message =
        request.getContentType() == null
            ? "Content-Type missing"
            : "Illegal Content-Type " + request.getContentType();
    return body("InputError", message, request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    return body(
        "InputError",
        "Malformed request body: "
            + (e.getMostSpecificCause() == null
                ? e.getMessage()
                : e.getMostSpecificCause().getMessage()),
        request);
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<Map<String, Object>> badParameter(Exception e, HttpServletRequest request) {
    return body("InputError", e.getMessage(), request);
  }

  static ResponseEntity<Map<String, Object>> body(
      String name, String message, HttpServletRequest request) {
    if (!request.getRequestURI().startsWith("/api/catalog")) {
      return problem(name, message, request);
    }
    int status = status(name);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("name", name);
    error.put("message", message);
    String uri = request.getRequestURI();
    String prefix = "/api/catalog";
    String url = uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri;
    if (request.getQueryString() != null) {
      url += "?" + request.getQueryString();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("request", Map.of("method", request.getMethod(), "url", url));
    body.put("response", Map.of("statusCode", status));
    return ResponseEntity.status(HttpStatus.valueOf(status))
        .contentType(MediaType.APPLICATION_JSON)
        .body(body);
  }

  /** RFC 9457 problem details for the same errors outside the Backstage-compatible API. */
  private static ResponseEntity<Map<String, Object>> problem(
      String name, String message, HttpServletRequest request) {
    int status = status(name);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", HttpStatus.valueOf(status).getReasonPhrase());
    body.put("status", status);
    body.put("detail", message);
    body.put("instance", request.getRequestURI());
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  private static int status(String name) {
    return switch (name) {
      case "InputError" -> 400;
      case "AuthenticationError" -> 401;
      case "NotAllowedError" -> 403;
      case "NotFoundError" -> 404;
      case "ConflictError" -> 409;
      case "NotModifiedError" -> 304;
      case "NotImplementedError" -> 501;
      case "ServiceUnavailableError" -> 503;
      default -> 500;
    };
  }
}
